// Reference galleries (core/library/Gallery): the neighbours, weights, density and estimate equal
// an independent computation of the documented formula (docs/LIBRARY.md) written here with 3-D
// unit vectors instead of the haversine form; the fusion with a zero-shot result; refusals.
#include "core/gazetteer/Gazetteer.h"
#include "core/library/Gallery.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>
#include <array>
#include <cmath>

using namespace streetlens;
using namespace streetlens::library;

namespace {
const QString kModel = QStringLiteral("12").repeated(32);
constexpr int kDim = 24;

std::array<double, 3> unit(geo::GeoPoint p) {
  const double la = p.lat * M_PI / 180, lo = p.lon * M_PI / 180;
  return {std::cos(la) * std::cos(lo), std::cos(la) * std::sin(lo), std::sin(la)};
}
double angleKm(geo::GeoPoint a, geo::GeoPoint b) {
  const auto u = unit(a), v = unit(b);
  const std::array<double, 3> c{u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2],
                                u[0] * v[1] - u[1] * v[0]};
  const double sinT = std::sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
  const double cosT = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
  return std::atan2(sinT, cosT) * 6371.0088;
}

// Photos around three places; photo i's embedding = its place's direction + noise.
struct Photo {
  geo::GeoPoint at;
  std::vector<float> emb;
};
std::vector<Photo> makePhotos() {
  QRandomGenerator rng(11);
  const std::vector<geo::GeoPoint> places{{48.8566, 2.3522}, {35.6762, 139.6503}, {40.7128, -74.0060}};
  std::vector<std::vector<float>> dirs;
  for (size_t p = 0; p < places.size(); ++p) {
    std::vector<float> d(kDim);
    for (float &x : d)
      x = float(rng.generateDouble() * 2 - 1);
    dirs.push_back(d);
  }
  std::vector<Photo> out;
  for (int i = 0; i < 60; ++i) {
    const size_t p = size_t(i % 3);
    Photo ph{{places[p].lat + (rng.generateDouble() - 0.5) * 0.6,
              places[p].lon + (rng.generateDouble() - 0.5) * 0.9},
             dirs[p]};
    for (float &x : ph.emb)
      x += float((rng.generateDouble() - 0.5) * 1.2);
    out.push_back(ph);
  }
  return out;
}
} // namespace

class TestGallery : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  std::vector<Photo> photos_ = makePhotos();
  QString path_;

private Q_SLOTS:
  void initTestCase() {
    path_ = tmp_.filePath(QStringLiteral("gallery.slidx"));
    IndexWriter w;
    QString err;
    QVERIFY(w.begin(path_, kModel, kDim, &err));
    for (size_t i = 0; i < photos_.size(); ++i) {
      IndexEntry e{QStringLiteral("/g/%1.jpg").arg(i), QStringLiteral("%1").arg(i, 64, 16, QLatin1Char('0')),
                   photos_[i].at};
      if (i % 7 == 6)
        e.location.reset(); // rows without a position are never neighbours
      QVERIFY2(w.add(e, photos_[i].emb.data(), &err), qPrintable(err));
    }
    QVERIFY2(w.finish(&err), qPrintable(err));
  }

  void estimateEqualsFormula_data() {
    QTest::addColumn<int>("k");
    QTest::addColumn<double>("tau");
    QTest::addColumn<double>("h");
    QTest::addColumn<int>("query");
    QTest::newRow("defaults, Paris photo") << 20 << 0.05 << 25.0 << 0;
    QTest::newRow("few neighbours, Tokyo photo") << 3 << 0.05 << 25.0 << 1;
    QTest::newRow("flat weights, wide kernel") << 30 << 1.0 << 400.0 << 2;
    QTest::newRow("sharp weights, narrow kernel") << 10 << 0.01 << 5.0 << 3;
    QTest::newRow("k above the positioned rows") << 200 << 0.1 << 50.0 << 4;
  }
  void estimateEqualsFormula() {
    QFETCH(int, k);
    QFETCH(double, tau);
    QFETCH(double, h);
    QFETCH(int, query);
    QString err;
    GalleryOptions o;
    o.k = k;
    o.temperature = tau;
    o.bandwidthKm = h;
    auto g = Gallery::open(path_, kModel, o, &err);
    QVERIFY2(g, qPrintable(err));
    // A query near photo `query`'s place.
    std::vector<float> q = photos_[size_t(query)].emb;
    q[0] += 0.3f;
    const GalleryEvidence ev = g->evidence(q.data());

    // Independently: cosine with each stored row with a position (float64), the best k.
    double qn = 0;
    for (float x : q)
      qn += double(x) * x;
    std::vector<std::pair<double, int>> ranked;
    for (int r = 0; r < int(photos_.size()); ++r) {
      if (r % 7 == 6)
        continue;
      const auto row = g->index().row(r);
      double s = 0, rn = 0;
      for (int d = 0; d < kDim; ++d) {
        s += double(q[size_t(d)]) * row[size_t(d)];
        rn += double(row[size_t(d)]) * row[size_t(d)];
      }
      ranked.push_back({s / std::sqrt(qn * rn), r});
    }
    std::sort(ranked.begin(), ranked.end(), [](auto a, auto b) { return a.first > b.first; });
    ranked.resize(std::min<size_t>(size_t(k), ranked.size()));
    QCOMPARE(ev.neighbours.size(), ranked.size());
    std::vector<double> w;
    double total = 0;
    for (const auto &[s, r] : ranked) {
      w.push_back(std::exp(s / tau));
      total += w.back();
    }
    for (double &x : w)
      x /= total;
    const double kappa = std::pow(6371.0088 / h, 2);
    auto density = [&](geo::GeoPoint x) {
      double sum = 0;
      for (size_t i = 0; i < ranked.size(); ++i) {
        const auto u = unit(x), v = unit(photos_[size_t(ranked[i].second)].at);
        sum += w[i] * std::exp(kappa * (u[0] * v[0] + u[1] * v[1] + u[2] * v[2] - 1));
      }
      return sum;
    };
    size_t best = 0;
    double bestG = -1;
    for (size_t i = 0; i < ranked.size(); ++i) {
      const double gi = density(photos_[size_t(ranked[i].second)].at);
      if (gi > bestG + 1e-12) {
        bestG = gi;
        best = i;
      }
    }
    const geo::GeoPoint expected = photos_[size_t(ranked[best].second)].at;
    for (size_t i = 0; i < ranked.size(); ++i) {
      const GalleryNeighbour &n = ev.neighbours[i];
      QCOMPARE(n.path, QStringLiteral("/g/%1.jpg").arg(ranked[i].second));
      QVERIFY(std::abs(n.score - ranked[i].first) < 1e-5);
      QVERIFY2(std::abs(n.weight - w[i]) < 1e-4 * std::max(1.0, w[i] * 10),
               qPrintable(QStringLiteral("%1 vs %2").arg(n.weight).arg(w[i])));
      QVERIFY(std::abs(n.distanceKm - angleKm(expected, n.location)) < 1e-6);
    }
    QCOMPARE(ev.estimate.lat, expected.lat);
    QCOMPARE(ev.estimate.lon, expected.lon);
    QVERIFY2(std::abs(ev.density - bestG) < 1e-5,
             qPrintable(QStringLiteral("%1 vs %2").arg(ev.density).arg(bestG)));
    // The estimate lies at the query's place.
    QVERIFY(angleKm(ev.estimate, photos_[size_t(query)].at) < 150 || tau >= 1.0);
  }

  // Fusion: p'(l) ∝ p(l) (eps + g(x_l))^beta over the leaves, on a two-city result.
  void fusionFollowsFormula_data() {
    QTest::addColumn<double>("beta");
    QTest::newRow("weight 1") << 1.0;
    QTest::newRow("weight 2") << 2.0;
    QTest::newRow("weight 0: shown, not fused") << 0.0;
  }
  void fusionFollowsFormula() {
    QFETCH(double, beta);
    auto gaz = gazetteer::Gazetteer::load(QStringLiteral(":/gazetteer"));
    QVERIFY(gaz);
    GalleryOptions o;
    o.weight = beta;
    o.bandwidthKm = 100;
    QString err;
    auto g = Gallery::open(path_, kModel, o, &err);
    QVERIFY2(g, qPrintable(err));
    ImageResult r;
    r.status = ImageStatus::Done;
    const geo::GeoPoint paris{48.8566, 2.3522}, tokyo{35.6762, 139.6503};
    r.countries = {{QStringLiteral("JP"), QStringLiteral("Japan"), QStringLiteral("JP"), {}, tokyo, 0, 0.6},
                   {QStringLiteral("FR"), QStringLiteral("France"), QStringLiteral("FR"), {}, paris, 0, 0.4}};
    r.cities = {
        {QStringLiteral("1850147"), QStringLiteral("Tokyo"), QStringLiteral("JP"), {}, tokyo, 0, 0.6},
        {QStringLiteral("2988507"), QStringLiteral("Paris"), QStringLiteral("FR"), {}, paris, 0, 0.4}};
    r.estimate = tokyo;
    r.estimateLabel = QStringLiteral("Tokyo");
    std::vector<float> q = photos_[0].emb; // a Paris photo
    PosteriorOptions po;
    po.rule = EstimateRule::TopCity;
    po.regions = false;
    g->apply(q.data(), gaz.get(), po, r);
    QVERIFY(r.gallery);
    QCOMPARE(r.gallery->zeroShotLabel, QStringLiteral("Tokyo"));
    QCOMPARE(r.gallery->fused, beta > 0);
    if (beta == 0) {
      QCOMPARE(r.cities.front().name, QStringLiteral("Tokyo"));
      return;
    }
    const double gp = Gallery::density(paris, r.gallery->neighbours, 100),
                 gt = Gallery::density(tokyo, r.gallery->neighbours, 100);
    const double fp = 0.4 * std::pow(0.05 + gp, beta), ft = 0.6 * std::pow(0.05 + gt, beta);
    QCOMPARE(r.cities.front().name, QStringLiteral("Paris"));
    QVERIFY2(std::abs(r.cities.front().probability - fp / (fp + ft)) < 1e-9,
             qPrintable(QStringLiteral("%1 vs %2").arg(r.cities.front().probability).arg(fp / (fp + ft))));
    QVERIFY(r.estimate && angleKm(*r.estimate, paris) < 1);
  }

  void refusesIndexWithoutPositions() {
    const QString path = tmp_.filePath(QStringLiteral("nopos.slidx"));
    IndexWriter w;
    QString err;
    QVERIFY(w.begin(path, kModel, kDim, &err));
    QVERIFY(w.add({QStringLiteral("/a.jpg"), QStringLiteral("a").repeated(64), std::nullopt},
                  photos_[0].emb.data(), &err));
    QVERIFY(w.finish(&err));
    QVERIFY(!Gallery::open(path, kModel, {}, &err));
    QVERIFY2(err.startsWith(path) && err.contains(QLatin1String("not a gallery")), qPrintable(err));
    QVERIFY(!Gallery::open(path_, QStringLiteral("34").repeated(32), {}, &err));
    QVERIFY2(err.contains(QLatin1String("another model")), qPrintable(err));
  }
};

QTEST_GUILESS_MAIN(TestGallery)
#include "tst_gallery.moc"
