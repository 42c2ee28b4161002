// Tests of the GIS exports: GeoJSON (RFC 7946 structure, [lon, lat] order, properties, cities
// option, privacy) and KML 2.2 (well-formed, namespaced, Style/Folder/Placemark/Point/LineString
// structure, "lon,lat" coordinates, the great-circle line across the antimeridian).
#include "SampleResults.h"
#include "core/export/ExportCommon.h"
#include "core/export/Exporter.h"
#include "core/export/GeoJsonExport.h"
#include "core/export/KmlExport.h"
#include "tests/support/Fixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

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

QStringList sorted(QStringList l) {
  l.sort();
  return l;
}

// lon,lat text -> point
geo::GeoPoint parseLonLat(const QString &s, bool *ok) {
  const QStringList parts = s.split(u',');
  bool a = parts.size() == 2, b = false, c = false;
  geo::GeoPoint p;
  if (a) {
    p.lon = parts[0].toDouble(&b);
    p.lat = parts[1].toDouble(&c);
  }
  *ok = a && b && c;
  return p;
}

} // namespace

class TestExportGeo : public QObject {
  Q_OBJECT

private Q_SLOTS:
  void geoJson_data() {
    QTest::addColumn<bool>("withCities");
    QTest::addColumn<bool>("includeExif");
    QTest::newRow("estimates-and-exif") << false << true;
    QTest::newRow("with-cities") << true << true;
    QTest::newRow("privacy") << true << false;
  }
  void geoJson() {
    QFETCH(bool, withCities);
    QFETCH(bool, includeExif);
    QTemporaryDir tmp;
    const std::vector<ImageResult> results = sampleResults(kDir);
    ExportOptions opt;
    opt.geojsonIncludeCities = withCities;
    opt.includeExifGps = includeExif;
    opt.topK = 2;
    const QString path = tmp.filePath(QStringLiteral("out.geojson"));
    QString error;
    QVERIFY2(exportResults(results, ExportFormat::GeoJson, path, opt, {}, &error), qPrintable(error));
    const QJsonDocument doc = parseJson(streetlens::test::readAll(path));
    QCOMPARE(doc.object().value("type").toString(), QStringLiteral("FeatureCollection"));
    const QJsonArray features = doc.object().value("features").toArray();
    int estimates = 0, cities = 0, exifs = 0;
    int expectEstimates = 0, expectCities = 0, expectExif = 0;
    for (const ImageResult &r : results) {
      if (!r.estimate)
        continue;
      ++expectEstimates;
      expectCities += withCities ? int(std::min<std::size_t>(r.cities.size(), 2)) : 0;
      expectExif += (includeExif && r.exifLocation) ? 1 : 0;
    }
    for (const QJsonValue &fv : features) {
      const QJsonObject f = fv.toObject();
      QCOMPARE(f.value("type").toString(), QStringLiteral("Feature"));
      const QJsonObject g = f.value("geometry").toObject();
      QCOMPARE(g.value("type").toString(), QStringLiteral("Point"));
      const QJsonArray c = g.value("coordinates").toArray();
      QCOMPARE(c.size(), 2);
      const geo::GeoPoint p{c[1].toDouble(), c[0].toDouble()}; // [lon, lat]
      const QJsonObject props = f.value("properties").toObject();
      const QString kind = props.value("kind").toString();
      auto it = std::find_if(results.begin(), results.end(),
                             [&](const ImageResult &r) { return r.path == props.value("path").toString(); });
      QVERIFY(it != results.end());
      QCOMPARE(props.value("sha256").toString(), it->sha256);
      if (kind == "estimate") {
        ++estimates;
        QVERIFY(p == *it->estimate);
        QCOMPARE(props.value("label").toString(), it->estimateLabel);
        QCOMPARE(props.value("country_code").toString(), it->countries[0].code);
        QCOMPARE(props.value("country_probability").toDouble(), it->countries[0].probability);
        if (includeExif && it->errorKm)
          QCOMPARE(props.value("error_km").toDouble(), *it->errorKm);
        else
          QVERIFY(props.value("error_km").isNull());
      } else if (kind == "city") {
        ++cities;
        const int rank = props.value("rank").toInt();
        QVERIFY(rank >= 1 && rank <= 2);
        const PlaceProbability &city = it->cities[std::size_t(rank - 1)];
        QCOMPARE(props.value("name").toString(), city.name);
        QVERIFY(p == *city.location);
        QCOMPARE(props.value("probability").toDouble(), city.probability);
        QCOMPARE(qint64(props.value("population").toDouble()), city.population);
      } else if (kind == "exif") {
        ++exifs;
        QVERIFY(includeExif);
        QVERIFY(p == *it->exifLocation);
        QCOMPARE(props.value("country").toString(), it->exifCountry);
      } else {
        QFAIL(qPrintable("unexpected kind " + kind));
      }
    }
    QCOMPARE(estimates, expectEstimates);
    QCOMPARE(cities, expectCities);
    QCOMPARE(exifs, expectExif);
  }

  // Issue 18: the icons pointed at maps.google.com, which Google Earth fetches when the file is
  // opened: a KML of a case must not call out. The styles keep their colours, without an href.
  void kmlReferencesNothingOnline() {
    ReportContext ctx;
    const QByteArray kml = exportToBytes(sampleResults(kDir), ExportFormat::Kml, ExportOptions{}, ctx);
    QVERIFY(kml.contains("<IconStyle>"));
    QVERIFY(!kml.contains("<href>"));
    QVERIFY(!kml.contains("<Icon>"));
    QByteArray rest = kml;
    rest.replace("xmlns=\"http://www.opengis.net/kml/2.2\"", ""); // a name, never fetched
    QVERIFY2(!rest.contains("http:") && !rest.contains("https:"), rest.constData());
    // Estimate, EXIF and the error line still differ in colour; each confidence-region style has
    // a line and a fill colour.
    QCOMPARE(kml.count("<color>"), 3 + 3 * 2);
  }

  void kml_data() {
    QTest::addColumn<bool>("includeExif");
    QTest::newRow("with-exif") << true;
    QTest::newRow("privacy") << false;
  }
  void kml() {
    QFETCH(bool, includeExif);
    QTemporaryDir tmp;
    const std::vector<ImageResult> results = sampleResults(kDir);
    ExportOptions opt;
    opt.includeExifGps = includeExif;
    const QString path = tmp.filePath(QStringLiteral("out.kml"));
    QString error;
    ReportContext ctx;
    ctx.projectName = QStringLiteral("Case <7> & \"friends\"");
    QVERIFY2(exportResults(results, ExportFormat::Kml, path, opt, ctx, &error), qPrintable(error));
    QXmlStreamReader xml(streetlens::test::readAll(path));
    const QString ns = QStringLiteral("http://www.opengis.net/kml/2.2");
    QStringList styles, styleUrls, stack;
    struct Folder {
      QString name;
      QList<QPair<QString, QString>> points; // styleUrl, coordinates
      QStringList lines;
    };
    QList<Folder> folders;
    QString styleUrl, documentName;
    while (!xml.atEnd()) {
      xml.readNext();
      if (xml.isStartElement()) {
        QCOMPARE(xml.namespaceUri().toString(), ns);
        const QString name = xml.name().toString();
        if (stack.isEmpty())
          QCOMPARE(name, QStringLiteral("kml"));
        const QString parent = stack.isEmpty() ? QString() : stack.back();
        stack << name;
        if (name == "Style")
          styles << xml.attributes().value("id").toString();
        else if (name == "Folder")
          folders.append(Folder{});
        else if (name == "name" && parent == "Folder")
          folders.back().name = xml.readElementText(), stack.removeLast();
        else if (name == "name" && parent == "Document")
          documentName = xml.readElementText(), stack.removeLast();
        else if (name == "styleUrl")
          styleUrl = xml.readElementText(), styleUrls << styleUrl, stack.removeLast();
        else if (name == "coordinates") {
          QVERIFY(!folders.isEmpty());
          QVERIFY(stack.size() >= 2);
          const QString geom = stack[stack.size() - 2];
          const QString text = xml.readElementText().trimmed();
          stack.removeLast();
          if (geom == "Point")
            folders.back().points.append({styleUrl, text});
          else if (geom == "LineString")
            folders.back().lines << text;
          else
            QFAIL(qPrintable("coordinates in " + geom));
        }
      } else if (xml.isEndElement()) {
        stack.removeLast();
      }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(stack.isEmpty());
    QCOMPARE(documentName, ctx.projectName);
    QCOMPARE(sorted(styles), sorted({"estimate", "exif", "errorLine", "region50", "region90", "region99"}));
    for (const QString &u : styleUrls)
      QVERIFY2(styles.contains(u.mid(1)) && u.startsWith(u'#'), qPrintable(u));

    int f = 0;
    for (const ImageResult &r : results) {
      if (!r.estimate)
        continue;
      QVERIFY(f < folders.size());
      const Folder &folder = folders[f++];
      QCOMPARE(folder.name, displayName(r.path));
      const bool exif = includeExif && r.exifLocation.has_value();
      QCOMPARE(folder.points.size(), exif ? 2 : 1);
      QCOMPARE(folder.points[0].first, QStringLiteral("#estimate"));
      bool ok = false;
      QVERIFY(parseLonLat(folder.points[0].second, &ok) == *r.estimate);
      QVERIFY(ok);
      QCOMPARE(folder.lines.size(), exif ? 1 : 0);
      if (!exif)
        continue;
      QCOMPARE(folder.points[1].first, QStringLiteral("#exif"));
      QVERIFY(parseLonLat(folder.points[1].second, &ok) == *r.exifLocation);
      const QStringList coords = folder.lines[0].split(u' ', Qt::SkipEmptyParts);
      QVERIFY(coords.size() >= 2);
      QVERIFY(parseLonLat(coords.front(), &ok) == *r.estimate);
      QVERIFY(parseLonLat(coords.back(), &ok) == *r.exifLocation);
      double previousLon = r.estimate->lon;
      for (const QString &c : coords) {
        const geo::GeoPoint p = parseLonLat(c, &ok);
        QVERIFY2(ok && p.isValid(), qPrintable(c));
        // Consecutive vertices are close (across the antimeridian: after wrapping).
        double dlon = std::abs(p.lon - previousLon);
        dlon = std::min(dlon, 360.0 - dlon);
        QVERIFY2(dlon < 10.0, qPrintable(c));
        previousLon = p.lon;
      }
    }
    QCOMPARE(f, folders.size());
  }

  // Confidence regions become MultiPolygon features (GeoJSON, closed rings [lon, lat]) and
  // Placemarks of Polygons (KML, outer and inner boundaries), with level and area.
  void confidenceRegionsExported() {
    std::vector<ImageResult> results = sampleResults(kDir);
    ImageResult &r = results[0];
    ConfidenceRegion region;
    region.level = 0.9;
    region.areaKm2 = 1234.5;
    region.polygons = {{{{48.0, 2.0}, {48.0, 3.0}, {49.0, 3.0}, {49.0, 2.0}},   // outer, counter-clockwise
                        {{48.4, 2.4}, {48.6, 2.4}, {48.6, 2.6}, {48.4, 2.6}}}}; // a hole, clockwise
    r.confidenceRegions = {region};
    const QJsonArray features = resultsToGeoJson(results, {}).object().value("features").toArray();
    int found = 0;
    for (const auto &v : features) {
      const QJsonObject props = v.toObject().value("properties").toObject();
      if (props.value("kind").toString() != "confidence_region")
        continue;
      ++found;
      QCOMPARE(props.value("path").toString(), r.path);
      QCOMPARE(props.value("level").toDouble(), 0.9);
      QCOMPARE(props.value("area_km2").toDouble(), 1234.5);
      const QJsonObject g = v.toObject().value("geometry").toObject();
      QCOMPARE(g.value("type").toString(), QStringLiteral("MultiPolygon"));
      const QJsonArray rings = g.value("coordinates").toArray()[0].toArray();
      QCOMPARE(rings.size(), 2);
      const QJsonArray outer = rings[0].toArray();
      QCOMPARE(outer.size(), 5);
      QCOMPARE(outer.first(), outer.last());
      QCOMPARE(outer[1].toArray()[0].toDouble(), 3.0); // [lon, lat]
      QCOMPARE(outer[1].toArray()[1].toDouble(), 48.0);
    }
    QCOMPARE(found, 1);
    const QByteArray kml = resultsToKml(results, {}, "t");
    QVERIFY(kml.contains("<name>90 % region (1235 km²)</name>") ||
            kml.contains("<name>90 % region (1234 km²)</name>"));
    QVERIFY(kml.contains("<styleUrl>#region90</styleUrl>"));
    QCOMPARE(kml.count("<outerBoundaryIs>"), 1);
    QCOMPARE(kml.count("<innerBoundaryIs>"), 1);
    QVERIFY(kml.contains("2,48 3,48 3,49 2,49 2,48"));
  }
};

QTEST_MAIN(TestExportGeo)
#include "tst_exportgeo.moc"
