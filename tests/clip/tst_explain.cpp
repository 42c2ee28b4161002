// Patch explanations (issue 20) of the LibTorch engine on the tiny-clip fixture, each checked
// against an independent reference written here: occlusion from the engine's own embedding-level
// outputs (occluded images built here, embedded by embedPixels, softmax of exp(logit_scale) · cos in
// double), rollout from the published equations (Chefer et al. 2021, eq. 5-6: Ā = mean_h (∇A ⊙ A)⁺,
// R ← R + Ā·R from R = I, full L x L matrices in double) applied to the engine's attention maps
// and gradients. Also: shape, finiteness, determinism, label dependence, progress and cancel.
#include "core/analysis/Occlusion.h"
#include "core/clip/TorchEngine.h"
#include "tests/support/Fixture.h"

#include <QFileInfo>
#include <QtTest>
#include <cmath>

using namespace streetlens;
using namespace streetlens::test;

namespace {

const QString kPixels = QStringLiteral("square_336.png.f32");

std::unique_ptr<TorchEngine> loadFixture(QString *err) {
  EngineOptions o;
  o.device = testDevice();
  o.precision = QStringLiteral("fp32");
  o.batchSize = 4;
  return TorchEngine::load(fixturePath(QStringLiteral("model")), o, err);
}

QStringList prompts(const QString &spec) {
  return spec.split(QLatin1Char('|'));
}

// p(target) in double from raw embeddings: our own normalisation and softmax.
double refProbability(const float *img, const EmbeddingMatrix &texts, double scale, int target) {
  const int D = texts.cols;
  auto norm = [D](const float *v) {
    double s = 0;
    for (int k = 0; k < D; ++k)
      s += double(v[k]) * v[k];
    return std::sqrt(s);
  };
  std::vector<double> logit;
  for (int t = 0; t < texts.rows; ++t) {
    double dot = 0;
    for (int k = 0; k < D; ++k)
      dot += double(img[k]) * texts.row(t)[k];
    logit.push_back(scale * dot / (norm(img) * norm(texts.row(t))));
  }
  double z = 0;
  for (double l : logit)
    z += std::exp(l);
  return std::exp(logit[size_t(target)]) / z;
}

double maxAbs(const std::vector<double> &v) {
  double m = 0;
  for (double x : v)
    m = std::max(m, std::abs(x));
  return m;
}

} // namespace

class TestExplain : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase();
  void occlusionMatchesReference_data();
  void occlusionMatchesReference();
  void rolloutMatchesPublishedEquations_data();
  void rolloutMatchesPublishedEquations();
  void deterministicFiniteShaped_data();
  void deterministicFiniteShaped();
  void labelsGiveDifferentGrids_data();
  void labelsGiveDifferentGrids();
  void progressAndCancel_data();
  void progressAndCancel();

private:
  std::unique_ptr<TorchEngine> m_engine;
  std::vector<float> m_pixels;
};

void TestExplain::initTestCase() {
  STREETLENS_REQUIRE_FIXTURE();
  QString err;
  m_engine = loadFixture(&err);
  QVERIFY2(m_engine, qPrintable(err));
  m_pixels = fixturePixels(kPixels);
  QCOMPARE(m_pixels.size(), size_t(3 * 336 * 336));
  QCOMPARE(m_engine->info().patchSize, 14);
}

void TestExplain::occlusionMatchesReference_data() {
  QTest::addColumn<QString>("promptSpec");
  QTest::addColumn<int>("target");
  QTest::addColumn<int>("window");
  QTest::addColumn<int>("stride");
  // Window 1 (the default) is the same code with more windows; these keep the suite short.
  QTest::newRow("one-label-vs-empty-window3") << "a photo of a street" << 0 << 3 << 3;
  QTest::newRow("three-labels-target1-window2")
      << "a road in France|a road in Japan|a road in Brazil" << 1 << 2 << 2;
  QTest::newRow("two-labels-window4-stride3-overlap") << "snow|desert" << 0 << 4 << 3;
  QTest::newRow("two-labels-window5-stride4-edge") << "snow|desert" << 1 << 5 << 4;
}

void TestExplain::occlusionMatchesReference() {
  QFETCH(QString, promptSpec);
  QFETCH(int, target);
  QFETCH(int, window);
  QFETCH(int, stride);
  ExplainRequest req;
  req.method = ExplainMethod::Occlusion;
  req.prompts = prompts(promptSpec);
  req.target = target;
  req.label = req.prompts[target];
  req.occlusionWindow = window;
  req.occlusionStride = stride;
  QString err;
  const auto grid = m_engine->explain(m_pixels.data(), req, {}, &err);
  QVERIFY2(grid, qPrintable(err));
  QCOMPARE(grid->method, ExplainMethod::Occlusion);
  QCOMPARE(grid->rows, 24);
  QCOMPARE(grid->cols, 24);

  // Independent reference: the mean colour of preprocessor_config in normalised space.
  const ClipImageConfig &cfg = m_engine->imageConfig();
  QVERIFY(cfg.doNormalize);
  std::array<double, 3> fill{};
  for (int c = 0; c < 3; ++c)
    fill[size_t(c)] = (double(cfg.mean[size_t(c)]) - cfg.mean[size_t(c)]) / cfg.std[size_t(c)];
  QStringList all = req.prompts;
  if (all.size() == 1)
    all << QString();
  const EmbeddingMatrix texts = m_engine->embedTexts(all, &err);
  QVERIFY2(!texts.isEmpty(), qPrintable(err));
  const double scale = m_engine->logitScale();
  const auto base = m_engine->embedPixels(m_pixels.data(), 1, &err);
  const double p0 = refProbability(base.row(0), texts, scale, target);
  QVERIFY(std::abs(grid->targetProbability - p0) < 1e-6);
  // Window starts written out: every stride, plus one flush with the far edge if needed.
  std::vector<int> starts;
  for (int s = 0; s + window <= 24; s += stride)
    starts.push_back(s);
  if (starts.back() + window != 24)
    starts.push_back(24 - window);
  std::vector<double> sum(576, 0.0), n(576, 0.0);
  std::vector<float> img;
  for (int r0 : starts)
    for (int c0 : starts) {
      img = m_pixels;
      for (int c = 0; c < 3; ++c)
        for (int y = r0 * 14; y < (r0 + window) * 14; ++y)
          for (int x = c0 * 14; x < (c0 + window) * 14; ++x)
            img[size_t(c) * 336 * 336 + size_t(y) * 336 + size_t(x)] = float(fill[size_t(c)]);
      const auto e = m_engine->embedPixels(img.data(), 1, &err);
      QCOMPARE(e.rows, 1);
      const double drop = p0 - refProbability(e.row(0), texts, scale, target);
      for (int r = r0; r < r0 + window; ++r)
        for (int c = c0; c < c0 + window; ++c) {
          sum[size_t(r * 24 + c)] += drop;
          n[size_t(r * 24 + c)] += 1;
        }
    }
  std::vector<double> ref(576);
  for (size_t i = 0; i < 576; ++i)
    ref[i] = sum[i] / n[i];
  const double scaleRef = maxAbs(ref);
  QVERIFY2(scaleRef > 1e-7, "the reference drops are all zero: the test would prove nothing");
  double worst = 0;
  for (size_t i = 0; i < 576; ++i)
    worst = std::max(worst, std::abs(double(grid->values[i]) - ref[i]));
  qInfo("max |drop| %.3g, max deviation %.3g", scaleRef, worst);
  QVERIFY2(worst <= 1e-6 + 1e-4 * scaleRef, qPrintable(QStringLiteral("deviation %1").arg(worst)));
}

void TestExplain::rolloutMatchesPublishedEquations_data() {
  QTest::addColumn<QString>("promptSpec");
  QTest::addColumn<int>("target");
  QTest::newRow("one-label-vs-empty") << "a photo of a street" << 0;
  QTest::newRow("three-labels-target0") << "a road in France|a road in Japan|a road in Brazil" << 0;
  QTest::newRow("three-labels-target2") << "a road in France|a road in Japan|a road in Brazil" << 2;
}

void TestExplain::rolloutMatchesPublishedEquations() {
  QFETCH(QString, promptSpec);
  QFETCH(int, target);
  ExplainRequest req;
  req.method = ExplainMethod::Rollout;
  req.prompts = prompts(promptSpec);
  req.target = target;
  QString err;
  const auto trace = m_engine->rolloutTrace(m_pixels.data(), req, &err);
  QVERIFY2(trace, qPrintable(err));
  const auto grid = m_engine->explain(m_pixels.data(), req, {}, &err);
  QVERIFY2(grid, qPrintable(err));
  const int L = trace->tokens, H = trace->heads;
  QCOMPARE(L, 577);
  QCOMPARE(H, 2);
  QCOMPARE(int(trace->probs.size()), 2);

  // The forward that kept the maps is the model's: its log p(target) equals the embeddings'.
  QStringList all = req.prompts;
  if (all.size() == 1)
    all << QString();
  const auto texts = m_engine->embedTexts(all, &err);
  const auto img = m_engine->embedPixels(m_pixels.data(), 1, &err);
  const double logp = std::log(refProbability(img.row(0), texts, m_engine->logitScale(), target));
  QVERIFY2(std::abs(trace->targetLogProb - logp) < 1e-5,
           qPrintable(QStringLiteral("%1 vs %2").arg(trace->targetLogProb).arg(logp)));

  // R = I; for each layer l (input to output): Ā = E_h[(∇A ⊙ A)⁺]; R = R + Ā R. Full matrices.
  std::vector<double> R(size_t(L) * L, 0.0), A(size_t(L) * L), AR(size_t(L) * L);
  for (int i = 0; i < L; ++i)
    R[size_t(i) * L + i] = 1.0;
  double gradMass = 0;
  for (size_t l = 0; l < trace->probs.size(); ++l) {
    std::fill(A.begin(), A.end(), 0.0);
    for (int h = 0; h < H; ++h)
      for (size_t ij = 0; ij < size_t(L) * L; ++ij) {
        const double g = trace->grads[l][size_t(h) * L * L + ij], a = trace->probs[l][size_t(h) * L * L + ij];
        A[ij] += std::max(0.0, g * a) / H;
        gradMass += std::abs(g);
      }
    std::fill(AR.begin(), AR.end(), 0.0);
    for (int i = 0; i < L; ++i)
      for (int k = 0; k < L; ++k) {
        const double aik = A[size_t(i) * L + k];
        if (aik == 0.0)
          continue;
        const double *rk = &R[size_t(k) * L];
        double *out = &AR[size_t(i) * L];
        for (int j = 0; j < L; ++j)
          out[j] += aik * rk[j];
      }
    for (size_t ij = 0; ij < R.size(); ++ij)
      R[ij] += AR[ij];
  }
  QVERIFY2(gradMass > 0, "all attention gradients are zero");
  std::vector<double> ref(size_t(L - 1));
  for (int j = 1; j < L; ++j)
    ref[size_t(j - 1)] = R[size_t(j)]; // row 0 (CLS), patch columns
  const double scaleRef = maxAbs(ref);
  QVERIFY(scaleRef > 0);
  double worst = 0;
  for (size_t i = 0; i < ref.size(); ++i)
    worst = std::max(worst, std::abs(double(grid->values[i]) - ref[i]));
  qInfo("max relevance %.3g, max deviation %.3g", scaleRef, worst);
  QVERIFY2(worst <= 1e-5 * scaleRef, qPrintable(QStringLiteral("deviation %1").arg(worst)));
  // Rows of each attention map are probabilities.
  for (size_t l = 0; l < trace->probs.size(); ++l) {
    double s = 0;
    for (int j = 0; j < L; ++j)
      s += trace->probs[l][size_t(j)];
    QVERIFY(std::abs(s - 1.0) < 1e-4);
  }
}

void TestExplain::deterministicFiniteShaped_data() {
  QTest::addColumn<int>("method");
  QTest::newRow("rollout") << int(ExplainMethod::Rollout);
  QTest::newRow("occlusion") << int(ExplainMethod::Occlusion);
}

void TestExplain::deterministicFiniteShaped() {
  QFETCH(int, method);
  ExplainRequest req;
  req.method = ExplainMethod(method);
  req.prompts = prompts(QStringLiteral("a road in France|a road in Japan"));
  req.label = QStringLiteral("France");
  req.occlusionWindow = req.occlusionStride = 3;
  QString err;
  const auto a = m_engine->explain(m_pixels.data(), req, {}, &err);
  QVERIFY2(a, qPrintable(err));
  const auto b = m_engine->explain(m_pixels.data(), req, {}, &err);
  QVERIFY2(b, qPrintable(err));
  QCOMPARE(a->rows, 24);
  QCOMPARE(a->cols, 24);
  QCOMPARE(a->values.size(), size_t(576));
  QCOMPARE(a->label, QStringLiteral("France"));
  QCOMPARE(a->method, ExplainMethod(method));
  QVERIFY(a->values == b->values);
  for (float v : a->values)
    QVERIFY(std::isfinite(v));
  QVERIFY(a->targetProbability > 0 && a->targetProbability < 1);
}

void TestExplain::labelsGiveDifferentGrids_data() {
  deterministicFiniteShaped_data();
}

void TestExplain::labelsGiveDifferentGrids() {
  QFETCH(int, method);
  ExplainRequest req;
  req.method = ExplainMethod(method);
  req.prompts = prompts(QStringLiteral("a road in France|a road in Japan|a snowy forest"));
  req.occlusionWindow = req.occlusionStride = 4;
  QString err;
  req.target = 0;
  const auto a = m_engine->explain(m_pixels.data(), req, {}, &err);
  QVERIFY2(a, qPrintable(err));
  req.target = 2;
  const auto b = m_engine->explain(m_pixels.data(), req, {}, &err);
  QVERIFY2(b, qPrintable(err));
  double diff = 0;
  for (size_t i = 0; i < a->values.size(); ++i)
    diff = std::max(diff, double(std::abs(a->values[i] - b->values[i])));
  QVERIFY2(diff > 1e-7, "two labels gave the same grid");
}

void TestExplain::progressAndCancel_data() {
  deterministicFiniteShaped_data();
}

void TestExplain::progressAndCancel() {
  QFETCH(int, method);
  ExplainRequest req;
  req.method = ExplainMethod(method);
  req.prompts = prompts(QStringLiteral("a road in France|a road in Japan"));
  req.occlusionWindow = req.occlusionStride = 6; // 4 window rows
  std::vector<std::pair<int, int>> seen;
  ExplainControl control;
  control.progress = [&](int done, int total) { seen.emplace_back(done, total); };
  QString err;
  QVERIFY2(m_engine->explain(m_pixels.data(), req, control, &err), qPrintable(err));
  QVERIFY(!seen.empty());
  for (size_t i = 1; i < seen.size(); ++i)
    QVERIFY(seen[i].first > seen[i - 1].first);
  QCOMPARE(seen.back().first, seen.back().second);
  QCOMPARE(seen.back().second, method == int(ExplainMethod::Occlusion) ? 5 : 3);

  // Cancelled after the first step: no grid, the error says so, and no further steps ran.
  seen.clear();
  control.cancelled = [&] { return !seen.empty(); };
  QVERIFY(!m_engine->explain(m_pixels.data(), req, control, &err));
  QCOMPARE(err, explainCancelledError());
  QCOMPARE(seen.size(), size_t(1));
}

QTEST_GUILESS_MAIN(TestExplain)
#include "tst_explain.moc"
