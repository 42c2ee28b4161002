// The analyst's assessment and the list's tools (issue 18, "what they missed"): a verdict, a
// note and a ground-truth pin per photo — typed or dropped on the map — kept in the project (a
// reopened project has them), drawn on the map and written by the exports; and the list's search,
// "Show" choice and column sorting, with the panel following the row selected in the sorted or
// filtered list. Offscreen platform, FakeEngine, a real MapView.
#include "WindowTestUtil.h"
#include "core/export/Csv.h"
#include "tests/support/IndependentGeo.h"
#include "ui/AnnotationPanel.h"
#include "ui/ImageListFilter.h"
#include "ui/map/MapOverlay.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QUndoStack>
#include <cmath>

using namespace streetlens;
using namespace streetlens::ui;
using namespace streetlens::test;

namespace {

QPushButton *button(QWidget *parent, const QString &text) {
  for (QPushButton *b : parent->findChildren<QPushButton *>())
    if (b->text() == text)
      return b;
  return nullptr;
}

int truthMarkers(const MapView *map) {
  const MapScene scene = map->scene();
  if (!scene.markers)
    return 0;
  return int(std::count_if(scene.markers->markers.begin(), scene.markers->markers.end(),
                           [](const MapMarker &m) { return m.kind == MapMarker::Kind::Truth; }));
}

} // namespace

class TestAnnotations : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase() {
    QVERIFY(m_dir.isValid());
    m_fx.dir = m_dir.path();
    store::ProjectStore::forbidWritesOnThread(QThread::currentThread());
  }
  void init() { m_fx.newSettings(); }
  void cleanup() { QCOMPARE(store::ProjectStore::forbiddenWriteCount(), 0); }

  void keptReopenedAndExported() {
    auto w = m_fx.makeWindow(fakeFactory());
    QVERIFY(waitReady(*w));
    QVERIFY(analyse(*w, writePhotos(m_dir.filePath(QStringLiteral("kept")), QStringLiteral("k"), 3, 700)));
    ImageListModel *m = w->imageModel();
    w->imageList()->selectRow(1);
    AnnotationPanel *panel = w->annotationPanel();
    QCOMPARE(panel->sha256(), m->row(1).sha256);
    QVERIFY(panel->verdictBox()->isEnabled());
    panel->verdictBox()->setCurrentIndex(panel->verdictBox()->findData(int(Verdict::Rejected)));
    panel->noteEdit()->setPlainText(QStringLiteral("Kerb stones are painted: not this country.\nAsk Ana."));
    panel->flush();
    panel->pinEdit()->setText(QStringLiteral("-33.8688, 151.2093"));
    QTest::keyClick(panel->pinEdit(), Qt::Key_Return);
    const ImageRow &row = m->row(1);
    QCOMPARE(row.annotation.verdict, Verdict::Rejected);
    QCOMPARE(row.annotation.note, QStringLiteral("Kerb stones are painted: not this country.\nAsk Ana."));
    QVERIFY(row.annotation.truth);
    QCOMPARE(row.annotation.truth->lat, -33.8688);
    QCOMPARE(row.annotation.truth->lon, 151.2093);
    // The list's verdict column, the panel's distance line and the map's pin.
    QVERIFY(
        m->index(1, ImageListModel::VerdictColumn).data().toString().startsWith(QStringLiteral("rejected")));
    const double km = cosineLawKm(*row.result->estimate, *row.annotation.truth);
    QVERIFY2(panel->pinText().contains(QLocale().toString(km, 'f', km < 10 ? 1 : 0)),
             qPrintable(panel->pinText()));
    QCOMPARE(truthMarkers(w->mapView()), 1);
    // A malformed pin is refused with a message and changes nothing.
    panel->pinEdit()->setText(QStringLiteral("91, 0"));
    QTest::keyClick(panel->pinEdit(), Qt::Key_Return);
    QVERIFY(panel->pinText().contains(QStringLiteral("91, 0")));
    QCOMPARE(m->row(1).annotation.truth->lat, -33.8688);

    // The CSV export carries it, for that photo only.
    const QString csv = m_dir.filePath(QStringLiteral("kept.csv"));
    QSignalSpy exported(w.get(), &MainWindow::exportFinished);
    QVERIFY(w->exportTo(exporting::ExportFormat::Csv, csv, {}, false));
    QVERIFY(exported.wait(30000));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QString err;
    const QList<QStringList> rows = exporting::parseCsv(f.readAll(), &err);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    const int verdictCol = int(rows[0].indexOf(QStringLiteral("verdict")));
    const int pathCol = int(rows[0].indexOf(QStringLiteral("path")));
    const int kmCol = int(rows[0].indexOf(QStringLiteral("truth_error_km")));
    int annotated = 0;
    for (int i = 1; i < rows.size(); ++i) {
      if (rows[i][verdictCol].isEmpty())
        continue;
      ++annotated;
      QCOMPARE(rows[i][pathCol], row.path);
      QCOMPARE(rows[i][verdictCol], QStringLiteral("rejected"));
      QVERIFY(std::abs(rows[i][kmCol].toDouble() - km) < 1e-6 * km);
    }
    QCOMPARE(annotated, 1);

    // Saved and reopened (the worker wrote it; the GUI thread wrote nothing): all of it is back.
    const QString saved = m_dir.filePath(QStringLiteral("kept.streetlens"));
    QSignalSpy opened(w.get(), &MainWindow::projectOpened);
    w->saveProjectAs(saved);
    QVERIFY(opened.wait(30000));
    const QString sha = row.sha256;
    const Annotation before = row.annotation;
    w.reset();
    m_fx.newSettings();
    auto again = m_fx.makeWindow(fakeFactory());
    again->openProject(saved);
    QTRY_COMPARE(again->imageModel()->rowCount(), 3);
    const int r = again->imageModel()->rowOfSha(sha);
    QVERIFY(r >= 0);
    QVERIFY(again->imageModel()->row(r).annotation == before);
    again->imageList()->selectRow(r);
    QCOMPARE(again->annotationPanel()->noteEdit()->toPlainText(), before.note);
    QCOMPARE(Verdict(again->annotationPanel()->verdictBox()->currentData().toInt()), Verdict::Rejected);
    QCOMPARE(truthMarkers(again->mapView()), 1);
  }

  void pinDroppedOnTheMap() {
    auto w = m_fx.makeWindow(fakeFactory());
    QVERIFY(waitReady(*w));
    QVERIFY(analyse(*w, writePhotos(m_dir.filePath(QStringLiteral("pin")), QStringLiteral("p"), 2, 720)));
    w->imageList()->selectRow(0);
    MapView *map = w->mapView();
    QTRY_VERIFY(map->width() > 100);
    button(w->annotationPanel(), QStringLiteral("Pin on map"))->click();
    QVERIFY(map->isPickingPoint());
    const QPoint at(map->width() / 3, map->height() / 2);
    const geo::GeoPoint expected = map->viewport().pixelToGeo(QPointF(at));
    QWidget *overlay = map->childAt(at);
    QVERIFY(overlay);
    QTest::mouseClick(overlay, Qt::LeftButton, Qt::NoModifier, overlay->mapFrom(map, at));
    QVERIFY(!map->isPickingPoint());
    const ImageRow &row = w->imageModel()->row(0);
    QVERIFY(row.annotation.truth);
    QCOMPARE(row.annotation.truth->lat, expected.lat);
    QCOMPARE(row.annotation.truth->lon, expected.lon);
    QCOMPARE(truthMarkers(map), 1);
    // Esc cancels a second pick and keeps the first pin; Remove pin removes it.
    button(w->annotationPanel(), QStringLiteral("Pin on map"))->click();
    QTest::keyClick(map->focusWidget() ? map->focusWidget() : map, Qt::Key_Escape);
    QVERIFY(!map->isPickingPoint());
    QCOMPARE(w->imageModel()->row(0).annotation.truth->lat, expected.lat);
    button(w->annotationPanel(), QStringLiteral("Remove pin"))->click();
    QVERIFY(!w->imageModel()->row(0).annotation.truth);
    QCOMPARE(truthMarkers(map), 0);
  }

  void filterAndSearch_data() {
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("show");
    QTest::addColumn<QString>("expected"); // model rows shown, comma separated
    QTest::newRow("everything") << QString() << int(ImageListFilter::Show::All) << "0,1,2,3";
    QTest::newRow("a file name, any case") << "F2.PNG" << int(ImageListFilter::Show::All) << "2";
    QTest::newRow("the folder") << "search-folder" << int(ImageListFilter::Show::All) << "0,1,2,3";
    QTest::newRow("a word of a note") << "bakery" << int(ImageListFilter::Show::All) << "1";
    QTest::newRow("two words, both needed") << "bakery f3" << int(ImageListFilter::Show::All) << "";
    QTest::newRow("confirmed by me") << QString() << int(ImageListFilter::Show::Confirmed) << "1";
    QTest::newRow("rejected by me") << QString() << int(ImageListFilter::Show::Rejected) << "3";
    QTest::newRow("not reviewed yet") << QString() << int(ImageListFilter::Show::NotReviewed) << "0,2";
    QTest::newRow("analysed") << QString() << int(ImageListFilter::Show::Analysed) << "0,1,2,3";
    QTest::newRow("failed") << QString() << int(ImageListFilter::Show::Failed) << "";
    QTest::newRow("search within a choice") << "f" << int(ImageListFilter::Show::Rejected) << "3";
  }

  void filterAndSearch() {
    QFETCH(QString, search);
    QFETCH(int, show);
    QFETCH(QString, expected);
    auto w = m_fx.makeWindow(fakeFactory());
    QVERIFY(waitReady(*w));
    QVERIFY(analyse(
        *w, writePhotos(m_dir.filePath(QStringLiteral("search-folder")), QStringLiteral("f"), 4, 740)));
    ImageListModel *m = w->imageModel();
    Annotation bakery;
    bakery.verdict = Verdict::Confirmed;
    bakery.note = QStringLiteral("The Bakery sign matches.");
    Annotation rejected;
    rejected.verdict = Verdict::Rejected;
    w->imageList()->selectRow(1);
    Q_EMIT w->annotationPanel()->edited(m->row(1).sha256, bakery);
    Q_EMIT w->annotationPanel()->edited(m->row(3).sha256, rejected);
    w->searchBox()->setText(search);
    w->showBox()->setCurrentIndex(w->showBox()->findData(show));
    const QAbstractItemModel *shown = w->imageList()->model();
    QStringList rows;
    for (int i = 0; i < shown->rowCount(); ++i)
      rows << QString::number(m->rowOfSha(shown->index(i, 0).data(ImageListModel::ShaRole).toString()));
    QCOMPARE(rows.join(QLatin1Char(',')), expected);
    // The panel follows the row selected in the filtered list.
    if (shown->rowCount() > 0) {
      w->imageList()->selectRow(shown->rowCount() - 1);
      const int modelRow = rows.last().toInt();
      QCOMPARE(w->annotationPanel()->sha256(), m->row(modelRow).sha256);
      QCOMPARE(w->photoView()->currentPath(), m->row(modelRow).path);
      QCOMPARE(w->mapView()->results().size(), size_t(1));
      QCOMPARE(w->mapView()->results().front().sha256, m->row(modelRow).sha256);
    }
  }

  void sortByColumn() {
    auto w = m_fx.makeWindow(fakeFactory());
    QVERIFY(waitReady(*w));
    QVERIFY(analyse(*w, writePhotos(m_dir.filePath(QStringLiteral("sort")), QStringLiteral("s"), 5, 760)));
    ImageListModel *m = w->imageModel();
    const QAbstractItemModel *shown = w->imageList()->model();
    auto order = [&] {
      QList<int> rows;
      for (int i = 0; i < shown->rowCount(); ++i)
        rows << m->rowOfSha(shown->index(i, 0).data(ImageListModel::ShaRole).toString());
      return rows;
    };
    QCOMPARE(order(), (QList<int>{0, 1, 2, 3, 4})); // as added until a column is clicked
    w->imageList()->sortByColumn(ImageListModel::CountryColumn, Qt::DescendingOrder);
    const QList<int> byCountry = order();
    for (int i = 1; i < byCountry.size(); ++i)
      QVERIFY(m->row(byCountry[i - 1]).result->countries.front().probability >=
              m->row(byCountry[i]).result->countries.front().probability);
    w->imageList()->sortByColumn(ImageListModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(order(), (QList<int>{4, 3, 2, 1, 0}));
    // The panel shows the photo of the row selected in the sorted list.
    w->imageList()->selectRow(0);
    QCOMPARE(w->photoView()->currentPath(), m->row(4).path);
    w->imageList()->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    QCOMPARE(order(), (QList<int>{0, 1, 2, 3, 4}));
  }

  void removalAndUndoKeepTheAnnotation() {
    auto w = m_fx.makeWindow(fakeFactory());
    QVERIFY(waitReady(*w));
    QVERIFY(analyse(*w, writePhotos(m_dir.filePath(QStringLiteral("undo")), QStringLiteral("u"), 2, 780)));
    ImageListModel *m = w->imageModel();
    const QString sha = m->row(0).sha256;
    Annotation a;
    a.verdict = Verdict::Unsure;
    a.truth = geo::GeoPoint{10.5, -66.9};
    w->imageList()->selectRow(0);
    Q_EMIT w->annotationPanel()->edited(sha, a);
    auto storedAnnotation = [&] {
      QString err;
      auto s = store::ProjectStore::open(w->projectPath(), &err);
      return s ? s->annotations().value(sha) : Annotation{};
    };
    QTRY_VERIFY(storedAnnotation() == a);
    w->removeAction()->trigger();
    QMessageBox *box = messageBox(w.get(), QStringLiteral("analysed photo"));
    QVERIFY(box);
    for (QAbstractButton *b : box->buttons())
      if (box->buttonRole(b) == QMessageBox::DestructiveRole)
        b->click();
    QTRY_COMPARE(m->rowCount(), 1);
    QTRY_VERIFY(storedAnnotation().isEmpty());
    w->undoStack()->undo();
    QTRY_COMPARE(m->rowCount(), 2);
    QVERIFY(m->row(m->rowOfSha(sha)).annotation == a);
    QTRY_VERIFY(storedAnnotation() == a);
  }

private:
  QTemporaryDir m_dir;
  WindowFixture m_fx;
};

QTEST_MAIN(TestAnnotations)
#include "tst_annotations.moc"
