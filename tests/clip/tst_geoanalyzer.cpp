// The geolocation hierarchy on the tiny-clip fixture with the real engine and gazetteer: the
// coherent hierarchy equals a softmax over each country's regions and cities computed here from
// the engine's own embeddings, the paper's joint = country x conditional, the levels are coherent
// in every mode, the label cache is reused and invalidated, custom candidate lists work end to end.
#include "core/analysis/GeoAnalyzer.h"
#include "core/analysis/LabelEmbeddingCache.h"
#include "core/clip/TorchEngine.h"
#include "core/geo/GreatCircle.h"
#include "core/imageio/ClipImageProcessor.h"
#include "core/imageio/ImageLoader.h"
#include "tests/support/Fixture.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace streetlens;
using namespace streetlens::test;

class TestGeoAnalyzer : public QObject {
  Q_OBJECT
  std::unique_ptr<TorchEngine> engine_;
  std::shared_ptr<const gazetteer::Gazetteer> gaz_;
  QTemporaryDir cacheDir_;

  double sum(const std::vector<PlaceProbability> &v) {
    double s = 0;
    for (const auto &p : v)
      s += p.probability;
    return s;
  }

private Q_SLOTS:
  void initTestCase() {
    STREETLENS_REQUIRE_FIXTURE();
    QString err;
    EngineOptions o;
    o.device = "cpu";
    o.precision = "fp32";
    engine_ = TorchEngine::load(fixturePath("model"), o, &err);
    QVERIFY2(engine_, qPrintable(err));
    gaz_ = gazetteer::Gazetteer::load(QStringLiteral(STREETLENS_SOURCE_DIR "/resources/gazetteer"), &err);
    QVERIFY2(gaz_, qPrintable(err));
  }

  void levelsSumToOne_data() {
    QTest::addColumn<int>("mode");
    QTest::newRow("hierarchical") << int(AnalysisSettings::Mode::Hierarchical);
    QTest::newRow("flat") << int(AnalysisSettings::Mode::Flat);
    QTest::newRow("expected") << int(AnalysisSettings::Mode::Expected);
    QTest::newRow("paper") << int(AnalysisSettings::Mode::Paper);
  }
  void levelsSumToOne() {
    QFETCH(int, mode);
    AnalysisSettings s;
    s.mode = AnalysisSettings::Mode(mode);
    s.citiesPerCountry = 10;
    GeoAnalyzer a(*engine_, gaz_, s, cacheDir_.path());
    QString err;
    QVERIFY2(a.prepare({}, &err), qPrintable(err));
    const ImageResult r = a.analyzeFile(fixturePath("images/landscape_640x480.png"));
    QCOMPARE(r.status, ImageStatus::Done);
    QVERIFY(r.estimate.has_value());
    QVERIFY(r.estimate->isValid());
    QVERIFY(!r.countries.empty() && !r.cities.empty());
    QCOMPARE(r.sha256.size(), 64);
    // Kept lists are cut to 50 entries; for the full sums re-score with a huge top-k.
    AnalysisSettings all = s;
    all.topK = 100000;
    GeoAnalyzer b(*engine_, gaz_, all, cacheDir_.path());
    QVERIFY2(b.prepare({}, &err), qPrintable(err));
    const ImageResult full = b.analyzeFile(fixturePath("images/landscape_640x480.png"));
    QVERIFY(std::abs(sum(full.countries) - 1.0) < 1e-6);
    // Coherent: every city <= its region <= its country; a country's regions sum to at most it.
    QHash<QString, double> country, region, regionsOf;
    for (const auto &c : full.countries)
      country.insert(c.code, c.probability);
    for (const auto &g : full.regions) {
      region.insert(g.code, g.probability);
      regionsOf[g.country] += g.probability;
    }
    for (auto it = regionsOf.begin(); it != regionsOf.end(); ++it)
      QVERIFY(it.value() <= country.value(it.key()) + 1e-9);
    for (const auto &c : full.cities) {
      if (region.contains(c.region))
        QVERIFY2(c.probability <= region.value(c.region) + 1e-9, qPrintable(c.name));
      QVERIFY(c.probability <= country.value(c.country) + 1e-9);
    }
    QCOMPARE(int(full.confidenceRegions.size()), 3);
    QVERIFY(b.cacheHits() > 0); // the second analyzer found every label set on disk
  }

  // Within a country, one softmax over its regions and cities: recomputed here from the engine.
  void coherentHierarchyIsOneSoftmaxPerCountry() {
    AnalysisSettings s;
    s.topK = 100000;
    s.citiesPerCountry = 5;
    s.restrictToCountries = {"FR", "DE"};
    GeoAnalyzer a(*engine_, gaz_, s, cacheDir_.path());
    QString err;
    QVERIFY2(a.prepare({}, &err), qPrintable(err));
    const QString image = fixturePath("images/portrait_480x800.png");
    const ImageResult r = a.analyzeFile(image);
    QCOMPARE(r.status, ImageStatus::Done);
    const auto loaded = loadImage(image, {}, &err);
    QVERIFY(loaded);
    const auto px = clipPreprocess(loaded->image, engine_->imageConfig());
    const EmbeddingMatrix img = engine_->embedPixels(px.data(), 1, &err);
    QCOMPARE(img.rows, 1);
    auto unit = [](const float *v, int n) {
      std::vector<double> u(v, v + n);
      double ss = 0;
      for (double x : u)
        ss += x * x;
      for (double &x : u)
        x /= std::sqrt(ss);
      return u;
    };
    const std::vector<double> x = unit(img.row(0), img.cols);
    for (const QString code : {"FR", "DE"}) {
      QStringList prompts, keys;
      for (const auto *g : gaz_->regionsOf(code)) {
        prompts << QStringLiteral("A Street View photo in the region of %1 in %2.")
                       .arg(g->name, code == "FR" ? "France" : "Germany");
        keys << "r:" + g->code;
      }
      for (const auto *c : gaz_->citiesOf(code, 5)) {
        prompts << QStringLiteral("A Street View photo from %1.").arg(c->name);
        keys << "c:" + QString::number(c->geonameId);
      }
      const EmbeddingMatrix t = engine_->embedTexts(prompts, &err);
      QCOMPARE(t.rows, prompts.size());
      std::vector<double> logit;
      for (int i = 0; i < t.rows; ++i) {
        const auto u = unit(t.row(i), t.cols);
        double dot = 0;
        for (size_t k = 0; k < u.size(); ++k)
          dot += u[k] * x[k];
        logit.push_back(engine_->logitScale() * dot);
      }
      const double mx = *std::max_element(logit.begin(), logit.end());
      double z = 0;
      for (double l : logit)
        z += std::exp(l - mx);
      double pCountry = 0;
      for (const auto &c : r.countries)
        if (c.code == code)
          pCountry = c.probability;
      QVERIFY(pCountry > 0);
      for (int i = 0; i < keys.size(); ++i) {
        if (!keys[i].startsWith("c:"))
          continue;
        const double expected = pCountry * std::exp(logit[size_t(i)] - mx) / z;
        const auto it = std::find_if(r.cities.begin(), r.cities.end(),
                                     [&](const PlaceProbability &p) { return "c:" + p.code == keys[i]; });
        QVERIFY(it != r.cities.end());
        QVERIFY2(std::abs(it->probability - expected) < 1e-5 * std::max(1.0, expected / 1e-3),
                 qPrintable(QStringLiteral("%1 %2 vs %3").arg(it->name).arg(it->probability).arg(expected)));
      }
    }
  }

  // Paper mode: p(city) = p(country) * p(city | country) over the expanded countries only.
  void jointIsProduct() {
    AnalysisSettings s;
    s.mode = AnalysisSettings::Mode::Paper;
    s.topK = 100000;
    s.maxCountries = 3;
    s.countryMass = 1.0;
    s.citiesPerCountry = 5;
    s.restrictToCountries = {"FR", "DE", "IT", "ES", "BR"}; // all have cities
    GeoAnalyzer a(*engine_, gaz_, s, cacheDir_.path());
    QString err;
    QVERIFY2(a.prepare({}, &err), qPrintable(err));
    const ImageResult r = a.analyzeFile(fixturePath("images/portrait_480x800.png"));
    QCOMPARE(r.status, ImageStatus::Done);
    // Exactly 3 countries expanded; per expanded country the city mass equals its probability.
    QSet<QString> expanded;
    for (const auto &c : r.cities)
      expanded.insert(c.country);
    QCOMPARE(expanded.size(), 3);
    for (int i = 0; i < 3; ++i) {
      const auto &c = r.countries[size_t(i)];
      QVERIFY(expanded.contains(c.code));
      double cityMass = 0;
      for (const auto &city : r.cities)
        if (city.country == c.code)
          cityMass += city.probability;
      QVERIFY2(std::abs(cityMass - c.probability) < 1e-6, qPrintable(c.code));
    }
  }

  void cacheReusedAndInvalidated() {
    QTemporaryDir dir;
    AnalysisSettings s;
    s.restrictToCountries = {"FR", "DE", "IT"};
    QString err;
    // The counters are per analyzer: each line counts what that analyzer did.
    GeoAnalyzer a(*engine_, gaz_, s, dir.path());
    QCOMPARE(a.cacheMisses(), 0);
    QCOMPARE(a.cacheHits(), 0);
    QVERIFY2(a.prepare({}, &err), qPrintable(err));
    QCOMPARE(a.cacheMisses(), 3); // countries, regions, cities
    QCOMPARE(a.cacheHits(), 0);
    QCOMPARE(QDir(dir.path()).entryList({"*.emb"}).size(), 3);
    GeoAnalyzer again(*engine_, gaz_, s, dir.path());
    QVERIFY(again.prepare({}, &err));
    QCOMPARE(again.cacheMisses(), 0); // nothing recomputed
    QCOMPARE(again.cacheHits(), 3);
    QCOMPARE(a.cacheMisses(), 3); // another analyzer's work does not count here
    s.countryTemplates = {"A photo taken in {country}."};
    GeoAnalyzer changed(*engine_, gaz_, s, dir.path());
    QVERIFY(changed.prepare({}, &err));
    QCOMPARE(changed.cacheMisses(), 1); // only the changed template is recomputed
    QCOMPARE(changed.cacheHits(), 2);
    // A damaged cache file is ignored and rewritten.
    for (const QString &f : QDir(dir.path()).entryList({"*.emb"})) {
      QFile file(dir.filePath(f));
      QVERIFY(file.open(QIODevice::ReadWrite));
      file.seek(file.size() - 4);
      file.write("XXXX");
    }
    GeoAnalyzer damaged(*engine_, gaz_, s, dir.path());
    QVERIFY(damaged.prepare({}, &err));
    QCOMPARE(damaged.cacheMisses(), 3); // every damaged file is embedded again
    QCOMPARE(damaged.cacheHits(), 0);
    // Cached embeddings equal fresh ones.
    LabelEmbeddingCache cache(dir.path());
    const QStringList prompts{"A Street View photo in France."};
    const auto fresh = engine_->embedTexts(prompts, &err);
    cache.store("k", fresh);
    const auto back = cache.load("k");
    QVERIFY(back.has_value());
    QCOMPARE(back->data, fresh.data);
  }

  void restrictionLimitsCountries() {
    AnalysisSettings s;
    s.restrictToCountries = {"JP", "kr"};
    GeoAnalyzer a(*engine_, gaz_, s, cacheDir_.path());
    QString err;
    QVERIFY2(a.prepare({}, &err), qPrintable(err));
    const ImageResult r = a.analyzeFile(fixturePath("images/square_336.png"));
    QCOMPARE(int(r.countries.size()), 2);
    for (const auto &c : r.cities)
      QVERIFY(c.country == "JP" || c.country == "KR");
    AnalysisSettings bad;
    bad.restrictToCountries = {"XX"};
    GeoAnalyzer b(*engine_, gaz_, bad, cacheDir_.path());
    QVERIFY(!b.prepare({}, &err));
    QVERIFY(err.contains("XX"));
  }

  void customCandidates() {
    QString err;
    const auto list = parseCandidateList(
        "name,country,lat,lon\nParis,FR,48.8566,2.3522\n\"Zürich, old town\",CH,47.37,8.54\n"
        "Tokyo,JP,35.68,139.69\n",
        "places.csv", &err);
    QVERIFY2(list, qPrintable(err));
    QCOMPARE(list->size(), 3);
    QCOMPARE(list->at(1).label, QStringLiteral("Zürich, old town"));
    AnalysisSettings s;
    s.customCandidates = *list;
    s.customTemplate = "A Street View photo from {}.";
    GeoAnalyzer a(*engine_, gaz_, s, cacheDir_.path());
    QVERIFY2(a.prepare({}, &err), qPrintable(err));
    const ImageResult r = a.analyzeFile(fixturePath("images/wide_1200x300.png"));
    QCOMPARE(int(r.labels.size()), 3);
    QVERIFY(std::abs(sum(r.labels) - 1.0) < 1e-6);
    QVERIFY(r.estimate.has_value());
    QCOMPARE(r.estimateLabel, r.labels.front().name);
    // The same probabilities as the classify path: softmax of scaled cosines of the prompts.
    QVERIFY(!parseCandidateList("name,lat\nx,1\n", "bad.csv", &err));
    QVERIFY(err.contains("bad.csv"));
    QVERIFY(!parseCandidateList("name,country,lat,lon\nP,FR,91,0\n", "bad.csv", &err));
    QVERIFY(err.contains("line 2"));
    const auto plain = parseCandidateList("Paris\nBerlin\n", "plain.txt", &err);
    QVERIFY(plain && plain->size() == 2);
  }

  void failedImageIsReported() {
    AnalysisSettings s;
    s.restrictToCountries = {"FR"};
    GeoAnalyzer a(*engine_, gaz_, s, cacheDir_.path());
    QString err;
    QVERIFY(a.prepare({}, &err));
    const ImageResult r = a.analyzeFile(fixturePath("expected.json"));
    QCOMPARE(r.status, ImageStatus::Failed);
    QVERIFY2(r.error.contains("expected.json"), qPrintable(r.error));
  }
};

QTEST_GUILESS_MAIN(TestGeoAnalyzer)
#include "tst_geoanalyzer.moc"
