// AnalysisController + AnalysisWorker with a FakeEngine: results arrive per image and are committed
// to the project before they are reported; cancel stops after the image in flight; a re-run drops
// stale results; bad files fail alone; engine failures are reported.
#include "AppTestUtil.h"
#include "core/store/ProjectStore.h"
#include "ui/AnalysisController.h"
#include "ui/ImageIngest.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace streetlens;
using namespace streetlens::ui;
using namespace streetlens::test;

namespace {
QString shaOf(const QString &path) {
  return ImageIngest::ingestFile(path).sha256;
}
} // namespace

class TestAnalysisController : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase();
  void analysesAndCommitsBeforeReporting();
  void cancelStopsAfterImageInFlight();
  void rerunDropsStaleResults();
  void badFileFailsAlone();
  void engineFailureIsReported();
  void duplicatesAreQueuedOnce();

private:
  std::unique_ptr<AnalysisController> makeController(FakeEngine::Options options = {}, int batch = 1,
                                                     const QString &project = {});
  QTemporaryDir m_dir;
};

void TestAnalysisController::initTestCase() {
  QVERIFY(m_dir.isValid());
  isolateSettings(m_dir.filePath("settings"));
}

std::unique_ptr<AnalysisController>
TestAnalysisController::makeController(FakeEngine::Options options, int batch, const QString &project) {
  auto c = std::make_unique<AnalysisController>(fakeFactory(options), QStringLiteral(":/gazetteer"),
                                                m_dir.filePath("cache"));
  QSignalSpy ready(c.get(), &AnalysisController::engineReady);
  QSignalSpy opened(c.get(), &AnalysisController::projectOpened);
  if (!project.isEmpty())
    c->openProject(project);
  EngineOptions req;
  req.modelDir = QStringLiteral("fake");
  req.batchSize = batch;
  c->loadEngine(req);
  if (!ready.wait(120000))
    return nullptr;
  if (!project.isEmpty() && opened.isEmpty())
    return nullptr;
  return c;
}

void TestAnalysisController::analysesAndCommitsBeforeReporting() {
  const QString project = m_dir.filePath("commit.streetlens");
  auto c = makeController({}, 2, project);
  QVERIFY(c);
  QCOMPARE(c->engineInfo().modelName, QStringLiteral("fake/clip-32"));
  QVERIFY(!c->settingsKey().isEmpty());

  QString err;
  auto reader = store::ProjectStore::open(project, &err); // like the GUI's own connection
  QVERIFY2(reader, qPrintable(err));
  int finished = 0, committedWhenShown = 0;
  connect(c.get(), &AnalysisController::imageFinished, this, [&](const ImageResult &r) {
    ++finished;
    const auto stored = reader->image(r.sha256);
    if (stored && stored->status == ImageStatus::Done && stored->result && !r.countries.empty() &&
        stored->result->countries.front().code == r.countries.front().code)
      ++committedWhenShown;
  });
  QSignalSpy progress(c.get(), &AnalysisController::progress);
  QSignalSpy idle(c.get(), &AnalysisController::idle);
  for (int i = 0; i < 5; ++i) {
    const QString p = writePhoto(m_dir.filePath("commit"), QStringLiteral("p%1.png").arg(i), i);
    c->enqueue(p, shaOf(p));
  }
  QVERIFY(QTest::qWaitFor([&] { return finished == 5; }, 60000));
  QCOMPARE(committedWhenShown, 5);
  QVERIFY(idle.count() >= 1);
  QCOMPARE(progress.last().at(0).toInt(), 5);
  QCOMPARE(progress.last().at(1).toInt(), 5);
  QCOMPARE(reader->imageCount(), 5);
  QVERIFY(reader->checkIntegrity(&err));
}

void TestAnalysisController::cancelStopsAfterImageInFlight() {
  auto gate = std::make_shared<QSemaphore>(0);
  FakeEngine::Options o;
  o.gate = gate;
  const QString project = m_dir.filePath("cancel.streetlens");
  auto c = makeController(o, 1, project);
  QVERIFY(c);
  QStringList started, finished, cancelled;
  connect(c.get(), &AnalysisController::imageStarted, this, [&](const QString &s) { started << s; });
  connect(c.get(), &AnalysisController::imageFinished, this,
          [&](const ImageResult &r) { finished << r.sha256; });
  connect(c.get(), &AnalysisController::imageCancelled, this, [&](const QString &s) { cancelled << s; });
  for (int i = 0; i < 6; ++i) {
    const QString p = writePhoto(m_dir.filePath("cancel"), QStringLiteral("c%1.png").arg(i), 100 + i);
    c->enqueue(p, shaOf(p));
  }
  gate->release(2);
  QVERIFY(QTest::qWaitFor([&] { return finished.size() == 2 && started.size() == 3; }, 60000));
  c->cancel(); // image 3 is in flight (held at the gate)
  gate->release(100);
  QVERIFY(QTest::qWaitFor([&] { return !c->isBusy(); }, 60000));
  QTest::qWait(100);
  QCOMPARE(finished.size(), 3);
  QCOMPARE(cancelled.size(), 3);
  QCOMPARE(finished.at(2), started.at(2));
  QString err;
  auto reader = store::ProjectStore::open(project, &err);
  QVERIFY(reader);
  QCOMPARE(reader->imageCount(), 3); // cancelled images were never analysed
  QCOMPARE(c->done(), 3);
  QCOMPARE(c->total(), 3);
}

void TestAnalysisController::rerunDropsStaleResults() {
  auto gate = std::make_shared<QSemaphore>(0);
  FakeEngine::Options o;
  o.gate = gate;
  auto c = makeController(o, 1);
  QVERIFY(c);
  QList<ImageResult> finished;
  int started = 0;
  connect(c.get(), &AnalysisController::imageStarted, this, [&] { ++started; });
  connect(c.get(), &AnalysisController::imageFinished, this, [&](const ImageResult &r) { finished << r; });
  QList<std::pair<QString, QString>> images;
  for (int i = 0; i < 3; ++i) {
    const QString p = writePhoto(m_dir.filePath("rerun"), QStringLiteral("r%1.png").arg(i), 200 + i);
    images.append({p, shaOf(p)});
    c->enqueue(p, images.last().second);
  }
  QVERIFY(QTest::qWaitFor([&] { return started == 1; }, 60000)); // first image held at the gate
  const QString oldKey = c->settingsKey();
  AnalysisSettings flat;
  flat.mode = AnalysisSettings::Mode::Flat;
  QSignalSpy ready(c.get(), &AnalysisController::engineReady);
  c->setAnalysisSettings(flat);
  c->rerun(images);
  gate->release(100);
  QVERIFY(ready.wait(60000) || ready.count() > 0);
  QVERIFY(QTest::qWaitFor([&] { return !c->isBusy(); }, 60000));
  QVERIFY(c->settingsKey() != oldKey);
  // The result of the old request for image 1 was dropped; each image is reported once, all new.
  QCOMPARE(finished.size(), 3);
  for (const ImageResult &r : finished)
    QCOMPARE(r.settingsKey, c->settingsKey());
}

void TestAnalysisController::badFileFailsAlone() {
  auto c = makeController({}, 4, m_dir.filePath("bad.streetlens"));
  QVERIFY(c);
  QList<ImageResult> finished;
  connect(c.get(), &AnalysisController::imageFinished, this, [&](const ImageResult &r) { finished << r; });
  const QString good1 = writePhoto(m_dir.filePath("bad"), QStringLiteral("good1.png"), 300);
  const QString good2 = writePhoto(m_dir.filePath("bad"), QStringLiteral("good2.png"), 301);
  const QString bad = m_dir.filePath("bad/not-an-image.jpg");
  {
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is text, not a JPEG");
  }
  c->enqueue(good1, shaOf(good1));
  c->enqueue(bad, QStringLiteral("b").repeated(64));
  c->enqueue(good2, shaOf(good2));
  QVERIFY(QTest::qWaitFor([&] { return finished.size() == 3; }, 60000));
  int done = 0, failed = 0;
  for (const ImageResult &r : finished) {
    if (r.status == ImageStatus::Done)
      ++done;
    if (r.status == ImageStatus::Failed) {
      ++failed;
      QVERIFY2(r.error.contains(QStringLiteral("not-an-image.jpg")), qPrintable(r.error));
      QCOMPARE(r.sha256, QStringLiteral("b").repeated(64));
    }
  }
  QCOMPARE(done, 2);
  QCOMPARE(failed, 1);
}

void TestAnalysisController::engineFailureIsReported() {
  AnalysisController c(fakeFactory(), QStringLiteral(":/gazetteer"), m_dir.filePath("cache"));
  QSignalSpy failed(&c, &AnalysisController::engineFailed);
  EngineOptions req;
  req.modelDir = QStringLiteral("missing");
  c.loadEngine(req);
  QVERIFY(failed.wait(60000));
  QVERIFY(failed.first().first().toString().contains(QStringLiteral("config.json not found")));
  QVERIFY(!c.isEngineReady());
  // Images wait for a model instead of failing.
  const QString p = writePhoto(m_dir.filePath("wait"), QStringLiteral("w.png"), 400);
  c.enqueue(p, shaOf(p));
  QVERIFY(c.isBusy());
  QCOMPARE(c.waitingCount(), 1);

  AnalysisController none({}, QStringLiteral(":/gazetteer"), m_dir.filePath("cache"));
  QSignalSpy noEngine(&none, &AnalysisController::engineFailed);
  none.loadEngine(req);
  QVERIFY(noEngine.wait(60000));
  QVERIFY(noEngine.first().first().toString().contains(QStringLiteral("no inference engine")));
}

void TestAnalysisController::duplicatesAreQueuedOnce() {
  AnalysisController c(fakeFactory(), QStringLiteral(":/gazetteer"), m_dir.filePath("cache"));
  const QString p = writePhoto(m_dir.filePath("dup"), QStringLiteral("d.png"), 500);
  c.enqueue(p, shaOf(p));
  c.enqueue(p, shaOf(p));
  QCOMPARE(c.waitingCount(), 1);
  QCOMPARE(c.total(), 1);
}

QTEST_MAIN(TestAnalysisController)
#include "tst_analysiscontroller.moc"
