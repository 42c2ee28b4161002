// The built-in gazetteer data (resources/gazetteer): completeness, consistency, lookups and
// countryAt() on real borders. Load time is printed, not asserted.
#include "core/gazetteer/Gazetteer.h"
#include "core/geo/GreatCircle.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>
#include <QtConcurrent>
#include <cmath>

using namespace streetlens;
using namespace streetlens::gazetteer;

namespace {
QString dataDir() {
  return QStringLiteral(STREETLENS_SOURCE_DIR "/resources/gazetteer");
}
} // namespace

class TestGazetteer : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase();
  void countries();
  void coordinatesValid();
  void regionsAndCities();
  void noPlaceRepeatsASeat_data();
  void noPlaceRepeatsASeat();
  void diacritics_data();
  void diacritics();
  void lookups();
  void countryNames_data();
  void countryNames();
  void countryAt_data();
  void countryAt();
  void capitals();
  void concurrentQueries();
  void loadFromFilePath();

private:
  std::shared_ptr<const Gazetteer> m_g;
};

void TestGazetteer::initTestCase() {
  QString error;
  QElapsedTimer timer;
  timer.start();
  m_g = Gazetteer::load(dataDir(), &error);
  const qint64 ms = timer.elapsed();
  QVERIFY2(m_g, qPrintable(error));
  int vertices = 0;
  for (const Country &c : m_g->countries())
    vertices += c.borders.vertexCount();
  qInfo("gazetteer load: %lld ms (%d countries, %d border vertices, %d regions, %d cities)", ms,
        int(m_g->countries().size()), vertices, int(m_g->regions().size()), int(m_g->cities().size()));
}

void TestGazetteer::countries() {
  QCOMPARE(m_g->country("FR")->continentName, QStringLiteral("Europe"));
  QCOMPARE(m_g->country("BR")->continent, QStringLiteral("SA"));
  QSet<QString> code2, code3;
  int un = 0, withBorders = 0;
  for (const Country &c : m_g->countries()) {
    QVERIFY2(!code2.contains(c.code2), qPrintable(c.code2));
    QVERIFY2(!code3.contains(c.code3), qPrintable(c.code3));
    code2.insert(c.code2);
    code3.insert(c.code3);
    QVERIFY(c.code2 == c.code2.toUpper() && c.code2.size() == 2);
    QVERIFY(c.code3 == c.code3.toUpper() && c.code3.size() == 3);
    for (const char *lang : {"en", "de", "fr", "es"})
      QVERIFY2(!c.names.value(QLatin1String(lang)).isEmpty(), qPrintable(c.code2 + " " + lang));
    // Every country has one of the seven continents (continents.tsv, for eval's by_continent).
    QVERIFY2(QStringList({"AF", "AN", "AS", "EU", "NA", "OC", "SA"}).contains(c.continent),
             qPrintable(c.code2));
    QVERIFY(!c.continentName.isEmpty());
    un += c.unMember ? 1 : 0;
    if (!c.borders.isEmpty())
      ++withBorders;
    else
      QVERIFY2(!c.unMember || c.code2 == QLatin1String("TV"), qPrintable(c.code2 + " has no borders"));
  }
  QCOMPARE(un, 193);
  QVERIFY(m_g->countries().size() >= 240); // territories are kept
  QVERIFY(withBorders >= 235);
  for (const char *code :
       {"FR", "US", "CN", "BR", "ZA", "SS", "TL", "ME", "KR", "KP", "VA", "XK", "TW", "PS"})
    QVERIFY2(m_g->country(QLatin1String(code)), code);
}

void TestGazetteer::coordinatesValid() {
  for (const Country &c : m_g->countries()) {
    QVERIFY2(c.representativePoint.isValid() && c.populationCenter.isValid(), qPrintable(c.code2));
    // The representative point lies inside the borders where there are borders.
    if (!c.borders.isEmpty())
      QVERIFY2(c.borders.contains(c.representativePoint), qPrintable(c.code2));
    for (const geo::GeoPolygon &p : c.borders.polygons())
      for (const geo::GeoRing &r : p.rings())
        for (const geo::GeoPoint &v : r.points())
          QVERIFY2(std::isfinite(v.lon) && v.lat >= -90.0 && v.lat <= 90.0 && v.lon >= -540.0 &&
                       v.lon <= 540.0,
                   qPrintable(c.code2));
  }
  for (const Region &r : m_g->regions())
    QVERIFY2(r.center.isValid(), qPrintable(r.code));
  for (const City &c : m_g->cities())
    QVERIFY2(c.location.isValid(), qPrintable(c.name));
}

void TestGazetteer::regionsAndCities() {
  const qsizetype regions = m_g->regions().size(), cities = m_g->cities().size();
  qInfo("regions %lld, cities %lld", qlonglong(regions), qlonglong(cities));
  QVERIFY(regions >= 3000 && regions <= 4500);
  QVERIFY(cities >= 20000 && cities <= 30000);
  int withoutRegion = 0;
  QSet<qint64> ids;
  for (const City &c : m_g->cities()) {
    QVERIFY2(m_g->country(c.countryCode), qPrintable(c.name));
    if (c.regionCode.isEmpty())
      ++withoutRegion;
    else {
      const Region *r = m_g->region(c.regionCode);
      QVERIFY2(r, qPrintable(c.name + " " + c.regionCode));
      QCOMPARE(r->countryCode, c.countryCode);
    }
    QVERIFY2(c.population >= 15000 || c.isCapital() || c.featureCode == QLatin1String("PPLA"),
             qPrintable(c.name));
    QVERIFY(!ids.contains(c.geonameId));
    ids.insert(c.geonameId);
    for (QChar ch : c.asciiName)
      QVERIFY2(ch.unicode() < 128, qPrintable(c.asciiName));
  }
  qInfo("cities without a known admin-1 region: %d", withoutRegion);
  QVERIFY(withoutRegion < cities / 50);
  for (const Region &r : m_g->regions()) {
    QVERIFY2(m_g->country(r.countryCode), qPrintable(r.code));
    QVERIFY(r.code.startsWith(r.countryCode + QLatin1Char('.')));
  }
}

namespace {

// The rule of tools/gazetteer/build.mjs: a plain populated place (PPL) within a seat's urban
// radius (√population / 100 km) in the same admin-1 region, with a population within 10 % of the
// seat's, is the seat listed a second time (a GeoNames district or older entry).
bool repeatsSeat(const City &place, const City &seat) {
  static const QStringList seats{"PPLC", "PPLA", "PPLA2", "PPLA3"};
  if (place.featureCode != QLatin1String("PPL") || !seats.contains(seat.featureCode) ||
      place.regionCode.isEmpty() || place.regionCode != seat.regionCode || place.population <= 0 ||
      seat.population <= 0)
    return false;
  const double ratio = double(place.population) / double(seat.population);
  return ratio <= 1.1 && ratio >= 1 / 1.1 &&
         geo::haversineKm(place.location, seat.location) <= std::sqrt(double(seat.population)) / 100.0;
}

} // namespace

// Issue 18: "Āzādshahr, Hamadan, pop. 514,102" was listed next to Hamadān (528,256), 5 km away.
void TestGazetteer::noPlaceRepeatsASeat_data() {
  QTest::addColumn<qint64>("seatId");
  QTest::addColumn<QString>("seatName");
  QTest::newRow("Hamadān (Āzādshahr)") << qint64(132144) << QStringLiteral("Hamadān");
  QTest::newRow("Bacolod City (Mansilingan)") << qint64(1729564) << QStringLiteral("Bacolod City");
  QTest::newRow("Conakry (Camayenne)") << qint64(2422465) << QStringLiteral("Conakry");
  QTest::newRow("San Pedro Garza García (San Pedro Garza Garcia)")
      << qint64(4005937) << QStringLiteral("San Pedro Garza García");
  QTest::newRow("all seats") << qint64(0) << QString();
}

void TestGazetteer::noPlaceRepeatsASeat() {
  QFETCH(qint64, seatId);
  QFETCH(QString, seatName);
  QVector<const City *> seats;
  if (seatId) {
    const City *seat = m_g->city(seatId);
    QVERIFY2(seat, qPrintable(seatName));
    QCOMPARE(seat->name, seatName);
    seats << seat;
  } else {
    for (const City &c : m_g->cities())
      seats << &c;
  }
  QHash<QString, QVector<const City *>> byRegion;
  for (const City &c : m_g->cities())
    byRegion[c.regionCode] << &c;
  QStringList repeats;
  for (const City *seat : seats)
    for (const City *c : byRegion.value(seat->regionCode))
      if (c != seat && repeatsSeat(*c, *seat))
        repeats << QStringLiteral("%1 (%2, pop. %3) next to %4 (pop. %5)")
                       .arg(c->name, c->regionCode)
                       .arg(c->population)
                       .arg(seat->name)
                       .arg(seat->population);
  QVERIFY2(repeats.isEmpty(), qPrintable(repeats.join(QStringLiteral("; "))));
}

void TestGazetteer::diacritics_data() {
  QTest::addColumn<qint64>("geonameId");
  QTest::addColumn<QString>("name");
  QTest::addColumn<QString>("ascii");
  QTest::addColumn<QString>("country");
  QTest::newRow("Zürich") << qint64(2657896) << QStringLiteral("Zürich") << "Zurich"
                          << "CH";
  QTest::newRow("São Paulo") << qint64(3448439) << QStringLiteral("São Paulo") << "Sao Paulo"
                             << "BR";
  QTest::newRow("Kraków") << qint64(3094802) << QStringLiteral("Kraków") << "Krakow"
                          << "PL";
  QTest::newRow("Łódź") << qint64(3093133) << QStringLiteral("Łódź") << "Lodz"
                        << "PL";
  QTest::newRow("Reykjavík") << qint64(3413829) << QStringLiteral("Reykjavík") << "Reykjavik"
                             << "IS";
  QTest::newRow("Yaoundé") << qint64(2220957) << QStringLiteral("Yaoundé") << "Yaounde"
                           << "CM";
}

void TestGazetteer::diacritics() {
  QFETCH(qint64, geonameId);
  QFETCH(QString, name);
  QFETCH(QString, ascii);
  QFETCH(QString, country);
  const City *c = m_g->city(geonameId);
  QVERIFY(c);
  QCOMPARE(c->name, name);
  QCOMPARE(c->asciiName, ascii);
  QCOMPARE(c->countryCode, country);
}

void TestGazetteer::lookups() {
  QCOMPARE(m_g->country(QStringLiteral("fr")), m_g->country(QStringLiteral("FRA")));
  QVERIFY(!m_g->country(QStringLiteral("ZZ")));
  const Region *ca = m_g->region(QStringLiteral("us.ca"));
  QVERIFY(ca);
  QCOMPARE(ca->name, QStringLiteral("California"));
  QVERIFY(geo::GeoBounds(32, -125, 42, -114).contains(ca->center));
  const auto jp = m_g->citiesOf(QStringLiteral("JP"), 5);
  QCOMPARE(jp.size(), 5);
  QCOMPARE(jp.front()->name, QStringLiteral("Tokyo"));
  for (qsizetype i = 1; i < jp.size(); ++i)
    QVERIFY(jp[i - 1]->population >= jp[i]->population);
  QVERIFY(m_g->citiesOf(QStringLiteral("DE")).size() > 300);
  QVERIFY(m_g->citiesOf(QStringLiteral("ZZ")).isEmpty());
  const auto us = m_g->regionsOf(QStringLiteral("US"));
  QVERIFY(us.size() >= 50 && us.size() <= 52);
  QCOMPARE(m_g->capitalOf(QStringLiteral("FR"))->name, QStringLiteral("Paris"));
  QCOMPARE(m_g->capitalOf(QStringLiteral("JP"))->name, QStringLiteral("Tokyo"));
  QVERIFY(!m_g->capitalOf(QStringLiteral("AQ")));
}

void TestGazetteer::countryNames_data() {
  QTest::addColumn<QString>("code");
  QTest::addColumn<QString>("lang");
  QTest::addColumn<QString>("name");
  QTest::newRow("de-de") << "DE"
                         << "de"
                         << "Deutschland";
  QTest::newRow("de-fr") << "DE"
                         << "fr"
                         << "Allemagne";
  QTest::newRow("de-es") << "DE"
                         << "es"
                         << "Alemania";
  QTest::newRow("de-en") << "DE"
                         << "en"
                         << "Germany";
  QTest::newRow("de-it-falls-back") << "DE"
                                    << "it"
                                    << "Germany";
  QTest::newRow("ch-fr") << "CH"
                         << "fr"
                         << "Suisse";
  QTest::newRow("es-es") << "ES"
                         << "es" << QStringLiteral("España");
}

void TestGazetteer::countryNames() {
  QFETCH(QString, code);
  QFETCH(QString, lang);
  QFETCH(QString, name);
  QVERIFY(m_g->country(code));
  QCOMPARE(m_g->country(code)->name(lang), name);
}

void TestGazetteer::countryAt_data() {
  QTest::addColumn<double>("lat");
  QTest::addColumn<double>("lon");
  QTest::addColumn<QString>("code"); // empty: no country
  QTest::newRow("paris") << 48.8566 << 2.3522 << "FR";
  QTest::newRow("berlin") << 52.52 << 13.405 << "DE";
  QTest::newRow("lesotho-hole-in-south-africa") << -29.6 << 28.3 << "LS";
  QTest::newRow("south-africa-around-lesotho") << -30.5 << 26.0 << "ZA";
  QTest::newRow("chukotka-east-of-180") << 66.0 << -175.0 << "RU";
  QTest::newRow("russia-west-of-180") << 66.0 << 175.0 << "RU";
  QTest::newRow("fiji-suva") << -18.1416 << 178.4415 << "FJ";
  QTest::newRow("fiji-labasa") << -16.4332 << 179.3645 << "FJ";
  QTest::newRow("antarctica-interior") << -80.0 << 30.0 << "AQ";
  QTest::newRow("south-pole") << -90.0 << 0.0 << "AQ";
  QTest::newRow("reunion") << -21.1 << 55.5 << "RE";
  QTest::newRow("kosovo") << 42.66 << 21.17 << "XK";
  QTest::newRow("mid-atlantic") << 30.0 << -40.0 << "";
  QTest::newRow("north-pole") << 90.0 << 0.0 << "";
  QTest::newRow("offshore-nice-coast-fallback") << 43.64 << 7.26 << "FR";
  QTest::newRow("far-offshore-nice") << 42.5 << 7.26 << "";
  QTest::newRow("invalid") << qQNaN() << 0.0 << "";
}

void TestGazetteer::countryAt() {
  QFETCH(double, lat);
  QFETCH(double, lon);
  QFETCH(QString, code);
  const Country *c = m_g->countryAt({lat, lon});
  QCOMPARE(c ? c->code2 : QString(), code);
}

void TestGazetteer::capitals() {
  int total = 0, pass = 0;
  QStringList failures;
  for (const City &city : m_g->cities()) {
    if (!city.isCapital())
      continue;
    ++total;
    const Country *c = m_g->countryAt(city.location);
    if (c && c->code2 == city.countryCode)
      ++pass;
    else
      failures << QStringLiteral("%1 (%2 -> %3)")
                      .arg(city.name, city.countryCode, c ? c->code2 : QStringLiteral("-"));
  }
  qInfo("countryAt on GeoNames capitals: %d of %d correct", pass, total);
  qInfo("misses: %s", qPrintable(failures.join(QStringLiteral(", "))));
  QVERIFY(total >= 190);
  QVERIFY2(pass >= 150, qPrintable(QString::number(pass)));
  QVERIFY2(pass * 100 >= total * 90, "fewer than 90 % of capitals resolve to their own country");
}

void TestGazetteer::concurrentQueries() {
  // The instance is immutable: many threads may query it at once and must agree with a serial run.
  QVector<geo::GeoPoint> points;
  for (int i = 0; i < 400; ++i)
    points.push_back({-60.0 + (i * 37) % 135, -180.0 + (i * 97) % 360});
  QVector<const Country *> serial;
  for (const geo::GeoPoint &p : points)
    serial.push_back(m_g->countryAt(p));
  const auto g = m_g;
  const QVector<const Country *> parallel =
      QtConcurrent::blockingMapped(points, [g](const geo::GeoPoint &p) { return g->countryAt(p); });
  QCOMPARE(parallel, serial);
}

void TestGazetteer::loadFromFilePath() {
  QString error;
  const auto g = Gazetteer::load(dataDir() + QStringLiteral("/countries.json"), &error);
  QVERIFY2(g, qPrintable(error));
  QCOMPARE(g->cities().size(), m_g->cities().size());
}

QTEST_GUILESS_MAIN(TestGazetteer)
#include "tst_gazetteer.moc"
