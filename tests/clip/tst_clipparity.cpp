// Parity of the LibTorch engine with the reference implementation on the tiny-clip fixture:
// image/text embeddings, logits and probabilities, from safetensors and from pytorch_model.bin,
// from the reference pixel tensors and through our own preprocessing (bf16 against fp32:
// tst_mixedprecision). Runs on $STREETLENS_TEST_DEVICE (cpu by default; the GPU kit sets cuda) with
// the same bounds. The engine-only build (STREETLENS_ENGINE_ONLY, the GPU kit) has no image decoder,
// so there the rows through our own preprocessing are left out: the reference pixels go in.
#include "core/analysis/ZeroShot.h"
#include "core/clip/TorchEngine.h"
#include "tests/support/Fixture.h"
#ifndef STREETLENS_ENGINE_ONLY
#include "core/imageio/ImageLoader.h"
#endif

#include <QFileInfo>
#include <QJsonArray>
#include <QtTest>
#include <cmath>

using namespace streetlens;
using namespace streetlens::test;

namespace {

std::vector<float> jsonFloats(const QJsonArray &a) {
  std::vector<float> v;
  for (const auto &x : a)
    v.push_back(float(x.toDouble()));
  return v;
}

double relError(const float *got, const std::vector<float> &ref) {
  double num = 0, den = 0;
  for (size_t i = 0; i < ref.size(); ++i) {
    num += (double(got[i]) - ref[i]) * (double(got[i]) - ref[i]);
    den += double(ref[i]) * ref[i];
  }
  return std::sqrt(num / den);
}

std::unique_ptr<TorchEngine> loadOrFail(const QString &dir, const QString &precision, QString *err) {
  EngineOptions o;
  o.device = testDevice();
  o.precision = precision;
  o.batchSize = 4;
  return TorchEngine::load(fixturePath(dir), o, err);
}

} // namespace

class TestClipParity : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void embeddings_data();
  void embeddings();
  void oomHalvesBatch();
};

void TestClipParity::embeddings_data() {
  QTest::addColumn<QString>("modelDir");
  QTest::addColumn<bool>("ownPreprocessing");
  QTest::newRow("safetensors-reference-pixels") << "model" << false;
  QTest::newRow("pytorch_model.bin-reference-pixels") << "model-bin" << false;
#ifndef STREETLENS_ENGINE_ONLY
  QTest::newRow("safetensors-own-preprocessing") << "model" << true;
  QTest::newRow("pytorch_model.bin-own-preprocessing") << "model-bin" << true;
#endif
}

void TestClipParity::embeddings() {
  STREETLENS_REQUIRE_FIXTURE();
  QFETCH(QString, modelDir);
  QFETCH(bool, ownPreprocessing);
  QString err;
  auto engine = loadOrFail(modelDir, QStringLiteral("fp32"), &err);
  QVERIFY2(engine, qPrintable(err));
  const QJsonObject exp = expectedJson();
  const double scaleRef = std::exp(exp.value("logit_scale").toDouble());
  QVERIFY(std::abs(engine->logitScale() - scaleRef) <= 1e-6 * scaleRef);
  qInfo("device %s (%s), precision %s", qPrintable(engine->info().device),
        qPrintable(engine->info().deviceName), qPrintable(engine->info().precision));
  QVERIFY2(engine->info().device.startsWith(testDevice().section(':', 0, 0)),
           qPrintable(engine->info().device));

  // Texts: from the reference ids and through our tokenizer.
  const QJsonArray labels = exp.value("labels").toArray();
  QStringList texts;
  std::vector<std::vector<int64_t>> ids;
  for (const auto &l : labels) {
    texts << l.toObject().value("text").toString();
    std::vector<int64_t> row;
    for (const auto &x : l.toObject().value("input_ids").toArray())
      row.push_back(x.toInteger());
    ids.push_back(row);
  }
  const EmbeddingMatrix t1 = engine->embedTokenIds(ids, &err);
  const EmbeddingMatrix t2 = engine->embedTexts(texts, &err);
  QVERIFY2(!t1.isEmpty() && !t2.isEmpty(), qPrintable(err));
  double worstText = 0;
  for (int i = 0; i < labels.size(); ++i) {
    const auto ref = jsonFloats(labels[i].toObject().value("text_embeds").toArray());
    QCOMPARE(size_t(t1.cols), ref.size());
    worstText = std::max({worstText, relError(t1.row(i), ref), relError(t2.row(i), ref)});
  }
  qInfo("text embeddings: worst relative error %.3g", worstText);
  QVERIFY(worstText <= 1e-4);

  // Images.
  const QJsonArray images = exp.value("images").toArray();
  std::vector<float> batch;
  for (const auto &im : images) {
    const QJsonObject o = im.toObject();
    std::vector<float> px;
    if (ownPreprocessing) {
#ifndef STREETLENS_ENGINE_ONLY
      const auto loaded = loadImage(fixturePath("images/" + o.value("file").toString()), ImageLimits{}, &err);
      QVERIFY2(loaded, qPrintable(err));
      px = clipPreprocess(loaded->image, engine->imageConfig());
#endif
    } else {
      px = fixturePixels(o.value("pixels").toString());
    }
    QCOMPARE(px.size(), size_t(3 * 336 * 336));
    batch.insert(batch.end(), px.begin(), px.end());
  }
  const EmbeddingMatrix img = engine->embedPixels(batch.data(), int(images.size()), &err);
  QVERIFY2(!img.isEmpty(), qPrintable(err));
  double worstImage = 0;
  for (int i = 0; i < images.size(); ++i) {
    const QJsonObject o = images[i].toObject();
    const double e = relError(img.row(i), jsonFloats(o.value("image_embeds").toArray()));
    // Our decode + Pillow-exact resize reproduce the reference pixels exactly (JPEG included, with
    // this machine's libjpeg-turbo), so the same bound holds through our own preprocessing.
    QVERIFY2(e <= 1e-4,
             qPrintable(QStringLiteral("%1: relative error %2").arg(o.value("file").toString()).arg(e)));
    worstImage = std::max(worstImage, e);
  }
  qInfo("image embeddings: worst relative error %.3g", worstImage);

  // Logits and probabilities.
  const EmbeddingMatrix logits = zeroShotLogits(img, t1, engine->logitScale());
  const EmbeddingMatrix probs = softmaxRows(logits);
  const QJsonArray refLogits = exp.value("logits_per_image").toArray();
  const QJsonArray refProbs = exp.value("probs").toArray();
  double worstLogit = 0, worstProb = 0;
  for (int i = 0; i < images.size(); ++i) {
    const auto rl = jsonFloats(refLogits[i].toArray());
    const auto rp = jsonFloats(refProbs[i].toArray());
    for (int t = 0; t < logits.cols; ++t) {
      worstLogit = std::max(worstLogit, std::abs(double(logits.row(i)[t]) - rl[t]));
      worstProb = std::max(worstProb, std::abs(double(probs.row(i)[t]) - rp[t]));
    }
  }
  qInfo("logits: worst |diff| %.3g; probs: worst |diff| %.3g", worstLogit, worstProb);
  QVERIFY(worstLogit <= 1e-3);
  QVERIFY(worstProb <= 1e-4);
}

void TestClipParity::oomHalvesBatch() {
  STREETLENS_REQUIRE_FIXTURE();
  EngineOptions o;
  o.device = testDevice();
  o.precision = QStringLiteral("fp32");
  o.batchSize = 8;
  o.simulateOomAboveBatch = 2;
  QString err;
  auto engine = TorchEngine::load(fixturePath("model"), o, &err);
  QVERIFY2(engine, qPrintable(err));
  const QJsonArray images = expectedJson().value("images").toArray();
  std::vector<float> batch;
  for (const auto &im : images) {
    const auto px = fixturePixels(im.toObject().value("pixels").toString());
    batch.insert(batch.end(), px.begin(), px.end());
  }
  const auto m = engine->embedPixels(batch.data(), int(images.size()), &err);
  QVERIFY2(!m.isEmpty(), qPrintable(err));
  const QStringList notices = engine->takeNotices();
  QVERIFY2(!notices.filter(QStringLiteral("out of memory with a batch of")).isEmpty(),
           qPrintable(notices.join('|')));
  for (int i = 0; i < m.rows; ++i)
    QVERIFY(relError(m.row(i), jsonFloats(images[i].toObject().value("image_embeds").toArray())) <= 1e-4);
}

QTEST_GUILESS_MAIN(TestClipParity)
#include "tst_clipparity.moc"
