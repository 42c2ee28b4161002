// Evidence in the window (issue 17), offscreen with the fake engine and the real gazetteer: a
// constraint re-renders the list, panel and map without running the model again and can be
// cleared; photos analysed later get it too; three photos grouped into a site show one fused
// posterior; areas drawn reach the map; sites and the constraint are kept in the project (written
// by the worker), listed and shown again after reopening, renamed, deleted and undone, follow
// removed photos, and reach the exports.
#include "WindowTestUtil.h"
#include "core/analysis/GeoAnalyzer.h"
#include "core/analysis/SiteFusion.h"
#include "core/export/Exporter.h"
#include "ui/EvidenceController.h"
#include "ui/EvidencePanel.h"
#include "ui/SelectionPresenter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QUndoStack>

using namespace streetlens;
using namespace streetlens::test;

class TestEvidenceUi : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  WindowFixture fx_;

  static void setCountries(ui::MainWindow &w, const QString &codes) {
    auto edits = w.evidencePanel()->findChildren<QLineEdit *>();
    edits[0]->setText(codes);
    Q_EMIT edits[0]->editingFinished();
  }
  // The name of the first site the project file keeps ("(none)" without sites).
  static QString siteNameInProject(const QString &path) {
    QString err;
    auto reader = store::ProjectStore::open(path, &err);
    const auto sites = reader ? reader->sites() : std::vector<store::StoredSite>{};
    return sites.empty() ? QStringLiteral("(none)") : sites.front().name;
  }
  static bool waitApplied(ui::MainWindow &w, QSignalSpy &spy, int count) {
    return QTest::qWaitFor([&] { return spy.size() >= count && !w.evidence()->isApplying(); }, 30000);
  }

private Q_SLOTS:
  void initTestCase() {
    fx_.dir = tmp_.path();
    store::ProjectStore::forbidWritesOnThread(QThread::currentThread());
  }
  void init() { fx_.newSettings(); }

  void constraintWithoutReanalysis_data() {
    QTest::addColumn<QString>("codes");
    QTest::newRow("one country") << "FR";
    QTest::newRow("two countries") << "BR, AR";
  }
  void constraintWithoutReanalysis() {
    QFETCH(QString, codes);
    auto w = fx_.makeWindow(fakeFactory());
    QVERIFY(waitReady(*w));
    QVERIFY(analyse(*w, writePhotos(tmp_.filePath("a"), "p", 3, 11)));
    const int analysed = w->analysis()->done();
    std::vector<ImageResult> before;
    for (const auto &row : w->imageModel()->rows())
      before.push_back(*row.result);
    QSignalSpy applied(w->evidence(), &ui::EvidenceController::applied);
    setCountries(*w, codes);
    QVERIFY(waitApplied(*w, applied, 1));
    const QStringList allowed = codes.split(", ");
    for (size_t i = 0; i < before.size(); ++i) {
      const ui::ImageRow &row = w->imageModel()->row(int(i));
      QVERIFY(row.modelResult);
      QCOMPARE(row.modelResult->countries.front().code, before[i].countries.front().code);
      QVERIFY(row.result->constraintMass);
      if (row.result->constraintEmpty)
        continue;
      for (const auto &c : row.result->countries)
        QVERIFY2(allowed.contains(c.code), qPrintable(c.code));
      double sum = 0;
      for (const auto &c : row.result->countries)
        sum += c.probability;
      QVERIFY(std::abs(sum - 1.0) < 1e-6);
    }
    QCOMPARE(w->analysis()->done(), analysed); // the model did not run again
    // The map shows the constrained answer of the photo selected.
    w->imageList()->selectRow(0);
    QTRY_COMPARE(int(w->mapView()->results().size()), 1);
    QVERIFY(w->mapView()->results().front().constraintMass.has_value());
    QVERIFY(syncProblem(*w).isEmpty());
    // A photo analysed now gets the constraint at once.
    QVERIFY(analyse(*w, writePhotos(tmp_.filePath("b"), "q", 1, 40)));
    QVERIFY(w->imageModel()->row(3).result->constraintMass.has_value());
    // Cleared: the model's own answers again.
    w->evidencePanel()->clearAll();
    QVERIFY(waitApplied(*w, applied, 2));
    for (size_t i = 0; i < before.size(); ++i) {
      const ui::ImageRow &row = w->imageModel()->row(int(i));
      QVERIFY(!row.modelResult);
      QVERIFY(!row.result->constraintMass);
      QCOMPARE(row.result->countries.front().code, before[i].countries.front().code);
      QCOMPARE(row.result->countries.front().probability, before[i].countries.front().probability);
    }
  }

  void groupIntoSite() {
    auto w = fx_.makeWindow(fakeFactory());
    QVERIFY(waitReady(*w));
    QVERIFY(analyse(*w, writePhotos(tmp_.filePath("s"), "s", 3, 70)));
    w->imageList()->selectAll();
    QTRY_COMPARE(int(w->mapView()->results().size()), 3);
    Q_EMIT w->evidencePanel()->groupRequested(QStringLiteral("Main street"));
    const ImageResult &site = w->evidence()->lastSite();
    QCOMPARE(site.status, ImageStatus::Done);
    QCOMPARE(site.path, QStringLiteral("Main street"));
    QCOMPARE(int(site.confidenceRegions.size()), 3);
    QTRY_COMPARE(int(w->mapView()->results().size()), 1);
    QCOMPARE(w->mapView()->results().front().path, QStringLiteral("Main street"));
    // One photo selected is not a site.
    w->imageList()->selectRow(0);
    QSignalSpy msg(w->evidence(), &ui::EvidenceController::message);
    Q_EMIT w->evidencePanel()->groupRequested(QStringLiteral("x"));
    QCOMPARE(msg.size(), 1);
    QVERIFY(msg.at(0).at(0).toString().contains("two or more"));
  }

  void sitesKeptInProject() {
    const QString saved = tmp_.filePath(QStringLiteral("sites.streetlens"));
    QStringList shas;
    QString dropped;
    {
      auto w = fx_.makeWindow(fakeFactory());
      QVERIFY(waitReady(*w));
      QVERIFY(analyse(*w, writePhotos(tmp_.filePath("k"), "k", 4, 90)));
      // A constraint: the top country of the first photo is excluded.
      dropped = w->imageModel()->row(0).result->countries.front().code;
      QSignalSpy applied(w->evidence(), &ui::EvidenceController::applied);
      auto edits = w->evidencePanel()->findChildren<QLineEdit *>();
      edits[1]->setText(dropped);
      Q_EMIT edits[1]->editingFinished();
      QVERIFY(waitApplied(*w, applied, 1));
      // Three of the four photos grouped.
      auto *sel = w->imageList()->selectionModel();
      for (int r = 0; r < 3; ++r) {
        sel->select(w->imageModel()->index(r, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        shas << w->imageModel()->row(r).sha256;
      }
      Q_EMIT w->evidencePanel()->groupRequested(QStringLiteral("Main street"));
      QCOMPARE(int(w->evidence()->sites().size()), 1);
      QCOMPARE(w->evidence()->sites()[0].members, shas);
      QCOMPARE(w->evidencePanel()->siteCount(), 1);
      QCOMPARE(w->evidencePanel()->selectedSite(), 0);
      QTRY_COMPARE(w->mapView()->results().front().path, QStringLiteral("Main street"));
      QSignalSpy opened(w.get(), &ui::MainWindow::projectOpened);
      w->saveProjectAs(saved);
      QVERIFY(opened.wait(30000));
    }
    // The worker wrote both records.
    {
      QString err;
      auto reader = store::ProjectStore::open(saved, &err);
      QVERIFY2(reader, qPrintable(err));
      QCOMPARE(int(reader->sites().size()), 1);
      QCOMPARE(reader->sites()[0].name, QStringLiteral("Main street"));
      QCOMPARE(reader->sites()[0].members, shas);
      QVERIFY(reader->constraint());
      QCOMPARE(reader->constraint()->excludeCountries, QStringList{dropped});
    }
    QCOMPARE(store::ProjectStore::forbiddenWriteCount(), 0);

    // Reopened in a new window: the constraint is back in the panel and applied, the site listed.
    fx_.newSettings();
    auto w = fx_.makeWindow(fakeFactory());
    QVERIFY(waitReady(*w));
    QSignalSpy applied(w->evidence(), &ui::EvidenceController::applied);
    w->openProject(saved);
    QCOMPARE(w->imageModel()->rowCount(), 4);
    QCOMPARE(w->evidencePanel()->constraint().excludeCountries, QStringList{dropped});
    QCOMPARE(w->evidencePanel()->findChildren<QLineEdit *>()[1]->text(), dropped);
    QVERIFY(waitApplied(*w, applied, 1));
    QVERIFY(w->imageModel()->row(0).result->constraintMass.has_value());
    QCOMPARE(w->evidencePanel()->siteCount(), 1);
    auto *siteList = w->evidencePanel()->findChild<QListWidget *>(QStringLiteral("evidenceSites"));
    QVERIFY(siteList);
    QVERIFY2(siteList->item(0)->text().contains(QStringLiteral("Main street")),
             qPrintable(siteList->item(0)->text()));
    QVERIFY(siteList->item(0)->text().contains(QStringLiteral("3 photo")));

    // Selected: its fused answer in the panel and on the map, equal to fusing the shown members,
    // and without the excluded country.
    w->evidencePanel()->selectSite(0);
    QCOMPARE(int(w->mapView()->results().size()), 1);
    const ImageResult site = w->mapView()->results().front();
    QCOMPARE(site.path, QStringLiteral("Main street"));
    std::vector<ImageResult> members;
    for (int r = 0; r < 3; ++r)
      members.push_back(*w->imageModel()->row(r).result);
    std::vector<const ImageResult *> ptrs;
    for (const ImageResult &m : members)
      ptrs.push_back(&m);
    PosteriorOptions o = GeoAnalyzer::posteriorOptionsFor(AnalysisSettings{});
    const SiteResult expect =
        fuseSite(QStringLiteral("Main street"), ptrs, w->analysis()->gazetteer().get(), o);
    QCOMPARE(site.countries.size(), expect.posterior.countries.size());
    for (size_t i = 0; i < site.countries.size(); ++i) {
      QCOMPARE(site.countries[i].code, expect.posterior.countries[i].code);
      QVERIFY(std::abs(site.countries[i].probability - expect.posterior.countries[i].probability) < 1e-9);
      QVERIFY(site.countries[i].code != dropped);
    }
    QVERIFY(!w->resultsPanel()->estimateText().isEmpty());

    // Exports carry the site.
    const QString json = tmp_.filePath(QStringLiteral("sites-export.json"));
    QSignalSpy exported(w.get(), &ui::MainWindow::exportFinished);
    QVERIFY(w->exportTo(exporting::ExportFormat::Json, json, {}, false));
    QVERIFY(exported.wait(30000));
    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonArray sites = QJsonDocument::fromJson(f.readAll()).object().value("sites").toArray();
    QCOMPARE(sites.size(), 1);
    QCOMPARE(sites[0].toObject().value("name").toString(), QStringLiteral("Main street"));
    QCOMPARE(sites[0].toObject().value("members").toArray().size(), 3);

    // Renamed (the name typed in the field), then undone.
    auto *nameField = w->evidencePanel()->findChildren<QLineEdit *>().last();
    nameField->setText(QStringLiteral("Harbour"));
    QPushButton *rename = nullptr, *remove = nullptr;
    for (QPushButton *b : w->evidencePanel()->findChildren<QPushButton *>()) {
      if (b->text() == QStringLiteral("Rename"))
        rename = b;
      if (b->text() == QStringLiteral("Delete site"))
        remove = b;
    }
    QVERIFY(rename && remove);
    rename->click();
    QCOMPARE(w->evidence()->sites()[0].name, QStringLiteral("Harbour"));
    QVERIFY(siteList->item(0)->text().contains(QStringLiteral("Harbour")));
    QTRY_VERIFY(siteNameInProject(saved) == QStringLiteral("Harbour"));
    w->undoStack()->undo();
    QCOMPARE(w->evidence()->sites()[0].name, QStringLiteral("Main street"));

    // A member removed from the project: the site fuses the two left.
    QTRY_VERIFY(w->evidence()->siteResults().size() == 1);
    w->imageList()->clearSelection();
    w->imageList()->selectRow(0);
    w->removeAction()->trigger();
    QMessageBox *box = messageBox(w.get(), QStringLiteral("analysed photo"));
    QVERIFY(box);
    for (QAbstractButton *b : box->buttons())
      if (box->buttonRole(b) == QMessageBox::DestructiveRole)
        b->click();
    QCOMPARE(w->imageModel()->rowCount(), 3);
    QTRY_COMPARE(int(w->evidence()->siteResults()[0].members.size()), 2);
    QTRY_VERIFY(siteList->item(0)->text().contains(QStringLiteral("2 photo")));
    QCOMPARE(w->evidence()->sites()[0].members.size(), 3); // kept: an undo brings the photo back

    // Deleted, then undone (the removal's undo is older, so this undo is the delete's).
    w->evidencePanel()->selectSite(0);
    remove->click();
    QVERIFY(w->evidence()->sites().empty());
    QCOMPARE(w->evidencePanel()->siteCount(), 0);
    QTRY_VERIFY(siteNameInProject(saved) == QStringLiteral("(none)"));
    w->undoStack()->undo();
    QCOMPARE(int(w->evidence()->sites().size()), 1);
    QCOMPARE(w->evidencePanel()->siteCount(), 1);
    QCOMPARE(store::ProjectStore::forbiddenWriteCount(), 0);
  }

  void drawnAreaReachesMap() {
    auto w = fx_.makeWindow(fakeFactory());
    QVERIFY(waitReady(*w));
    w->evidencePanel()->addDrawnArea({{40, -5}, {40, 10}, {52, 10}, {52, -5}}, false);
    const ui::MapScene scene = w->mapView()->scene();
    QVERIFY(scene.areas);
    QCOMPARE(scene.areas->keep.size(), 1);
    QVERIFY(scene.has(ui::MapLayer::Constraint));
  }
};

QTEST_MAIN(TestEvidenceUi)
#include "tst_evidenceui.moc"
