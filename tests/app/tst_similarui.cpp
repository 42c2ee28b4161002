// The "Similar" tab (issue 21), offscreen with the fake engine: for the photo shown, the other
// photos of the project ranked by the cosine of their kept embeddings (computed here from the
// project file), thumbnails and scores; it follows the selection and says when a photo has no
// result yet.
#include "WindowTestUtil.h"
#include "ui/SelectionPresenter.h"
#include "ui/SimilarPhotosPanel.h"

#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <cmath>

using namespace streetlens;
using namespace streetlens::test;

class TestSimilarUi : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  WindowFixture fx_;

private Q_SLOTS:
  void initTestCase() {
    fx_.dir = tmp_.path();
    store::ProjectStore::forbidWritesOnThread(QThread::currentThread());
  }
  void init() { fx_.newSettings(); }

  void rankedLikeTheProjectsEmbeddings_data() {
    QTest::addColumn<int>("photos");
    QTest::addColumn<int>("focus");
    QTest::newRow("first of four") << 4 << 0;
    QTest::newRow("last of six") << 6 << 5;
  }
  void rankedLikeTheProjectsEmbeddings() {
    QFETCH(int, photos);
    QFETCH(int, focus);
    auto w = fx_.makeWindow(fakeFactory());
    QVERIFY(waitReady(*w));
    QVERIFY(analyse(*w, writePhotos(tmp_.filePath(QStringLiteral("s%1").arg(photos)), "p", photos, 3)));
    ui::SimilarPhotosPanel *panel = w->similarPanel();
    QVERIFY(panel);
    QSignalSpy searched(panel, &ui::SimilarPhotosPanel::searched);
    QTableView *list = w->imageList();
    list->selectRow(focus);
    QVERIFY(QTest::qWaitFor([&] { return !searched.isEmpty() && !panel->isSearching(); }, 30000));
    QListWidget *results = panel->results();
    QCOMPARE(results->count(), photos - 1);

    // The ranking from the project file itself, in float64.
    QString err;
    auto reader = store::ProjectStore::open(w->projectPath(), &err);
    QVERIFY2(reader, qPrintable(err));
    const QString model = reader->modelRecord()->sha256;
    const QString querySha = w->imageModel()->row(focus).sha256;
    const auto q = reader->imageEmbedding(querySha, model);
    QVERIFY(q);
    std::vector<std::pair<double, QString>> ranking;
    for (const auto &e : reader->imageEmbeddings(model)) {
      if (e.sha256 == querySha)
        continue;
      double dot = 0, qn = 0, en = 0;
      for (size_t d = 0; d < e.values.size(); ++d) {
        dot += double((*q)[d]) * e.values[d];
        qn += double((*q)[d]) * (*q)[d];
        en += double(e.values[d]) * e.values[d];
      }
      ranking.push_back({dot / std::sqrt(qn * en), e.sha256});
    }
    std::sort(ranking.begin(), ranking.end(), [](auto a, auto b) { return a.first > b.first; });
    for (int i = 0; i < results->count(); ++i) {
      const QListWidgetItem *item = results->item(i);
      QVERIFY(std::abs(item->data(Qt::UserRole + 2).toDouble() - ranking[size_t(i)].first) < 1e-9);
      if (item->data(Qt::UserRole).toString() != ranking[size_t(i)].second) // only ties may swap
        QVERIFY(i + 1 < int(ranking.size()) &&
                std::abs(ranking[size_t(i)].first - ranking[size_t(i) + 1].first) < 1e-9);
      QVERIFY(!item->icon().isNull()); // the project's thumbnail
      QVERIFY(item->text().contains(QLocale().toString(ranking[size_t(i)].first, 'f', 3)));
    }
    // It follows the selection.
    searched.clear();
    list->selectRow(focus == 0 ? 1 : 0);
    QVERIFY(QTest::qWaitFor([&] { return !searched.isEmpty() && !panel->isSearching(); }, 30000));
    QCOMPARE(results->count(), photos - 1);
    for (int i = 0; i < results->count(); ++i)
      QVERIFY(results->item(i)->data(Qt::UserRole).toString() !=
              w->imageModel()->row(focus == 0 ? 1 : 0).sha256);
    QCOMPARE(store::ProjectStore::forbiddenWriteCount(), 0);
  }

  // A photo analysed after the search (a lossless copy of the one shown) tops the list by itself.
  void laterPhotosJoinTheList() {
    auto w = fx_.makeWindow(fakeFactory());
    QVERIFY(waitReady(*w));
    const QString dir = tmp_.filePath(QStringLiteral("later"));
    const QStringList files = writePhotos(dir, "p", 3, 41);
    QVERIFY(analyse(*w, files));
    w->imageList()->selectRow(0);
    ui::SimilarPhotosPanel *panel = w->similarPanel();
    QVERIFY(QTest::qWaitFor([&] { return panel->results()->count() == 2 && !panel->isSearching(); }, 30000));
    QVERIFY(QImage(files[0]).save(dir + "/p0-copy.bmp"));
    w->addPaths({dir + "/p0-copy.bmp"});
    QVERIFY(QTest::qWaitFor(
        [&] {
          return panel->results()->count() == 3 && !panel->isSearching() &&
                 panel->results()->item(0)->toolTip().endsWith(QLatin1String("p0-copy.bmp"));
        },
        30000));
    QVERIFY(std::abs(panel->results()->item(0)->data(Qt::UserRole + 2).toDouble() - 1.0) < 1e-9);
  }

  // Copies with other bytes and the same pixels (BMP, PNG at another compression) are grouped with
  // their originals; choosing a group selects its photos; "Make a site" makes it a site.
  void nearDuplicateGroupsBecomeSites() {
    auto w = fx_.makeWindow(fakeFactory());
    QVERIFY(waitReady(*w));
    const QString dir = tmp_.filePath(QStringLiteral("dups"));
    QStringList files = writePhotos(dir, "p", 4, 21);
    QVERIFY(QImage(files[1]).save(dir + "/p1-copy.bmp"));
    QVERIFY(QImage(files[2]).save(dir + "/p2-copy.png", "PNG", 0));
    files << dir + "/p1-copy.bmp" << dir + "/p2-copy.png";
    QVERIFY(analyse(*w, files));
    w->imageList()->selectRow(0);
    ui::SimilarPhotosPanel *panel = w->similarPanel();
    QVERIFY(QTest::qWaitFor([&] { return panel->results()->count() > 0 && !panel->isSearching(); }, 30000));
    QSignalSpy found(panel, &ui::SimilarPhotosPanel::duplicatesFound);
    panel->findDuplicates();
    QVERIFY(found.wait(30000));
    QListWidget *groups = panel->duplicateGroups();
    QCOMPARE(groups->count(), 2);
    auto namesOf = [&](int g) {
      QStringList names;
      for (const QString &sha : groups->item(g)->data(Qt::UserRole).toStringList())
        for (const auto &row : w->imageModel()->rows())
          if (row.sha256 == sha)
            names << QFileInfo(row.path).fileName();
      names.sort();
      return names;
    };
    QCOMPARE(namesOf(0), (QStringList{"p1-copy.bmp", "p1.png"}));
    QCOMPARE(namesOf(1), (QStringList{"p2-copy.png", "p2.png"}));
    // A copy analysed after the grouping joins its group without pressing the button again.
    QVERIFY(QImage(files[3]).save(dir + "/p3-copy.bmp"));
    w->addPaths({dir + "/p3-copy.bmp"});
    QVERIFY(found.wait(30000));
    QVERIFY(QTest::qWaitFor([&] { return groups->count() == 3; }, 30000));
    QCOMPARE(namesOf(2), (QStringList{"p3-copy.bmp", "p3.png"}));
    QVERIFY(w->imageModel()->hasDuplicateGroups());
    groups->setCurrentRow(1);
    QCOMPARE(w->imageList()->selectionModel()->selectedRows().size(), 2);
    QPushButton *make = nullptr; // by its text: the panel has other buttons (Browse…, Case folder…, Group)
    for (QPushButton *b : panel->findChildren<QPushButton *>())
      if (b->text() == QStringLiteral("Make a site"))
        make = b;
    QVERIFY(make);
    make->click();
    QVERIFY(QTest::qWaitFor(
        [&] {
          QString err;
          auto reader = store::ProjectStore::open(w->projectPath(), &err);
          return reader && reader->sites().size() == 1 && reader->sites().front().members.size() == 2;
        },
        30000));
    QCOMPARE(store::ProjectStore::forbiddenWriteCount(), 0);
  }
};

QTEST_MAIN(TestSimilarUi)
#include "tst_similarui.moc"
