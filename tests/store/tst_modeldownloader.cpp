// ModelDownloader against a local HTTP server (never the internet): success with a redirect and
// the Hub's X-Linked-Etag, the pytorch_model.bin fallback, resume after a dropped connection and
// across runs (HTTP Range), checksum mismatch (injected and published), licence refusal, retries
// running out, a missing required file, cancel.
#include "TestHttpServer.h"
#include "core/store/ModelDownloader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace streetlens;
using namespace streetlens::store;
using streetlens::test::TestHttpServer;

namespace {

QByteArray payload(int size, char seed) {
  QByteArray b(size, Qt::Uninitialized);
  quint32 x = 2463534242u ^ quint32(seed);
  for (int i = 0; i < size; ++i) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    b[i] = char(x & 0xff);
  }
  return b;
}

QString sha(const QByteArray &b) {
  return QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex());
}

QByteArray fileBytes(const QString &path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QByteArray kRepo = "/org/tiny";
const QByteArray kConfig = R"({"model_type": "clip"})";
const QByteArray kVocab = R"({"a</w>": 0})";

ModelDownloadSpec tinySpec(const QUrl &endpoint) {
  ModelDownloadSpec s;
  s.endpoint = endpoint;
  s.repo = QStringLiteral("org/tiny");
  s.files = {{QStringLiteral("config.json"), QStringLiteral("main"), true, {}, {}},
             {QStringLiteral("vocab.json"), QStringLiteral("main"), true, {}, {}},
             {QStringLiteral("tokenizer.json"), QStringLiteral("main"), false, {}, {}},
             {QStringLiteral("model.safetensors"), QStringLiteral("refs/pr/1"), true,
              QStringLiteral("pytorch_model.bin"), QStringLiteral("main")}};
  s.licenceName = QStringLiteral("CC-BY-NC-4.0");
  s.licenceText = QStringLiteral("licence text");
  return s;
}

void serveSmallFiles(TestHttpServer &server) {
  server.setRoute(kRepo + "/resolve/main/config.json", {200, kConfig, {}, 0, 0});
  server.setRoute(kRepo + "/resolve/main/vocab.json", {200, kVocab, {}, 0, 0});
}

const QByteArray kWeightsPath = kRepo + "/resolve/refs%2Fpr%2F1/model.safetensors";

// Runs the downloader until it reports an outcome; returns "finished", "failed: ..." or "canceled".
QString run(ModelDownloader &dl, const QString &dir, bool consent = true) {
  QString outcome;
  QObject ctx;
  QObject::connect(&dl, &ModelDownloader::finished, &ctx, [&](const QString &) { outcome = "finished"; });
  QObject::connect(&dl, &ModelDownloader::failed, &ctx, [&](const QString &m) { outcome = "failed: " + m; });
  QObject::connect(&dl, &ModelDownloader::canceled, &ctx, [&] { outcome = "canceled"; });
  const bool started = dl.start(dir, [consent](const QString &, const QString &) { return consent; });
  if (started && outcome.isEmpty())
    (void)QTest::qWaitFor([&] { return !outcome.isEmpty(); }, 30000);
  return outcome;
}

} // namespace

class TestModelDownloader : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void urlEncodesRevision();
  void streetClipSpec();
  void success();
  void fallsBackToPytorchBin();
  void resumesAfterDroppedConnection();
  void resumesPartFileFromEarlierRun();
  void checksumMismatch_data();
  void checksumMismatch();
  void licenceRefusedDownloadsNothing();
  void retriesRunOut();
  void missingRequiredFile();
  void cancelKeepsPartForLater();
};

void TestModelDownloader::urlEncodesRevision() {
  const QUrl u = ModelDownloadSpec::fileUrl(QUrl(QStringLiteral("https://huggingface.co/")),
                                            QStringLiteral("geolocal/StreetCLIP"),
                                            QStringLiteral("refs/pr/1"), QStringLiteral("model.safetensors"));
  QCOMPARE(u.toEncoded(),
           QByteArray("https://huggingface.co/geolocal/StreetCLIP/resolve/refs%2Fpr%2F1/model.safetensors"));
}

void TestModelDownloader::streetClipSpec() {
  const ModelDownloadSpec s = ModelDownloadSpec::streetClip();
  QCOMPARE(s.repo, QStringLiteral("geolocal/StreetCLIP"));
  QCOMPARE(s.endpoint, QUrl(QStringLiteral("https://huggingface.co")));
  QCOMPARE(s.licenceName, QStringLiteral("CC-BY-NC-4.0"));
  QVERIFY(s.licenceText.contains(QStringLiteral("private images")));
  const auto weights = std::find_if(s.files.begin(), s.files.end(), [](const ModelDownloadSpec::File &f) {
    return f.name == QLatin1String("model.safetensors");
  });
  QVERIFY(weights != s.files.end());
  QCOMPARE(weights->revision, QStringLiteral("refs/pr/1"));
  QCOMPARE(weights->fallbackName, QStringLiteral("pytorch_model.bin"));
  for (const char *needed : {"config.json", "vocab.json", "merges.txt"}) {
    QVERIFY(std::any_of(s.files.begin(), s.files.end(), [&](const ModelDownloadSpec::File &f) {
      return f.name == QLatin1String(needed) && f.revision == QLatin1String("main") && f.required;
    }));
  }
}

void TestModelDownloader::success() {
  TestHttpServer server;
  QVERIFY(server.listen());
  serveSmallFiles(server);
  const QByteArray weights = payload(300000, 'w');
  // The Hub answers /resolve/ for large files with a redirect carrying the SHA-256.
  server.setRoute(kWeightsPath,
                  {302,
                   {},
                   {{"Location", "/cdn/blob?sig=1"}, {"X-Linked-Etag", '"' + sha(weights).toLatin1() + '"'}},
                   0,
                   0});
  server.setRoute("/cdn/blob?sig=1", {200, weights, {}, 0, 0});
  QTemporaryDir dir;
  ModelDownloader dl;
  dl.setSpec(tinySpec(server.baseUrl()));
  QSignalSpy progress(&dl, &ModelDownloader::progress);
  QSignalSpy files(&dl, &ModelDownloader::fileStarted);
  const QString target = dir.filePath(QStringLiteral("model"));
  QCOMPARE(run(dl, target), QStringLiteral("finished"));
  QCOMPARE(fileBytes(target + "/config.json"), kConfig);
  QCOMPARE(fileBytes(target + "/vocab.json"), kVocab);
  QCOMPARE(fileBytes(target + "/model.safetensors"), weights);
  QVERIFY(!QFileInfo::exists(target + "/tokenizer.json")); // optional, 404: skipped
  QVERIFY(QDir(target).entryList({QStringLiteral("*.part")}, QDir::Files).isEmpty());
  QVERIFY(progress.count() >= 3);
  QCOMPARE(progress.last().at(1).toLongLong(), qint64(weights.size()));
  QCOMPARE(progress.last().at(2).toLongLong(), qint64(weights.size()));
  QCOMPARE(files.count(), 4);
  const QJsonObject manifest =
      QJsonDocument::fromJson(fileBytes(target + "/streetlens-download.json")).object();
  const QJsonObject m = manifest.value(QStringLiteral("files"))
                            .toObject()
                            .value(QStringLiteral("model.safetensors"))
                            .toObject();
  QCOMPARE(m.value(QStringLiteral("sha256")).toString(), sha(weights));
  QCOMPARE(m.value(QStringLiteral("verified")).toBool(), true);
  QCOMPARE(m.value(QStringLiteral("revision")).toString(), QStringLiteral("refs/pr/1"));
  // Running again finds every file in place and requests nothing.
  const qsizetype before = server.requests().size();
  QCOMPARE(run(dl, target), QStringLiteral("finished"));
  QCOMPARE(server.requests().size() - before, qsizetype(1)); // only the optional missing file is asked again
}

void TestModelDownloader::fallsBackToPytorchBin() {
  TestHttpServer server;
  QVERIFY(server.listen());
  serveSmallFiles(server);
  const QByteArray bin = payload(5000, 'p');
  server.setRoute(kRepo + "/resolve/main/pytorch_model.bin", {200, bin, {}, 0, 0});
  QTemporaryDir dir;
  ModelDownloader dl;
  dl.setSpec(tinySpec(server.baseUrl()));
  QCOMPARE(run(dl, dir.path()), QStringLiteral("finished"));
  QCOMPARE(fileBytes(dir.filePath("pytorch_model.bin")), bin);
  QVERIFY(!QFileInfo::exists(dir.filePath("model.safetensors")));
  QVERIFY(!QFileInfo::exists(dir.filePath("model.safetensors.part")));
}

void TestModelDownloader::resumesAfterDroppedConnection() {
  TestHttpServer server;
  QVERIFY(server.listen());
  serveSmallFiles(server);
  const QByteArray weights = payload(400000, 'r');
  server.setRoute(kWeightsPath, {200, weights, {}, 1, 150000}); // the first answer is cut at 150 kB
  QTemporaryDir dir;
  ModelDownloader dl;
  ModelDownloadSpec spec = tinySpec(server.baseUrl());
  spec.expectedSha256.insert(QStringLiteral("model.safetensors"), sha(weights));
  dl.setSpec(spec);
  dl.setRetryPolicy(3, 0);
  QCOMPARE(run(dl, dir.path()), QStringLiteral("finished"));
  QCOMPARE(fileBytes(dir.filePath("model.safetensors")), weights);
  QList<TestHttpServer::Request> weightRequests;
  for (const auto &r : server.requests())
    if (r.path == kWeightsPath)
      weightRequests << r;
  QCOMPARE(weightRequests.size(), 2);
  QCOMPARE(weightRequests[0].range, QByteArray());
  QCOMPARE(weightRequests[1].range, QByteArray("bytes=150000-"));
  QCOMPARE(weightRequests[1].status, 206);
}

void TestModelDownloader::resumesPartFileFromEarlierRun() {
  TestHttpServer server;
  QVERIFY(server.listen());
  serveSmallFiles(server);
  const QByteArray weights = payload(100000, 's');
  server.setRoute(kWeightsPath, {200, weights, {}, 0, 0});
  QTemporaryDir dir;
  {
    QFile part(dir.filePath("model.safetensors.part"));
    QVERIFY(part.open(QIODevice::WriteOnly));
    part.write(weights.left(61234));
  }
  ModelDownloader dl;
  dl.setSpec(tinySpec(server.baseUrl()));
  QCOMPARE(run(dl, dir.path()), QStringLiteral("finished"));
  QCOMPARE(fileBytes(dir.filePath("model.safetensors")), weights);
  QCOMPARE(server.requests().last().range, QByteArray("bytes=61234-"));
}

void TestModelDownloader::checksumMismatch_data() {
  QTest::addColumn<bool>("injected");
  QTest::newRow("injected-expected-value") << true;
  QTest::newRow("hub-x-linked-etag") << false;
}

void TestModelDownloader::checksumMismatch() {
  QFETCH(bool, injected);
  TestHttpServer server;
  QVERIFY(server.listen());
  serveSmallFiles(server);
  const QByteArray weights = payload(50000, 'c');
  const QByteArray wrong = sha(payload(50000, 'd')).toLatin1();
  ModelDownloadSpec spec = tinySpec(server.baseUrl());
  if (injected) {
    server.setRoute(kWeightsPath, {200, weights, {}, 0, 0});
    spec.expectedSha256.insert(QStringLiteral("model.safetensors"), QString::fromLatin1(wrong));
  } else {
    server.setRoute(kWeightsPath,
                    {302, {}, {{"Location", "/cdn/x"}, {"X-Linked-Etag", '"' + wrong + '"'}}, 0, 0});
    server.setRoute("/cdn/x", {200, weights, {}, 0, 0});
  }
  QTemporaryDir dir;
  ModelDownloader dl;
  dl.setSpec(spec);
  const QString outcome = run(dl, dir.path());
  QVERIFY2(outcome.startsWith(QStringLiteral("failed: ")) &&
               outcome.contains(QStringLiteral("checksum mismatch")) &&
               outcome.contains(QString::fromLatin1(wrong)) && outcome.contains(sha(weights)),
           qPrintable(outcome));
  QVERIFY(!QFileInfo::exists(dir.filePath("model.safetensors")));
  QVERIFY(!QFileInfo::exists(dir.filePath("model.safetensors.part")));
  QVERIFY(!dl.isRunning());
}

void TestModelDownloader::licenceRefusedDownloadsNothing() {
  TestHttpServer server;
  QVERIFY(server.listen());
  serveSmallFiles(server);
  QTemporaryDir dir;
  const QString target = dir.filePath(QStringLiteral("never"));
  ModelDownloader dl;
  dl.setSpec(tinySpec(server.baseUrl()));
  QString shownLicence;
  QSignalSpy failed(&dl, &ModelDownloader::failed);
  const bool started = dl.start(target, [&](const QString &name, const QString &) {
    shownLicence = name;
    return false;
  });
  QVERIFY(!started);
  QCOMPARE(shownLicence, QStringLiteral("CC-BY-NC-4.0"));
  QCOMPARE(failed.count(), 1);
  QVERIFY(failed.first().first().toString().contains(QStringLiteral("not accepted")));
  QTest::qWait(50);
  QVERIFY(server.requests().isEmpty());
  QVERIFY(!QFileInfo::exists(target));
  // No consent callback at all counts as a refusal too.
  QVERIFY(!dl.start(target, {}));
  QVERIFY(!QFileInfo::exists(target));
}

void TestModelDownloader::retriesRunOut() {
  TestHttpServer server;
  QVERIFY(server.listen());
  serveSmallFiles(server);
  const QByteArray weights = payload(200000, 'x');
  server.setRoute(kWeightsPath, {200, weights, {}, 100, 1000}); // every answer is cut
  QTemporaryDir dir;
  ModelDownloader dl;
  dl.setSpec(tinySpec(server.baseUrl()));
  dl.setRetryPolicy(2, 0);
  const QString outcome = run(dl, dir.path());
  QVERIFY2(outcome.contains(QStringLiteral("interrupted")) &&
               outcome.contains(QStringLiteral("after 3 attempts")),
           qPrintable(outcome));
  // Each attempt resumed where the previous stopped; the part is kept for the next start.
  QCOMPARE(QFileInfo(dir.filePath("model.safetensors.part")).size(), qint64(3000));
  QVERIFY(!QFileInfo::exists(dir.filePath("model.safetensors")));
}

void TestModelDownloader::missingRequiredFile() {
  TestHttpServer server;
  QVERIFY(server.listen());
  server.setRoute(kRepo + "/resolve/main/config.json", {200, kConfig, {}, 0, 0});
  QTemporaryDir dir;
  ModelDownloader dl;
  dl.setSpec(tinySpec(server.baseUrl()));
  const QString outcome = run(dl, dir.path());
  QVERIFY2(outcome.contains(QStringLiteral("org/tiny/vocab.json (main): not found")) &&
               outcome.contains(QStringLiteral("HTTP 404")),
           qPrintable(outcome));
}

void TestModelDownloader::cancelKeepsPartForLater() {
  TestHttpServer server;
  QVERIFY(server.listen());
  serveSmallFiles(server);
  const QByteArray weights = payload(200000, 'k');
  server.setRoute(kWeightsPath, {200, weights, {}, 1, 80000});
  QTemporaryDir dir;
  ModelDownloader dl;
  dl.setSpec(tinySpec(server.baseUrl()));
  dl.setRetryPolicy(3, 60000); // the retry would wait a minute: cancel while it waits
  QString outcome;
  connect(&dl, &ModelDownloader::canceled, this, [&] { outcome = "canceled"; });
  connect(&dl, &ModelDownloader::finished, this, [&] { outcome = "finished"; });
  QVERIFY(dl.start(dir.path(), [](const QString &, const QString &) { return true; }));
  QVERIFY(QTest::qWaitFor([&] { return QFileInfo(dir.filePath("model.safetensors.part")).size() == 80000; },
                          30000));
  QTest::qWait(100);
  dl.cancel();
  QCOMPARE(outcome, QStringLiteral("canceled"));
  QVERIFY(!dl.isRunning());
  QTest::qWait(50);
  QCOMPARE(QFileInfo(dir.filePath("model.safetensors.part")).size(), qint64(80000));
  dl.setRetryPolicy(3, 0);
  QCOMPARE(run(dl, dir.path()), QStringLiteral("finished"));
  QCOMPARE(fileBytes(dir.filePath("model.safetensors")), weights);
  QCOMPARE(server.requests().last().range, QByteArray("bytes=80000-"));
}

QTEST_GUILESS_MAIN(TestModelDownloader)
#include "tst_modeldownloader.moc"
