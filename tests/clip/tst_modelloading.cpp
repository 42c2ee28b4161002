// Model folders in every accepted form load to the same model; broken or mismatched folders are
// refused with a message naming the file and the problem (never a crash).
#include "core/clip/TorchEngine.h"
#include "tests/clip/SafetensorsWriter.h"
#include "tests/support/Fixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <functional>

using namespace streetlens;
using namespace streetlens::test;

namespace {

const QStringList kSideFiles = {"config.json", "preprocessor_config.json", "vocab.json",
                                "merges.txt",  "tokenizer_config.json",    "special_tokens_map.json"};

void copySideFiles(const QString &to) {
  QDir().mkpath(to);
  for (const QString &f : kSideFiles)
    QFile::copy(fixturePath("model/" + f), to + "/" + f);
}

// Writes `tensors` (after `edit`) as model.safetensors into a fresh folder with the fixture's json files.
QString makeFolder(const QTemporaryDir &tmp, const QString &name,
                   const std::function<void(std::vector<RawTensor> &)> &edit = {}) {
  const QString dir = tmp.filePath(name);
  copySideFiles(dir);
  auto tensors = readSafetensors(fixturePath("model/model.safetensors"));
  if (edit)
    edit(tensors);
  writeSafetensors(dir + "/model.safetensors", tensors, {{"format", "pt"}});
  return dir;
}

std::vector<float> firstLabelEmbedding(TorchEngine &e) {
  QString err;
  const auto m =
      e.embedTexts({expectedJson().value("labels").toArray()[0].toObject().value("text").toString()}, &err);
  return std::vector<float>(m.data.begin(), m.data.end());
}

double relToReference(const std::vector<float> &got) {
  const QJsonArray ref =
      expectedJson().value("labels").toArray()[0].toObject().value("text_embeds").toArray();
  double num = 0, den = 0;
  for (int i = 0; i < ref.size(); ++i) {
    const double r = ref[i].toDouble();
    num += (got[size_t(i)] - r) * (got[size_t(i)] - r);
    den += r * r;
  }
  return std::sqrt(num / den);
}

std::unique_ptr<TorchEngine> load(const QString &dir, QString *err) {
  EngineOptions o;
  o.device = QStringLiteral("cpu");
  o.precision = QStringLiteral("fp32");
  return TorchEngine::load(dir, o, err);
}

void writeText(const QString &path, const QByteArray &text) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
  f.write(text);
}

} // namespace

class TestModelLoading : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase() { STREETLENS_REQUIRE_FIXTURE(); }
  void acceptedForms_data();
  void acceptedForms();
  void refused_data();
  void refused();
  void deviceChoices();
};

void TestModelLoading::acceptedForms_data() {
  QTest::addColumn<QString>("form");
  QTest::addColumn<double>("tolerance");
  QTest::newRow("f16-storage") << "f16" << 2e-3;
  QTest::newRow("bf16-storage") << "bf16" << 2e-2;
  QTest::newRow("sharded-safetensors") << "sharded" << 1e-4;
  QTest::newRow("hf-cache-layout") << "cache" << 1e-4;
  QTest::newRow("hf-cache-root") << "cache-root" << 1e-4;
  QTest::newRow("dict-form-preprocessor") << "dict-preprocessor" << 1e-4;
  QTest::newRow("compact-config-with-dict-overrides") << "config-dict" << 1e-4;
  QTest::newRow("tensors-without-position-ids") << "no-position-ids" << 1e-4;
}

void TestModelLoading::acceptedForms() {
  QFETCH(QString, form);
  QFETCH(double, tolerance);
  QTemporaryDir tmp;
  QString dir;
  QString expectName;
  if (form == "f16" || form == "bf16") {
    dir = makeFolder(tmp, form, [&](std::vector<RawTensor> &ts) {
      for (auto &t : ts)
        if (t.dtype == "F32") {
          t.bytes = form == "f16" ? f32ToF16(t.bytes) : f32ToBf16(t.bytes);
          t.dtype = form == "f16" ? "F16" : "BF16";
        }
    });
  } else if (form == "sharded") {
    dir = tmp.filePath("sharded");
    copySideFiles(dir);
    auto ts = readSafetensors(fixturePath("model/model.safetensors"));
    std::vector<RawTensor> a(ts.begin(), ts.begin() + long(ts.size() / 2)),
        b(ts.begin() + long(ts.size() / 2), ts.end());
    QVERIFY(writeSafetensors(dir + "/model-00001-of-00002.safetensors", a));
    QVERIFY(writeSafetensors(dir + "/model-00002-of-00002.safetensors", b));
    QJsonObject map;
    for (const auto &t : a)
      map.insert(t.name, "model-00001-of-00002.safetensors");
    for (const auto &t : b)
      map.insert(t.name, "model-00002-of-00002.safetensors");
    writeText(dir + "/model.safetensors.index.json",
              QJsonDocument(QJsonObject{{"metadata", QJsonObject{}}, {"weight_map", map}}).toJson());
  } else if (form == "cache" || form == "cache-root") {
    const QString repo = tmp.filePath("hub/models--geolocal--StreetCLIP");
    const QString snap = repo + "/snapshots/0123abcd";
    QDir().mkpath(repo + "/blobs");
    QDir().mkpath(snap);
    QDir().mkpath(repo + "/refs");
    writeText(repo + "/refs/main", "0123abcd");
    // Files are symlinks into blobs/, as huggingface_hub stores them.
    QStringList files = kSideFiles;
    files << "model.safetensors";
    for (const QString &f : files) {
      QFile::copy(fixturePath("model/" + f), repo + "/blobs/" + f + ".blob");
      QVERIFY(QFile::link(repo + "/blobs/" + f + ".blob", snap + "/" + f));
    }
    dir = form == "cache" ? repo : tmp.filePath("hub");
    expectName = "geolocal/StreetCLIP";
  } else if (form == "dict-preprocessor") {
    dir = makeFolder(tmp, form);
    writeText(
        dir + "/preprocessor_config.json",
        R"({"crop_size": {"height": 336, "width": 336}, "size": {"shortest_edge": 336}, "do_center_crop": true,
                 "do_normalize": true, "do_resize": true, "do_rescale": true, "rescale_factor": 0.00392156862745098,
                 "image_mean": [0.48145466, 0.4578275, 0.40821073], "image_std": [0.26862954, 0.26130258, 0.27577711],
                 "resample": 3, "image_processor_type": "CLIPImageProcessor"})");
  } else if (form == "config-dict") {
    dir = makeFolder(tmp, form);
    // Wrong sizes in text_config, corrected by text_config_dict (which wins, as in CLIPConfig.__init__).
    QJsonObject cfg = QJsonDocument::fromJson(readAll(fixturePath("model/config.json"))).object();
    QJsonObject text = cfg.value("text_config").toObject();
    const QJsonObject good = text;
    text.insert("hidden_size", 999);
    cfg.insert("text_config", text);
    cfg.insert("text_config_dict", good);
    writeText(dir + "/config.json", QJsonDocument(cfg).toJson());
  } else if (form == "no-position-ids") {
    dir = makeFolder(tmp, form, [](std::vector<RawTensor> &ts) {
      ts.erase(std::remove_if(ts.begin(), ts.end(),
                              [](const RawTensor &t) { return t.name.endsWith("position_ids"); }),
               ts.end());
    });
  }
  QString err;
  auto engine = load(dir, &err);
  QVERIFY2(engine, qPrintable(err));
  if (!expectName.isEmpty())
    QCOMPARE(engine->info().modelName, expectName);
  QCOMPARE(engine->imageConfig().cropHeight, 336);
  const double rel = relToReference(firstLabelEmbedding(*engine));
  qInfo("%s: relative error %.3g", qPrintable(form), rel);
  QVERIFY(rel <= tolerance);
}

void TestModelLoading::refused_data() {
  QTest::addColumn<QString>("form");
  QTest::addColumn<QString>("expectInMessage");
  QTest::newRow("not-a-folder") << "not-a-folder"
                                << "no such folder";
  QTest::newRow("empty-folder") << "empty"
                                << "config.json is missing";
  QTest::newRow("bad-json-config") << "bad-json"
                                   << "config.json";
  QTest::newRow("config-not-clip") << "not-clip"
                                   << "model_type";
  QTest::newRow("no-weights") << "no-weights"
                              << "no weights";
  QTest::newRow("truncated-safetensors") << "truncated"
                                         << "model.safetensors";
  QTest::newRow("missing-tensor") << "missing"
                                  << "missing tensors: visual_projection.weight";
  QTest::newRow("wrong-shape") << "wrong-shape"
                               << "wrong shape: text_projection.weight";
  QTest::newRow("unexpected-tensor") << "unexpected"
                                     << "unexpected tensors: extra.weight";
  QTest::newRow("config-sizes-do-not-match") << "config-mismatch"
                                             << "wrong shape";
  QTest::newRow("integer-weights") << "int-weights"
                                   << "not floating point: logit_scale";
  QTest::newRow("nan-weights") << "nan"
                               << "NaN";
  QTest::newRow("truncated-pytorch-bin") << "truncated-bin"
                                         << "pytorch_model.bin";
  QTest::newRow("pickle-not-zip") << "bin-not-zip"
                                  << "not a torch zip checkpoint";
  QTest::newRow("missing-vocab") << "no-vocab"
                                 << "vocab.json";
  QTest::newRow("crop-size-mismatch") << "crop-mismatch"
                                      << "does not match";
  QTest::newRow("bad-resample") << "bad-resample"
                                << "preprocessor_config.json";
}

void TestModelLoading::refused() {
  QFETCH(QString, form);
  QFETCH(QString, expectInMessage);
  QTemporaryDir tmp;
  QString dir = tmp.filePath(form);
  auto edit = [&](const std::function<void(std::vector<RawTensor> &)> &fn) {
    dir = makeFolder(tmp, form, fn);
  };
  if (form == "not-a-folder") {
    dir = tmp.filePath("does-not-exist");
  } else if (form == "empty") {
    QDir().mkpath(dir);
  } else if (form == "bad-json") {
    dir = makeFolder(tmp, form);
    writeText(dir + "/config.json", "{\"projection_dim\": 32,");
  } else if (form == "not-clip") {
    dir = makeFolder(tmp, form);
    writeText(dir + "/config.json", R"({"model_type": "bert"})");
  } else if (form == "no-weights") {
    copySideFiles(dir);
  } else if (form == "truncated") {
    dir = makeFolder(tmp, form);
    QFile f(dir + "/model.safetensors");
    QVERIFY(f.resize(f.size() - 100));
  } else if (form == "missing") {
    edit([](auto &ts) {
      ts.erase(std::remove_if(ts.begin(), ts.end(),
                              [](const RawTensor &t) { return t.name == "visual_projection.weight"; }),
               ts.end());
    });
  } else if (form == "wrong-shape") {
    edit([](auto &ts) {
      for (auto &t : ts)
        if (t.name == "text_projection.weight") {
          t.shape = {64, 32};
        }
    });
  } else if (form == "unexpected") {
    edit([](auto &ts) { ts.push_back({"extra.weight", "F32", {2}, QByteArray(8, '\0')}); });
  } else if (form == "config-mismatch") {
    dir = makeFolder(tmp, form);
    QByteArray cfg = readAll(fixturePath("model/config.json"));
    cfg.replace("\"projection_dim\": 32", "\"projection_dim\": 16");
    writeText(dir + "/config.json", cfg);
  } else if (form == "int-weights") {
    edit([](auto &ts) {
      for (auto &t : ts)
        if (t.name == "logit_scale")
          t.dtype = "I32";
    });
  } else if (form == "nan") {
    edit([](auto &ts) {
      for (auto &t : ts)
        if (t.name == "logit_scale") {
          const float nan = std::nanf("");
          t.bytes = QByteArray(reinterpret_cast<const char *>(&nan), 4);
        }
    });
  } else if (form == "truncated-bin" || form == "bin-not-zip") {
    copySideFiles(dir);
    QByteArray bin = readAll(fixturePath("model-bin/pytorch_model.bin"));
    writeText(dir + "/pytorch_model.bin",
              form == "truncated-bin" ? bin.left(bin.size() / 2) : QByteArray("\x80\x02}q\x00.", 6));
  } else if (form == "no-vocab") {
    dir = makeFolder(tmp, form);
    QFile::remove(dir + "/vocab.json");
  } else if (form == "crop-mismatch") {
    dir = makeFolder(tmp, form);
    QByteArray pre = readAll(fixturePath("model/preprocessor_config.json"));
    pre.replace("\"crop_size\": 336", "\"crop_size\": 224");
    writeText(dir + "/preprocessor_config.json", pre);
  } else if (form == "bad-resample") {
    dir = makeFolder(tmp, form);
    QByteArray pre = readAll(fixturePath("model/preprocessor_config.json"));
    pre.replace("\"resample\": 3", "\"resample\": 0");
    writeText(dir + "/preprocessor_config.json", pre);
  }
  QString err;
  auto engine = load(dir, &err);
  QVERIFY(!engine);
  qInfo("%s -> %s", qPrintable(form), qPrintable(err));
  QVERIFY2(err.contains(expectInMessage), qPrintable(err));
}

void TestModelLoading::deviceChoices() {
  QString err;
  EngineOptions o;
  o.device = QStringLiteral("quantum");
  QVERIFY(!TorchEngine::load(fixturePath("model"), o, &err));
  QVERIFY2(err.contains("quantum"), qPrintable(err));
  o.device = QStringLiteral("cpu");
  o.precision = QStringLiteral("fp16");
  QVERIFY(!TorchEngine::load(fixturePath("model"), o, &err));
  QVERIFY2(err.contains("fp16"), qPrintable(err));
  o.precision = QStringLiteral("auto");
  auto e = TorchEngine::load(fixturePath("model"), o, &err);
  QVERIFY2(e, qPrintable(err));
  QCOMPARE(e->info().precision, cpuHasNativeBf16() ? QStringLiteral("bf16") : QStringLiteral("fp32"));
}

QTEST_GUILESS_MAIN(TestModelLoading)
#include "tst_modelloading.moc"
