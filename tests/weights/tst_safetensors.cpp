// Tests of the safetensors reader: spec test vectors and valid layouts, the malicious corpus in
// tests/data/safetensors/bad (R1), truncated inputs, the tiny-clip fixture and shard indexes.
#include "core/weights/Safetensors.h"
#include "tests/support/Fixture.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>
#include <cstring>

using namespace streetlens;

namespace {

QByteArray u64le(uint64_t v) {
  QByteArray b(8, '\0');
  for (int i = 0; i < 8; ++i)
    b[i] = char((v >> (8 * i)) & 0xFF);
  return b;
}

// 8-byte length + header (space-padded to padTo bytes when larger) + data.
QByteArray makeFile(const QByteArray &header, const QByteArray &data, int padTo = 0) {
  QByteArray h = header;
  if (h.size() < padTo)
    h.append(QByteArray(padTo - h.size(), ' '));
  return u64le(uint64_t(h.size())) + h + data;
}

QByteArray floatBytes(int count) {
  QByteArray b;
  for (int i = 0; i < count; ++i) {
    const float f = float(i);
    b.append(reinterpret_cast<const char *>(&f), sizeof f);
  }
  return b;
}

// One line per tensor in begin order ("name:DTYPE[d0,d1]@begin-end") then the metadata ("#k=v").
QString describe(const SafetensorsHeader &h) {
  QStringList parts;
  for (const TensorInfo &t : h.tensors) {
    QStringList dims;
    for (int64_t d : t.shape)
      dims << QString::number(d);
    parts << QStringLiteral("%1:%2[%3]@%4-%5")
                 .arg(t.name, dtypeName(t.dtype), dims.join(','))
                 .arg(t.begin)
                 .arg(t.end);
  }
  for (auto it = h.metadata.constBegin(); it != h.metadata.constEnd(); ++it)
    parts << QStringLiteral("#%1=%2").arg(it.key(), it.value());
  return parts.join(';');
}

std::optional<SafetensorsHeader> parseExact(const QByteArray &bytes, QString *error) {
  // An exactly sized heap copy, so that a read past the end is caught by ASan.
  std::vector<uint8_t> copy(bytes.begin(), bytes.end());
  return parseSafetensorsHeader(copy.data(), copy.size(), copy.size(), error);
}

QString writeTemp(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes) {
  const QString path = dir.filePath(name);
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
    return {};
  return path;
}

// expected.tsv of the bad corpus: file name -> words the message must contain.
QHash<QString, QStringList> badManifest() {
  QHash<QString, QStringList> out;
  const QByteArray text = test::readAll(test::testDataPath("safetensors/bad/expected.tsv"));
  for (const QByteArray &line : text.split('\n')) {
    if (line.trimmed().isEmpty())
      continue;
    QStringList cols = QString::fromUtf8(line).split('\t');
    const QString file = cols.takeFirst();
    out.insert(file, cols);
  }
  return out;
}

QStringList listBadFiles() {
  return QDir(test::testDataPath("safetensors/bad")).entryList({"*.safetensors"}, QDir::Files, QDir::Name);
}

} // namespace

class TestSafetensors : public QObject {
  Q_OBJECT

private Q_SLOTS:
  void dtypes();
  void goodLayouts_data();
  void goodLayouts();
  void specVectorValues();
  void goodFiles_data();
  void goodFiles();
  void badFiles_data();
  void badFiles();
  void badCorpusComplete();
  void truncatedPrefixes_data();
  void truncatedPrefixes();
  void dataPointerBounds();
  void openErrors();
  void fixtureModel();
  void shardIndex();
  void shardIndexErrors_data();
  void shardIndexErrors();
};

void TestSafetensors::dtypes() {
  const struct {
    const char *name;
    DType dtype;
    int size;
  } rows[] = {{"BOOL", DType::Bool, 1},       {"U8", DType::U8, 1},           {"I8", DType::I8, 1},
              {"F8_E5M2", DType::F8_E5M2, 1}, {"F8_E4M3", DType::F8_E4M3, 1}, {"I16", DType::I16, 2},
              {"U16", DType::U16, 2},         {"F16", DType::F16, 2},         {"BF16", DType::BF16, 2},
              {"I32", DType::I32, 4},         {"U32", DType::U32, 4},         {"F32", DType::F32, 4},
              {"F64", DType::F64, 8},         {"I64", DType::I64, 8},         {"U64", DType::U64, 8}};
  for (const auto &r : rows) {
    const QString name = QString::fromLatin1(r.name);
    QCOMPARE(dtypeFromString(name), std::optional<DType>(r.dtype));
    QCOMPARE(dtypeName(r.dtype), name);
    QCOMPARE(dtypeSize(r.dtype), r.size);
  }
  QVERIFY(!dtypeFromString(u"f32"));
  QVERIFY(!dtypeFromString(u"Bool"));
  QVERIFY(!dtypeFromString(u"F4"));
  QVERIFY(!dtypeFromString(u""));
}

void TestSafetensors::goodLayouts_data() {
  QTest::addColumn<QByteArray>("file");
  QTest::addColumn<QString>("expected");
  QTest::addColumn<qulonglong>("dataOffset");

  const QByteArray h64 = R"({"attn.0":{"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24]}})";
  QCOMPARE(h64.size(), 64);
  QTest::newRow("spec_n64") << makeFile(h64, floatBytes(6)) << "attn.0:F32[1,2,3]@0-24" << 72ull;
  QTest::newRow("spec_n72_padded")
      << makeFile(R"({"attn0":{"dtype":"F32","shape":[1,1,2,3],"data_offsets":[0,24]}})", floatBytes(6), 72)
      << "attn0:F32[1,1,2,3]@0-24" << 80ull;
  QTest::newRow("spec_empty") << makeFile("{}", {}, 8) << "" << 16ull;
  QTest::newRow("empty_unpadded") << makeFile("{}", {}) << "" << 10ull;
  QTest::newRow("scalar_0_rank") << makeFile(
                                        R"({"logit_scale":{"dtype":"F32","shape":[],"data_offsets":[0,4]}})",
                                        floatBytes(1))
                                 << "logit_scale:F32[]@0-4" << 71ull;
  QTest::newRow("i64_tensors") << makeFile(R"({"ids":{"dtype":"I64","shape":[1,5],"data_offsets":[0,40]},)"
                                           R"("more":{"dtype":"I64","shape":[3],"data_offsets":[40,64]}})",
                                           QByteArray(64, '\x01'))
                               << "ids:I64[1,5]@0-40;more:I64[3]@40-64" << 125ull;
  QTest::newRow("f16_bf16") << makeFile(R"({"h":{"dtype":"F16","shape":[2,2],"data_offsets":[0,8]},)"
                                        R"("b":{"dtype":"BF16","shape":[4],"data_offsets":[8,16]}})",
                                        QByteArray(16, '\x3c'), 112)
                            << "h:F16[2,2]@0-8;b:BF16[4]@8-16" << 120ull;
  QTest::newRow("out_of_order") << makeFile(R"({"c":{"dtype":"U8","shape":[3],"data_offsets":[12,15]},)"
                                            R"("a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                                            R"("b":{"dtype":"I32","shape":[1],"data_offsets":[8,12]}})",
                                            QByteArray(15, '\0'))
                                << "a:F32[2]@0-8;b:I32[1]@8-12;c:U8[3]@12-15" << 8ull + 162;
  QTest::newRow("metadata")
      << makeFile(
             R"({"__metadata__":{"format":"pt","note":""},"w":{"dtype":"F64","shape":[1],"data_offsets":[0,8]}})",
             QByteArray(8, '\0'), 104)
      << "w:F64[1]@0-8;#format=pt;#note=" << 112ull;
  QTest::newRow("zero_size_tensors") << makeFile(R"({"s":{"dtype":"F32","shape":[],"data_offsets":[0,4]},)"
                                                 R"("e":{"dtype":"F32","shape":[0,3],"data_offsets":[0,0]},)"
                                                 R"("z":{"dtype":"I64","shape":[5,0],"data_offsets":[4,4]}})",
                                                 floatBytes(1), 168)
                                     << "e:F32[0,3]@0-0;s:F32[]@0-4;z:I64[5,0]@4-4" << 176ull;
  QTest::newRow("all_dtypes")
      << makeFile(
             R"({"a":{"dtype":"BOOL","shape":[2],"data_offsets":[0,2]},"b":{"dtype":"U8","shape":[2],"data_offsets":[2,4]},)"
             R"("c":{"dtype":"I8","shape":[2],"data_offsets":[4,6]},"d":{"dtype":"F8_E5M2","shape":[2],"data_offsets":[6,8]},)"
             R"("e":{"dtype":"F8_E4M3","shape":[2],"data_offsets":[8,10]},"f":{"dtype":"I16","shape":[2],"data_offsets":[10,14]},)"
             R"("g":{"dtype":"U16","shape":[2],"data_offsets":[14,18]},"h":{"dtype":"U32","shape":[2],"data_offsets":[18,26]},)"
             R"("i":{"dtype":"U64","shape":[2],"data_offsets":[26,42]}})",
             QByteArray(42, '\0'))
      << "a:BOOL[2]@0-2;b:U8[2]@2-4;c:I8[2]@4-6;d:F8_E5M2[2]@6-8;e:F8_E4M3[2]@8-10;f:I16[2]@10-14;"
         "g:U16[2]@14-18;h:U32[2]@18-26;i:U64[2]@26-42"
      << 8ull + 494;
  QTest::newRow("escaped_name_and_whitespace")
      << makeFile("{\n\t\"a\\u00e9\\ud83d\\ude00\\\"b\" : { \"dtype\" : \"U8\" ,\r\n \"shape\" : [ 2 ] , "
                  "\"data_offsets\" : [ 0 , 2 ] }\n}",
                  QByteArray(2, '\0'), 112)
      << QString::fromUtf8("a\u00e9\U0001F600\"b:U8[2]@0-2") << 120ull;
  QTest::newRow("large_dims_zero_product")
      << makeFile(R"({"z":{"dtype":"F32","shape":[9007199254740992,0],"data_offsets":[0,0]}})", {})
      << "z:F32[9007199254740992,0]@0-0" << 8ull + 71;
}

void TestSafetensors::goodLayouts() {
  QFETCH(QByteArray, file);
  QFETCH(QString, expected);
  QFETCH(qulonglong, dataOffset);
  QString error;
  const auto h = parseExact(file, &error);
  QVERIFY2(h, qPrintable(error));
  QVERIFY(error.isEmpty());
  QCOMPARE(describe(*h), expected);
  QCOMPARE(h->dataOffset, uint64_t(dataOffset));

  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = writeTemp(dir, "good.safetensors", file);
  QVERIFY(!path.isEmpty());
  const auto f = SafetensorsFile::open(path, &error);
  QVERIFY2(f, qPrintable(error));
  QCOMPARE(f->path(), path);
  QCOMPARE(describe(f->header()), expected);
  for (const TensorInfo &t : f->header().tensors) {
    QCOMPARE(f->find(t.name), &t);
    const uint8_t *p = f->data(t);
    QVERIFY(p);
    QVERIFY(std::memcmp(p, file.constData() + dataOffset + t.begin, t.byteSize()) == 0);
    QCOMPARE(uint64_t(t.numel()) * uint64_t(dtypeSize(t.dtype)), t.byteSize());
  }
  QVERIFY(!f->find("no such tensor"));
}

void TestSafetensors::specVectorValues() {
  const QByteArray file =
      makeFile(R"({"attn.0":{"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24]}})", floatBytes(6));
  QTemporaryDir dir;
  const QString path = writeTemp(dir, "spec.safetensors", file);
  QString error;
  const auto f = SafetensorsFile::open(path, &error);
  QVERIFY2(f, qPrintable(error));
  const TensorInfo *t = f->find("attn.0");
  QVERIFY(t);
  QCOMPARE(t->numel(), int64_t(6));
  QCOMPARE(t->shape, (std::vector<int64_t>{1, 2, 3}));
  float values[6];
  std::memcpy(values, f->data(*t), sizeof values);
  for (int i = 0; i < 6; ++i)
    QCOMPARE(values[i], float(i));
  QCOMPARE(f->data(*t), f->data(*f->find("attn.0")));
  QCOMPARE(f->fileSize(), uint64_t(file.size()));
}

void TestSafetensors::goodFiles_data() {
  QTest::addColumn<QString>("path");
  const QStringList files =
      QDir(test::testDataPath("safetensors/good")).entryList({"*.safetensors"}, QDir::Files, QDir::Name);
  QVERIFY2(files.size() >= 4, "tests/data/safetensors/good lost its files");
  for (const QString &f : files)
    QTest::newRow(qPrintable(f)) << test::testDataPath("safetensors/good/" + f);
}

void TestSafetensors::goodFiles() {
  QFETCH(QString, path);
  QString error;
  const auto f = SafetensorsFile::open(path, &error);
  QVERIFY2(f, qPrintable(error));
  if (path.endsWith("scalar_and_i64.safetensors")) {
    QCOMPARE(f->header().metadata.value("format"), QString("pt"));
    const TensorInfo *ids = f->find("ids");
    const TensorInfo *scale = f->find("logit_scale");
    QVERIFY(ids && scale);
    QCOMPARE(ids->dtype, DType::I64);
    QVERIFY(scale->shape.empty());
    int64_t id = 0;
    float s = 0;
    std::memcpy(&id, f->data(*ids), 8);
    std::memcpy(&s, f->data(*scale), 4);
    QCOMPARE(id, int64_t(7));
    QCOMPARE(s, 4.605170249938965f);
  }
}

void TestSafetensors::badFiles_data() {
  QTest::addColumn<QString>("path");
  QTest::addColumn<QStringList>("words");
  const auto manifest = badManifest();
  for (const QString &f : listBadFiles())
    QTest::newRow(qPrintable(f)) << test::testDataPath("safetensors/bad/" + f) << manifest.value(f);
}

void TestSafetensors::badFiles() {
  QFETCH(QString, path);
  QFETCH(QStringList, words);
  QVERIFY2(!words.isEmpty(), "file has no entry in bad/expected.tsv");

  QString error;
  const auto f = SafetensorsFile::open(path, &error);
  QVERIFY2(!f, "malicious file was accepted");
  QVERIFY(!error.isEmpty());
  QVERIFY2(error.contains(path), qPrintable("message does not name the file: " + error));
  for (const QString &w : words)
    QVERIFY2(error.contains(w), qPrintable(QStringLiteral("'%1' missing from: %2").arg(w, error)));

  QString pureError;
  const QByteArray bytes = test::readAll(path);
  QVERIFY(!parseExact(bytes, &pureError));
  QVERIFY(!pureError.isEmpty());
  qInfo("%s", qPrintable(pureError));
  QVERIFY2(error.endsWith(pureError), qPrintable(error + " vs " + pureError));
}

void TestSafetensors::badCorpusComplete() {
  const QStringList files = listBadFiles();
  const auto manifest = badManifest();
  qInfo("%lld malicious files in tests/data/safetensors/bad", qlonglong(files.size()));
  QVERIFY2(files.size() >= 40, "the malicious corpus must hold at least 40 files (reliability R1)");
  QCOMPARE(qsizetype(manifest.size()), files.size());
  for (const QString &f : files)
    QVERIFY2(manifest.contains(f), qPrintable(f + " is missing from expected.tsv"));
}

void TestSafetensors::truncatedPrefixes_data() {
  QTest::addColumn<QByteArray>("file");
  QTest::newRow("spec_n64") << makeFile(R"({"attn.0":{"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24]}})",
                                        floatBytes(6));
  QTest::newRow("metadata_two_tensors")
      << makeFile(R"({"__metadata__":{"format":"pt"},"a":{"dtype":"F16","shape":[2],"data_offsets":[0,4]},)"
                  R"("b":{"dtype":"I64","shape":[],"data_offsets":[4,12]}})",
                  QByteArray(12, '\x7f'), 144);
}

// Every strict prefix of a valid file is rejected whether the prefix is the whole file or only
// the part that is available; a parser that over-reads fails under ASan (exact-size buffers).
void TestSafetensors::truncatedPrefixes() {
  QFETCH(QByteArray, file);
  QString error;
  const auto full = parseExact(file, &error);
  QVERIFY2(full, qPrintable(error));
  for (qsizetype len = 0; len < file.size(); ++len) {
    std::vector<uint8_t> prefix(file.begin(), file.begin() + len);
    error.clear();
    QVERIFY(!parseSafetensorsHeader(prefix.data(), prefix.size(), uint64_t(len), &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    const auto partial = parseSafetensorsHeader(prefix.data(), prefix.size(), uint64_t(file.size()), &error);
    QCOMPARE(bool(partial), uint64_t(len) >= full->dataOffset);
    QCOMPARE(error.isEmpty(), bool(partial));
  }
  QVERIFY(!parseSafetensorsHeader(nullptr, 0, 0, nullptr));
  QVERIFY(!parseSafetensorsHeader(nullptr, 100, 100, &error));
}

void TestSafetensors::dataPointerBounds() {
  QTemporaryDir dir;
  const QString path =
      writeTemp(dir, "a.safetensors",
                makeFile(R"({"a":{"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24]}})", floatBytes(6)));
  QString error;
  const auto f = SafetensorsFile::open(path, &error);
  QVERIFY2(f, qPrintable(error));
  TensorInfo foreign;
  foreign.begin = 0;
  foreign.end = 25; // one byte past this file's data buffer
  QVERIFY(!f->data(foreign));
  foreign.begin = 8;
  foreign.end = 4;
  QVERIFY(!f->data(foreign));
  foreign.begin = 20;
  foreign.end = 24;
  QVERIFY(f->data(foreign));
}

void TestSafetensors::openErrors() {
  QTemporaryDir dir;
  QString error;
  const QString missing = dir.filePath("missing.safetensors");
  QVERIFY(!SafetensorsFile::open(missing, &error));
  QVERIFY(error.contains(missing) && error.contains("does not exist"));
  QVERIFY(!SafetensorsFile::open(dir.path(), &error));
  QVERIFY(error.contains("not a regular file"));
  const QString tiny = writeTemp(dir, "tiny.safetensors", "abc");
  QVERIFY(!SafetensorsFile::open(tiny, &error));
  QVERIFY(error.contains(tiny) && error.contains("too small (3 bytes)"));
  QVERIFY(!SafetensorsFile::open(missing, nullptr));
}

void TestSafetensors::fixtureModel() {
  STREETLENS_REQUIRE_FIXTURE();
  const QString path = test::fixturePath("model/model.safetensors");
  QString error;
  const auto f = SafetensorsFile::open(path, &error);
  QVERIFY2(f, qPrintable(error));
  const SafetensorsHeader &h = f->header();
  qInfo("%s: %zu tensors, data offset %llu", qPrintable(path), h.tensors.size(),
        static_cast<unsigned long long>(h.dataOffset));
  QVERIFY(h.tensors.size() > 50);
  QCOMPARE(h.metadata.value("format"), QString("pt"));

  const TensorInfo *scale = f->find("logit_scale");
  QVERIFY(scale);
  QCOMPARE(scale->dtype, DType::F32);
  QVERIFY(scale->shape.empty());
  QCOMPARE(scale->numel(), int64_t(1));
  float s = 0;
  std::memcpy(&s, f->data(*scale), sizeof s);
  QCOMPARE(double(s), test::expectedJson().value("logit_scale").toDouble());

  const TensorInfo *ids = f->find("vision_model.embeddings.position_ids");
  QVERIFY(ids);
  QCOMPARE(ids->dtype, DType::I64);
  QCOMPARE(ids->shape, (std::vector<int64_t>{1, 577})); // (336/14)^2 + 1
  std::vector<int64_t> pos(size_t(ids->numel()));
  std::memcpy(pos.data(), f->data(*ids), ids->byteSize()); // not necessarily 8-byte aligned
  for (size_t i = 0; i < pos.size(); ++i)
    QCOMPARE(pos[i], int64_t(i));

  const TensorInfo *textIds = f->find("text_model.embeddings.position_ids");
  QVERIFY(textIds);
  QCOMPARE(textIds->shape, (std::vector<int64_t>{1, 77}));

  uint64_t covered = 0;
  for (const TensorInfo &t : h.tensors) {
    QCOMPARE(t.begin, covered);
    covered = t.end;
    QVERIFY(f->data(t));
  }
  QCOMPARE(covered + h.dataOffset, f->fileSize());
}

void TestSafetensors::shardIndex() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QByteArray shard = makeFile("{}", {}, 8);
  QVERIFY(!writeTemp(dir, "model-00002-of-00002.safetensors", shard).isEmpty());
  QVERIFY(!writeTemp(dir, "model-00001-of-00002.safetensors", shard).isEmpty());
  const QString index = writeTemp(dir, "model.safetensors.index.json",
                                  R"({"metadata":{"total_size":16},"weight_map":{)"
                                  R"("z.weight":"model-00002-of-00002.safetensors",)"
                                  R"("a.weight":"model-00002-of-00002.safetensors",)"
                                  R"("b.weight":"model-00001-of-00002.safetensors"}})");
  QString error;
  const auto idx = readShardIndex(index, &error);
  QVERIFY2(idx, qPrintable(error));
  const QDir d(dir.path());
  QCOMPARE(idx->shards, (QStringList{d.filePath("model-00001-of-00002.safetensors"),
                                     d.filePath("model-00002-of-00002.safetensors")}));
  QCOMPARE(idx->weightMap.size(), 3);
  QCOMPARE(idx->weightMap.value("a.weight"), d.filePath("model-00002-of-00002.safetensors"));
  QCOMPARE(idx->weightMap.value("b.weight"), d.filePath("model-00001-of-00002.safetensors"));
  for (const QString &s : idx->shards)
    QVERIFY(SafetensorsFile::open(s, &error));
}

void TestSafetensors::shardIndexErrors_data() {
  QTest::addColumn<QByteArray>("json");
  QTest::addColumn<QString>("words");
  QTest::newRow("invalid_json") << QByteArray(R"({"weight_map":)") << "invalid JSON";
  QTest::newRow("top_level_array") << QByteArray("[]") << "not a JSON object";
  QTest::newRow("no_weight_map") << QByteArray(R"({"metadata":{}})") << "weight_map";
  QTest::newRow("weight_map_array") << QByteArray(R"({"weight_map":["s.safetensors"]})") << "weight_map";
  QTest::newRow("empty_weight_map") << QByteArray(R"({"weight_map":{}})") << "empty";
  QTest::newRow("non_string_value") << QByteArray(R"({"weight_map":{"a":1}})") << "'a' is not a string";
  QTest::newRow("missing_shard") << QByteArray(R"({"weight_map":{"a":"gone.safetensors"}})")
                                 << "does not exist";
  QTest::newRow("parent_dir") << QByteArray(R"({"weight_map":{"a":"../s.safetensors"}})")
                              << "not a plain file name";
  QTest::newRow("subdir") << QByteArray(R"({"weight_map":{"a":"sub/s.safetensors"}})")
                          << "not a plain file name";
  QTest::newRow("backslash") << QByteArray(R"({"weight_map":{"a":"sub\\s.safetensors"}})")
                             << "not a plain file name";
  QTest::newRow("absolute") << QByteArray(R"({"weight_map":{"a":"/etc/passwd"}})") << "not a plain file name";
  QTest::newRow("drive") << QByteArray(R"({"weight_map":{"a":"C:s.safetensors"}})")
                         << "not a plain file name";
  QTest::newRow("dotdot") << QByteArray(R"({"weight_map":{"a":".."}})") << "not a plain file name";
  QTest::newRow("empty_name") << QByteArray(R"({"weight_map":{"a":""}})") << "not a plain file name";
  QTest::newRow("second_shard_bad") << QByteArray(
                                           R"({"weight_map":{"a":"s.safetensors","b":"t/../s.safetensors"}})")
                                    << "for tensor 'b'";
}

void TestSafetensors::shardIndexErrors() {
  QFETCH(QByteArray, json);
  QFETCH(QString, words);
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  QVERIFY(QDir(dir.path()).mkdir("sub"));
  QVERIFY(!writeTemp(dir, "s.safetensors", makeFile("{}", {}, 8)).isEmpty());
  QVERIFY(!writeTemp(dir, "sub/s.safetensors", makeFile("{}", {}, 8)).isEmpty());
  const QString index = writeTemp(dir, "model.safetensors.index.json", json);
  QString error;
  QVERIFY(!readShardIndex(index, &error));
  QVERIFY2(error.startsWith(index), qPrintable(error));
  QVERIFY2(error.contains(words), qPrintable(error));
  QVERIFY(!readShardIndex(dir.filePath("absent.json"), &error));
  QVERIFY(error.contains("cannot open"));
}

QTEST_GUILESS_MAIN(TestSafetensors)
#include "tst_safetensors.moc"
