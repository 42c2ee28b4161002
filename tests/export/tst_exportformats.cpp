// Tests of the data exports: CSV (writer and RFC 4180 parser), JSON (predict schema round trip),
// the privacy option over every text format, the accuracy summary and write errors.
#include "SampleResults.h"
#include "core/export/AccuracySummary.h"
#include "core/export/Csv.h"
#include "core/export/ExportCommon.h"
#include "core/export/Exporter.h"
#include "core/export/JsonExport.h"
#include "core/geo/GeoScore.h"
#include "tests/support/Fixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <unistd.h>

using namespace streetlens;
using namespace streetlens::exporting;
using streetlens::test::sampleResults;

namespace {

const QString kDir = QStringLiteral("/data/photos, \"case 7\"");

QJsonDocument parseJson(const QByteArray &bytes) {
  QJsonParseError err{};
  QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
  if (err.error != QJsonParseError::NoError)
    qWarning() << "JSON parse error" << err.errorString() << "at" << err.offset;
  return doc;
}

QStringList keysOf(const QJsonObject &o) {
  QStringList k = o.keys();
  k.sort();
  return k;
}

QStringList sorted(QStringList l) {
  l.sort();
  return l;
}

} // namespace

class TestExportFormats : public QObject {
  Q_OBJECT

private Q_SLOTS:
  void formatNames_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("format"); // -1: none
    QTest::newRow("csv") << "csv" << int(ExportFormat::Csv);
    QTest::newRow("json") << "json" << int(ExportFormat::Json);
    QTest::newRow("geojson") << "geojson" << int(ExportFormat::GeoJson);
    QTest::newRow("kml-upper") << "KML" << int(ExportFormat::Kml);
    QTest::newRow("html") << "html" << int(ExportFormat::Html);
    QTest::newRow("pdf") << "pdf" << int(ExportFormat::Pdf);
    QTest::newRow("unknown") << "xlsx" << -1;
    QTest::newRow("empty") << "" << -1;
  }
  void formatNames() {
    QFETCH(QString, name);
    QFETCH(int, format);
    const auto f = exportFormatFromName(name);
    QCOMPARE(f.has_value(), format >= 0);
    if (f) {
      QCOMPARE(int(*f), format);
      QCOMPARE(exportFormatName(*f), name.toLower());
    }
  }

  void formatFromPath_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("format");
    QTest::newRow("csv") << "/tmp/out.csv" << int(ExportFormat::Csv);
    QTest::newRow("geojson") << "a.b/results.GeoJSON" << int(ExportFormat::GeoJson);
    QTest::newRow("htm") << "report.htm" << int(ExportFormat::Html);
    QTest::newRow("pdf") << "C:/cases/report.PDF" << int(ExportFormat::Pdf);
    QTest::newRow("kml") << "x.kml" << int(ExportFormat::Kml);
    QTest::newRow("no-extension") << "/tmp/report" << -1;
    QTest::newRow("other") << "/tmp/report.txt" << -1;
  }
  void formatFromPath() {
    QFETCH(QString, path);
    QFETCH(int, format);
    const auto f = exportFormatFromPath(path);
    QCOMPARE(f.has_value(), format >= 0);
    if (f)
      QCOMPARE(int(*f), format);
  }

  void parseCsv_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<QStringList>>("expected");
    QTest::newRow("simple-crlf") << QByteArray("a,b\r\n1,2\r\n")
                                 << QList<QStringList>{{"a", "b"}, {"1", "2"}};
    QTest::newRow("lf-no-final-break")
        << QByteArray("a,b\n1,2") << QList<QStringList>{{"a", "b"}, {"1", "2"}};
    QTest::newRow("cr-only") << QByteArray("a\r1\r") << QList<QStringList>{{"a"}, {"1"}};
    QTest::newRow("quoted-comma") << QByteArray("\"x,y\",z\r\n") << QList<QStringList>{{"x,y", "z"}};
    QTest::newRow("doubled-quotes") << QByteArray("\"say \"\"hi\"\"\"\r\n")
                                    << QList<QStringList>{{"say \"hi\""}};
    QTest::newRow("embedded-crlf") << QByteArray("\"l1\r\nl2\",b\r\nc,d\r\n")
                                   << QList<QStringList>{{"l1\r\nl2", "b"}, {"c", "d"}};
    QTest::newRow("empty-fields") << QByteArray(",,\r\n\"\",x\r\n")
                                  << QList<QStringList>{{"", "", ""}, {"", "x"}};
    QTest::newRow("empty-line") << QByteArray("a\r\n\r\nb\r\n") << QList<QStringList>{{"a"}, {""}, {"b"}};
    QTest::newRow("bom-diacritics") << QByteArray("\xEF\xBB\xBFna\xC3\xAFve,S\xC3\xA3o\r\n")
                                    << QList<QStringList>{
                                           {QString::fromUtf8("naïve"), QString::fromUtf8("São")}};
    QTest::newRow("spaces-kept") << QByteArray(" a , b \r\n") << QList<QStringList>{{" a ", " b "}};
    QTest::newRow("empty-input") << QByteArray() << QList<QStringList>{};
    QTest::newRow("im2gps") << QByteArray("IMG_ID,LAT,LON,extra\n1.jpg,48.1,-2.5,x\n")
                            << QList<QStringList>{{"IMG_ID", "LAT", "LON", "extra"},
                                                  {"1.jpg", "48.1", "-2.5", "x"}};
  }
  void parseCsv() {
    QFETCH(QByteArray, input);
    QFETCH(QList<QStringList>, expected);
    QString error = QStringLiteral("stale");
    const auto records = exporting::parseCsv(input, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(records, expected);
  }

  void parseCsvErrors_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("unterminated") << QByteArray("a,\"b\r\nc\r\n") << "line 1: unterminated";
    QTest::newRow("quote-in-field") << QByteArray("a\r\nb\"c\r\n") << "line 2: quote inside";
    QTest::newRow("text-after-quote") << QByteArray("x\n\"a\"b\n") << "line 2: unexpected text";
    QTest::newRow("invalid-utf8") << QByteArray("a,\xC3\x28\r\n") << "not valid UTF-8";
  }
  void parseCsvErrors() {
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    QString error;
    const auto records = exporting::parseCsv(input, &error);
    QVERIFY(records.isEmpty());
    QVERIFY2(error.contains(message), qPrintable(error));
  }

  void csvFieldRoundTrip_data() {
    QTest::addColumn<QString>("field");
    QTest::newRow("plain") << "abc";
    QTest::newRow("comma") << "a,b";
    QTest::newRow("quotes") << "he said \"no\"";
    QTest::newRow("newline") << "line1\nline2";
    QTest::newRow("crlf") << "line1\r\nline2";
    QTest::newRow("diacritics") << QString::fromUtf8("Zürich, Ōsaka — São Paulo");
    QTest::newRow("leading-space") << " x";
    QTest::newRow("empty") << "";
  }
  void csvFieldRoundTrip() {
    QFETCH(QString, field);
    const QString line = csvRecord({field, QStringLiteral("end")});
    QVERIFY(line.endsWith(QStringLiteral("\r\n")));
    QString error;
    const auto records = exporting::parseCsv(line.toUtf8(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(records.size(), 1);
    QCOMPARE(records[0], (QStringList{field, QStringLiteral("end")}));
  }

  void csvResults_data() {
    QTest::addColumn<bool>("includeExif");
    QTest::newRow("with-exif") << true;
    QTest::newRow("privacy") << false;
  }
  void csvResults() {
    QFETCH(bool, includeExif);
    QTemporaryDir tmp;
    const std::vector<ImageResult> results = sampleResults(kDir);
    ExportOptions opt;
    opt.includeExifGps = includeExif;
    const QString path = tmp.filePath(QStringLiteral("out.csv"));
    QString error;
    QVERIFY2(exportResults(results, ExportFormat::Csv, path, opt, {}, &error), qPrintable(error));
    const QByteArray bytes = streetlens::test::readAll(path);
    QVERIFY(!bytes.startsWith("\xEF\xBB\xBF"));
    QVERIFY(bytes.endsWith("\r\n"));
    QVERIFY(bytes.contains(QString::fromUtf8("Café").toUtf8())); // UTF-8, not Latin-1
    const auto records = exporting::parseCsv(bytes, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(records.size(), qsizetype(results.size() + 1));
    QCOMPARE(records[0], csvHeader());
    const QStringList header = records[0];
    for (std::size_t i = 0; i < results.size(); ++i) {
      const ImageResult &r = results[i];
      const QStringList &row = records[qsizetype(i) + 1];
      QCOMPARE(row.size(), header.size());
      auto col = [&](const char *name) { return row[header.indexOf(QLatin1String(name))]; };
      auto num = [&](const char *name) {
        bool ok = false;
        const double v = col(name).toDouble(&ok);
        return ok ? v : std::nan("");
      };
      QCOMPARE(col("path"), r.path);
      QCOMPARE(col("sha256"), r.sha256);
      QCOMPARE(col("status"), statusName(r.status));
      QCOMPARE(col("error"), r.error);
      if (!r.countries.empty()) {
        QCOMPARE(col("country_code"), r.countries[0].code);
        QCOMPARE(col("country_name"), r.countries[0].name);
        QCOMPARE(num("country_probability"), r.countries[0].probability);
      } else {
        QVERIFY(col("country_code").isEmpty());
      }
      if (!r.regions.empty()) {
        QCOMPARE(col("region_name"), r.regions[0].name);
        QCOMPARE(num("region_probability"), r.regions[0].probability);
      }
      if (!r.cities.empty()) {
        QCOMPARE(col("city_name"), r.cities[0].name);
        QCOMPARE(col("city_region"), r.cities[0].region);
        QCOMPARE(num("city_probability"), r.cities[0].probability);
      }
      if (r.estimate) {
        QCOMPARE(num("estimate_lat"), r.estimate->lat);
        QCOMPARE(num("estimate_lon"), r.estimate->lon);
        QCOMPARE(col("estimate_label"), r.estimateLabel);
      } else {
        QVERIFY(col("estimate_lat").isEmpty());
      }
      if (includeExif && r.exifLocation) {
        QCOMPARE(num("exif_lat"), r.exifLocation->lat);
        QCOMPARE(num("exif_lon"), r.exifLocation->lon);
        QCOMPARE(col("exif_country"), r.exifCountry);
        QCOMPARE(num("error_km"), *r.errorKm);
      } else {
        QVERIFY(col("exif_lat").isEmpty() && col("exif_lon").isEmpty());
        QVERIFY(col("exif_country").isEmpty() && col("error_km").isEmpty());
      }
    }
  }

  void jsonRoundTrip_data() {
    QTest::addColumn<int>("topK");
    QTest::newRow("all-entries") << 0;
    QTest::newRow("top-3") << 3;
  }
  void jsonRoundTrip() {
    QFETCH(int, topK);
    const std::vector<ImageResult> results = sampleResults(kDir);
    ExportOptions opt;
    opt.topK = topK;
    const QJsonObject model{{"name", "geolocal/StreetCLIP"}, {"sha256", "abc"}};
    const QByteArray bytes = resultsToJson(results, model, opt).toJson();
    const QJsonDocument doc = parseJson(bytes);
    QVERIFY(doc.isObject());
    QCOMPARE(keysOf(doc.object()), (QStringList{"model", "results"}));
    QCOMPARE(doc.object().value("model").toObject(), model);
    const QJsonArray arr = doc.object().value("results").toArray();
    QCOMPARE(arr.size(), qsizetype(results.size()));
    for (std::size_t i = 0; i < results.size(); ++i) {
      const ImageResult &r = results[i];
      const auto back = resultFromJson(arr[qsizetype(i)].toObject());
      QVERIFY(back.has_value());
      QCOMPARE(back->path, r.path);
      QCOMPARE(back->sha256, r.sha256);
      QCOMPARE(back->status, r.status);
      QCOMPARE(back->error, r.error);
      auto expectCount = [&](const std::vector<PlaceProbability> &v) {
        return topK > 0 ? std::min(v.size(), std::size_t(topK)) : v.size();
      };
      QCOMPARE(back->countries.size(), expectCount(r.countries));
      QCOMPARE(back->regions.size(), expectCount(r.regions));
      QCOMPARE(back->cities.size(), expectCount(r.cities));
      for (std::size_t k = 0; k < back->countries.size(); ++k) {
        QCOMPARE(back->countries[k].code, r.countries[k].code);
        QCOMPARE(back->countries[k].name, r.countries[k].name);
        QVERIFY(back->countries[k].probability == r.countries[k].probability); // exact
      }
      for (std::size_t k = 0; k < back->regions.size(); ++k) {
        QCOMPARE(back->regions[k].code, r.regions[k].code);
        QCOMPARE(back->regions[k].name, r.regions[k].name);
        QCOMPARE(back->regions[k].country, r.regions[k].country);
        QVERIFY(back->regions[k].location == r.regions[k].location);
        QVERIFY(back->regions[k].probability == r.regions[k].probability);
      }
      for (std::size_t k = 0; k < back->cities.size(); ++k) {
        const PlaceProbability &c = r.cities[k], &cb = back->cities[k];
        QCOMPARE(cb.name, c.name);
        QCOMPARE(cb.country, c.country);
        QCOMPARE(cb.region, c.region);
        QVERIFY(cb.location == c.location);
        QCOMPARE(cb.population, c.population);
        QVERIFY(cb.probability == c.probability);
      }
      QVERIFY(back->estimate == r.estimate);
      QCOMPARE(back->estimateLabel, r.estimateLabel);
      QVERIFY(back->exifLocation == r.exifLocation);
      QCOMPARE(back->exifCountry, r.exifCountry);
      QVERIFY(back->errorKm == r.errorKm);
    }
  }

  void jsonSchema() {
    const std::vector<ImageResult> results = sampleResults(kDir);
    const QJsonObject ok = resultToJson(results[0], {});
    QCOMPARE(keysOf(ok), sorted({"path", "sha256", "status", "error", "countries", "regions", "cities",
                                 "estimate", "exif", "error_km", "confidence_regions", "uncertain"}));
    QCOMPARE(ok.value("status").toString(), QStringLiteral("ok"));
    QVERIFY(ok.value("error").isNull());
    QCOMPARE(keysOf(ok.value("countries").toArray()[0].toObject()), sorted({"code", "name", "probability"}));
    QCOMPARE(keysOf(ok.value("regions").toArray()[0].toObject()),
             sorted({"code", "name", "country", "lat", "lon", "probability"}));
    QCOMPARE(keysOf(ok.value("cities").toArray()[0].toObject()),
             sorted({"name", "country", "region", "lat", "lon", "population", "probability"}));
    QCOMPARE(keysOf(ok.value("estimate").toObject()), sorted({"lat", "lon", "label"}));
    QCOMPARE(keysOf(ok.value("exif").toObject()), sorted({"lat", "lon", "country"}));
    QVERIFY(ok.value("error_km").isDouble());
    QCOMPARE(ok.value("countries").toArray().size(), 5); // default topK
    // A region without a location has null coordinates.
    QVERIFY(ok.value("regions").toArray()[4].toObject().value("lat").isNull());

    const QJsonObject noExif = resultToJson(results[2], {});
    QVERIFY(noExif.value("exif").isNull());
    QVERIFY(noExif.value("error_km").isNull());

    const QJsonObject failed = resultToJson(results[3], {});
    QCOMPARE(failed.value("status").toString(), QStringLiteral("error"));
    QCOMPARE(failed.value("error").toString(), results[3].error);
    QVERIFY(failed.value("estimate").isNull());
    QVERIFY(failed.value("countries").toArray().isEmpty());

    QVERIFY(!resultFromJson(QJsonObject{{"path", "x"}, {"status", "bogus"}}).has_value());
    QVERIFY(!resultFromJson(QJsonObject{{"status", "ok"}}).has_value());
  }

  // Issue 18: the app showed "13,835 km", the reports "13834.6 km": one spelling now, the app's —
  // whole km with the locale's grouping, one decimal below 10 km.
  void distanceText_data() {
    QTest::addColumn<QString>("locale");
    QTest::addColumn<double>("km");
    QTest::addColumn<QString>("text");
    QTest::newRow("en-large") << "en_US" << 13834.6 << "13,835 km";
    QTest::newRow("en-medium") << "en_US" << 742.4 << "742 km";
    QTest::newRow("en-ten") << "en_US" << 10.04 << "10 km";
    QTest::newRow("en-small") << "en_US" << 8.44 << "8.4 km";
    QTest::newRow("en-zero") << "en_US" << 0.0 << "0.0 km";
    QTest::newRow("de-large") << "de_DE" << 13834.6 << "13.835 km";
    QTest::newRow("de-small") << "de_DE" << 8.44 << "8,4 km";
    QTest::newRow("c-large") << "C" << 13834.6 << "13835 km";
  }
  void distanceText() {
    QFETCH(QString, locale);
    QFETCH(double, km);
    QFETCH(QString, text);
    QCOMPARE(formatDistanceKm(km, QLocale(locale)), text);
  }
  // The KML descriptions a person reads in Google Earth use it too; its data field stays exact.
  void kmlDistanceText() {
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    std::vector<ImageResult> results = sampleResults(kDir);
    results[0].errorKm = 13834.6;
    const QString kml = QString::fromUtf8(exportToBytes(results, ExportFormat::Kml, {}, {}));
    QLocale::setDefault(before);
    QVERIFY(kml.contains(QStringLiteral("Error: 13,835 km")));
    QVERIFY(kml.contains(QStringLiteral("<name>Error 13,835 km</name>")));
    QVERIFY(kml.contains(QStringLiteral("<value>13834.6</value>")));
  }

  void privacy_data() {
    QTest::addColumn<int>("format");
    QTest::newRow("csv") << int(ExportFormat::Csv);
    QTest::newRow("json") << int(ExportFormat::Json);
    QTest::newRow("geojson") << int(ExportFormat::GeoJson);
    QTest::newRow("kml") << int(ExportFormat::Kml);
    QTest::newRow("html") << int(ExportFormat::Html);
  }
  void privacy() {
    QFETCH(int, format);
    const std::vector<ImageResult> results = sampleResults(kDir);
    QStringList needles;
    for (const geo::GeoPoint &p : streetlens::test::sampleExifPoints())
      for (double v : {p.lat, p.lon}) {
        needles << formatNumber(v);
        for (int d = 4; d <= 6; ++d)
          needles << QString::number(std::abs(v), 'f', d);
      }
    QStringList errorNeedles;
    for (const ImageResult &r : results)
      if (r.errorKm)
        errorNeedles << formatNumber(*r.errorKm) << formatDistanceKm(*r.errorKm)
                     << QString::number(*r.errorKm, 'f', 1) + " km"
                     << QString::number(*r.errorKm, 'f', 2) + " km";
    ExportOptions shown;
    ExportOptions hidden;
    hidden.includeExifGps = false;
    const QString withExif = QString::fromUtf8(exportToBytes(results, ExportFormat(format), shown, {}));
    const QString without = QString::fromUtf8(exportToBytes(results, ExportFormat(format), hidden, {}));
    // The search can fail: the coordinates are there when allowed.
    bool anyShown = false;
    for (const QString &n : needles)
      anyShown = anyShown || withExif.contains(n);
    QVERIFY(anyShown);
    for (const QString &n : needles + errorNeedles)
      QVERIFY2(!without.contains(n), qPrintable(n));
  }

  void accuracy() {
    std::vector<ImageResult> results;
    const double errors[] = {0.5, 10.0, 150.0, 700.0, 3000.0, 2400.0};
    for (double e : errors) {
      ImageResult r;
      r.status = ImageStatus::Done;
      r.estimate = geo::GeoPoint{0, 0};
      r.exifLocation = geo::GeoPoint{1, 1};
      r.errorKm = e;
      results.push_back(r);
    }
    ImageResult failed;
    failed.status = ImageStatus::Failed;
    results.push_back(failed);
    ImageResult noTruth;
    noTruth.status = ImageStatus::Done;
    noTruth.estimate = geo::GeoPoint{0, 0};
    results.push_back(noTruth);

    const AccuracySummary s = summarizeAccuracy(results, {});
    QCOMPARE(s.images, 8);
    QCOMPARE(s.succeeded, 7);
    QCOMPARE(s.failed, 1);
    QCOMPARE(s.withTruth, 6);
    const double expected[] = {100.0 / 6, 200.0 / 6, 300.0 / 6, 400.0 / 6, 500.0 / 6};
    for (int i = 0; i < 5; ++i)
      QCOMPARE(s.withinPercent[std::size_t(i)], expected[i]);
    QCOMPARE(s.medianKm, (150.0 + 700.0) / 2);
    double score = 0;
    for (double e : errors)
      score += geo::geoScore(e);
    QCOMPARE(s.meanGeoScore, score / 6);

    ExportOptions hidden;
    hidden.includeExifGps = false;
    QCOMPARE(summarizeAccuracy(results, hidden).withTruth, 0);
  }

  void writeErrors_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("format");
    QTest::newRow("is-directory-csv") << "directory" << int(ExportFormat::Csv);
    QTest::newRow("is-directory-pdf") << "directory" << int(ExportFormat::Pdf);
    QTest::newRow("missing-folder") << "missing" << int(ExportFormat::Json);
    QTest::newRow("not-writable") << "readonly" << int(ExportFormat::Kml);
    QTest::newRow("not-writable-pdf") << "readonly" << int(ExportFormat::Pdf);
  }
  void writeErrors() {
    QFETCH(QString, kind);
    QFETCH(int, format);
    QTemporaryDir tmp;
    QString path;
    if (kind == "directory") {
      path = tmp.path();
    } else if (kind == "missing") {
      path = tmp.filePath(QStringLiteral("no/such/folder/out.json"));
    } else if (::geteuid() == 0) {
      // Root ignores permission bits; /proc refuses new files for everyone.
      path = QStringLiteral("/proc/streetlens-export-test.out");
    } else {
      const QString ro = tmp.filePath(QStringLiteral("ro"));
      QVERIFY(QDir().mkpath(ro));
      QVERIFY(QFile::setPermissions(ro, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
      path = ro + QStringLiteral("/out.kml");
    }
    QString error;
    QVERIFY(!exportResults(sampleResults(kDir), ExportFormat(format), path, {}, {}, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.startsWith(QStringLiteral("Cannot write")), qPrintable(error));
    QVERIFY(!QFileInfo(path).isFile());
  }

  void overwriteExisting() {
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("out.json"));
    {
      QFile f(path);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(QByteArray(100000, 'x'));
    }
    QString error;
    QVERIFY2(exportResults(sampleResults(kDir), ExportFormat::Json, path, {}, {}, &error), qPrintable(error));
    const QJsonDocument doc = parseJson(streetlens::test::readAll(path));
    QCOMPARE(doc.object().value("results").toArray().size(), 5);
  }
};

QTEST_MAIN(TestExportFormats)
#include "tst_exportformats.moc"
