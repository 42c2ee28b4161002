// Gazetteer::load() on small hand-written files: a valid minimal set, and each kind of bad input
// must give a null result and an error naming the file and the problem (never a crash).
#include "core/gazetteer/Gazetteer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace streetlens::gazetteer;

namespace {

const QByteArray kCountries = R"({"format":"streetlens-gazetteer-countries","version":1,"coordScale":10,
"countries":[
{"a2":"AA","a3":"AAA","num":"001","un":true,"names":{"en":"Squareland","de":"Quadratland"},
 "lat":5,"lon":5,"popLat":5,"popLon":5,"population":100,
 "polygons":[[[0,0,100,0,100,100,0,100,0,0],[40,40,40,60,60,60,60,40]]]},
{"a2":"BB","a3":"BBB","num":"002","un":false,"names":{"en":"Holeland"},
 "lat":5,"lon":5,"popLat":5,"popLon":5,"population":10,"polygons":[[[40,40,60,40,60,60,40,60]]]}
]})";
const QByteArray kRegions = "code\tcountry\tname\tlat\tlon\tpopulation\tcities\n"
                            "AA.01\tAA\tNorth\t8\t5\t60\t2\n";
const QByteArray kCities = "geonameid\tname\tascii\tcountry\tregion\tlat\tlon\tpopulation\tfeature\n"
                           "1\tÅby\tAby\tAA\tAA.01\t8\t5\t50000\tPPLC\n"
                           "2\tHole City\tHole City\tBB\t\t5\t5\t20000\tPPL\n";

bool writeSet(const QString &dir, const QByteArray &countries, const QByteArray &regions,
              const QByteArray &cities) {
  const std::pair<const char *, QByteArray> files[] = {
      {"countries.json", countries}, {"regions.tsv", regions}, {"cities.tsv", cities}};
  for (const auto &[name, data] : files) {
    QFile f(dir + QLatin1Char('/') + QLatin1String(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
      return false;
  }
  return true;
}

} // namespace

class TestGazetteerLoader : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void minimalSet();
  void badInput_data();
  void badInput();
  void missingFolder();
};

void TestGazetteerLoader::minimalSet() {
  QTemporaryDir dir;
  QVERIFY(writeSet(dir.path(), kCountries, kRegions, kCities));
  QString error;
  const auto g = Gazetteer::load(dir.path(), &error);
  QVERIFY2(g, qPrintable(error));
  QCOMPARE(g->countries().size(), 2);
  QCOMPARE(g->country(QStringLiteral("aaa"))->name(QStringLiteral("de")), QStringLiteral("Quadratland"));
  QCOMPARE(g->country(QStringLiteral("AA"))->name(QStringLiteral("fr")), QStringLiteral("Squareland"));
  QCOMPARE(g->city(1)->name, QStringLiteral("Åby"));
  QCOMPARE(g->capitalOf(QStringLiteral("AA"))->geonameId, 1);
  QCOMPARE(g->regionsOf(QStringLiteral("AA")).size(), 1);
  // coordScale 10: the square spans 0..10 degrees with a hole 4..6 that BB fills.
  QCOMPARE(g->countryAt({2, 2})->code2, QStringLiteral("AA"));
  QCOMPARE(g->countryAt({5, 5})->code2, QStringLiteral("BB"));
  QVERIFY(!g->countryAt({5, 12}, 0.0));
  QCOMPARE(g->countryAt({5, 10.1})->code2, QStringLiteral("AA")); // ~11 km off the edge
  QVERIFY(!g->countryAt({5, 10.3}));                              // ~33 km: beyond the fallback
  QCOMPARE(g->distanceToCountryKm(*g->country(QStringLiteral("AA")), {2, 2}), 0.0);
}

void TestGazetteerLoader::badInput_data() {
  QTest::addColumn<QByteArray>("countries");
  QTest::addColumn<QByteArray>("regions");
  QTest::addColumn<QByteArray>("cities");
  QTest::addColumn<QString>("errorPart");
  QByteArray wrongFormat = kCountries;
  wrongFormat.replace("streetlens-gazetteer-countries", "something-else");
  QByteArray newerVersion = kCountries;
  newerVersion.replace("\"version\":1", "\"version\":7");
  QByteArray badLat = kCountries;
  badLat.replace("\"lat\":5,\"lon\":5,\"popLat\":5,\"popLon\":5,\"population\":100",
                 "\"lat\":95,\"lon\":5,\"popLat\":5,\"popLon\":5,\"population\":100");
  QByteArray oddRing = kCountries;
  oddRing.replace("[40,40,60,40,60,60,40,60]", "[40,40,60,40,60,60,40]");
  QByteArray duplicate = kCountries;
  duplicate.replace("\"a2\":\"BB\"", "\"a2\":\"AA\"");
  QTest::newRow("truncated-json") << kCountries.left(100) << kRegions << kCities
                                  << "countries.json: invalid JSON";
  QTest::newRow("wrong-format") << wrongFormat << kRegions << kCities << "not a StreetLens countries file";
  QTest::newRow("newer-version") << newerVersion << kRegions << kCities << "unsupported version 7";
  QTest::newRow("latitude-out-of-range") << badLat << kRegions << kCities << "invalid coordinates";
  QTest::newRow("odd-ring") << oddRing << kRegions << kCities << "odd number of values";
  QTest::newRow("duplicate-code") << duplicate << kRegions << kCities << "duplicate country code";
  QTest::newRow("regions-bad-header")
      << kCountries << QByteArray("code\tname\n") << kCities << "regions.tsv: unexpected header";
  QTest::newRow("regions-unknown-country") << kCountries << QByteArray(kRegions).replace("\tAA\t", "\tZZ\t")
                                           << kCities << "regions.tsv:2: unknown country 'ZZ'";
  QTest::newRow("cities-missing-field")
      << kCountries << kRegions << QByteArray(kCities).replace("\t50000\tPPLC", "\t50000")
      << "cities.tsv:2: 8 fields instead of 9";
  QTest::newRow("cities-bad-number") << kCountries << kRegions << QByteArray(kCities).replace("50000", "5e")
                                     << "cities.tsv:2: invalid population";
  QTest::newRow("cities-unknown-region")
      << kCountries << kRegions << QByteArray(kCities).replace("AA.01", "AA.99")
      << "cities.tsv:2: unknown region 'AA.99'";
  QTest::newRow("cities-empty") << kCountries << kRegions << QByteArray() << "cities.tsv: empty file";
}

void TestGazetteerLoader::badInput() {
  QFETCH(QByteArray, countries);
  QFETCH(QByteArray, regions);
  QFETCH(QByteArray, cities);
  QFETCH(QString, errorPart);
  QTemporaryDir dir;
  QVERIFY(writeSet(dir.path(), countries, regions, cities));
  QString error;
  const auto g = Gazetteer::load(dir.path(), &error);
  QVERIFY(!g);
  QVERIFY2(error.contains(errorPart), qPrintable(error));
}

void TestGazetteerLoader::missingFolder() {
  QString error;
  QVERIFY(!Gazetteer::load(QStringLiteral("/nonexistent/gazetteer"), &error));
  QVERIFY2(error.contains(QLatin1String("/nonexistent/gazetteer")), qPrintable(error));
  QTemporaryDir dir; // exists but holds no files
  QVERIFY(!Gazetteer::load(dir.path(), &error));
  QVERIFY2(error.contains(QLatin1String("countries.json: cannot open")), qPrintable(error));
}

QTEST_APPLESS_MAIN(TestGazetteerLoader)
#include "tst_gazetteerloader.moc"
