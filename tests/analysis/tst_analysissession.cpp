// AnalysisSession, the one pipeline of the app and the CLI, with the fake engine (no torch): one
// decode per image, input order, resume from the project (after a kill), failures, ingest without
// an engine, cancellation, the model/settings records and the store's write-thread check.
#include "core/analysis/AnalysisSession.h"
#include "core/analysis/GeoAnalyzer.h"
#include "core/gazetteer/Gazetteer.h"
#include "core/imageio/ImageLoader.h"
#include "core/store/ProjectStore.h"
#include "tests/support/FakeEngine.h"

#include <QColor>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

using namespace streetlens;
using streetlens::test::FakeEngine;

namespace {

QString writeImage(const QString &dir, const QString &name, int seed) {
  QImage img(96 + seed % 7, 64 + seed % 5, QImage::Format_RGB32);
  img.fill(QColor::fromHsv((seed * 47) % 360, 180, 200));
  QPainter p(&img);
  p.fillRect(seed % 30, seed % 20, 20, 14, QColor::fromHsv((seed * 91) % 360, 255, 90));
  p.end();
  QDir().mkpath(dir);
  const QString path = QDir(dir).filePath(name);
  img.save(path);
  return path;
}

// One engine, analyzer and recorded callbacks.
struct Rig {
  FakeEngine engine;
  std::unique_ptr<GeoAnalyzer> analyzer;
  std::vector<std::shared_ptr<AnalysisItem>> finished;
  std::vector<AnalysisItemPtr> ingested;
  QStringList started, notices;
  std::unique_ptr<AnalysisSession> session;

  Rig(std::shared_ptr<const gazetteer::Gazetteer> gaz, const QString &cacheDir, bool withAnalyzer = true,
      FakeEngine::Options options = {})
      : engine(std::move(options)) {
    AnalysisSettings s;
    s.mode = AnalysisSettings::Mode::Flat; // fast: countries only
    analyzer = std::make_unique<GeoAnalyzer>(engine, std::move(gaz), s, cacheDir);
    QString err;
    if (!analyzer->prepare({}, &err))
      qFatal("prepare: %s", qPrintable(err));
    AnalysisSession::Callbacks cb;
    cb.started = [this](const AnalysisInput &in) { started << in.path; };
    cb.ingested = [this](const AnalysisItemPtr &item) { ingested.push_back(item); };
    cb.finished = [this](std::shared_ptr<AnalysisItem> item) { finished.push_back(std::move(item)); };
    cb.notice = [this](const QString &n) { notices << n; };
    session = std::make_unique<AnalysisSession>(std::move(cb));
    if (withAnalyzer)
      session->setAnalyzer(&engine, analyzer.get());
  }
};

} // namespace

class TestAnalysisSession : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  std::shared_ptr<const gazetteer::Gazetteer> m_gaz;
  QStringList m_images; // 7 distinct photos
  int m_counter = 0;

  QString cacheDir() const { return m_dir.filePath(QStringLiteral("cache")); }
  QString newProjectPath() { return m_dir.filePath(QStringLiteral("p%1.streetlens").arg(++m_counter)); }

private Q_SLOTS:
  void initTestCase();
  void decodesEachImageOnce_data();
  void decodesEachImageOnce();
  void resumesAKilledBatch();
  void failuresAreFinalAndStored();
  void ingestsWithoutAnEngine();
  void cancelStopsBeforeTheNextBatch();
  void recordsModelAndSettings();
  void forbiddenThreadCannotWrite();
};

void TestAnalysisSession::initTestCase() {
  QVERIFY(m_dir.isValid());
  QString err;
  m_gaz = gazetteer::Gazetteer::load(QStringLiteral(":/gazetteer"), &err);
  QVERIFY2(m_gaz, qPrintable(err));
  for (int i = 0; i < 7; ++i)
    m_images << writeImage(m_dir.filePath(QStringLiteral("img")), QStringLiteral("i%1.png").arg(i), i + 1);
}

void TestAnalysisSession::decodesEachImageOnce_data() {
  QTest::addColumn<int>("batch");
  QTest::addColumn<bool>("withProject");
  QTest::addColumn<bool>("makeImages");
  QTest::newRow("cli: batch 1, no project") << 1 << false << false;
  QTest::newRow("cli: batch 3, project") << 3 << true << false;
  QTest::newRow("app: batch 2, project, thumbnails") << 2 << true << true;
  QTest::newRow("app: batch 8 (auto), project, thumbnails") << 0 << true << true;
}

void TestAnalysisSession::decodesEachImageOnce() {
  QFETCH(int, batch);
  QFETCH(bool, withProject);
  QFETCH(bool, makeImages);
  Rig rig(m_gaz, cacheDir(), false);
  rig.session->setAnalyzer(&rig.engine, rig.analyzer.get(), batch);
  rig.session->setMakeImages(makeImages);
  QString err;
  if (withProject) {
    auto store = store::ProjectStore::open(newProjectPath(), &err);
    QVERIFY2(store, qPrintable(err));
    rig.session->setProject(std::move(store));
  }
  const qint64 decodes0 = imageDecodeCount();
  for (const QString &p : m_images)
    rig.session->enqueue({0, p, {}, {}});
  rig.session->runAll();
  QCOMPARE(imageDecodeCount() - decodes0, qint64(m_images.size())); // one decode per image
  QCOMPARE(rig.finished.size(), size_t(m_images.size()));
  QCOMPARE(rig.engine.imagesEmbedded(), int(m_images.size()));
  for (size_t i = 0; i < rig.finished.size(); ++i) { // in input order, done, scored
    const ImageResult &r = rig.finished[i]->result;
    QCOMPARE(r.path, m_images[qsizetype(i)]);
    QCOMPARE(r.status, ImageStatus::Done);
    QCOMPARE(r.sha256.size(), 64);
    QVERIFY(!r.countries.empty());
    QCOMPARE(r.settingsKey, rig.analyzer->settingsKey());
    QCOMPARE(rig.finished[i]->thumbnail.isNull(), !makeImages);
    QCOMPARE(rig.finished[i]->preview.isNull(), !makeImages);
  }
  QCOMPARE(rig.session->done(), int(m_images.size()));
  QCOMPARE(rig.session->total(), int(m_images.size()));
  QVERIFY(!rig.session->hasWork());
  if (withProject) {
    QCOMPARE(rig.session->project()->imageCount(), int(m_images.size()));
    for (const auto &item : rig.finished) { // row and result in one transaction, with the thumbnail
      const auto stored = rig.session->project()->image(item->result.sha256);
      QVERIFY(stored && stored->result);
      QCOMPARE(stored->image.thumbnail.isNull(), !makeImages);
    }
  }
}

void TestAnalysisSession::resumesAKilledBatch() {
  const QString path = newProjectPath();
  QString err;
  {
    // The first run is "killed" after 3 images: every result it reported was committed.
    Rig rig(m_gaz, cacheDir());
    rig.session->setAnalyzer(&rig.engine, rig.analyzer.get(), 1);
    rig.session->setProject(store::ProjectStore::open(path, &err));
    QVERIFY2(rig.session->project(), qPrintable(err));
    for (const QString &p : m_images)
      rig.session->enqueue({0, p, {}, {}});
    QVERIFY(rig.session->runBatch());
    QVERIFY(rig.session->runBatch());
    QVERIFY(rig.session->runBatch());
    QCOMPARE(rig.finished.size(), size_t(3));
  } // destroyed mid-queue
  Rig rig(m_gaz, cacheDir());
  rig.session->setProject(store::ProjectStore::open(path, &err));
  QVERIFY2(rig.session->project(), qPrintable(err));
  for (const QString &p : m_images)
    rig.session->enqueue({0, p, {}, {}});
  rig.session->runAll();
  QCOMPARE(rig.finished.size(), size_t(m_images.size()));
  int resumed = 0;
  for (size_t i = 0; i < rig.finished.size(); ++i) {
    QCOMPARE(rig.finished[i]->result.status, ImageStatus::Done);
    QCOMPARE(rig.finished[i]->result.path, m_images[qsizetype(i)]);
    QCOMPARE(rig.finished[i]->resumed, i < 3);
    resumed += rig.finished[i]->resumed;
  }
  QCOMPARE(resumed, 3);
  QCOMPARE(rig.engine.imagesEmbedded(), int(m_images.size()) - 3); // only the unfinished ones
  QCOMPARE(rig.session->project()->imageCount(), int(m_images.size()));
}

void TestAnalysisSession::failuresAreFinalAndStored() {
  const QString bad = m_dir.filePath(QStringLiteral("bad/not-an-image.jpg"));
  QDir().mkpath(QFileInfo(bad).absolutePath());
  {
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("text, not a JPEG");
  }
  Rig rig(m_gaz, cacheDir());
  QString err;
  rig.session->setProject(store::ProjectStore::open(newProjectPath(), &err));
  rig.session->enqueue({1, m_images[0], {}, {}});
  rig.session->enqueue({2, bad, {}, {}});
  rig.session->enqueue({3, m_images[1], QStringLiteral("0").repeated(64), {}}); // listed with other bytes
  rig.session->enqueue({4, m_images[2], {}, {}});
  rig.session->runAll();
  QCOMPARE(rig.finished.size(), size_t(4));
  QCOMPARE(rig.finished[0]->result.status, ImageStatus::Done);
  QCOMPARE(rig.finished[1]->result.status, ImageStatus::Failed);
  QVERIFY2(rig.finished[1]->result.error.contains(QStringLiteral("not-an-image.jpg")),
           qPrintable(rig.finished[1]->result.error));
  QCOMPARE(rig.finished[2]->result.status, ImageStatus::Failed);
  QVERIFY(rig.finished[2]->result.error.contains(QStringLiteral("changed since it was added")));
  QCOMPARE(rig.finished[2]->result.sha256, QStringLiteral("0").repeated(64));
  QCOMPARE(rig.finished[3]->result.status, ImageStatus::Done);
  QCOMPARE(rig.engine.imagesEmbedded(), 2);
  const auto stored = rig.session->project()->image(rig.finished[1]->result.sha256);
  QVERIFY(stored);
  QCOMPARE(stored->status, ImageStatus::Failed);
}

void TestAnalysisSession::ingestsWithoutAnEngine() {
  Rig rig(m_gaz, cacheDir(), false);
  QString err;
  rig.session->setProject(store::ProjectStore::open(newProjectPath(), &err));
  for (int i = 0; i < 3; ++i)
    rig.session->enqueue({quint64(i + 1), m_images[i], {}, {}});
  rig.session->runAll();
  QCOMPARE(rig.ingested.size(), size_t(3)); // thumbnails and project rows without a model
  QVERIFY(rig.finished.empty());
  for (const AnalysisItemPtr &item : rig.ingested) {
    QVERIFY(!item->thumbnail.isNull());
    QVERIFY(item->thumbnail.width() <= AnalysisSession::kThumbnailSide);
    QCOMPARE(item->result.status, ImageStatus::Queued);
  }
  QCOMPARE(rig.session->project()->imageCount(), 3);
  QVERIFY(!rig.session->hasWork()); // waits for an engine
  rig.session->setAnalyzer(&rig.engine, rig.analyzer.get());
  QVERIFY(rig.session->hasWork());
  rig.session->runAll();
  QCOMPARE(rig.finished.size(), size_t(3));
  for (const auto &item : rig.finished)
    QCOMPARE(item->result.status, ImageStatus::Done);
}

void TestAnalysisSession::cancelStopsBeforeTheNextBatch() {
  Rig rig(m_gaz, cacheDir());
  rig.session->setAnalyzer(&rig.engine, rig.analyzer.get(), 2);
  for (const QString &p : m_images)
    rig.session->enqueue({0, p, {}, {}});
  AnalysisSession *s = rig.session.get();
  auto &finished = rig.finished;
  QVERIFY(s->runBatch());
  QCOMPARE(finished.size(), size_t(2));
  s->requestCancel(); // as the app's cancel would, from any thread
  s->runAll();
  QCOMPARE(finished.size(), size_t(2));
  QVERIFY(s->hasWork());
  QCOMPARE(s->takePending().size(), size_t(m_images.size() - 2));
  QVERIFY(!s->hasWork());
}

void TestAnalysisSession::recordsModelAndSettings() {
  Rig rig(m_gaz, cacheDir());
  QString err;
  rig.session->setProject(store::ProjectStore::open(newProjectPath(), &err));
  const auto model = rig.session->project()->modelRecord();
  QVERIFY(model);
  const EngineInfo info = rig.engine.info();
  QCOMPARE(model->name, info.modelName);
  QCOMPARE(model->sha256, info.modelHash);
  QCOMPARE(model->precision, info.precision);
  QCOMPARE(model->device, info.device);
  const auto settings = rig.session->project()->analysisSettings();
  QVERIFY(settings);
  QCOMPARE(settings->fingerprint(), rig.analyzer->settings().fingerprint());
}

void TestAnalysisSession::forbiddenThreadCannotWrite() {
  QString err;
  auto store = store::ProjectStore::open(newProjectPath(), &err);
  QVERIFY2(store, qPrintable(err));
  const int before = store::ProjectStore::forbiddenWriteCount();
  store::ProjectStore::forbidWritesOnThread(QThread::currentThread());
  QVERIFY(!store->setMeta(QStringLiteral("k"), QStringLiteral("v"), &err));
  QVERIFY(err.contains(QStringLiteral("setMeta")));
  QVERIFY(!store::ProjectStore::open(newProjectPath(), &err)); // creating a file is a write too
  QVERIFY(!store->remove(QStringLiteral("a").repeated(64), &err));
  QCOMPARE(store::ProjectStore::forbiddenWriteCount() - before, 3);
  QVERIFY(store->meta(QStringLiteral("format_version")).size() > 0); // reading is allowed
  store::ProjectStore::forbidWritesOnThread(nullptr);
  QVERIFY2(store->setMeta(QStringLiteral("k"), QStringLiteral("v"), &err), qPrintable(err));
  QCOMPARE(store::ProjectStore::forbiddenWriteCount() - before, 3);
}

QTEST_GUILESS_MAIN(TestAnalysisSession)
#include "tst_analysissession.moc"
