// End to end through the window with the real LibTorch engine on the tiny-clip fixture: the
// composition root's kind of factory builds a TorchEngine on the worker thread, dropped photos are
// analysed, the list, results panel and project file fill, and the EXIF photo gets an error in km.
// The app and streetlens-cli run the same pipeline: on the same folder they give the same JSON.
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
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
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
    EngineFactory factory = [](const EngineOptions &request) {
      CreatedEngine c;
      EngineOptions o;
      o.device = QStringLiteral("cpu");
      o.precision = QStringLiteral("fp32");
      o.batchSize = request.batchSize;
      std::unique_ptr<TorchEngine> engine = TorchEngine::load(request.modelDir, o, &c.error);
      c.engine = std::move(engine);
      return c;
    };
    MainWindow::Options o;
    o.cacheDir = dir_.filePath("cache");
    o.untitledDir = dir_.filePath("untitled");
    o.showFirstRunNote = false;
    o.offerRecovery = false;
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

  void appAndCliGiveTheSameJson() {
    STREETLENS_REQUIRE_FIXTURE();
    isolateSettings(dir_.filePath("settings-json"));
    QSettings().setValue(QStringLiteral("responsibleUseAcknowledged"), true);
    QSettings().setValue(QStringLiteral("model/dir"), fixturePath("model"));
    QSettings().setValue(QStringLiteral("model/device"), QStringLiteral("cpu"));
    QSettings().setValue(QStringLiteral("model/precision"), QStringLiteral("fp32"));
    const QString photos = dir_.filePath("same");
    QDir().mkpath(photos);
    for (const char *f :
         {"landscape_640x480.png", "portrait_480x800.png", "wide_1200x300.png", "landscape_640x480.jpg"})
      QVERIFY(QFile::copy(fixturePath(QStringLiteral("images/") + f), photos + "/" + f));
    // The app: the composition root's factory, the folder dropped, the results exported as JSON.
    EngineFactory factory = [](const EngineOptions &options) {
      CreatedEngine c;
      c.engine = TorchEngine::load(options.modelDir, options, &c.error);
      return c;
    };
    MainWindow::Options o;
    o.cacheDir = dir_.filePath("cache");
    o.untitledDir = dir_.filePath("untitled");
    o.showFirstRunNote = false;
    o.offerRecovery = false;
    MainWindow w(factory, o);
    QVERIFY(QTest::qWaitFor([&] { return w.analysis()->isEngineReady(); }, 300000));
    w.addPaths({photos});
    QVERIFY(QTest::qWaitFor(
        [&] { return w.imageModel()->rowCount() == 4 && w.imageModel()->countInState(RowState::Done) == 4; },
        300000));
    const QString appJson = dir_.filePath("app.json");
    QSignalSpy exported(&w, &MainWindow::exportFinished);
    QVERIFY(w.exportTo(exporting::ExportFormat::Json, appJson, {}, false));
    QVERIFY(exported.wait(60000));
    QCOMPARE(exported.first().at(1).toString(), QString());
    // The CLI on the same folder, same model, device, precision and (default) settings.
    const QString cliJson = dir_.filePath("cli.json");
    QProcess cli;
    cli.start(QStringLiteral(STREETLENS_CLI),
              {"predict", "--model", fixturePath("model"), "--device", "cpu", "--precision", "fp32",
               "--cache-dir", dir_.filePath("cache"), "-o", cliJson, QDir(photos).absolutePath()});
    QVERIFY(cli.waitForFinished(300000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    auto results = [](const QString &path) {
      QFile f(path);
      if (!f.open(QIODevice::ReadOnly))
        return QJsonArray();
      QJsonArray a = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("results")).toArray();
      QList<QJsonValue> v(a.begin(), a.end()); // in path order (the app lists in its own order)
      std::sort(v.begin(), v.end(), [](const QJsonValue &x, const QJsonValue &y) {
        return x[QStringLiteral("path")].toString() < y[QStringLiteral("path")].toString();
      });
      return QJsonArray::fromVariantList(QVariantList(v.begin(), v.end()));
    };
    const QJsonArray fromApp = results(appJson), fromCli = results(cliJson);
    QCOMPARE(fromApp.size(), 4);
    QCOMPARE(fromCli.size(), 4);
    for (qsizetype i = 0; i < 4; ++i)
      QCOMPARE(QJsonDocument(fromApp[i].toObject()).toJson(), QJsonDocument(fromCli[i].toObject()).toJson());
  }
};

QTEST_MAIN(TestEndToEndEngine)
#include "tst_e2e_engine.moc"
