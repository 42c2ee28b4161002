// The fast CPU routes in core/clip (oneDNN projections, per-head attention, fp32 layer norm for
// bf16) against the plain LibTorch formulas they replace, at the towers' real shapes and at edge
// shapes (no bias, one row, causal masks, sequences on both sides of the per-head threshold).
#include "core/clip/Attention.h"
#include "core/clip/DenseOps.h"

#include <QtTest>
#include <limits>

using namespace streetlens::clip;

namespace {
double maxRelative(const torch::Tensor &got, const torch::Tensor &want) {
  const auto g = got.to(torch::kDouble), w = want.to(torch::kDouble);
  return ((g - w).abs().max() / w.abs().max().clamp_min(1e-30)).item<double>();
}

torch::Tensor referenceAttention(const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v,
                                 bool causal) {
  const auto qd = q.to(torch::kDouble), kd = k.to(torch::kDouble), vd = v.to(torch::kDouble);
  auto scores = torch::matmul(qd, kd.transpose(-2, -1));
  if (causal) {
    const int64_t L = q.size(2);
    scores.masked_fill_(torch::ones({L, L}, torch::kBool).triu(1), -std::numeric_limits<double>::infinity());
  }
  return torch::matmul(torch::softmax(scores, -1), vd);
}
} // namespace

class TestDenseOps : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase() { torch::manual_seed(7); }

  void linearMatchesTorch_data() {
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("in");
    QTest::addColumn<int>("out");
    QTest::addColumn<bool>("bias");
    QTest::addColumn<bool>("bf16");
    QTest::newRow("fc1 of one image") << 577 << 1024 << 4096 << true << false;
    QTest::newRow("fc2 of two images") << 1154 << 4096 << 1024 << true << false;
    QTest::newRow("patch embedding, no bias") << 576 << 588 << 1024 << false << false;
    QTest::newRow("one row") << 1 << 768 << 768 << true << false;
    QTest::newRow("odd sizes") << 13 << 37 << 5 << true << false;
    QTest::newRow("bf16 qkv") << 577 << 1024 << 3072 << true << true;
    QTest::newRow("bf16 no bias") << 9 << 64 << 32 << false << true;
  }
  void linearMatchesTorch() {
    QFETCH(int, rows);
    QFETCH(int, in);
    QFETCH(int, out);
    QFETCH(bool, bias);
    QFETCH(bool, bf16);
    c10::InferenceMode mode;
    const auto dtype = bf16 ? torch::kBFloat16 : torch::kFloat;
    auto x = torch::randn({1, rows, in}).to(dtype);
    auto w = (torch::randn({out, in}) / std::sqrt(double(in))).to(dtype);
    auto b = bias ? torch::randn({out}).to(dtype) : torch::Tensor();
    const auto got = fastLinear(x, w, b);
    QCOMPARE(got.sizes().vec(), std::vector<int64_t>({1, rows, out}));
    QCOMPARE(got.scalar_type(), dtype);
    auto want = torch::matmul(x.to(torch::kDouble), w.to(torch::kDouble).t());
    if (bias)
      want = want + b.to(torch::kDouble);
    const double err = maxRelative(got, want);
    QVERIFY2(err < (bf16 ? 1e-2 : 1e-5), qPrintable(QString::number(err)));
  }

  void attentionMatchesReference_data() {
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("heads");
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("dim");
    QTest::addColumn<bool>("causal");
    QTest::newRow("ViT-L/14-336 layer") << 1 << 16 << 577 << 64 << false;
    QTest::newRow("two images") << 2 << 4 << 577 << 64 << false;
    QTest::newRow("just above the per-head threshold, causal") << 2 << 3 << 130 << 32 << true;
    QTest::newRow("text tower, causal") << 5 << 12 << 77 << 64 << true;
    QTest::newRow("short text") << 3 << 8 << 7 << 64 << true;
    QTest::newRow("odd head size") << 1 << 3 << 200 << 12 << false;
  }
  void attentionMatchesReference() {
    QFETCH(int, batch);
    QFETCH(int, heads);
    QFETCH(int, length);
    QFETCH(int, dim);
    QFETCH(bool, causal);
    c10::InferenceMode mode;
    // q, k, v as the towers make them: slices of one fused [B, L, 3, H, d] projection.
    auto qkv = torch::randn({batch, length, 3, heads, dim}).permute({2, 0, 3, 1, 4});
    const auto q = qkv[0] / std::sqrt(double(dim)), k = qkv[1], v = qkv[2];
    const auto got = attend(q, k, v, causal);
    QCOMPARE(got.sizes().vec(), std::vector<int64_t>({batch, heads, length, dim}));
    const double err = maxRelative(got, referenceAttention(q, k, v, causal));
    QVERIFY2(err < 1e-5, qPrintable(QString::number(err)));
    // Merging heads afterwards must see the same values whatever layout attend() returned.
    const auto merged = got.transpose(1, 2).reshape({batch, length, heads * dim});
    QVERIFY(torch::equal(merged.view({batch, length, heads, dim}).transpose(1, 2), got));
  }

  void attentionOutsideInferenceMode() {
    // The per-head route writes from worker threads; it must also work under a plain NoGradGuard.
    torch::NoGradGuard noGrad;
    auto q = torch::randn({1, 2, 300, 16}), k = torch::randn({1, 2, 300, 16}),
         v = torch::randn({1, 2, 300, 16});
    QVERIFY(maxRelative(attend(q, k, v, false), referenceAttention(q, k, v, false)) < 1e-5);
  }

  void layerNormBf16ComputedInFp32() {
    c10::InferenceMode mode;
    torch::nn::LayerNorm ln(torch::nn::LayerNormOptions({1024}).eps(1e-5));
    ln->weight.set_data(torch::randn({1024}));
    ln->bias.set_data(torch::randn({1024}));
    ln->to(torch::kBFloat16);
    const auto x = (torch::randn({2, 577, 1024}) * 3 + 1).to(torch::kBFloat16);
    const auto exact = torch::layer_norm(x.to(torch::kDouble), {1024}, ln->weight.to(torch::kDouble),
                                         ln->bias.to(torch::kDouble), 1e-5);
    const auto got = fastLayerNorm(x, ln);
    QCOMPARE(got.scalar_type(), torch::kBFloat16);
    // One bf16 rounding of the exact value: relative error <= 2^-8 of each element's magnitude.
    const auto err =
        ((got.to(torch::kDouble) - exact).abs() / exact.abs().clamp_min(1e-3)).max().item<double>();
    QVERIFY2(err <= 1.0 / 256 + 1e-9, qPrintable(QString::number(err)));
  }
};

QTEST_GUILESS_MAIN(TestDenseOps)
#include "tst_cpuops.moc"
