// bf16 against fp32 on whatever CPU the suite runs: the tiny-clip fixture and a randomly
// initialised model at StreetCLIP's real sizes (ViT-L/14-336 image tower, 12-layer text tower).
// Each row says which route the engine took here (native bf16 with mixed precision, or the fp32
// fallback on a CPU without native bf16) and checks what that route promises:
//   bf16 mixed: image and text embeddings at cosine >= 0.9995 to fp32, logits within 0.5;
//   fallback:   a notice saying why, precision "fp32", and embeddings identical to fp32.
// Rows that switch native bf16 off (STREETLENS_CPU_BF16=off, ONEDNN_MAX_CPU_ISA=AVX2) test the
// fallback on every CPU.
#include "core/clip/TorchEngine.h"
#include "core/model/ClipConfig.h"
#include "tests/support/Fixture.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QtTest>
#include <cmath>

using namespace streetlens;
using namespace streetlens::test;

namespace {

double cosine(const float *a, const float *b, int n) {
  double ab = 0, aa = 0, bb = 0;
  for (int i = 0; i < n; ++i) {
    ab += double(a[i]) * b[i];
    aa += double(a[i]) * a[i];
    bb += double(b[i]) * b[i];
  }
  return ab / std::sqrt(aa * bb);
}

// Logits as CLIP computes them: scale · cos(image, text), for every image-text pair.
std::vector<double> logits(const EmbeddingMatrix &img, const EmbeddingMatrix &txt, double scale) {
  std::vector<double> out;
  for (int i = 0; i < img.rows; ++i)
    for (int t = 0; t < txt.rows; ++t)
      out.push_back(scale * cosine(img.row(i), txt.row(t), img.cols));
  return out;
}

// Sets an environment variable for one scope (empty value: leaves it as it is).
class ScopedEnv {
public:
  ScopedEnv(const char *name, const QByteArray &value) : name_(name), had_(qEnvironmentVariableIsSet(name)) {
    old_ = qgetenv(name);
    if (!value.isEmpty())
      qputenv(name, value);
  }
  ~ScopedEnv() {
    if (had_)
      qputenv(name_, old_);
    else
      qunsetenv(name_);
  }

private:
  const char *name_;
  bool had_;
  QByteArray old_;
};

struct Inputs {
  std::vector<float> pixels;
  int images = 0;
  QStringList texts;
};

Inputs fixtureInputs() {
  Inputs in;
  for (const auto &im : expectedJson().value("images").toArray()) {
    const auto px = fixturePixels(im.toObject().value("pixels").toString());
    in.pixels.insert(in.pixels.end(), px.begin(), px.end());
    ++in.images;
  }
  for (const auto &l : expectedJson().value("labels").toArray())
    in.texts << l.toObject().value("text").toString();
  return in;
}

// Two images of normalised noise with some structure (a gradient per channel), and prompts.
Inputs realSizeInputs(int size) {
  Inputs in;
  in.images = 2;
  QRandomGenerator rng(7);
  in.pixels.resize(size_t(in.images) * 3 * size * size);
  for (size_t i = 0; i < in.pixels.size(); ++i) {
    const int x = int(i % size_t(size));
    in.pixels[i] = float(0.8 * std::sin(0.05 * x + double(i / (size_t(size) * size))) +
                         0.6 * (rng.generateDouble() * 2 - 1));
  }
  in.texts = QStringList{QStringLiteral("A Street View photo from Paris, France."),
                         QStringLiteral("A Street View photo from Lagos, Nigeria."),
                         QStringLiteral("A Street View photo in Peru.")};
  return in;
}

std::unique_ptr<TorchEngine> makeEngine(bool realSize, const QString &precision, QString *err) {
  EngineOptions o;
  o.device = QStringLiteral("cpu");
  o.precision = precision;
  o.batchSize = 4;
  if (realSize)
    return TorchEngine::createRandom(streetClipConfig(), fixturePath(QStringLiteral("model")), o, err);
  return TorchEngine::load(fixturePath(QStringLiteral("model")), o, err);
}

} // namespace

class TestMixedPrecision : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void bf16AgainstFp32_data();
  void bf16AgainstFp32();
  void autoPicksNativeBf16Only();
};

void TestMixedPrecision::bf16AgainstFp32_data() {
  QTest::addColumn<bool>("realSize");
  QTest::addColumn<QByteArray>("bf16Switch"); // STREETLENS_CPU_BF16 for this row ("" = as it is)
  QTest::addColumn<QByteArray>("oneDnnCap");  // ONEDNN_MAX_CPU_ISA for this row
  QTest::addColumn<bool>("forcedFallback");
  QTest::newRow("fixture, this CPU's route") << false << QByteArray() << QByteArray() << false;
  QTest::newRow("StreetCLIP sizes, this CPU's route") << true << QByteArray() << QByteArray() << false;
  QTest::newRow("fixture, native bf16 switched off") << false << QByteArray("off") << QByteArray() << true;
  QTest::newRow("fixture, oneDNN capped at AVX2") << false << QByteArray() << QByteArray("AVX2") << true;
}

void TestMixedPrecision::bf16AgainstFp32() {
  STREETLENS_REQUIRE_FIXTURE();
  QFETCH(bool, realSize);
  QFETCH(QByteArray, bf16Switch);
  QFETCH(QByteArray, oneDnnCap);
  QFETCH(bool, forcedFallback);
  const ScopedEnv s1("STREETLENS_CPU_BF16", bf16Switch), s2("ONEDNN_MAX_CPU_ISA", oneDnnCap);

  QString err;
  auto fp32 = makeEngine(realSize, QStringLiteral("fp32"), &err);
  QVERIFY2(fp32, qPrintable(err));
  fp32->takeNotices();
  auto bf16 = makeEngine(realSize, QStringLiteral("bf16"), &err);
  QVERIFY2(bf16, qPrintable(err));
  const QStringList notices = bf16->takeNotices();
  const bool native = !forcedFallback && cpuHasNativeBf16();
  qInfo("CPU route for bf16: %s%s", qPrintable(bf16->info().route),
        notices.isEmpty() ? ""
                          : qPrintable(QStringLiteral(" — notice: ") + notices.join(QStringLiteral("; "))));

  const Inputs in = realSize ? realSizeInputs(fp32->imageConfig().cropHeight) : fixtureInputs();
  const auto ia = fp32->embedPixels(in.pixels.data(), in.images, &err);
  const auto ib = bf16->embedPixels(in.pixels.data(), in.images, &err);
  const auto ta = fp32->embedTexts(in.texts, &err);
  const auto tb = bf16->embedTexts(in.texts, &err);
  QVERIFY2(!ia.isEmpty() && !ib.isEmpty() && !ta.isEmpty() && !tb.isEmpty(), qPrintable(err));
  double worstImage = 1, worstText = 1, worstLogit = 0;
  for (int i = 0; i < ia.rows; ++i)
    worstImage = std::min(worstImage, cosine(ia.row(i), ib.row(i), ia.cols));
  for (int i = 0; i < ta.rows; ++i)
    worstText = std::min(worstText, cosine(ta.row(i), tb.row(i), ta.cols));
  const auto la = logits(ia, ta, fp32->logitScale()), lb = logits(ib, tb, bf16->logitScale());
  for (size_t i = 0; i < la.size(); ++i)
    worstLogit = std::max(worstLogit, std::abs(la[i] - lb[i]));
  qInfo("bf16 vs fp32: image cosine >= %.6f, text cosine >= %.6f, logits within %.4f (scale %.1f)",
        worstImage, worstText, worstLogit, double(fp32->logitScale()));

  if (native) {
    QCOMPARE(bf16->info().precision, QStringLiteral("bf16"));
    QVERIFY2(bf16->info().route.startsWith(QStringLiteral("bf16 mixed")), qPrintable(bf16->info().route));
    QVERIFY(notices.filter(QStringLiteral("bf16 asked for")).isEmpty());
    QVERIFY2(worstImage >= 0.9995, qPrintable(QString::number(worstImage, 'f', 6)));
    QVERIFY2(worstText >= 0.9995, qPrintable(QString::number(worstText, 'f', 6)));
    QVERIFY2(worstLogit <= 0.5, qPrintable(QString::number(worstLogit)));
  } else {
    // No native bf16 here: the engine says so and runs exactly the fp32 route.
    QCOMPARE(bf16->info().precision, QStringLiteral("fp32"));
    QCOMPARE(bf16->info().route, fp32->info().route);
    QVERIFY2(!notices.filter(QStringLiteral("bf16 asked for")).isEmpty(), qPrintable(notices.join('|')));
    QCOMPARE(ib.data, ia.data);
    QCOMPARE(tb.data, ta.data);
  }
}

void TestMixedPrecision::autoPicksNativeBf16Only() {
  STREETLENS_REQUIRE_FIXTURE();
  for (const QByteArray &sw : {QByteArray("off"), QByteArray()}) {
    const ScopedEnv s("STREETLENS_CPU_BF16", sw);
    QString err;
    auto e = makeEngine(false, QStringLiteral("auto"), &err);
    QVERIFY2(e, qPrintable(err));
    const bool native = sw != "off" && cpuHasNativeBf16();
    QCOMPARE(e->info().precision, native ? QStringLiteral("bf16") : QStringLiteral("fp32"));
    // "auto" never complains: the fp32 choice is the right one, not a fallback.
    QVERIFY(e->takeNotices().filter(QStringLiteral("bf16 asked for")).isEmpty());
  }
}

QTEST_GUILESS_MAIN(TestMixedPrecision)
#include "tst_mixedprecision.moc"
