// Reliability R4: `streetlens-cli predict --project` is killed with SIGKILL at >= 20 random moments
// during a 200-image batch. After every kill the project passes PRAGMA integrity_check, every
// stored result is complete, and results only ever grow; a final run finishes the rest with no
// duplicates (200 images, 200 results).
#include "core/store/ProjectStore.h"
#include "tests/support/Fixture.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <csignal>

using namespace streetlens;
using namespace streetlens::test;

class TestKillResume : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void killAndResume() {
    STREETLENS_REQUIRE_FIXTURE();
    QTemporaryDir dir;
    const QString images = dir.filePath("images");
    QDir().mkpath(images);
    const QStringList seeds = QDir(fixturePath("images")).entryList({"*.png"}, QDir::Files);
    const int total = 200;
    for (int i = 0; i < total; ++i) { // distinct files: bytes after IEND change the hash, not the pixels
      QByteArray bytes = readAll(fixturePath("images/" + seeds[i % seeds.size()]));
      bytes += QByteArray::number(i);
      QFile f(QDir(images).filePath(QString("img_%1.png").arg(i, 3, 10, QLatin1Char('0'))));
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(bytes);
    }
    const QString project = dir.filePath("case.streetlens");
    const QStringList args{"predict",
                           "--model",
                           fixturePath("model"),
                           "--cache-dir",
                           dir.filePath("cache"),
                           "--cities-per-country",
                           "3",
                           "--batch-size",
                           "4",
                           "--project",
                           project,
                           images};
    { // Warm the label-embedding cache so that the kills land in the image batch, not in start-up.
      QProcess warm;
      warm.setStandardOutputFile(QProcess::nullDevice());
      QStringList warmArgs = args;
      warmArgs.replace(warmArgs.indexOf(project), dir.filePath("warm.streetlens"));
      warmArgs.last() = fixturePath("images/square_336.png");
      warm.start(QStringLiteral(STREETLENS_CLI), warmArgs);
      QVERIFY(warm.waitForFinished(600000));
      QCOMPARE(warm.exitCode(), 0);
    }
    QRandomGenerator rng(4242);
    int kills = 0, previous = 0;
    for (int round = 0; round < 40 && kills < 20; ++round) {
      QProcess p;
      p.setStandardOutputFile(QProcess::nullDevice());
      p.start(QStringLiteral(STREETLENS_CLI), args);
      QVERIFY(p.waitForStarted());
      // From start-up (~1-3 s, several times that under the sanitizers) to well into the batch.
      QThread::msleep((1500 + rng.bounded(5000)) * STREETLENS_TEST_TIME_SCALE);
      if (p.state() == QProcess::Running) {
        ::kill(pid_t(p.processId()), SIGKILL);
        ++kills;
      }
      p.waitForFinished(60000 * STREETLENS_TEST_TIME_SCALE);
      if (!QFile::exists(project))
        continue; // killed before the project was created
      QString err;
      auto store = store::ProjectStore::open(project, &err);
      QVERIFY2(store, qPrintable(err));
      QVERIFY2(store->checkIntegrity(&err), qPrintable(err));
      const auto all = store->loadAll(&err);
      QVERIFY2(all, qPrintable(err));
      int done = 0;
      for (const auto &img : *all)
        if (img.result) {
          ++done;
          QVERIFY(!img.result->countries.empty());
          QVERIFY(img.result->estimate.has_value());
        }
      QVERIFY2(done >= previous, "a committed result was lost");
      previous = done;
    }
    qInfo("%d kills; %d of %d images were done before the final run", kills, previous, total);
    QVERIFY(kills >= 20);
    QVERIFY(previous > 0); // the kills did land in the middle of the batch
    QProcess finalRun;
    finalRun.setStandardOutputFile(QProcess::nullDevice());
    finalRun.start(QStringLiteral(STREETLENS_CLI), args);
    QVERIFY(finalRun.waitForFinished(600000));
    QCOMPARE(finalRun.exitCode(), 0);
    QString err;
    auto store = store::ProjectStore::open(project, &err);
    QVERIFY2(store, qPrintable(err));
    QVERIFY(store->checkIntegrity(&err));
    QCOMPARE(store->imageCount(), total);
    const auto all = store->loadAll(&err);
    int done = 0;
    for (const auto &img : *all)
      done += img.result.has_value();
    QCOMPARE(done, total);
  }
};

QTEST_GUILESS_MAIN(TestKillResume)
#include "tst_killresume.moc"
