// Screenshot of the real window (MainWindow + MapView with a FakeEngine) in one language, for
// docs/screenshots/app-<lang>.png. Not a test: a tool for the docs, run under Xvfb:
//   xvfb-run -a -s "-screen 0 1600x1000x24" streetlens_localized_screenshot de docs/screenshots/app-de.png
// Installs the translation like the app does, analyses generated street photos, selects one and
// captures the screen with ImageMagick's `import -window root`.
#include "tests/app/AppTestUtil.h"
#include "translations/Translator.h"
#include "ui/ImageListModel.h"
#include "ui/MainWindow.h"
#include "ui/map/MapView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPainterPath>
#include <QProcess>
#include <QTableView>
#include <QTimer>

using namespace streetlens;

namespace {

// A plain street view: sky, a row of houses in perspective, a road with a centre line.
QString drawStreet(const QString &dir, int n) {
  QImage img(800, 533, QImage::Format_RGB32);
  QPainter p(&img);
  p.setRenderHint(QPainter::Antialiasing);
  p.fillRect(img.rect(), QColor::fromHsv(200 + n * 3, 60 + n * 8, 230));
  for (int i = 0; i < 7; ++i) {
    const int left = 430 + i * 55, h = 260 - i * 25 + (n * 13 + i * 7) % 40;
    p.fillRect(left, 300 - h, 52, h, QColor::fromHsv((n * 50 + i * 30) % 360, 50, 190 - i * 8));
    p.fillRect(380 - (i + 1) * 55, 300 - h, 52, h, QColor::fromHsv((n * 70 + i * 45) % 360, 40, 180 - i * 6));
  }
  QPainterPath road;
  road.moveTo(0, 533);
  road.lineTo(380, 300);
  road.lineTo(430, 300);
  road.lineTo(800, 533);
  p.fillPath(road, QColor(80, 82, 86));
  p.setPen(QPen(n % 2 ? QColor(245, 245, 245) : QColor(245, 200, 50), 4, Qt::DashLine));
  p.drawLine(405, 305, 405, 533);
  p.end();
  QDir().mkpath(dir);
  const QString path = QDir(dir).filePath(QStringLiteral("street-%1.jpg").arg(n));
  img.save(path, "JPEG", 88);
  return path;
}

} // namespace

int main(int argc, char **argv) {
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("StreetLens"));
  QApplication::setOrganizationName(QStringLiteral("StreetLens"));
  if (argc != 3) {
    qCritical("usage: streetlens_localized_screenshot LANG OUT.png");
    return 2;
  }
  const QString lang = QString::fromLocal8Bit(argv[1]), out = QString::fromLocal8Bit(argv[2]);
  QTemporaryDir tmp;
  test::isolateSettings(tmp.filePath(QStringLiteral("settings")));
  QSettings().setValue(QStringLiteral("responsibleUseAcknowledged"), true);
  QSettings().setValue(QStringLiteral("model/batchSize"), 1);
  if (i18n::installTranslators(app, QLocale(lang)) != lang.section(QLatin1Char('_'), 0, 0)) {
    qCritical("no translation for %s", qPrintable(lang));
    return 1;
  }

  QStringList photos;
  for (int i = 0; i < 8; ++i)
    photos << drawStreet(tmp.filePath(QStringLiteral("photos")), i);
  ui::MainWindow::Options o;
  o.cacheDir = tmp.filePath(QStringLiteral("cache"));
  o.untitledDir = tmp.filePath(QStringLiteral("untitled"));
  o.showFirstRunNote = false;
  test::FakeEngine::Options engine;
  engine.deviceName = QStringLiteral("Intel Xeon (fake engine)");
  ui::MainWindow window(test::fakeFactory(engine), o);
  auto *map = new ui::MapView;
  window.setMapWidget(map);
  QObject::connect(&window, &ui::MainWindow::selectedResultsChanged, map, &ui::MapView::setResults);
  QObject::connect(&window, &ui::MainWindow::gazetteerLoaded, map,
                   [map](std::shared_ptr<const gazetteer::Gazetteer> g) {
                     map->setGazetteer(std::move(g), QLocale().name().section(QLatin1Char('_'), 0, 0));
                   });
  window.setGeometry(0, 0, 1600, 1000);
  window.show();
  window.useModel(QStringLiteral("fake"));
  window.addPaths(photos);

  int rc = 1;
  QElapsedTimer clock;
  clock.start();
  QTimer poll;
  QObject::connect(&poll, &QTimer::timeout, &app, [&] {
    const int done = window.imageModel()->countInState(ui::RowState::Done);
    if (done < photos.size() && clock.elapsed() < 120000)
      return;
    poll.stop();
    if (done < photos.size())
      qCritical("only %d of %d photos analysed", done, int(photos.size()));
    window.imageList()->selectRow(2);
    map->fitToResults();
    QTimer::singleShot(3000, &app, [&] {
      rc = QProcess::execute(QStringLiteral("import"),
                             {QStringLiteral("-window"), QStringLiteral("root"), out});
      if (rc == 0)
        qInfo("wrote %s", qPrintable(out));
      app.quit();
    });
  });
  poll.start(500);
  app.exec();
  return rc;
}
