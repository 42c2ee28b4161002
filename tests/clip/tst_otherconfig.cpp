// The engine is the same model for CLIP configurations unlike the fixture's: an independent numpy
// float64 implementation of transformers' CLIPModel (tests/tools/numpy_clip_reference.py) writes a
// random model with patch 16, image 224, head sizes 32 and 12, three vision layers, erf-GELU in
// the text tower, a compact config.json and a dict-form preprocessor config; our embeddings must
// match it within 1e-4 relative.
#include "core/clip/TorchEngine.h"
#include "tests/support/Fixture.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>
#include <cmath>

using namespace streetlens;
using namespace streetlens::test;

namespace {
double relError(const float *got, const QJsonArray &ref) {
  double num = 0, den = 0;
  for (int i = 0; i < ref.size(); ++i) {
    const double r = ref[i].toDouble();
    num += (got[i] - r) * (got[i] - r);
    den += r * r;
  }
  return std::sqrt(num / den);
}
} // namespace

class TestOtherConfig : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void matchesIndependentReference() {
    STREETLENS_REQUIRE_FIXTURE();
    QTemporaryDir dir;
    QProcess py;
    // $STREETLENS_PYTHON: a python3 with numpy where /usr/bin/python3 has none (the GPU kit's device).
    py.start(qEnvironmentVariable("STREETLENS_PYTHON", QStringLiteral("/usr/bin/python3")),
             {QStringLiteral(STREETLENS_SOURCE_DIR "/tests/tools/numpy_clip_reference.py"), dir.path(),
              fixturePath("model")});
    QVERIFY2(
        py.waitForFinished(300000) && py.exitCode() == 0,
        qPrintable("the numpy reference failed (python3-numpy is installed by scripts/install-deps.sh): " +
                   QString::fromUtf8(py.readAllStandardError())));
    const QJsonObject ref = QJsonDocument::fromJson(readAll(dir.filePath("reference.json"))).object();
    EngineOptions o;
    o.device = QStringLiteral("cpu");
    o.precision = QStringLiteral("fp32");
    QString err;
    auto engine = TorchEngine::load(dir.path(), o, &err);
    QVERIFY2(engine, qPrintable(err));
    QCOMPARE(engine->imageConfig().cropHeight, 224);
    QCOMPARE(engine->info().embedDim, 24);
    QVERIFY(std::abs(engine->logitScale() - 50.0f) < 1e-4f);

    const QByteArray raw = readAll(dir.filePath("pixels.f32"));
    std::vector<float> pixels(size_t(raw.size() / 4));
    for (size_t i = 0; i < pixels.size(); ++i)
      pixels[i] = qFromLittleEndian<float>(raw.constData() + 4 * i);
    const EmbeddingMatrix img = engine->embedPixels(pixels.data(), 2, &err);
    QVERIFY2(img.rows == 2, qPrintable(err));
    const QJsonArray refImg = ref.value("image_embeds").toArray();
    for (int i = 0; i < 2; ++i) {
      const double e = relError(img.row(i), refImg[i].toArray());
      qInfo("image %d: relative error %.3g", i, e);
      QVERIFY(e <= 1e-4);
    }
    std::vector<std::vector<int64_t>> ids;
    for (const auto &row : ref.value("input_ids").toArray()) {
      ids.emplace_back();
      for (const auto &v : row.toArray())
        ids.back().push_back(v.toInteger());
    }
    const EmbeddingMatrix txt = engine->embedTokenIds(ids, &err);
    QVERIFY2(txt.rows == int(ids.size()), qPrintable(err));
    const QJsonArray refTxt = ref.value("text_embeds").toArray();
    for (int i = 0; i < txt.rows; ++i) {
      const double e = relError(txt.row(i), refTxt[i].toArray());
      qInfo("text %d (%d tokens, batch padded to the longest): relative error %.3g", i,
            int(ids[size_t(i)].size()), e);
      QVERIFY(e <= 1e-4);
    }
  }
};

QTEST_GUILESS_MAIN(TestOtherConfig)
#include "tst_otherconfig.moc"
