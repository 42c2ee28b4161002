// The hand-written AVX-512 kernels (core/clip/CpuKernels) against sums written out here in double
// from the same inputs: the fused attention of one head, fp32 and bf16, at the image tower's shape
// and at every edge of its tiling (1 token, < 16, across the 32-row tile and the 64-key block, long),
// with soft and very sharp softmaxes; attend() taking that kernel on such a CPU; and bf16 quick_gelu
// to within one bf16 rounding of the exact value, tails untouched. Where the CPU lacks AVX-512
// (fp32 rows) or AVX512-BF16 (bf16 rows) the kernels never run: *Available() must say so, matching
// cpuid, and those rows are skipped with that reason.
#include "core/clip/Attention.h"
#include "core/clip/CpuKernels.h"

#include <QtTest>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

using namespace streetlens::clip;

namespace {

double bf16ToDouble(std::uint16_t bits) {
  const std::uint32_t u = std::uint32_t(bits) << 16;
  float f;
  std::memcpy(&f, &u, sizeof f);
  return f;
}

std::uint16_t doubleToBf16(double value) { // round to nearest even, as the kernels and LibTorch do
  const float f = float(value);
  std::uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  u += 0x7FFF + ((u >> 16) & 1);
  return std::uint16_t(u >> 16);
}

// softmax(q·kᵀ)·v for one head of [L, 64] row-major bf16 data, in double.
std::vector<double> referenceHead(const std::vector<double> &q, const std::vector<double> &k,
                                  const std::vector<double> &v, int L, double *maxScore) {
  *maxScore = 0;
  std::vector<double> out(static_cast<std::size_t>(L) * 64, 0.0), w(static_cast<std::size_t>(L));
  for (int i = 0; i < L; ++i) {
    double mx = -1e300;
    for (int j = 0; j < L; ++j) {
      double s = 0;
      for (int c = 0; c < 64; ++c)
        s += q[i * 64 + c] * k[j * 64 + c];
      w[j] = s;
      mx = std::max(mx, s);
      *maxScore = std::max(*maxScore, std::abs(s));
    }
    double sum = 0;
    for (int j = 0; j < L; ++j)
      sum += (w[j] = std::exp(w[j] - mx));
    for (int j = 0; j < L; ++j)
      for (int c = 0; c < 64; ++c)
        out[i * 64 + c] += w[j] / sum * v[j * 64 + c];
  }
  return out;
}

std::vector<double> randomNormal(std::size_t n, double scale, std::uint32_t seed) {
  std::vector<double> x(n);
  std::uint64_t state = seed * 0x9E3779B97F4A7C15ull + 1;
  for (auto &e : x) { // Box-Muller on a 64-bit LCG: no dependency on LibTorch's generator
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    const double u1 = double((state >> 11) + 1) / double(1ull << 53);
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    const double u2 = double(state >> 11) / double(1ull << 53);
    e = scale * std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
  }
  return x;
}

std::vector<std::uint16_t> randomBf16(std::size_t n, double scale, std::uint32_t seed) {
  const auto values = randomNormal(n, scale, seed);
  std::vector<std::uint16_t> x(n);
  for (std::size_t i = 0; i < n; ++i)
    x[i] = doubleToBf16(values[i]);
  return x;
}

bool kernelsSwitchedOff() {
  return qEnvironmentVariable("STREETLENS_CPU_KERNELS") == QLatin1String("off");
}

// Skips the row (with the reason) where the kernel for bf16/fp32 cannot run, after checking that
// *Available() says exactly what cpuid says.
#define REQUIRE_KERNEL(bf16)                                                                                 \
  do {                                                                                                       \
    const bool cpu =                                                                                         \
        !kernelsSwitchedOff() && __builtin_cpu_supports("avx512f") &&                                        \
        (!(bf16) || (__builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl") &&             \
                     __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512bf16")));           \
    const bool available = (bf16) ? cpukernels::bf16Available() : cpukernels::fp32Available();               \
    QCOMPARE(available, cpu);                                                                                \
    if (!available)                                                                                          \
      QSKIP("this CPU lacks the AVX-512 extension the kernel needs (or STREETLENS_CPU_KERNELS=off)");        \
  } while (false)

} // namespace

class TestCpuKernels : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase() { __builtin_cpu_init(); }

  void attentionHeadMatchesDouble_data() {
    QTest::addColumn<bool>("bf16");
    QTest::addColumn<int>("length");
    QTest::addColumn<double>("qScale"); // larger: sharper softmax (scores up to ~ qScale² · 64)
    for (const bool bf16 : {false, true}) {
      const char *t = bf16 ? "bf16" : "fp32";
      QTest::addRow("%s, ViT-L/14-336: 577 tokens", t) << bf16 << 577 << 0.35;
      QTest::addRow("%s, one token", t) << bf16 << 1 << 0.35;
      QTest::addRow("%s, 7 tokens (< 16 keys)", t) << bf16 << 7 << 0.35;
      QTest::addRow("%s, 33 tokens (one row past a tile)", t) << bf16 << 33 << 0.35;
      QTest::addRow("%s, 130 tokens (past two 64-key blocks)", t) << bf16 << 130 << 0.35;
      QTest::addRow("%s, 1025 tokens", t) << bf16 << 1025 << 0.35;
      QTest::addRow("%s, sharp softmax (scores ~ 100)", t) << bf16 << 200 << 1.25;
      QTest::addRow("%s, flat softmax (scores ~ 0)", t) << bf16 << 100 << 0.01;
    }
  }
  void attentionHeadMatchesDouble() {
    QFETCH(bool, bf16);
    QFETCH(int, length);
    QFETCH(double, qScale);
    REQUIRE_KERNEL(bf16);
    // Rows further apart than 64 values, as inside the fused [L, 3, H, 64] projection: q at column
    // 64, k at 128, v (its own buffer) at 320 of 384.
    const int stride = 3 * 2 * 64, outStride = 2 * 64;
    const auto rows = randomNormal(std::size_t(length) * stride, qScale, 11 + std::uint32_t(length));
    const auto values = randomNormal(std::size_t(length) * stride, 1.0, 97 + std::uint32_t(length));
    std::vector<std::uint16_t> rowsBf16(rows.size()), valuesBf16(values.size());
    std::vector<float> rowsFp32(rows.begin(), rows.end()), valuesFp32(values.begin(), values.end());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      rowsBf16[i] = doubleToBf16(rows[i]);
      valuesBf16[i] = doubleToBf16(values[i]);
    }
    // The inputs exactly as the kernel sees them.
    std::vector<double> q(std::size_t(length) * 64), k(q.size()), v(q.size());
    for (int i = 0; i < length; ++i)
      for (int c = 0; c < 64; ++c) {
        const std::size_t at = std::size_t(i) * stride;
        q[i * 64 + c] = bf16 ? bf16ToDouble(rowsBf16[at + 64 + c]) : rowsFp32[at + 64 + c];
        k[i * 64 + c] = bf16 ? bf16ToDouble(rowsBf16[at + 128 + c]) : rowsFp32[at + 128 + c];
        v[i * 64 + c] = bf16 ? bf16ToDouble(valuesBf16[at + 320 + c]) : valuesFp32[at + 320 + c];
      }
    std::vector<std::uint16_t> outBf16(std::size_t(length) * outStride, 0xFFFF); // NaN where not written
    std::vector<float> outFp32(std::size_t(length) * outStride, std::numeric_limits<float>::quiet_NaN());
    if (bf16)
      cpukernels::attendHead64Bf16({rowsBf16.data() + 64, rowsBf16.data() + 128, valuesBf16.data() + 320,
                                    stride, stride, stride, outBf16.data(), outStride, length});
    else
      cpukernels::attendHead64Fp32({rowsFp32.data() + 64, rowsFp32.data() + 128, valuesFp32.data() + 320,
                                    stride, stride, stride, outFp32.data(), outStride, length});
    double maxScore = 0;
    const auto want = referenceHead(q, k, v, length, &maxScore);
    double vmax = 0;
    for (auto e : v)
      vmax = std::max(vmax, std::abs(e));
    double worst = 0;
    for (int i = 0; i < length; ++i) {
      for (int c = 0; c < 64; ++c) {
        const std::size_t at = std::size_t(i) * outStride + c;
        worst = std::max(
            worst, std::abs((bf16 ? bf16ToDouble(outBf16[at]) : double(outFp32[at])) - want[i * 64 + c]));
      }
      for (int c = 64; c < outStride; ++c) { // the other head's half of each output row: untouched
        const std::size_t at = std::size_t(i) * outStride + c;
        QVERIFY(bf16 ? outBf16[at] == 0xFFFF : std::isnan(outFp32[at]));
      }
    }
    // bf16: probabilities rounded once (relative 2^-9 each) and the output rounded once, a few 2^-9
    // of max|v|; fp32: round-off of the scores (relative 6e-8 of each, amplified by exp: grows with
    // their size) and of sums over up to 1025 terms. Both far below any wrong sum.
    const double bound = bf16 ? 4.0 / 512 * vmax : 1e-6 * vmax * (1 + maxScore);
    QVERIFY2(
        worst <= bound,
        qPrintable(
            QStringLiteral("max error %1 (max |v| %2, max |score| %3)").arg(worst).arg(vmax).arg(maxScore)));
  }

  void attendTakesTheKernel_data() {
    QTest::addColumn<bool>("bf16");
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("length");
    QTest::newRow("fp32, two images of ViT-L/14-336") << false << 2 << 577;
    QTest::newRow("fp32, one image, short") << false << 1 << 50;
    QTest::newRow("bf16, two images of ViT-L/14-336") << true << 2 << 577;
    QTest::newRow("bf16, one image, short") << true << 1 << 50;
  }
  void attendTakesTheKernel() {
    QFETCH(bool, bf16);
    QFETCH(int, batch);
    QFETCH(int, length);
    REQUIRE_KERNEL(bf16);
    c10::InferenceMode mode;
    const int heads = 16;
    const auto dtype = bf16 ? torch::kBFloat16 : torch::kFloat;
    auto qkv = (torch::randn({batch, length, 3, heads, 64}) * 0.35).to(dtype).permute({2, 0, 3, 1, 4});
    const auto q = qkv[0], k = qkv[1], v = qkv[2];
    const auto got = attend(q, k, v, false);
    // The same heads through the kernel directly: attend() must have taken it (bit for bit).
    auto direct = torch::empty({batch, length, heads, 64}, dtype);
    for (int b = 0; b < batch; ++b)
      for (int h = 0; h < heads; ++h) {
        const cpukernels::AttentionHead head{q[b][h].data_ptr(),
                                             k[b][h].data_ptr(),
                                             v[b][h].data_ptr(),
                                             q.stride(2),
                                             k.stride(2),
                                             v.stride(2),
                                             direct[b].select(1, h).data_ptr(),
                                             heads * 64,
                                             length};
        if (bf16)
          cpukernels::attendHead64Bf16(head);
        else
          cpukernels::attendHead64Fp32(head);
      }
    QVERIFY(torch::equal(got, direct.permute({0, 2, 1, 3})));
    // And no further from the exact attention than LibTorch's own route in the same dtype (bf16:
    // scores rounded to bf16; fp32: within 5 % of its round-off).
    const auto exact = torch::matmul(
        torch::softmax(torch::matmul(q.to(torch::kDouble), k.to(torch::kDouble).transpose(-2, -1)), -1),
        v.to(torch::kDouble));
    const auto libtorch =
        torch::matmul(at::_softmax(torch::matmul(q, k.transpose(-2, -1)), -1, false), v).to(torch::kDouble);
    const double ours = (got.to(torch::kDouble) - exact).abs().max().item<double>();
    const double theirs = (libtorch - exact).abs().max().item<double>();
    QVERIFY2(ours <= theirs * 1.05 + (bf16 ? 0.0 : 1e-7),
             qPrintable(QStringLiteral("kernel %1, LibTorch bf16 %2").arg(ours).arg(theirs)));
  }

  void quickGeluWithinOneRounding_data() {
    QTest::addColumn<int>("count");
    QTest::newRow("one value") << 1;
    QTest::newRow("15 (a partial vector)") << 15;
    QTest::newRow("16") << 16;
    QTest::newRow("17") << 17;
    QTest::newRow("fc1 of one image (577 x 4096)") << 577 * 4096;
  }
  void quickGeluWithinOneRounding() {
    QFETCH(int, count);
    REQUIRE_KERNEL(true);
    auto x = randomBf16(std::size_t(count) + 8, 3.0, std::uint32_t(count));
    // The extremes where the sigmoid saturates or exp overflows.
    const double special[] = {0.0, -0.0, 1e-30, -1e-30, 100.0, -100.0, 60.0, -60.0, 1.0, -1.0};
    for (std::size_t i = 0; i < std::size(special) && i < std::size_t(count); ++i)
      x[i] = doubleToBf16(special[i]);
    const std::vector<std::uint16_t> before = x;
    cpukernels::quickGeluBf16InPlace(x.data(), count);
    for (int i = 0; i < count; ++i) {
      const double in = bf16ToDouble(before[i]);
      const double exact = in / (1.0 + std::exp(-1.702 * in));
      const double got = bf16ToDouble(x[i]);
      const double ulp = std::max(std::ldexp(1.0, std::ilogb(std::max(std::abs(exact), 1e-38)) - 7), 1e-40);
      QVERIFY2(std::abs(got - exact) <= ulp,
               qPrintable(QStringLiteral("x=%1: got %2, exact %3").arg(in).arg(got).arg(exact)));
    }
    for (std::size_t i = std::size_t(count); i < x.size(); ++i)
      QCOMPARE(x[i], before[i]); // past n: untouched
  }
};

QTEST_GUILESS_MAIN(TestCpuKernels)
#include "tst_cpukernels.moc"
