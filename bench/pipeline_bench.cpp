// pipeline_bench: the app's analysis pipeline (headless: ImageIngest hashing, AnalysisController,
// the worker thread's AnalysisSession with thumbnails and previews, signals back to this thread)
// against the CLI's (the same AnalysisSession driven synchronously, as `streetlens-cli predict
// --project` does) on the same images, in the same run, with the same engine and settings. Both
// write a project file. Prints images/s of each and the ratio (docs/PERFORMANCE.md).
//
//   pipeline_bench --model DIR [--images N] [--rounds R] [--device cpu] [--precision fp32] [--threads N]
//                  [--image-size WxH]   (default 640x480; bench/peers.sh uses a phone's 4032x3024)
//                  [--cache DIR]        keep the label embeddings there across runs (default: a temporary
//                                       folder; the first run embeds the whole label set, untimed)
#include "core/analysis/AnalysisSession.h"
#include "core/analysis/GeoAnalyzer.h"
#include "core/clip/TorchEngine.h"
#include "core/gazetteer/Gazetteer.h"
#include "core/store/ProjectStore.h"
#include "ui/AnalysisController.h"
#include "ui/ImageIngest.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <algorithm>

using namespace streetlens;

namespace {

QStringList makeImages(const QString &dir, int n, QSize size) {
  QDir().mkpath(dir);
  QStringList out;
  QRandomGenerator rng(16);
  for (int i = 0; i < n; ++i) {
    QImage img(size, QImage::Format_RGB32);
    img.fill(QColor::fromHsv(int(rng.bounded(360)), 120, 200));
    QPainter p(&img);
    // 40 rectangles at 640x480 (the default), scaled with the image; their sizes too.
    const double sx = size.width() / 640.0, sy = size.height() / 480.0;
    for (int k = 0; k < 40; ++k) {
      p.fillRect(int(sx * rng.bounded(600)), int(sy * rng.bounded(440)), int(sx * (10 + rng.bounded(120))),
                 int(sy * (10 + rng.bounded(90))),
                 QColor::fromHsv(int(rng.bounded(360)), 200, int(rng.bounded(255))));
    }
    p.end();
    const QString path = QDir(dir).filePath(QStringLiteral("img%1.jpg").arg(i, 3, 10, QLatin1Char('0')));
    img.save(path, "JPEG", 90);
    out << path;
  }
  return out;
}

// The CLI's way: one session on this thread, runAll().
double runCli(const EngineOptions &options, const QStringList &files, const QString &project,
              const QString &cacheDir, bool withImages = false) {
  QString err;
  auto engine = TorchEngine::load(options.modelDir, options, &err);
  if (!engine)
    qFatal("%s", qPrintable(err));
  auto gaz = gazetteer::Gazetteer::load(QStringLiteral(":/gazetteer"), &err);
  GeoAnalyzer analyzer(*engine, gaz, AnalysisSettings{}, cacheDir);
  if (!analyzer.prepare({}, &err))
    qFatal("%s", qPrintable(err));
  int finished = 0;
  AnalysisSession::Callbacks cb;
  cb.finished = [&finished](std::shared_ptr<AnalysisItem>) { ++finished; };
  AnalysisSession session(std::move(cb));
  session.setMakeImages(withImages); // the CLI: none
  session.setProject(store::ProjectStore::open(project, &err));
  session.setAnalyzer(engine.get(), &analyzer, engine->imageBatchSize());
  QElapsedTimer t;
  t.start();
  for (const QString &f : files)
    session.enqueue({0, f, {}, {}});
  session.runAll();
  const double s = t.nsecsElapsed() / 1e9;
  if (finished != files.size())
    qFatal("cli: %d of %d finished", finished, int(files.size()));
  return files.size() / s;
}

// The app's way: hashing on the ingest pool, the controller, the worker's session, signals.
double runApp(const EngineOptions &options, const QStringList &files, const QString &project,
              const QString &cacheDir) {
  ui::EngineFactory factory = [](const EngineOptions &o) {
    ui::CreatedEngine c;
    c.engine = TorchEngine::load(o.modelDir, o, &c.error);
    return c;
  };
  ui::AnalysisController controller(factory, QStringLiteral(":/gazetteer"), cacheDir);
  bool opened = false;
  QObject::connect(&controller, &ui::AnalysisController::projectOpened,
                   [&](const QString &, const QString &e) {
                     if (!e.isEmpty())
                       qFatal("%s", qPrintable(e));
                     opened = true;
                   });
  controller.openProject(project);
  controller.setAnalysisSettings(AnalysisSettings{});
  controller.loadEngine(options);
  if (!QTest::qWaitFor([&] { return controller.isEngineReady() && opened; }, 600000))
    qFatal("app: the engine did not become ready");
  int finished = 0;
  QObject::connect(&controller, &ui::AnalysisController::imageFinished,
                   [&](const ImageResult &) { ++finished; });
  ui::ImageIngest ingest;
  QObject::connect(&ingest, &ui::ImageIngest::ingested,
                   [&](const ui::IngestedImage &img) { controller.enqueue(img.path, img.sha256); });
  QElapsedTimer t;
  t.start();
  ingest.addPaths(files);
  if (!QTest::qWaitFor([&] { return finished == files.size(); }, 600000))
    qFatal("app: %d of %d finished", finished, int(files.size()));
  return files.size() / (t.nsecsElapsed() / 1e9);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication app(argc, argv);
  QCommandLineParser p;
  p.addHelpOption();
  p.addOption({"model", "Model folder (e.g. the tiny-clip fixture's model/).", "DIR"});
  p.addOption({"images", "Number of images (default 50).", "N", "50"});
  p.addOption({"rounds", "Rounds of app + CLI (default 3; the median is reported).", "R", "3"});
  p.addOption({"device", "Engine device (default cpu).", "DEV", "cpu"});
  p.addOption({"precision", "Engine precision (default fp32).", "P", "fp32"});
  p.addOption({"threads", "Engine threads (default 0: one per core).", "N", "0"});
  p.addOption({"image-size", "Size of the generated JPEGs (default 640x480).", "WxH", "640x480"});
  p.addOption(
      {"cache", "Folder for the label-embedding cache, kept across runs (default: temporary).", "DIR"});
  p.process(app);
  if (!p.isSet("model")) {
    QTextStream(stderr) << "pipeline_bench: --model DIR is required\n";
    return 2;
  }
  EngineOptions options;
  options.modelDir = p.value("model");
  options.device = p.value("device");
  options.precision = p.value("precision");
  options.threads = p.value("threads").toInt();
  QTemporaryDir tmp;
  const QStringList wh = p.value("image-size").split(QLatin1Char('x'));
  const QSize imageSize = wh.size() == 2 ? QSize(wh[0].toInt(), wh[1].toInt()) : QSize();
  if (imageSize.width() < 16 || imageSize.height() < 16) {
    QTextStream(stderr) << "pipeline_bench: --image-size takes WxH, e.g. 4032x3024\n";
    return 2;
  }
  const QStringList files = makeImages(tmp.filePath("images"), p.value("images").toInt(), imageSize);
  const QString cache = p.isSet("cache") ? p.value("cache") : tmp.filePath("cache");
  const int rounds = std::max(1, p.value("rounds").toInt());
  std::vector<double> appRate, cliRate, cliImagesRate;
  int n = 0;
  runCli(options, files.mid(0, 4), tmp.filePath("warm.streetlens"), cache); // label cache, page cache
  for (int r = 0; r < rounds; ++r) {
    cliRate.push_back(runCli(options, files, tmp.filePath(QStringLiteral("p%1.streetlens").arg(++n)), cache));
    appRate.push_back(runApp(options, files, tmp.filePath(QStringLiteral("p%1.streetlens").arg(++n)), cache));
    cliImagesRate.push_back(
        runCli(options, files, tmp.filePath(QStringLiteral("p%1.streetlens").arg(++n)), cache, true));
    QTextStream(stdout) << "round " << r + 1 << ": cli " << QString::number(cliRate.back(), 'f', 1)
                        << ", app " << QString::number(appRate.back(), 'f', 1)
                        << ", cli with thumbnails and previews "
                        << QString::number(cliImagesRate.back(), 'f', 1) << " images/s\n";
  }
  const double a = median(appRate), c = median(cliRate);
  QTextStream out(stdout);
  out << "images: " << files.size() << " (" << imageSize.width() << "x" << imageSize.height()
      << " JPEG), rounds: " << rounds << ", device " << options.device << ", precision " << options.precision
      << ", engine threads " << options.threads << " (0 = one per core, " << QThread::idealThreadCount()
      << ")\n";
  out << "cli pipeline (AnalysisSession::runAll, project): " << QString::number(c, 'f', 2) << " images/s ("
      << QString::number(1.0 / c, 'f', 3) << " s/image)\n";
  out << "app pipeline (ingest + controller + worker session, thumbnails, previews, project): "
      << QString::number(a, 'f', 2) << " images/s (" << QString::number(1.0 / a, 'f', 3) << " s/image)\n";
  out << "cli pipeline with the app's thumbnails and previews: "
      << QString::number(median(cliImagesRate), 'f', 1) << " images/s\n";
  out << "app / cli: " << QString::number(100.0 * a / c, 'f', 1) << " %\n";
  return 0;
}
