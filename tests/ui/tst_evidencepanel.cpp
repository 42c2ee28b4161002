// The evidence panel and the map's area drawing (issue 17), offscreen: country fields, GeoJSON
// areas (good and bad files), circles, removal, and a polygon drawn with clicks on a MapView.
#include "MapTestData.h"
#include "ui/EvidencePanel.h"
#include "ui/map/AreaDrawOverlay.h"
#include "ui/map/MapView.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace streetlens;
using namespace streetlens::ui;

class TestEvidencePanel : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;

  QString write(const QString &name, const QByteArray &text) {
    QFile f(tmp_.filePath(name));
    f.open(QIODevice::WriteOnly);
    f.write(text);
    return f.fileName();
  }

private Q_SLOTS:
  void countryFields_data() {
    QTest::addColumn<QString>("keep");
    QTest::addColumn<QString>("drop");
    QTest::addColumn<QStringList>("countries");
    QTest::addColumn<QStringList>("excluded");
    QTest::addColumn<QString>("error");
    QTest::newRow("keep two") << "fr, de"
                              << "" << QStringList{"FR", "DE"} << QStringList{} << "";
    QTest::newRow("exclude one") << ""
                                 << "RU" << QStringList{} << QStringList{"RU"} << "";
    QTest::newRow("alpha-3 accepted") << "HUN"
                                      << "" << QStringList{"HU"} << QStringList{} << "";
    QTest::newRow("unknown code") << "FR, XX"
                                  << "" << QStringList{} << QStringList{} << "'XX'";
  }
  void countryFields() {
    QFETCH(QString, keep);
    QFETCH(QString, drop);
    QFETCH(QStringList, countries);
    QFETCH(QStringList, excluded);
    QFETCH(QString, error);
    EvidencePanel panel(test::mapGazetteer());
    QSignalSpy changed(&panel, &EvidencePanel::constraintChanged);
    auto edits = panel.findChildren<QLineEdit *>();
    QVERIFY(edits.size() >= 2);
    edits[0]->setText(keep);
    edits[1]->setText(drop);
    Q_EMIT edits[0]->editingFinished();
    QCOMPARE(panel.constraint().countries, countries);
    QCOMPARE(panel.constraint().excludeCountries, excluded);
    QCOMPARE(changed.size(), error.isEmpty() ? 1 : 0);
    QVERIFY2(error.isEmpty() ? panel.errorText().isEmpty() : panel.errorText().contains(error),
             qPrintable(panel.errorText()));
  }

  void areas() {
    EvidencePanel panel(test::mapGazetteer());
    QSignalSpy changed(&panel, &EvidencePanel::constraintChanged);
    const QString bad = write("point.geojson", R"({"type":"Point","coordinates":[2,48]})");
    QVERIFY(!panel.addGeoJsonFile(bad, false));
    QVERIFY(panel.errorText().contains("point.geojson") && panel.errorText().contains("not an area"));
    const QString good = write(
        "two.geojson",
        R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,40],[10,40],[10,50],[0,50],[0,40]]]}},{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[20,40],[30,40],[30,50],[20,40]]]}}]})");
    QVERIFY(panel.addGeoJsonFile(good, false));
    QVERIFY(panel.errorText().isEmpty());
    QCOMPARE(panel.constraint().within.size(), 2);
    QVERIFY(panel.constraint().allowsPoint({45, 5}));
    QVERIFY(!panel.constraint().allowsPoint({45, 15}));
    panel.addCircle({{45, 15}, 100});
    QVERIFY(panel.constraint().allowsPoint({45, 15}));
    panel.addDrawnArea({{44, 4}, {44, 6}, {46, 6}, {46, 4}}, true); // an exclusion inside the first area
    QVERIFY(!panel.constraint().allowsPoint({45, 5}));
    QCOMPARE(panel.constraint().sources.size(), 4);
    // Listed by kind (the order a project stores them in): two within, the exclusion, the circle.
    QCOMPARE(panel.constraint().sources.at(2), QStringLiteral("Not in drawn area (4 corners)"));
    panel.removeArea(2);
    QVERIFY(panel.constraint().allowsPoint({45, 5}));
    QVERIFY(panel.constraint().allowsPoint({45, 15})); // the circle stays
    // A constraint restored from a project keeps its areas' names and admits the same points.
    EvidencePanel restored(test::mapGazetteer());
    restored.setConstraint(panel.constraint());
    QCOMPARE(restored.constraint().sources, panel.constraint().sources);
    for (const geo::GeoPoint p :
         {geo::GeoPoint{45, 5}, geo::GeoPoint{45, 15}, geo::GeoPoint{45, 25}, geo::GeoPoint{0, 0}})
      QCOMPARE(restored.constraint().allowsPoint(p), panel.constraint().allowsPoint(p));
    panel.clearAll();
    QVERIFY(panel.constraint().isEmpty());
    QCOMPARE(changed.size(), 5); // two files' areas count once per file
  }

  // Three clicks and Enter give the polygon of those pixels on the map.
  void drawOnMap() {
    MapView map;
    map.resize(600, 400);
    map.setGazetteer(test::mapGazetteer());
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    AreaDrawOverlay draw(&map);
    QSignalSpy done(&draw, &AreaDrawOverlay::finished);
    draw.start(false);
    QVERIFY(draw.isDrawing());
    const QPoint clicks[] = {{100, 100}, {300, 120}, {200, 300}};
    for (QPoint c : clicks)
      QTest::mouseClick(&draw, Qt::LeftButton, {}, c);
    QTest::keyClick(&draw, Qt::Key_Backspace); // undo the last corner and place it again
    QTest::mouseClick(&draw, Qt::LeftButton, {}, clicks[2]);
    QTest::keyClick(&draw, Qt::Key_Return);
    QCOMPARE(done.size(), 1);
    const auto ring = done.at(0).at(0).value<QVector<geo::GeoPoint>>();
    QCOMPARE(ring.size(), 3);
    for (int i = 0; i < 3; ++i) {
      const geo::GeoPoint want = map.viewport().pixelToGeo(clicks[i]);
      QVERIFY(std::abs(ring[i].lat - want.lat) < 1e-9 && std::abs(ring[i].lon - want.lon) < 1e-9);
    }
    QVERIFY(!draw.isDrawing());
    // Two corners and Enter keep drawing; Esc cancels.
    QSignalSpy cancelled(&draw, &AreaDrawOverlay::cancelled);
    draw.start(true);
    QTest::mouseClick(&draw, Qt::LeftButton, {}, QPoint(50, 50));
    QTest::keyClick(&draw, Qt::Key_Return);
    QVERIFY(draw.isDrawing());
    QTest::keyClick(&draw, Qt::Key_Escape);
    QCOMPARE(cancelled.size(), 1);
    QCOMPARE(done.size(), 1);
  }
};

QTEST_MAIN(TestEvidencePanel)
#include "tst_evidencepanel.moc"
