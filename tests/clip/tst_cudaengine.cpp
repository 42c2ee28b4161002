// The engine on a CUDA GPU: what only a GPU can show. Part of the GPU kit (tools/gpu/run-on-device.sh);
// built everywhere so that it compiles where no GPU is, registered with CTest only when LibTorch has
// CUDA. On $STREETLENS_TEST_DEVICE when that names a CUDA device, else on "cuda".
//   precisionAgainstFp32: fp16 and bf16 against fp32 on the same card, on the tiny-clip fixture and
//     at StreetCLIP's real sizes: every image and text embedding at cosine >= 0.999.
//   automaticBatchFits: batch size "auto" is chosen from the card's free memory (a notice says so)
//     and two such batches run without an out-of-memory.
//   realOutOfMemory: the card is filled with ballast tensors until nothing more fits, then some
//     memory is given back: enough for a few images (the engine halves its batch and stays on the
//     GPU) or none (the engine halves down to one image, then moves to the CPU and goes on there).
//     Either way every embedding still matches the fp32 reference (cosine >= 0.999).
#include "core/clip/TorchEngine.h"
#include "core/model/BatchSizing.h"
#include "core/model/ClipConfig.h"
#include "tests/support/Fixture.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QtTest>
#include <cmath>
#include <torch/torch.h>

using namespace streetlens;
using namespace streetlens::test;

namespace {

QString cudaDevice() {
  const QString d = testDevice();
  return d.startsWith(QLatin1String("cuda")) ? d : QStringLiteral("cuda");
}

double cosine(const float *a, const float *b, int n) {
  double ab = 0, aa = 0, bb = 0;
  for (int i = 0; i < n; ++i) {
    ab += double(a[i]) * b[i];
    aa += double(a[i]) * a[i];
    bb += double(b[i]) * b[i];
  }
  return ab / std::sqrt(aa * bb);
}

double worstCosine(const EmbeddingMatrix &a, const EmbeddingMatrix &b) {
  double worst = 1;
  for (int i = 0; i < a.rows; ++i)
    worst = std::min(worst, cosine(a.row(i), b.row(i), a.cols));
  return worst;
}

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

// `count` images of normalised noise with structure (a gradient per channel), and prompts.
Inputs realSizeInputs(int count, int size) {
  Inputs in;
  in.images = count;
  QRandomGenerator rng(11);
  in.pixels.resize(size_t(count) * 3 * size * size);
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

std::unique_ptr<TorchEngine> makeEngine(bool realSize, const QString &precision, int batch, QString *err) {
  EngineOptions o;
  o.device = cudaDevice();
  o.precision = precision;
  o.batchSize = batch;
  if (realSize)
    return TorchEngine::createRandom(streetClipConfig(), fixturePath(QStringLiteral("model")), o, err);
  return TorchEngine::load(fixturePath(QStringLiteral("model")), o, err);
}

// Tensors that hold the card's memory. fill() allocates blocks, large ones first, until even a
// 2 MiB block fails; release() drops the newest blocks until at least `bytes` went back to
// LibTorch's caching allocator (which the engine allocates from).
class Ballast {
public:
  void fill(const torch::Device &device) {
    for (const int64_t size : {int64_t(1) << 30, int64_t(128) << 20, int64_t(16) << 20, int64_t(2) << 20}) {
      for (;;) {
        try {
          blocks_.push_back(torch::empty({size}, torch::TensorOptions().dtype(torch::kByte).device(device)));
          held_ += size;
        } catch (const c10::Error &) { // c10::OutOfMemoryError is one
          break;
        }
      }
    }
  }
  int64_t release(int64_t bytes) {
    int64_t freed = 0;
    while (freed < bytes && !blocks_.empty()) {
      freed += blocks_.back().numel();
      blocks_.pop_back();
    }
    held_ -= freed;
    return freed;
  }
  int64_t held() const { return held_; }

private:
  std::vector<torch::Tensor> blocks_;
  int64_t held_ = 0;
};

} // namespace

class TestCudaEngine : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void precisionAgainstFp32_data();
  void precisionAgainstFp32();
  void automaticBatchFits();
  void realOutOfMemory_data();
  void realOutOfMemory();
};

void TestCudaEngine::precisionAgainstFp32_data() {
  QTest::addColumn<bool>("realSize");
  QTest::addColumn<QString>("precision");
  QTest::newRow("fixture, fp16") << false << QStringLiteral("fp16");
  QTest::newRow("fixture, bf16") << false << QStringLiteral("bf16");
  QTest::newRow("StreetCLIP sizes, fp16") << true << QStringLiteral("fp16");
  QTest::newRow("StreetCLIP sizes, bf16") << true << QStringLiteral("bf16");
}

void TestCudaEngine::precisionAgainstFp32() {
  STREETLENS_REQUIRE_FIXTURE();
  QFETCH(bool, realSize);
  QFETCH(QString, precision);
  QString err;
  auto fp32 = makeEngine(realSize, QStringLiteral("fp32"), 8, &err);
  QVERIFY2(fp32, qPrintable(err));
  auto low = makeEngine(realSize, precision, 8, &err);
  QVERIFY2(low, qPrintable(err));
  QVERIFY2(low->info().device.startsWith(QLatin1String("cuda")), qPrintable(low->info().device));
  QCOMPARE(low->info().precision, precision);
  qInfo("%s on %s: %s", qPrintable(precision), qPrintable(low->info().deviceName),
        qPrintable(low->info().route));

  const Inputs in = realSize ? realSizeInputs(4, fp32->imageConfig().cropHeight) : fixtureInputs();
  const auto ia = fp32->embedPixels(in.pixels.data(), in.images, &err);
  const auto ib = low->embedPixels(in.pixels.data(), in.images, &err);
  const auto ta = fp32->embedTexts(in.texts, &err);
  const auto tb = low->embedTexts(in.texts, &err);
  QVERIFY2(!ia.isEmpty() && !ib.isEmpty() && !ta.isEmpty() && !tb.isEmpty(), qPrintable(err));
  const double image = worstCosine(ia, ib), text = worstCosine(ta, tb);
  qInfo("%s vs fp32: image cosine >= %.6f, text cosine >= %.6f", qPrintable(precision), image, text);
  QVERIFY2(image >= 0.999, qPrintable(QString::number(image, 'f', 6)));
  QVERIFY2(text >= 0.999, qPrintable(QString::number(text, 'f', 6)));
}

void TestCudaEngine::automaticBatchFits() {
  STREETLENS_REQUIRE_FIXTURE();
  for (const QString &precision : {QStringLiteral("fp16"), QStringLiteral("bf16")}) {
    QString err;
    auto e = makeEngine(true, precision, 0, &err);
    QVERIFY2(e, qPrintable(err));
    const QStringList chosen = e->takeNotices().filter(QStringLiteral("chosen from"));
    QVERIFY2(!chosen.isEmpty(), "no notice of the automatic batch size");
    const int batch = e->imageBatchSize();
    qInfo("%s: %s", qPrintable(precision), qPrintable(chosen.first()));
    QVERIFY(batch >= 1 && batch <= 64);
    const Inputs in = realSizeInputs(2 * batch, e->imageConfig().cropHeight);
    const auto m = e->embedPixels(in.pixels.data(), in.images, &err);
    QVERIFY2(!m.isEmpty(), qPrintable(err));
    const QStringList oom = e->takeNotices().filter(QStringLiteral("out of memory"));
    QVERIFY2(oom.isEmpty(), qPrintable(oom.join('|')));
  }
}

void TestCudaEngine::realOutOfMemory_data() {
  QTest::addColumn<int>("imagesOfRoom"); // memory given back, in images' activations (BatchSizing)
  QTest::addColumn<bool>("expectCpu");
  QTest::newRow("room for 3 images: the batch halves") << 3 << false;
  QTest::newRow("no room: halves to 1, then the CPU") << 0 << true;
}

void TestCudaEngine::realOutOfMemory() {
  STREETLENS_REQUIRE_FIXTURE();
  QFETCH(int, imagesOfRoom);
  QFETCH(bool, expectCpu);
  const int images = 8, batch = 16;
  QString err;
  Inputs in;
  EmbeddingMatrix reference;
  {
    auto fp32 = makeEngine(true, QStringLiteral("fp32"), batch, &err);
    QVERIFY2(fp32, qPrintable(err));
    in = realSizeInputs(images, fp32->imageConfig().cropHeight);
    reference = fp32->embedPixels(in.pixels.data(), in.images, &err);
    QVERIFY2(!reference.isEmpty(), qPrintable(err));
  }
  auto e = makeEngine(true, QStringLiteral("fp16"), batch, &err);
  QVERIFY2(e, qPrintable(err));
  // Warm-up with one image: kernels, cuBLAS handles and workspaces exist before the card is full.
  QVERIFY2(!e->embedPixels(in.pixels.data(), 1, &err).isEmpty(), qPrintable(err));
  e->takeNotices();

  Ballast ballast;
  ballast.fill(torch::Device(cudaDevice().toStdString()));
  const int64_t perImage = imageActivationBytes(streetClipConfig().vision, 2);
  const int64_t room = ballast.release(int64_t(imagesOfRoom) * perImage);
  qInfo("ballast holds %.1f GiB; %.0f MiB given back (%d images of %.0f MiB)",
        double(ballast.held()) / (1 << 30), double(room) / (1 << 20), imagesOfRoom,
        double(perImage) / (1 << 20));
  const auto m = e->embedPixels(in.pixels.data(), in.images, &err);
  const QStringList notices = e->takeNotices();
  ballast.release(ballast.held());
  qInfo("notices: %s", qPrintable(notices.join(QStringLiteral(" | "))));
  QVERIFY2(!m.isEmpty(), qPrintable(err));
  QVERIFY2(!notices.filter(QStringLiteral("out of memory with a batch of 16")).isEmpty(),
           qPrintable(notices.join('|')));
  const bool onCpu = !notices.filter(QStringLiteral("continuing on the CPU")).isEmpty();
  QCOMPARE(onCpu, expectCpu);
  QCOMPARE(e->info().device.startsWith(QLatin1String("cuda")), !expectCpu);
  const double worst = worstCosine(reference, m);
  qInfo("after the out-of-memory (%s, %s): cosine to fp32 >= %.6f", qPrintable(e->info().device),
        qPrintable(e->info().precision), worst);
  QVERIFY2(worst >= 0.999, qPrintable(QString::number(worst, 'f', 6)));
}

QTEST_GUILESS_MAIN(TestCudaEngine)
#include "tst_cudaengine.moc"
