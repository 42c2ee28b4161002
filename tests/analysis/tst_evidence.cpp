// Evidence fusion (issue 17) on hand-made results and the built-in gazetteer, each formula checked
// against an independent computation written here: the coherent hierarchy's invariants, the
// constrained posterior, site fusion, and the highest-density confidence regions.
#include "core/analysis/ConfidenceRegions.h"
#include "core/analysis/GeoConstraint.h"
#include "core/analysis/Posterior.h"
#include "core/analysis/SiteFusion.h"
#include "core/gazetteer/Gazetteer.h"
#include "core/geo/GreatCircle.h"

#include <QRandomGenerator>
#include <QtTest>
#include <cmath>
#include <map>

using namespace streetlens;

namespace {

std::shared_ptr<const gazetteer::Gazetteer> gaz() {
  static auto g = gazetteer::Gazetteer::load(QStringLiteral(STREETLENS_SOURCE_DIR "/resources/gazetteer"));
  return g;
}

PlaceProbability place(const QString &code, const QString &country, const QString &region, double lat,
                       double lon, double p) {
  PlaceProbability e;
  e.code = code;
  e.name = code;
  e.country = country;
  e.region = region;
  e.location = geo::GeoPoint{lat, lon};
  e.probability = p;
  return e;
}

// A coherent random result over `countries` countries, each with 2 regions of 2 cities, from
// random leaf masses (independent of PlaceHierarchy: the levels are summed here).
ImageResult randomResult(quint32 seed, int countries) {
  QRandomGenerator rng(seed);
  ImageResult r;
  r.status = ImageStatus::Done;
  struct Leaf {
    int country, region, city; // city -1: region residual; region -1: country residual
    double m;
  };
  std::vector<Leaf> leaves;
  double total = 0;
  for (int c = 0; c < countries; ++c) {
    leaves.push_back({c, -1, -1, rng.generateDouble()});
    for (int g = 0; g < 2; ++g) {
      leaves.push_back({c, g, -1, rng.generateDouble()});
      for (int t = 0; t < 2; ++t)
        leaves.push_back({c, g, t, std::pow(rng.generateDouble(), 3)});
    }
  }
  for (auto &l : leaves)
    total += l.m;
  std::map<int, double> pc;
  std::map<std::pair<int, int>, double> pr;
  for (const auto &l : leaves) {
    pc[l.country] += l.m / total;
    if (l.region >= 0)
      pr[{l.country, l.region}] += l.m / total;
    if (l.city >= 0) {
      const QString cc = QStringLiteral("C%1").arg(l.country);
      r.cities.push_back(place(QStringLiteral("%1.%2.%3").arg(cc).arg(l.region).arg(l.city), cc,
                               QStringLiteral("%1.%2").arg(cc).arg(l.region), 10.0 * l.country + l.region,
                               10.0 * l.city, l.m / total));
    }
  }
  for (const auto &[k, p] : pr) {
    const QString cc = QStringLiteral("C%1").arg(k.first);
    r.regions.push_back(place(QStringLiteral("%1.%2").arg(cc).arg(k.second), cc, {}, 0, 0, p));
  }
  for (const auto &[c, p] : pc)
    r.countries.push_back(place(QStringLiteral("C%1").arg(c), QStringLiteral("C%1").arg(c), {}, 0, 0, p));
  return r;
}

double sumOf(const std::vector<PlaceProbability> &v) {
  double s = 0;
  for (const auto &p : v)
    s += p.probability;
  return s;
}

const PlaceProbability *find(const std::vector<PlaceProbability> &v, const QString &code) {
  for (const auto &p : v)
    if (p.code == code)
      return &p;
  return nullptr;
}

// The coherence invariants: every city <= its region <= its country; each level sums to at most
// its parent; countries sum to 1.
void verifyCoherent(const ImageResult &r) {
  QVERIFY(std::abs(sumOf(r.countries) - 1.0) < 1e-9);
  for (const auto &c : r.cities) {
    if (const auto *reg = find(r.regions, c.region))
      QVERIFY2(c.probability <= reg->probability + 1e-12, qPrintable(c.code));
    const auto *country = find(r.countries, c.country);
    QVERIFY(country);
    QVERIFY(c.probability <= country->probability + 1e-12);
  }
  for (const auto &reg : r.regions) {
    double cities = 0;
    for (const auto &c : r.cities)
      if (c.region == reg.code)
        cities += c.probability;
    QVERIFY(cities <= reg.probability + 1e-12);
    const auto *country = find(r.countries, reg.country);
    QVERIFY(country);
    double regions = 0;
    for (const auto &o : r.regions)
      if (o.country == reg.country)
        regions += o.probability;
    QVERIFY(regions <= country->probability + 1e-12);
  }
}

} // namespace

class TestEvidence : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase() { QVERIFY(gaz()); }

  void hierarchyRoundTrip_data() {
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("countries");
    for (quint32 s : {1u, 2u, 3u, 17u})
      QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(s))) << s << int(2 + s % 4);
  }
  // Leaves and back reproduce a coherent result exactly and keep it coherent.
  void hierarchyRoundTrip() {
    QFETCH(quint32, seed);
    QFETCH(int, countries);
    const ImageResult in = randomResult(seed, countries);
    ImageResult out = in;
    setLevelsFromLeaves(placeLeaves(in), nullptr, out);
    verifyCoherent(out);
    for (const auto &c : in.cities)
      QVERIFY(std::abs(find(out.cities, c.code)->probability - c.probability) < 1e-12);
    for (const auto &c : in.regions)
      QVERIFY(std::abs(find(out.regions, c.code)->probability - c.probability) < 1e-12);
    for (const auto &c : in.countries)
      QVERIFY(std::abs(find(out.countries, c.code)->probability - c.probability) < 1e-12);
  }

  // An incoherent result (a region below the sum of its cities, as the old independent softmaxes
  // gave) comes out coherent, and the estimate descends through the lists shown.
  void incoherentInputBecomesCoherent() {
    ImageResult r;
    r.status = ImageStatus::Done;
    r.countries = {place("HU", "HU", {}, 47, 19, 1.0)};
    r.regions = {place("HU.06", "HU", {}, 47.9, 20.4, 0.597), place("HU.18", "HU", {}, 47.2, 16.6, 0.2)};
    r.cities = {place("szombathely", "HU", "HU.18", 47.23, 16.62, 0.548),
                place("eger", "HU", "HU.06", 47.9, 20.37, 0.1)};
    PosteriorOptions o;
    o.uncertainAreaKm2 = 0; // the label names the place, not "uncertain"
    finishPosterior(placeLeaves(r), gaz().get(), o, r);
    verifyCoherent(r);
    QCOMPARE(r.regions.front().code, QStringLiteral("HU.06")); // 0.597 (its own) vs 0.548 (its city)
    QCOMPARE(r.cities.front().code, QStringLiteral("szombathely"));
    QVERIFY(r.estimateLabel.startsWith(QStringLiteral("eger"))); // the top region's top city
  }

  void constraintPosterior_data() {
    QTest::addColumn<QString>("kind");
    QTest::newRow("countries") << "countries";
    QTest::newRow("exclude countries") << "exclude";
    QTest::newRow("circle") << "circle";
    QTest::newRow("polygon") << "polygon";
  }
  // The constrained posterior is the model's leaves times the constraint, renormalised.
  void constraintPosterior() {
    QFETCH(QString, kind);
    ImageResult r;
    r.status = ImageStatus::Done;
    // France and Germany, each with a region far from any edge of the areas used below.
    r.countries = {place("FR", "FR", {}, 46.6, 2.4, 0.6), place("DE", "DE", {}, 51.1, 10.4, 0.4)};
    r.regions = {place("FR.11", "FR", {}, 48.7, 2.5, 0.5), place("DE.02", "DE", {}, 48.9, 11.4, 0.3)};
    r.cities = {place("paris", "FR", "FR.11", 48.8566, 2.3522, 0.3),
                place("munich", "DE", "DE.02", 48.137, 11.575, 0.2),
                place("lyon", "FR", "", 45.764, 4.8357, 0.05)};
    GeoConstraint c;
    // Independent weights per leaf: city point, region residual, country residual.
    std::map<QString, double> w;
    if (kind == "countries") {
      c.countries = {"FR"};
      w = {{"paris", 1}, {"lyon", 1}, {"munich", 0}, {"FR.11", 1}, {"DE.02", 0}, {"FR", 1}, {"DE", 0}};
    } else if (kind == "exclude") {
      c.excludeCountries = {"FR"};
      w = {{"paris", 0}, {"lyon", 0}, {"munich", 1}, {"FR.11", 0}, {"DE.02", 1}, {"FR", 0}, {"DE", 1}};
    } else if (kind == "circle") {
      c.near = {{{48.8566, 2.3522}, 10.0}}; // Paris only: regions' 150 km kernels partly inside
      w = {{"paris", 1}, {"lyon", 0}, {"munich", 0}};
    } else {
      // A box around western Europe that holds France's and Bavaria's regions entirely.
      QVector<geo::GeoPoint> box{{30, -20}, {30, 40}, {70, 40}, {70, -20}};
      c.within = {geo::GeoMultiPolygon({geo::GeoPolygon({geo::GeoRing::fromPoints(box)})})};
      w = {{"paris", 1}, {"lyon", 1}, {"munich", 1}, {"FR.11", 1}, {"DE.02", 1}, {"FR", 1}, {"DE", 1}};
    }
    auto weights = std::make_shared<ConstraintWeights>(c, gaz());
    if (kind == "circle") {
      // Monte Carlo share of each region's 150 km Gaussian inside the 10 km circle.
      QRandomGenerator rng(7);
      for (const auto &reg : r.regions) {
        int in = 0;
        const int n = 200000;
        for (int i = 0; i < n; ++i) {
          const double dx = rng.bounded(1.0), dy = rng.bounded(1.0);
          // Box-Muller, planar km offsets
          const double rad = 150.0 * std::sqrt(-2 * std::log(1 - dx)), ang = 2 * M_PI * dy;
          const geo::GeoPoint q{reg.location->lat + rad * std::cos(ang) / 111.2,
                                reg.location->lon +
                                    rad * std::sin(ang) / (111.2 * std::cos(reg.location->lat * M_PI / 180))};
          in += geo::haversineKm(q, {48.8566, 2.3522}) <= 10.0;
        }
        w[reg.code] = double(in) / n;
      }
      // Country residuals: the share of the territory in the circle (France: pi * 10^2 of
      // 549,000 km^2; Germany: none).
      w["FR"] = M_PI * 100.0 / 549000.0;
      w["DE"] = 0;
    }
    // Leaves by hand: residuals of regions and countries.
    std::map<QString, double> leaf{{"paris", 0.3}, {"munich", 0.2},          {"lyon", 0.05},   {"FR.11", 0.2},
                                   {"DE.02", 0.1}, {"FR", 0.6 - 0.5 - 0.05}, {"DE", 0.4 - 0.3}};
    double z = 0;
    for (auto &[k, m] : leaf)
      z += m * w[k];
    const double mass = z; // leaves sum to 1
    PosteriorOptions o;
    o.constraint = weights;
    o.regions = false;
    const ImageResult got = reapplyPosterior(r, gaz().get(), o);
    QVERIFY(got.constraintMass);
    const double tol = kind == "circle" ? 2e-3 : 1e-9;
    QVERIFY2(std::abs(*got.constraintMass - mass) < tol, qPrintable(QString::number(*got.constraintMass)));
    auto expectCity = [&](const char *code) {
      const auto *p = find(got.cities, code);
      const double expected = leaf[code] * w[code] / z;
      QVERIFY2(std::abs((p ? p->probability : 0.0) - expected) < (kind == "circle" ? 2e-2 : 1e-9), code);
    };
    expectCity("paris");
    expectCity("munich");
    expectCity("lyon");
    verifyCoherent(got);
  }

  // Nothing of the model's mass inside: said so, not renormalised.
  void constraintWithNothingInside() {
    ImageResult r;
    r.status = ImageStatus::Done;
    r.countries = {place("FR", "FR", {}, 46.6, 2.4, 1.0)};
    r.cities = {place("paris", "FR", "", 48.8566, 2.3522, 0.9)};
    GeoConstraint c;
    c.near = {{{-33.87, 151.2}, 50}}; // Sydney
    PosteriorOptions o;
    o.constraint = std::make_shared<ConstraintWeights>(c, gaz());
    const ImageResult got = reapplyPosterior(r, gaz().get(), o);
    QVERIFY(got.constraintEmpty);
    QVERIFY(got.cities.empty() && got.countries.empty());
    QVERIFY(!got.estimate);
    QVERIFY(got.uncertain);
  }

  void siteFusion_data() {
    QTest::addColumn<int>("photos");
    QTest::newRow("one photo") << 1;
    QTest::newRow("two photos") << 2;
    QTest::newRow("five photos") << 5;
  }
  // p_site(leaf) ∝ Π p_i(leaf)^(1/√N), on results that list the same leaves.
  void siteFusion() {
    QFETCH(int, photos);
    std::vector<ImageResult> rs;
    for (int i = 0; i < photos; ++i) {
      rs.push_back(randomResult(100 + quint32(i), 3));
      rs.back().path = QStringLiteral("p%1.jpg").arg(i);
      PosteriorOptions finish;
      finish.regions = false;
      finishPosterior(placeLeaves(rs.back()), nullptr, finish, rs.back()); // as scored results are
    }
    std::vector<const ImageResult *> members;
    for (const auto &r : rs)
      members.push_back(&r);
    PosteriorOptions o;
    o.regions = false;
    const SiteResult site = fuseSite("s", members, nullptr, o);
    QCOMPARE(site.members.size(), photos);
    // Independent: city leaves are the cities; tempered product over photos.
    std::map<QString, double> logp;
    const double a = 1.0 / std::sqrt(double(photos));
    for (const auto &r : rs)
      for (const auto &c : r.cities)
        logp[c.code] += a * std::log(c.probability);
    // Every leaf's total (cities, region and country residuals) for the normaliser.
    std::map<QString, double> all;
    for (const auto &r : rs) {
      for (const auto &l : placeLeaves(r))
        all[QString::number(int(l.kind)) + l.place.code] += a * std::log(std::max(l.mass, 1e-300));
    }
    double z = 0;
    for (const auto &[k, v] : all)
      z += std::exp(v);
    for (const auto &[code, v] : logp) {
      const auto *p = find(site.posterior.cities, code);
      QVERIFY(p);
      QVERIFY2(std::abs(p->probability - std::exp(v) / z) < 1e-9 * std::max(1.0, std::exp(v) / z),
               qPrintable(code));
    }
    verifyCoherent(site.posterior);
    if (photos == 1) { // a site of one photo is that photo
      ImageResult one = rs.front();
      finishPosterior(placeLeaves(one), nullptr, o, one);
      QCOMPARE(site.posterior.estimateLabel, one.estimateLabel);
    }
  }

  // Five copies of one photo sharpen it as p^(5/√5), not to certainty.
  void nearCopiesStayUncertain() {
    ImageResult r;
    r.status = ImageStatus::Done;
    r.countries = {place("FR", "FR", {}, 46.6, 2.4, 0.6), place("DE", "DE", {}, 51.1, 10.4, 0.4)};
    std::vector<const ImageResult *> five(5, &r);
    PosteriorOptions o;
    o.regions = false;
    const SiteResult site = fuseSite("s", five, nullptr, o);
    const double e = std::sqrt(5.0), fr = std::pow(0.6, e), de = std::pow(0.4, e);
    QVERIFY(std::abs(site.posterior.countries.front().probability - fr / (fr + de)) < 1e-12);
    QVERIFY(site.posterior.countries.front().probability < 0.75);
  }

  void densitySetIsSmallest_data() {
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<double>("level");
    for (quint32 s : {1u, 5u, 9u})
      for (double q : {0.5, 0.9, 0.99})
        QTest::newRow(qPrintable(QStringLiteral("seed %1 q %2").arg(s).arg(q))) << s << q;
  }
  // On a hand-made field of equal-area cells the set holds >= q and no smaller set does (brute force).
  void densitySetIsSmallest() {
    QFETCH(quint32, seed);
    QFETCH(double, level);
    QRandomGenerator rng(seed);
    std::vector<DensityCell> cells(12);
    double total = 0;
    for (auto &c : cells) {
      c = {std::pow(rng.generateDouble(), 2), 100.0};
      total += c.mass;
    }
    const DensitySets s = highestDensitySets(cells, {level});
    double held = 0;
    for (size_t i = 0; i < s.counts[0]; ++i)
      held += cells[s.order[i]].mass;
    QVERIFY(held >= level * total * (1 - 1e-12));
    size_t best = cells.size();
    for (unsigned mask = 0; mask < (1u << cells.size()); ++mask) {
      double m = 0;
      for (size_t i = 0; i < cells.size(); ++i)
        m += (mask >> i & 1) ? cells[i].mass : 0;
      if (m >= level * total * (1 - 1e-12))
        best = std::min(best, size_t(__builtin_popcount(mask)));
    }
    QCOMPARE(s.counts[0], best);
  }

  // A city-level answer gives a city-sized region; nested levels; a wide answer is "uncertain".
  void regionsOfResults() {
    ImageResult sure;
    sure.status = ImageStatus::Done;
    sure.countries = {place("FR", "FR", {}, 46.6, 2.4, 1.0)};
    sure.cities = {place("2988507", "FR", "", 48.8566, 2.3522, 0.995)};
    finishPosterior(placeLeaves(sure), gaz().get(), {}, sure);
    QCOMPARE(int(sure.confidenceRegions.size()), 3);
    const ConfidenceRegion *r50 = regionAtLevel(sure, 0.5), *r90 = regionAtLevel(sure, 0.9);
    QVERIFY(r50->areaKm2 < 2000 && r90->areaKm2 < 5000);
    QVERIFY(r50->mass >= 0.5 && r90->mass >= 0.9);
    QVERIFY(regionContains(*r50, {48.8566, 2.3522}));
    QVERIFY(!regionContains(*r90, {45.76, 4.84})); // Lyon
    QVERIFY(!sure.uncertain);
    ImageResult wide;
    wide.status = ImageStatus::Done;
    wide.countries = {place("FR", "FR", {}, 46.6, 2.4, 0.5), place("DE", "DE", {}, 51.1, 10.4, 0.5)};
    finishPosterior(placeLeaves(wide), gaz().get(), {}, wide);
    QVERIFY(regionAtLevel(wide, 0.9)->areaKm2 > 5e5);
    QVERIFY(regionAtLevel(wide, 0.5)->areaKm2 <= regionAtLevel(wide, 0.9)->areaKm2);
    QVERIFY(wide.uncertain);
    QVERIFY(wide.estimateLabel.startsWith(QStringLiteral("uncertain")));
  }

  void geoJsonErrors_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("not json") << QByteArray("{") << "not GeoJSON";
    QTest::newRow("point") << QByteArray(R"({"type":"Point","coordinates":[1,2]})")
                           << "a Point is not an area";
    QTest::newRow("feature without geometry")
        << QByteArray(R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":null}]})")
        << "feature 1 has no geometry";
    QTest::newRow("out of range") << QByteArray(R"({"type":"Polygon","coordinates":[[[0,0],[200,0],[0,5]]]})")
                                  << "out of range";
    QTest::newRow("two points") << QByteArray(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]})")
                                << "fewer than three";
  }
  void geoJsonErrors() {
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    QString err;
    QVERIFY(!parseGeoJsonAreas(text, "areas.geojson", &err));
    QVERIFY2(err.startsWith("areas.geojson: ") && err.contains(message), qPrintable(err));
  }
};

QTEST_GUILESS_MAIN(TestEvidence)
#include "tst_evidence.moc"
