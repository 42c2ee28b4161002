// The analyst's evidence kept in a project file (issue 17): sites and the constraint are written
// as records of the meta table, survive closing and reopening, are absent (not an error) in
// projects written before them, and stored sites fuse exactly as fuseSite does on their members.
#include "core/store/ProjectEvidence.h"
#include "core/store/ProjectStore.h"
#include "core/store/ResultJson.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace streetlens;
using namespace streetlens::store;

Q_DECLARE_METATYPE(streetlens::GeoConstraint)

namespace {

geo::GeoMultiPolygon box(double lat0, double lon0, double lat1, double lon1) {
  return geo::GeoMultiPolygon({geo::GeoPolygon(
      {geo::GeoRing::fromPoints({{lat0, lon0}, {lat0, lon1}, {lat1, lon1}, {lat1, lon0}})})});
}

ImageResult result(const QString &sha, const QString &country, double lat, double lon, double p) {
  ImageResult r;
  r.path = QStringLiteral("/photos/%1.jpg").arg(sha);
  r.sha256 = sha;
  r.status = ImageStatus::Done;
  PlaceProbability c;
  c.code = country;
  c.name = country;
  c.country = country;
  c.location = geo::GeoPoint{lat, lon};
  c.probability = p;
  PlaceProbability other = c;
  other.code = other.name = other.country = QStringLiteral("ZZ");
  other.location = geo::GeoPoint{-lat, -lon};
  other.probability = 1 - p;
  r.countries = {c, other};
  return r;
}

} // namespace

class TestProjectEvidence : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

private Q_SLOTS:
  void constraintSurvivesReopen_data() {
    QTest::addColumn<GeoConstraint>("constraint");
    GeoConstraint countries;
    countries.countries = QStringList{"HU", "AT"};
    countries.excludeCountries = QStringList{"SK"};
    countries.sources = QStringList{};
    QTest::newRow("countries") << countries;
    GeoConstraint areas;
    areas.within.push_back(box(45, 16, 48.5, 23));
    areas.exclude.push_back(box(47, 18.5, 47.8, 19.5));
    areas.near.push_back({{47.5, 19.05}, 50});
    areas.sources = QStringList{"Within drawn area (4 corners)", "Not in x.geojson (1 of 1)", "Within 50 km"};
    QTest::newRow("areas and circle") << areas;
    GeoConstraint antimeridian; // unwrapped longitudes beyond 180 are written in range and read back
    antimeridian.within.push_back(box(-20, 170, -10, 190));
    antimeridian.regions = QStringList{"US.CA"};
    antimeridian.excludeRegions = QStringList{"US.NV"};
    QTest::newRow("across the antimeridian, regions") << antimeridian;
    GeoConstraint sun; // a shadow's sun band (issue 22) with a direction, and one area
    geo::SunObservation obs;
    obs.time = QDateTime::fromString(QStringLiteral("2024-06-21T11:30:00+02:00"), Qt::ISODate);
    obs.timeSource = QStringLiteral("entered by the analyst");
    obs.shadowRatio = 0.75;
    obs.elevationDeg = geo::elevationFromShadowRatio(0.75);
    obs.toleranceDeg = 3;
    obs.shadowAzimuthDeg = 330;
    obs.azimuthToleranceDeg = 25;
    sun.sunBands.push_back(geo::SunBand(obs));
    sun.within.push_back(box(30, -20, 60, 40));
    QTest::newRow("a sun band and an area") << sun;
  }
  void constraintSurvivesReopen() {
    QFETCH(GeoConstraint, constraint);
    const QString path = dir_.filePath(QStringLiteral("c-%1.streetlens").arg(QTest::currentDataTag()));
    QString err;
    {
      auto s = ProjectStore::open(path, &err);
      QVERIFY2(s, qPrintable(err));
      QVERIFY(!s->constraint()); // a new project, as one written before the record existed
      QVERIFY2(s->setConstraint(constraint, &err), qPrintable(err));
    }
    auto s = ProjectStore::open(path, &err);
    QVERIFY2(s, qPrintable(err));
    const auto back = s->constraint();
    QVERIFY(back);
    QCOMPARE(back->countries, constraint.countries);
    QCOMPARE(back->excludeCountries, constraint.excludeCountries);
    QCOMPARE(back->regions, constraint.regions);
    QCOMPARE(back->excludeRegions, constraint.excludeRegions);
    QCOMPARE(back->sources, constraint.sources);
    QCOMPARE(back->within.size(), constraint.within.size());
    QCOMPARE(back->exclude.size(), constraint.exclude.size());
    QCOMPARE(back->near.size(), constraint.near.size());
    QCOMPARE(back->sunBands.size(), constraint.sunBands.size());
    for (qsizetype i = 0; i < constraint.sunBands.size(); ++i) {
      const geo::SunObservation &a = back->sunBands[i].observation(),
                                &b = constraint.sunBands[i].observation();
      QCOMPARE(a.time.toUTC(), b.time.toUTC());
      QCOMPARE(a.time.offsetFromUtc(), b.time.offsetFromUtc());
      QCOMPARE(a.timeSource, b.timeSource);
      QCOMPARE(a.elevationDeg, b.elevationDeg);
      QCOMPARE(a.toleranceDeg, b.toleranceDeg);
      QCOMPARE(a.shadowRatio, b.shadowRatio);
      QCOMPARE(a.shadowAzimuthDeg, b.shadowAzimuthDeg);
      QCOMPARE(a.azimuthToleranceDeg, b.azimuthToleranceDeg);
    }
    for (qsizetype i = 0; i < constraint.near.size(); ++i) {
      QCOMPARE(back->near[i].centre.lat, constraint.near[i].centre.lat);
      QCOMPARE(back->near[i].radiusKm, constraint.near[i].radiusKm);
    }
    // The areas admit the same points: a grid over the world, checked against the original.
    for (double lat = -85; lat <= 85; lat += 2.5)
      for (double lon = -179; lon <= 179; lon += 2.5)
        QVERIFY2(back->allowsPoint({lat, lon}) == constraint.allowsPoint({lat, lon}),
                 qPrintable(QStringLiteral("%1,%2").arg(lat).arg(lon)));
  }

  void sitesSurviveReopen() {
    const QString path = dir_.filePath(QStringLiteral("sites.streetlens"));
    QString err;
    const std::vector<StoredSite> sites{{QStringLiteral("Main street"), {"aa", "bb", "cc"}},
                                        {QStringLiteral("Bahnhof ↵ «2»"), {"dd"}}};
    {
      auto s = ProjectStore::open(path, &err);
      QVERIFY2(s, qPrintable(err));
      QVERIFY(s->sites().empty());
      QVERIFY2(s->setSites(sites, &err), qPrintable(err));
    }
    auto s = ProjectStore::open(path, &err);
    QVERIFY2(s, qPrintable(err));
    QCOMPARE(s->sites(), sites);
    QVERIFY(s->setSites({}, &err)); // the last site deleted
    QVERIFY(s->sites().empty());
    QCOMPARE(s->meta(QStringLiteral("format_version")), QString::number(ProjectStore::kFormatVersion));
  }

  void damagedRecordsReadAsAbsent_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    QTest::newRow("constraint not JSON") << "constraint"
                                         << "{oops";
    QTest::newRow("constraint with a point") << "constraint"
                                             << R"({"within":[{"type":"Point","coordinates":[1,2]}]})";
    QTest::newRow("sun band without a time") << "constraint"
                                             << R"({"sun_bands":[{"elevation_deg":40,"tolerance_deg":1}]})";
    QTest::newRow("circle out of range") << "constraint"
                                         << R"({"near":[{"lat":91,"lon":0,"km":5}]})";
    QTest::newRow("sites not JSON") << "sites"
                                    << "[[";
  }
  void damagedRecordsReadAsAbsent() {
    QFETCH(QString, key);
    QFETCH(QString, text);
    QString err;
    auto s = ProjectStore::open(
        dir_.filePath(QStringLiteral("bad-%1.streetlens").arg(QTest::currentDataTag())), &err);
    QVERIFY2(s, qPrintable(err));
    QVERIFY(s->setMeta(key, text, &err));
    QVERIFY(!s->constraint());
    QVERIFY(s->sites().empty());
    QString why;
    if (key == QLatin1String("constraint") && QJsonDocument::fromJson(text.toUtf8()).isObject()) {
      QVERIFY(!constraintFromJson(QJsonDocument::fromJson(text.toUtf8()).object(), &why));
      QVERIFY2(why.contains(QStringLiteral("constraint")), qPrintable(why));
    }
  }

  void storedSitesFuseTheirMembers() {
    const std::vector<ImageResult> results{result("aa", "HU", 47.5, 19, 0.6),
                                           result("bb", "HU", 47.4, 19.1, 0.7),
                                           result("cc", "FR", 48.8, 2.3, 0.8)};
    const std::vector<StoredSite> sites{{"two", {"bb", "aa"}}, {"gone", {"cc", "xx"}}, {"none", {"yy"}}};
    const auto fused = fuseStoredSites(sites, results, nullptr, {});
    QCOMPARE(int(fused.size()), 3);
    // Independent: fuseSite on the members picked by hand, in the stored order.
    const ImageResult *two[] = {&results[1], &results[0]};
    const SiteResult expect = fuseSite("two", two, nullptr, {});
    QCOMPARE(fused[0].name, QStringLiteral("two"));
    QCOMPARE(fused[0].members, (QStringList{results[1].path, results[0].path}));
    QCOMPARE(fused[0].posterior.countries.size(), expect.posterior.countries.size());
    for (size_t i = 0; i < expect.posterior.countries.size(); ++i) {
      QCOMPARE(fused[0].posterior.countries[i].code, expect.posterior.countries[i].code);
      QCOMPARE(fused[0].posterior.countries[i].probability, expect.posterior.countries[i].probability);
    }
    // A member removed from the project is left out: the site of one photo is that photo.
    QCOMPARE(fused[1].members, QStringList{results[2].path});
    QCOMPARE(fused[1].posterior.countries.front().code, QStringLiteral("FR"));
    QVERIFY(std::abs(fused[1].posterior.countries.front().probability - 0.8) < 1e-9);
    // No member present: a failed site, still listed.
    QVERIFY(fused[2].members.isEmpty());
    QCOMPARE(fused[2].posterior.status, ImageStatus::Failed);
  }
};

QTEST_MAIN(TestProjectEvidence)
#include "tst_projectevidence.moc"
