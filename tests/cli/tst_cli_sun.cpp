// streetlens-cli sun and predict's sun-band constraint (issue 22): the sun's position against an
// independent sun (tests/support/AlmanacSun.h) and SPA's published example; the band's GeoJSON
// cell by cell against the independent sun; the moment from EXIF (DateTimeOriginal +
// OffsetTimeOriginal) and the errors of a photo or a time without a zone; predict's constraint.
#include "tests/cli/CliRun.h"
#include "tests/support/AlmanacSun.h"
#include "tests/support/ExifWriter.h"
#include "tests/support/Fixture.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>
#include <cmath>

using namespace streetlens;
using namespace streetlens::test;

namespace {

QDateTime isoTime(const QString &text) {
  return QDateTime::fromString(text, Qt::ISODate);
}

// Ray casting over the rectangles of a GeoJSON MultiPolygon (independent of core/geo).
bool inMultiPolygon(const QJsonArray &polygons, double lat, double lon) {
  for (const auto &poly : polygons) {
    const QJsonArray ring = poly.toArray().at(0).toArray();
    bool in = false;
    for (qsizetype i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      const double xi = ring[i].toArray()[0].toDouble(), yi = ring[i].toArray()[1].toDouble();
      const double xj = ring[j].toArray()[0].toDouble(), yj = ring[j].toArray()[1].toDouble();
      if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi)
        in = !in;
    }
    if (in)
      return true;
  }
  return false;
}

} // namespace

class TestCliSun : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;

private Q_SLOTS:
  void sunAt_data() {
    QTest::addColumn<QString>("time");
    QTest::addColumn<QString>("at");
    QTest::newRow("issue example") << "2024-06-21T09:30:00Z"
                                   << "47.4979,19.0402";
    QTest::newRow("Sydney, offset") << "2024-06-21T15:00:00+10:00"
                                    << "-33.8688,151.2093";
    QTest::newRow("Tromsø midnight sun") << "2023-06-25T00:30:00+02:00"
                                         << "69.6492,18.9553";
    QTest::newRow("SPA example") << "2003-10-17T12:30:30-07:00"
                                 << "39.742476,-105.1786";
  }
  void sunAt() {
    QFETCH(QString, time);
    QFETCH(QString, at);
    const Run r = cli({"sun", "--time", time, "--at", at});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject o = r.json();
    QCOMPARE(o.keys(), (QStringList{"azimuth_deg", "elevation_deg"}));
    const double lat = at.section(',', 0, 0).toDouble(), lon = at.section(',', 1, 1).toDouble();
    const AlmanacSun ref = almanacSun(isoTime(time), lat, lon);
    QVERIFY2(std::fabs(o["elevation_deg"].toDouble() - ref.elevationDeg) < 0.05, r.out.constData());
    QVERIFY2(std::fabs(std::remainder(o["azimuth_deg"].toDouble() - ref.azimuthDeg, 360.0)) < 0.05,
             r.out.constData());
    if (QString(QTest::currentDataTag()) == "SPA example") { // published: zenith 50.11162, azimuth 194.34024
      QVERIFY(std::fabs(90 - o["elevation_deg"].toDouble() - 50.11162) < 0.05);
      QVERIFY(std::fabs(o["azimuth_deg"].toDouble() - 194.34024) < 0.05);
    }
  }

  void band_data() {
    QTest::addColumn<QString>("time");
    QTest::addColumn<double>("ratio");
    QTest::addColumn<double>("tolerance");
    QTest::newRow("morning, ratio 0.8") << "2024-06-21T09:30:00Z" << 0.8 << 1.0;
    QTest::newRow("winter, long shadow, offset") << "2023-12-21T14:00:00-05:00" << 3.0 << 0.5;
  }
  // The band's cells are those whose sun elevation is within the tolerance of atan(1/R).
  void band() {
    QFETCH(QString, time);
    QFETCH(double, ratio);
    QFETCH(double, tolerance);
    const QString out = tmp_.filePath("band.geojson");
    const Run r = cli({"sun", "--time", time, "--shadow-ratio", QString::number(ratio), "--tolerance-deg",
                       QString::number(tolerance), "--grid-deg", "1", "-o", out});
    QVERIFY2(r.code == 0, r.err.constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject feature = QJsonDocument::fromJson(f.readAll()).object();
    const QJsonObject g = feature["geometry"].toObject();
    QCOMPARE(g["type"].toString(), QStringLiteral("MultiPolygon"));
    const QJsonObject props = feature["properties"].toObject();
    QCOMPARE(props["time_source"].toString(), QStringLiteral("--time"));
    QCOMPARE(props["shadow_ratio"].toDouble(), ratio);
    const double elevation = std::atan(1.0 / ratio) / kRad;
    QVERIFY(std::fabs(props["elevation_deg"].toDouble() - elevation) < 1e-9);
    const QJsonArray polygons = g["coordinates"].toArray();
    int inside = 0;
    for (double lat = 89.5; lat > -90; lat -= 1)
      for (double lon = -179.5; lon < 180; lon += 1) {
        const double e = almanacSun(isoTime(time), lat, lon).elevationDeg;
        if (std::fabs(std::fabs(e - elevation) - tolerance) < 0.05)
          continue; // at the edge the two models may disagree
        const bool in = inMultiPolygon(polygons, lat, lon);
        QVERIFY2(in == (std::fabs(e - elevation) <= tolerance),
                 qPrintable(QStringLiteral("%1,%2 elevation %3").arg(lat).arg(lon).arg(e)));
        inside += in;
      }
    QVERIFY(inside > 0);
  }

  // The default fine grid (0.1°) to stdout, read back as predict's --within area.
  void fineBandOnStdout() {
    const Run r = cli({"sun", "--time", "2024-06-21T11:30:00+02:00", "--sun-elevation", "50"});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject feature = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(feature["properties"].toObject()["grid_deg"].toDouble(), 0.1);
    const QJsonArray polygons = feature["geometry"].toObject()["coordinates"].toArray();
    QVERIFY(polygons.size() > 100);
    const QJsonArray first = polygons.at(0).toArray().at(0).toArray();
    QCOMPARE(first.first(), first.last()); // closed rings
  }

  // The moment from EXIF: DateTimeOriginal with OffsetTimeOriginal gives the same sun as --time.
  void photoTime() {
    const QString dir = tmp_.filePath("photos");
    QDir().mkpath(dir);
    const QString zoned = dir + "/zoned.jpg", local = dir + "/local.jpg", none = dir + "/none.jpg";
    for (const QString &p : {zoned, local, none}) {
      QVERIFY(QFile::copy(fixturePath("images/landscape_640x480.jpg"), p));
      QFile(p).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    QVERIFY(writeExifTime(zoned, "2024:06:21 11:30:00", "+02:00"));
    QVERIFY(writeExifTime(local, "2024:06:21 11:30:00", ""));
    const Run byTime = cli({"sun", "--time", "2024-06-21T09:30:00Z", "--at", "47.5,19.04"});
    const Run byPhoto = cli({"sun", "--photo", zoned, "--at", "47.5,19.04"});
    QVERIFY2(byPhoto.code == 0, byPhoto.err.constData());
    QCOMPARE(byPhoto.json(), byTime.json());
    const Run band = cli({"sun", "--photo", zoned, "--shadow-ratio", "1", "--grid-deg", "5"});
    QVERIFY2(band.code == 0, band.err.constData());
    const QJsonObject props = QJsonDocument::fromJson(band.out).object()["properties"].toObject();
    QCOMPARE(props["time"].toString(), QStringLiteral("2024-06-21T11:30:00+02:00"));
    QVERIFY(props["time_source"].toString().contains("OffsetTimeOriginal of zoned.jpg"));
    // A clock time without a zone, and no time at all: clear errors naming the photo.
    const Run noZone = cli({"sun", "--photo", local, "--shadow-ratio", "1"});
    QCOMPARE(noZone.code, 1);
    QVERIFY2(noZone.err.contains("local.jpg") && noZone.err.contains("no time zone"), noZone.err.constData());
    const Run noTime = cli({"sun", "--photo", none, "--shadow-ratio", "1"});
    QCOMPARE(noTime.code, 1);
    QVERIFY2(noTime.err.contains("none.jpg: no capture time"), noTime.err.constData());
  }

  // The usage line names the command; main's help lists it.
  void help() {
    const Run r = cli({"sun", "--help"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith("Usage: streetlens-cli sun "), r.out.constData());
    for (const char *option :
         {"--time", "--at", "--shadow-ratio", "--tolerance-deg", "--photo", "--grid-deg"})
      QVERIFY2(r.out.contains(option), option);
    QVERIFY(cli({"--help"}).out.contains("  sun "));
  }

  void badInput_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("time without zone")
        << QStringList{"--time", "2024-06-21T09:30:00", "--at", "1,2"} << "has no time zone";
    QTest::newRow("not a time") << QStringList{"--time", "yesterday", "--shadow-ratio", "1"}
                                << "not an ISO 8601";
    QTest::newRow("ratio 0") << QStringList{"--time", "2024-06-21T09:30:00Z", "--shadow-ratio", "0"}
                             << "--shadow-ratio '0' must be a number > 0";
    QTest::newRow("ratio and elevation")
        << QStringList{"--time", "2024-06-21T09:30:00Z", "--shadow-ratio", "1", "--sun-elevation", "40"}
        << "not both";
    QTest::newRow("no time") << QStringList{"--shadow-ratio", "1"} << "give --time TIME";
    QTest::newRow("bad place") << QStringList{"--time", "2024-06-21T09:30:00Z", "--at", "95,0"}
                               << "--at '95,0' is not LAT,LON";
    QTest::newRow("nothing to do") << QStringList{"--time", "2024-06-21T09:30:00Z"} << "sun needs --at";
    QTest::newRow("tolerance 0") << QStringList{"--time", "2024-06-21T09:30:00Z", "--shadow-ratio",
                                                "1",      "--tolerance-deg",      "0"}
                                 << "--tolerance-deg '0' must be degrees";
    QTest::newRow("azimuth alone") << QStringList{"--time", "2024-06-21T09:30:00Z", "--shadow-azimuth", "300"}
                                   << "--shadow-azimuth needs";
  }
  void badInput() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = cli(QStringList{"sun"} + args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
  }

  // predict --sun-time --sun-elevation: a band through the model's own estimate at that moment keeps
  // only places in it; the estimate lies in the band and the constraint is recorded.
  void predictWithBand() {
    STREETLENS_REQUIRE_FIXTURE();
    const QString image = fixturePath("images/landscape_640x480.jpg");
    const QString cache = tmp_.filePath("cache");
    const Run free = cli({"predict", "--model", fixturePath("model"), "--cache-dir", cache, image});
    QVERIFY2(free.code == 0, free.err.constData());
    const QJsonObject freeEst =
        free.json().value("results").toArray().at(0).toObject().value("estimate").toObject();
    // Ten in the morning, local mean solar time, at the model's estimate.
    const double hours = std::fmod(10.0 - freeEst["lon"].toDouble() / 15.0 + 48.0, 24.0);
    const QString time = QDateTime(QDate(2024, 6, 21), QTime(0, 0), QTimeZone::utc())
                             .addSecs(qint64(hours * 3600))
                             .toString(Qt::ISODate);
    const AlmanacSun there = almanacSun(isoTime(time), freeEst["lat"].toDouble(), freeEst["lon"].toDouble());
    QVERIFY2(there.elevationDeg > 5, qPrintable(time)); // the sun is up over the model's estimate
    const Run r = cli({"predict", "--model", fixturePath("model"), "--cache-dir", cache, "--sun-time", time,
                       "--sun-elevation", QString::number(there.elevationDeg, 'f', 3), "--tolerance-deg", "2",
                       "--top-k", "50", image});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject o = r.json().value("results").toArray().at(0).toObject();
    const QJsonObject c = o.value("constraint").toObject();
    QVERIFY2(c.contains("mass_inside") && !c.value("empty").toBool(), r.out.constData());
    const double band = there.elevationDeg;
    QVERIFY(c.value("mass_inside").toDouble() < 1.0); // the band leaves most of the world out
    // The estimate may be a region's or country's own share, weighted by the part of it in the band
    // (a 150 km kernel: up to about 1.5° of elevation beyond the band's edge).
    const QJsonObject est = o.value("estimate").toObject();
    const double e = almanacSun(isoTime(time), est["lat"].toDouble(), est["lon"].toDouble()).elevationDeg;
    QVERIFY2(std::fabs(e - band) <= 2.0 + 3.0, r.out.constData());
    // Cities are points: each listed one lies in the band.
    int cities = 0;
    for (const auto &v : o.value("cities").toArray()) {
      const QJsonObject city = v.toObject();
      if (city["probability"].toDouble() <= 0)
        continue;
      const double ce =
          almanacSun(isoTime(time), city["lat"].toDouble(), city["lon"].toDouble()).elevationDeg;
      QVERIFY2(std::fabs(ce - band) <= 2.05, qPrintable(city["name"].toString()));
      ++cities;
    }
    QVERIFY(cities > 0);
  }

  // The report records the band: its elevation, tolerance, ratio, the time and where it came from.
  void reportRecordsTheBand() {
    STREETLENS_REQUIRE_FIXTURE();
    const QString out = tmp_.filePath("report.html");
    const Run r = cli({"predict", "--model", fixturePath("model"), "--cache-dir", tmp_.filePath("cache"),
                       "--sun-time", "2024-06-21T11:30:00+02:00", "--shadow-ratio", "0.75", "--tolerance-deg",
                       "3", "-o", out, fixturePath("images/landscape_640x480.jpg")});
    QVERIFY2(r.code == 0, r.err.constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(f.readAll());
    const QString elevation = QString::number(std::atan(1 / 0.75) / kRad, 'g', 6); // 53.1301
    for (const QString &part :
         {QStringLiteral("sun %1° ± 3°").arg(elevation), QStringLiteral("shadow ratio 0.75"),
          QStringLiteral("2024-06-21T11:30:00+02:00"), QStringLiteral("time: --sun-time")})
      QVERIFY2(html.contains(part), qPrintable(part));
  }

  void predictBadSun_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("ratio without time") << QStringList{"--shadow-ratio", "1"} << "give --sun-time TIME";
    QTest::newRow("time without zone") << QStringList{"--sun-time", "2024-06-21T09:30", "--shadow-ratio", "1"}
                                       << "--sun-time: '2024-06-21T09:30' has no time zone";
  }
  void predictBadSun() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = cli(QStringList{"predict", "--model", fixturePath("model")} + args +
                      QStringList{fixturePath("images/landscape_640x480.jpg")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
  }
};

QTEST_GUILESS_MAIN(TestCliSun)
#include "tst_cli_sun.moc"
