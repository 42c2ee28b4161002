// The reference gallery's evidence (issue 21) kept in project files and written by every data
// format: the JSON codec round trip, a project saved and reopened, CSV columns (values against an
// independent great-circle distance), GeoJSON properties and features, KML placemarks.
#include "SampleResults.h"
#include "core/analysis/GalleryJson.h"
#include "core/export/Csv.h"
#include "core/export/Exporter.h"
#include "core/export/GeoJsonExport.h"
#include "core/export/HtmlReport.h"
#include "core/export/JsonExport.h"
#include "core/export/KmlExport.h"
#include "core/export/ReportContent.h"
#include "core/store/ProjectStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace streetlens;
using namespace streetlens::test;

namespace {

// Great-circle km by the spherical law of cosines in long double (an independent formula; the
// code under test uses haversine), on the IUGG mean radius the code documents.
double referenceKm(geo::GeoPoint a, geo::GeoPoint b) {
  constexpr long double R = 6371.0088L, rad = 3.14159265358979323846264338327950288L / 180.0L;
  const long double c = std::sin(a.lat * rad) * std::sin(b.lat * rad) +
                        std::cos(a.lat * rad) * std::cos(b.lat * rad) * std::cos((b.lon - a.lon) * rad);
  return double(R * std::acos(std::clamp(c, -1.0L, 1.0L)));
}

GalleryEvidence evidence(int neighbours, bool fused, bool zeroShot) {
  GalleryEvidence g;
  g.index = QStringLiteral("/cases/lyon gallery.slidx");
  g.fused = fused;
  g.estimate = geo::GeoPoint{45.7640, 4.8357};
  g.density = 0.8125;
  for (int i = 0; i < neighbours; ++i) {
    GalleryNeighbour n;
    n.path = QStringLiteral("/cases/lyon/IMG_%1, rue \"X\".jpg").arg(100 + i);
    n.sha256 = QString(64, QLatin1Char(char('a' + i)));
    n.score = 0.93 - 0.01 * i;
    n.weight = 0.5 / (i + 1);
    n.location = geo::GeoPoint{45.7640 + 0.01 * i, 4.8357 - 0.02 * i};
    n.distanceKm = referenceKm(g.estimate, n.location);
    g.neighbours.push_back(n);
  }
  if (zeroShot) {
    g.zeroShotEstimate = geo::GeoPoint{48.85341, 2.3488};
    g.zeroShotLabel = QStringLiteral("Paris, Île-de-France, France");
  }
  return g;
}

void compareEvidence(const GalleryEvidence &a, const GalleryEvidence &b) {
  QCOMPARE(a.index, b.index);
  QCOMPARE(a.fused, b.fused);
  QCOMPARE(a.neighbours.size(), b.neighbours.size());
  if (!b.neighbours.empty()) {
    QCOMPARE(a.estimate, b.estimate);
    QCOMPARE(a.density, b.density);
  }
  QCOMPARE(a.zeroShotEstimate.has_value(), b.zeroShotEstimate.has_value());
  if (b.zeroShotEstimate) {
    QCOMPARE(*a.zeroShotEstimate, *b.zeroShotEstimate);
    QCOMPARE(a.zeroShotLabel, b.zeroShotLabel);
  }
  for (size_t i = 0; i < b.neighbours.size(); ++i) {
    QCOMPARE(a.neighbours[i].path, b.neighbours[i].path);
    QCOMPARE(a.neighbours[i].sha256, b.neighbours[i].sha256);
    QCOMPARE(a.neighbours[i].score, b.neighbours[i].score);
    QCOMPARE(a.neighbours[i].weight, b.neighbours[i].weight);
    QCOMPARE(a.neighbours[i].location, b.neighbours[i].location);
    QCOMPARE(a.neighbours[i].distanceKm, b.neighbours[i].distanceKm);
  }
}

} // namespace

class TestExportGallery : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void roundTrip_data() {
    QTest::addColumn<int>("neighbours");
    QTest::addColumn<bool>("fused");
    QTest::addColumn<bool>("zeroShot");
    QTest::newRow("fused, 5 neighbours") << 5 << true << true;
    QTest::newRow("shown only (weight 0)") << 3 << false << true;
    QTest::newRow("no zero-shot estimate") << 2 << true << false;
    QTest::newRow("no neighbour") << 0 << false << false;
  }
  // The codec, predict's JSON (resultToJson/resultFromJson) and a project file all keep it.
  void roundTrip() {
    QFETCH(int, neighbours);
    QFETCH(bool, fused);
    QFETCH(bool, zeroShot);
    const GalleryEvidence g = evidence(neighbours, fused, zeroShot);
    compareEvidence(galleryFromJson(galleryToJson(g)), g);

    QTemporaryDir dir;
    ImageResult r = sampleResults(dir.path()).front();
    r.gallery = g;
    r.settingsKey = QStringLiteral("with gallery");
    const auto viaJson = exporting::resultFromJson(exporting::resultToJson(r, {}));
    QVERIFY(viaJson && viaJson->gallery);
    compareEvidence(*viaJson->gallery, g);

    QString err;
    const QString file = dir.filePath(QStringLiteral("case.streetlens"));
    {
      auto store = store::ProjectStore::open(file, &err);
      QVERIFY2(store, qPrintable(err));
      QVERIFY2(store->saveResult(r, &err), qPrintable(err));
    }
    auto reopened = store::ProjectStore::open(file, &err);
    QVERIFY2(reopened, qPrintable(err));
    const auto row = reopened->image(r.sha256);
    QVERIFY(row && row->result && row->result->gallery);
    compareEvidence(*row->result->gallery, g);

    // Saved again without evidence (gallery switched off): the old evidence is gone.
    r.gallery.reset();
    QVERIFY2(reopened->saveResult(r, &err), qPrintable(err));
    QVERIFY(!reopened->image(r.sha256)->result->gallery);
  }

  void csvColumns_data() {
    QTest::addColumn<bool>("fused");
    QTest::newRow("fused") << true;
    QTest::newRow("not fused") << false;
  }
  void csvColumns() {
    QFETCH(bool, fused);
    QTemporaryDir dir;
    std::vector<ImageResult> results = sampleResults(dir.path());
    results[0].gallery = evidence(4, fused, true);
    const QByteArray csv = exporting::resultsToCsv(results, {});
    QString err;
    const QList<QStringList> rows = exporting::parseCsv(csv, &err);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    const QStringList header = rows.first();
    const QStringList expected{
        QStringLiteral("gallery_lat"),           QStringLiteral("gallery_lon"),
        QStringLiteral("gallery_density"),       QStringLiteral("gallery_fused"),
        QStringLiteral("gallery_zero_shot_lat"), QStringLiteral("gallery_zero_shot_lon"),
        QStringLiteral("gallery_zero_shot_km"),  QStringLiteral("gallery_neighbours"),
        QStringLiteral("gallery_nearest_path"),  QStringLiteral("gallery_nearest_score"),
        QStringLiteral("gallery_nearest_km")};
    QCOMPARE(header.mid(header.size() - expected.size()), expected);
    auto cell = [&](int row, const char *key) { return rows[row][header.indexOf(QLatin1String(key))]; };
    const GalleryEvidence &g = *results[0].gallery;
    QCOMPARE(cell(1, "gallery_lat").toDouble(), g.estimate.lat);
    QCOMPARE(cell(1, "gallery_lon").toDouble(), g.estimate.lon);
    QCOMPARE(cell(1, "gallery_density").toDouble(), g.density);
    QCOMPARE(cell(1, "gallery_fused"), fused ? QStringLiteral("true") : QStringLiteral("false"));
    QCOMPARE(cell(1, "gallery_zero_shot_lat").toDouble(), 48.85341);
    QCOMPARE(cell(1, "gallery_neighbours"), QStringLiteral("4"));
    QCOMPARE(cell(1, "gallery_nearest_path"), g.neighbours.front().path);
    QCOMPARE(cell(1, "gallery_nearest_score").toDouble(), 0.93);
    // Paris to Lyon, by an independent formula: 391.5 km.
    const double km = cell(1, "gallery_zero_shot_km").toDouble();
    QVERIFY2(std::abs(km - referenceKm(*g.zeroShotEstimate, g.estimate)) < 1e-6,
             qPrintable(QString::number(km)));
    QVERIFY(km > 390 && km < 393);
    // The other photos: empty gallery cells, same column count.
    for (int row = 2; row < rows.size(); ++row) {
      QCOMPARE(rows[row].size(), header.size());
      QVERIFY(cell(row, "gallery_lat").isEmpty());
      QVERIFY(cell(row, "gallery_nearest_path").isEmpty());
    }
    // Without any evidence the header is today's (no gallery columns).
    results[0].gallery.reset();
    const QStringList plain = exporting::parseCsv(exporting::resultsToCsv(results, {}), &err).first();
    QVERIFY(!plain.contains(QStringLiteral("gallery_lat")));
    // A streamed CSV (predict --gallery) announces them before the first result.
    exporting::ExportOptions streamed;
    streamed.galleryColumns = true;
    QVERIFY(exporting::csvHeader(streamed).contains(QStringLiteral("gallery_nearest_km")));
  }

  void geojsonAndKml() {
    QTemporaryDir dir;
    std::vector<ImageResult> results = sampleResults(dir.path());
    results[0].gallery = evidence(3, true, true);
    const GalleryEvidence &g = *results[0].gallery;
    const QJsonArray features = exporting::resultsToGeoJson(results, {}).object().value("features").toArray();
    int estimates = 0, neighbours = 0;
    for (const QJsonValue &v : features) {
      const QJsonObject f = v.toObject(), props = f.value("properties").toObject();
      const QJsonArray xy = f.value("geometry").toObject().value("coordinates").toArray();
      const QString kind = props.value("kind").toString();
      if (kind == QLatin1String("estimate") && props.value("path").toString() == results[0].path) {
        QCOMPARE(props.value("gallery_lat").toDouble(), g.estimate.lat);
        QCOMPARE(props.value("gallery_fused").toBool(), true);
        QCOMPARE(props.value("gallery_neighbours").toDouble(), 3.0);
        QCOMPARE(props.value("gallery_nearest_path").toString(), g.neighbours.front().path);
      } else if (kind == QLatin1String("estimate")) {
        QVERIFY(!props.contains("gallery_lat"));
      } else if (kind == QLatin1String("gallery_estimate")) {
        ++estimates;
        QCOMPARE(xy[0].toDouble(), g.estimate.lon);
        QCOMPARE(xy[1].toDouble(), g.estimate.lat);
        QCOMPARE(props.value("density").toDouble(), g.density);
      } else if (kind == QLatin1String("gallery_neighbour")) {
        const int rank = props.value("rank").toInt();
        QVERIFY(rank >= 1 && rank <= 3);
        const GalleryNeighbour &n = g.neighbours[size_t(rank - 1)];
        ++neighbours;
        QCOMPARE(xy[1].toDouble(), n.location.lat);
        QCOMPARE(props.value("neighbour_path").toString(), n.path);
        QCOMPARE(props.value("score").toDouble(), n.score);
        QCOMPARE(props.value("distance_km").toDouble(), n.distanceKm);
      }
    }
    QCOMPARE(estimates, 1);
    QCOMPARE(neighbours, 3);

    const QString kml = QString::fromUtf8(exporting::resultsToKml(results, {}, QStringLiteral("case"), {}));
    QCOMPARE(kml.count(QStringLiteral("<styleUrl>#galleryEstimate</styleUrl>")), 1);
    QCOMPARE(kml.count(QStringLiteral("<styleUrl>#galleryNeighbour</styleUrl>")), 3);
    QVERIFY(kml.contains(QStringLiteral("<Data name=\"gallery_lat\">")));
    QVERIFY(kml.contains(QStringLiteral("Reference gallery: 3 neighbours")));
    QVERIFY(kml.contains(QStringLiteral("Model alone: Paris, Île-de-France, France")));
    // No evidence: no gallery styles at all.
    results[0].gallery.reset();
    const QString plain = QString::fromUtf8(exporting::resultsToKml(results, {}, QStringLiteral("case"), {}));
    QVERIFY(!plain.contains(QStringLiteral("galleryEstimate")));
    QVERIFY(!plain.contains(QStringLiteral("gallery_lat")));
    QVERIFY(!plain.contains(QStringLiteral("Gallery")));
  }

  // HTML and PDF reports: a "Reference gallery" block per photo with evidence.
  void reportRows() {
    QTemporaryDir dir;
    std::vector<ImageResult> results = sampleResults(dir.path());
    results[0].gallery = evidence(3, true, true);
    const GalleryEvidence &g = *results[0].gallery;
    const exporting::ReportImageSection s =
        exporting::buildImageSection(results[0], 1, {}, {}, 64, QSize(64, 64));
    QCOMPARE(s.galleryRows.size(), 3 + 3); // gallery, its estimate, the model alone, 3 neighbours
    QCOMPARE(s.galleryRows[0].second, QStringLiteral("lyon gallery.slidx"));
    QVERIFY(s.galleryRows[1].second.endsWith(QStringLiteral("(fused with the model)")));
    // "392 km away": the distance between the model's and the gallery's estimates, whole km.
    const QString km = QString::number(std::lround(referenceKm(*g.zeroShotEstimate, g.estimate)));
    QVERIFY2(s.galleryRows[2].second.contains(km + QStringLiteral(" km away")),
             qPrintable(s.galleryRows[2].second));
    QCOMPARE(s.galleryRows[3].first, QStringLiteral("1. IMG_100, rue \"X\".jpg"));
    QVERIFY(s.galleryRows[3].second.startsWith(QStringLiteral("similarity 0.930")));
    QVERIFY(exporting::buildImageSection(results[1], 2, {}, {}, 64, QSize(64, 64)).galleryRows.isEmpty());
    const QString html = QString::fromUtf8(exporting::resultsToHtmlReport(results, {}, {}));
    QCOMPARE(html.count(QStringLiteral("<h3>Reference gallery</h3>")), 1);
  }
};

QTEST_GUILESS_MAIN(TestExportGallery)
#include "tst_exportgallery.moc"
