// The analyst's sites in every export format (issue 17): JSON "sites" in the CLI's shape,
// GeoJSON site points and region polygons, a KML folder per site, CSV rows "site:<name>", and a
// report section per site in HTML and PDF — each checked against the site's fused result, with
// the photos' part of every format unchanged by the sites.
#include "FakeMap.h"
#include "SampleResults.h"
#include "core/analysis/SiteFusion.h"
#include "core/export/Csv.h"
#include "core/export/ExportCommon.h"
#include "core/export/Exporter.h"
#include "core/export/JsonExport.h"
#include "core/gazetteer/Gazetteer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace streetlens;
using namespace streetlens::exporting;

namespace {

std::shared_ptr<const gazetteer::Gazetteer> gaz() {
  static auto g = gazetteer::Gazetteer::load(QStringLiteral(STREETLENS_SOURCE_DIR "/resources/gazetteer"));
  return g;
}

// Two sites of the sample results: "Harbour" (two analysed photos) and "Lost" (one failed photo:
// no estimate, so no point, no folder, no map).
std::vector<SiteResult> sampleSites(const std::vector<ImageResult> &results) {
  PosteriorOptions o;
  const ImageResult *harbour[] = {&results[0], &results[2]};
  const ImageResult *lost[] = {&results[3]};
  return {fuseSite(QStringLiteral("Harbour"), harbour, gaz().get(), o),
          fuseSite(QStringLiteral("Lost"), lost, gaz().get(), o)};
}

int count(const QString &text, const QString &what) {
  return int(text.count(what));
}

} // namespace

class TestExportSites : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::vector<ImageResult> results_;
  std::vector<SiteResult> sites_;

  QByteArray bytes(ExportFormat fmt, bool withSites) const {
    ReportContext ctx;
    if (withSites)
      ctx.sites = sites_;
    return exportToBytes(results_, fmt, ExportOptions{}, ctx);
  }

private Q_SLOTS:
  void initTestCase() {
    QVERIFY(gaz());
    results_ = streetlens::test::sampleResults(dir_.path());
    sites_ = sampleSites(results_);
    QCOMPARE(sites_[0].posterior.status, ImageStatus::Done);
    QVERIFY(sites_[0].posterior.estimate);
    QVERIFY(!sites_[0].posterior.confidenceRegions.empty());
    QCOMPARE(sites_[1].posterior.status, ImageStatus::Failed);
  }

  void json() {
    const QJsonObject with = QJsonDocument::fromJson(bytes(ExportFormat::Json, true)).object();
    const QJsonObject without = QJsonDocument::fromJson(bytes(ExportFormat::Json, false)).object();
    QVERIFY(!without.contains(QStringLiteral("sites")));
    QCOMPARE(with.value(QStringLiteral("results")), without.value(QStringLiteral("results")));
    const QJsonArray sites = with.value(QStringLiteral("sites")).toArray();
    QCOMPARE(sites.size(), 2);
    const QJsonObject h = sites[0].toObject();
    QCOMPARE(h.value(QStringLiteral("name")).toString(), QStringLiteral("Harbour"));
    QCOMPARE(h.value(QStringLiteral("members")).toArray(),
             QJsonArray::fromStringList({results_[0].path, results_[2].path}));
    for (const char *key : {"countries", "regions", "cities", "estimate", "confidence_regions", "uncertain"})
      QVERIFY2(h.contains(QLatin1String(key)), key);
    const QJsonObject top = h.value(QStringLiteral("countries")).toArray().first().toObject();
    QCOMPARE(top.value(QStringLiteral("code")).toString(), sites_[0].posterior.countries.front().code);
    QCOMPARE(top.value(QStringLiteral("probability")).toDouble(),
             sites_[0].posterior.countries.front().probability);
    QCOMPARE(h.value(QStringLiteral("confidence_regions")).toArray().size(),
             qsizetype(sites_[0].posterior.confidenceRegions.size()));
  }

  void geojson() {
    const QJsonArray with =
        QJsonDocument::fromJson(bytes(ExportFormat::GeoJson, true)).object().value("features").toArray();
    const QJsonArray without =
        QJsonDocument::fromJson(bytes(ExportFormat::GeoJson, false)).object().value("features").toArray();
    const ImageResult &site = sites_[0].posterior;
    QCOMPARE(with.size(), without.size() + 1 + qsizetype(site.confidenceRegions.size()));
    for (qsizetype i = 0; i < without.size(); ++i)
      QCOMPARE(with[i], without[i]);
    const QJsonObject point = with[without.size()].toObject();
    const QJsonObject props = point.value("properties").toObject();
    QCOMPARE(props.value("kind").toString(), QStringLiteral("site"));
    QCOMPARE(props.value("name").toString(), QStringLiteral("Harbour"));
    QCOMPARE(props.value("members").toArray().size(), 2);
    QCOMPARE(props.value("country_code").toString(), site.countries.front().code);
    const QJsonArray xy = point.value("geometry").toObject().value("coordinates").toArray();
    QCOMPARE(xy[0].toDouble(), site.estimate->lon);
    QCOMPARE(xy[1].toDouble(), site.estimate->lat);
    for (size_t i = 0; i < site.confidenceRegions.size(); ++i) {
      const QJsonObject f = with[without.size() + 1 + qsizetype(i)].toObject();
      const QJsonObject p = f.value("properties").toObject();
      QCOMPARE(p.value("kind").toString(), QStringLiteral("site_confidence_region"));
      QCOMPARE(p.value("site").toString(), QStringLiteral("Harbour"));
      QCOMPARE(p.value("level").toDouble(), site.confidenceRegions[i].level);
      QCOMPARE(p.value("area_km2").toDouble(), site.confidenceRegions[i].areaKm2);
      QCOMPARE(f.value("geometry").toObject().value("type").toString(), QStringLiteral("MultiPolygon"));
    }
  }

  void kml() {
    const QString with = QString::fromUtf8(bytes(ExportFormat::Kml, true));
    const QString without = QString::fromUtf8(bytes(ExportFormat::Kml, false));
    QCOMPARE(count(with, "<Folder>"), count(without, "<Folder>") + 1); // "Lost" has no estimate
    QCOMPARE(count(with, "<name>Site: Harbour</name>"), 1);
    QCOMPARE(count(with, "<name>Site: Lost</name>"), 0);
    const QString folder = with.mid(with.indexOf("<name>Site: Harbour</name>"));
    QCOMPARE(count(folder, "<styleUrl>#region"), int(sites_[0].posterior.confidenceRegions.size()));
    const geo::GeoPoint p = *sites_[0].posterior.estimate;
    const QRegularExpression coords(QStringLiteral("<coordinates>([-0-9.]+),([-0-9.]+)"));
    const auto m = coords.match(folder);
    QVERIFY(m.hasMatch());
    QVERIFY(std::abs(m.captured(1).toDouble() - p.lon) < 1e-5);
    QVERIFY(std::abs(m.captured(2).toDouble() - p.lat) < 1e-5);
  }

  void csv() {
    QString err;
    const auto with = parseCsv(bytes(ExportFormat::Csv, true), &err);
    const auto without = parseCsv(bytes(ExportFormat::Csv, false), &err);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    QCOMPARE(with.size(), without.size() + 2);
    for (qsizetype i = 0; i < without.size(); ++i)
      QCOMPARE(with[i], without[i]);
    const QStringList header = csvHeader();
    const QStringList harbour = with[without.size()], lost = with[without.size() + 1];
    QCOMPARE(harbour[header.indexOf("path")], QStringLiteral("site:Harbour"));
    QCOMPARE(harbour[header.indexOf("sha256")], QString());
    QCOMPARE(harbour[header.indexOf("country_code")], sites_[0].posterior.countries.front().code);
    QVERIFY(std::abs(harbour[header.indexOf("country_probability")].toDouble() -
                     sites_[0].posterior.countries.front().probability) < 1e-6);
    QVERIFY(std::abs(harbour[header.indexOf("estimate_lat")].toDouble() - sites_[0].posterior.estimate->lat) <
            1e-5);
    QCOMPARE(harbour[header.indexOf("exif_lat")], QString());
    QCOMPARE(lost[header.indexOf("path")], QStringLiteral("site:Lost"));
    QCOMPARE(lost[header.indexOf("estimate_lat")], QString());
  }

  void reports_data() {
    QTest::addColumn<int>("format");
    QTest::newRow("html") << int(ExportFormat::Html);
    QTest::newRow("pdf") << int(ExportFormat::Pdf);
  }
  void reports() {
    QFETCH(int, format);
    const auto fmt = ExportFormat(format);
    ReportContext ctx;
    ctx.sites = sites_;
    auto map = std::make_shared<streetlens::test::FakeMap>(gaz());
    int siteMaps = 0;
    ctx.renderMap = [map, &siteMaps](const ImageResult &r, QSize s) {
      siteMaps += r.path.isEmpty(); // a site's map: its result has no path
      return map->render(r, s);
    };
    const QString path = dir_.filePath(QStringLiteral("report.") + exportFormatExtension(fmt));
    QString err;
    QVERIFY2(exportResults(results_, fmt, path, ExportOptions{}, ctx, &err), qPrintable(err));
    // STREETLENS_SAMPLE_REPORT_DIR keeps the report (docs/screenshots/report-site.png is its
    // site page: pdftoppm -r 90 -png -f 6 -l 6 report-sites.pdf page).
    if (const QString keep = qEnvironmentVariable("STREETLENS_SAMPLE_REPORT_DIR"); !keep.isEmpty()) {
      QFile::remove(QDir(keep).filePath(QFileInfo(path).fileName().replace("report", "report-sites")));
      QVERIFY(QFile::copy(path,
                          QDir(keep).filePath(QFileInfo(path).fileName().replace("report", "report-sites"))));
    }
    QString text;
    if (fmt == ExportFormat::Html) {
      QFile f(path);
      QVERIFY(f.open(QIODevice::ReadOnly));
      text = QString::fromUtf8(f.readAll());
    } else {
      if (!QFile::exists(QStringLiteral("/usr/bin/pdftotext")))
        QSKIP("pdftotext is not installed");
      QProcess proc;
      proc.start(QStringLiteral("/usr/bin/pdftotext"),
                 {QStringLiteral("-layout"), path, QStringLiteral("-")});
      QVERIFY(proc.waitForFinished(60000));
      text = QString::fromUtf8(proc.readAllStandardOutput());
    }
    QCOMPARE(siteMaps, 1); // "Harbour"; "Lost" has no estimate, so no map
    QVERIFY2(text.contains(QStringLiteral("Site 1. Harbour")), qPrintable(text.left(400)));
    QVERIFY(text.contains(QStringLiteral("Site 2. Lost")));
    QVERIFY(text.contains(QStringLiteral("Photos of the site (2)")));
    QVERIFY(text.contains(QStringLiteral("avenida.png"))); // a member's file name
    QVERIFY(text.contains(QStringLiteral("ESTIMATE OF THE SITE"), Qt::CaseInsensitive));
    // Its confidence regions with their areas, as the site's result gives them.
    for (const ConfidenceRegion &r : sites_[0].posterior.confidenceRegions)
      QVERIFY2(text.contains(QLocale(QLocale::English).toString(std::round(r.areaKm2), 'f', 0) +
                             QStringLiteral(" km²")),
               qPrintable(QString::number(r.areaKm2)));
    QVERIFY(text.contains(sites_[0].posterior.countries.front().name));
  }
};

QTEST_MAIN(TestExportSites)
#include "tst_exportsites.moc"
