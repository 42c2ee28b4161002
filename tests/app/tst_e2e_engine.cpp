// End to end through the window with the real LibTorch engine on the tiny-clip fixture: the
// composition root's kind of factory builds a TorchEngine on the worker thread, dropped photos are
// analysed, the list, results panel and project file fill, and the EXIF photo gets an error in km.
#include "core/clip/TorchEngine.h"
#include "core/store/ProjectStore.h"
#include "tests/app/AppTestUtil.h"
#include "tests/support/ExifWriter.h"
#include "tests/support/Fixture.h"
#include "ui/AnalysisController.h"
#include "ui/ImageListModel.h"
#include "ui/MainWindow.h"
#include "ui/ProbabilityList.h"
#include "ui/ResultsPanel.h"

#include <QApplication>
#include <QFile>
#include <QTableView>
#include <QtTest>

using namespace streetlens;
using namespace streetlens::test;
using namespace streetlens::ui;

class TestEndToEndEngine : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
private Q_SLOTS:
  void realEngineThroughTheWindow() {
    STREETLENS_REQUIRE_FIXTURE();
    isolateSettings(dir_.filePath("settings"));
    QSettings().setValue(QStringLiteral("responsibleUseAcknowledged"), true);
    QSettings().setValue(QStringLiteral("model/dir"), fixturePath("model"));
    EngineFactory factory = [](const EngineRequest &request) {
      CreatedEngine c;
      EngineOptions o;
      o.device = QStringLiteral("cpu");
      o.precision = QStringLiteral("fp32");
      o.batchSize = request.batchSize;
      std::unique_ptr<TorchEngine> engine = TorchEngine::load(request.modelDir, o, &c.error);
      if (engine) {
        TorchEngine *raw = engine.get();
        c.takeNotices = [raw] { return raw->takeNotices(); };
        c.engine = std::move(engine);
      }
      return c;
    };
    MainWindow::Options o;
    o.cacheDir = dir_.filePath("cache");
    o.untitledDir = dir_.filePath("untitled");
    o.showFirstRunNote = false;
    MainWindow w(factory, o);
    w.show();
    QVERIFY(QTest::qWaitFor([&] { return w.analysis()->isEngineReady(); }, 300000));
    QVERIFY(w.statusModelText().contains(QStringLiteral("fp32")));

    const QString photos = dir_.filePath("photos");
    QDir().mkpath(photos);
    QStringList files;
    for (const char *f : {"landscape_640x480.png", "portrait_480x800.png", "wide_1200x300.png"}) {
      QVERIFY(QFile::copy(fixturePath(QStringLiteral("images/") + f), photos + "/" + f));
      files << photos + "/" + f;
    }
    const QString tagged = photos + "/tagged.jpg";
    QVERIFY(QFile::copy(fixturePath("images/landscape_640x480.jpg"), tagged));
    QFile(tagged).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    QVERIFY(writeExifGps(tagged, 48.8567, 2.3522)); // Paris
    files << tagged;

    w.addPaths(files);
    ImageListModel *m = w.imageModel();
    QVERIFY(
        QTest::qWaitFor([&] { return m->rowCount() == 4 && m->countInState(RowState::Done) == 4; }, 300000));
    int taggedRow = -1;
    for (int r = 0; r < 4; ++r) {
      QVERIFY(m->row(r).result.has_value());
      const ImageResult &res = *m->row(r).result;
      QVERIFY(!res.countries.empty() && !res.cities.empty());
      QVERIFY(res.countries.front().probability >= res.countries.back().probability);
      if (m->row(r).path.endsWith("tagged.jpg"))
        taggedRow = r;
    }
    QVERIFY(taggedRow >= 0);
    w.imageList()->selectRow(taggedRow);
    const ImageResult &res = *m->row(taggedRow).result;
    QVERIFY(res.exifLocation.has_value());
    QCOMPARE(res.exifCountry, QStringLiteral("FR"));
    QVERIFY(res.errorKm.has_value());
    QCOMPARE(w.resultsPanel()->countries()->entries().front().code, res.countries.front().code);
    QVERIFY2(w.resultsPanel()->exifText().contains(QStringLiteral("km")),
             qPrintable(w.resultsPanel()->exifText()));

    QString err;
    auto store = store::ProjectStore::open(w.projectPath(), &err);
    QVERIFY2(store, qPrintable(err));
    const auto all = store->loadAll(&err);
    QVERIFY2(all, qPrintable(err));
    int withResult = 0;
    for (const auto &img : *all)
      withResult += img.result.has_value();
    QCOMPARE(withResult, 4);
  }
};

QTEST_MAIN(TestEndToEndEngine)
#include "tst_e2e_engine.moc"
