// Takes the screenshots in docs/screenshots/ of the real window (MainWindow + MapView, as the
// composition root builds it) with a FakeEngine: empty (no model yet), during a batch, with
// results, the export dialog. Run under Xvfb: xvfb-run -a -s "-screen 0 1600x1000x24"
// streetlens_app_screenshots OUTDIR Not a test: a tool for the docs.
#include "AppTestUtil.h"
#include "ui/AnalysisController.h"
#include "ui/EvidencePanel.h"
#include "ui/ImageListModel.h"
#include "ui/MainWindow.h"
#include "ui/map/AreaDrawOverlay.h"
#include "ui/map/MapView.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QLinearGradient>
#include <QMouseEvent>
#include <QScreen>
#include <QTableView>
#include <QTimer>

using namespace streetlens;

namespace {

// A simple street scene: sky, facades with windows, road with lane marks; varied by seed.
QString writeStreet(const QString &dir, int seed) {
  QImage img(640, 427, QImage::Format_RGB32);
  QPainter p(&img);
  p.setRenderHint(QPainter::Antialiasing);
  QLinearGradient sky(0, 0, 0, 220);
  sky.setColorAt(0, QColor::fromHsv(205 + seed % 15, 120 - seed * 5 % 60, 235));
  sky.setColorAt(1, QColor(235, 240, 245));
  p.fillRect(img.rect(), sky);
  int x = -20;
  int i = 0;
  while (x < 660) {
    const int w = 90 + (seed * 37 + i * 53) % 90, h = 150 + (seed * 29 + i * 71) % 140;
    const QColor wall = QColor::fromHsv((seed * 40 + i * 25) % 360, 40 + (i * 17) % 60, 150 + (i * 23) % 90);
    p.fillRect(x, 300 - h, w, h, wall);
    p.setPen(Qt::NoPen);
    p.setBrush(wall.darker(160));
    for (int wy = 300 - h + 14; wy < 280; wy += 30)
      for (int wx = x + 10; wx < x + w - 16; wx += 24)
        p.drawRect(wx, wy, 12, 16);
    x += w + 4;
    ++i;
  }
  p.fillRect(0, 300, 640, 127, QColor(70, 72, 76));
  p.fillRect(0, 292, 640, 10, QColor(170, 168, 160));
  p.setBrush(seed % 2 ? QColor(240, 240, 240) : QColor(240, 200, 40));
  for (int lx = 0; lx < 640; lx += 80)
    p.drawRect(lx, 360, 44, 6);
  p.end();
  QDir().mkpath(dir);
  const QString path = QDir(dir).filePath(QStringLiteral("street_%1.jpg").arg(seed, 2, 10, QLatin1Char('0')));
  img.save(path, "JPEG", 90);
  return path;
}

void grab(const QString &path) {
  QGuiApplication::primaryScreen()->grabWindow(0).save(path);
  qInfo("wrote %s", qPrintable(path));
}

// Issue 17: a polygon being drawn, the constrained photo with its 90 % region, three photos fused
// into a site. The polygon is drawn with mouse events on the map's drawing overlay.
void evidenceShots(ui::MainWindow &window, ui::MapView &map, const QString &out, std::function<void()> done) {
  window.showEvidence();
  window.imageList()->selectRow(3);
  map.fitToResults();
  QTimer::singleShot(2500, &window, [&window, &map, out, done] {
    const ImageResult &r = *window.imageModel()->row(3).result;
    const geo::GeoPoint c = r.estimate.value_or(geo::GeoPoint{});
    Q_EMIT window.evidencePanel()->drawAreaRequested(false);
    auto *overlay = map.findChild<ui::AreaDrawOverlay *>();
    const QPointF centre = map.viewport().geoToPixel(c);
    const QPointF corners[] = {{-150, -110}, {170, -90}, {140, 120}, {-120, 100}};
    for (const QPointF &d : corners) {
      const QPointF at = centre + d;
      QMouseEvent press(QEvent::MouseButtonPress, at, overlay->mapToGlobal(at), Qt::LeftButton,
                        Qt::LeftButton, {});
      QCoreApplication::sendEvent(overlay, &press);
    }
    QMouseEvent move(QEvent::MouseMove, centre + QPointF(-160, 20),
                     overlay->mapToGlobal(centre + QPointF(-160, 20)), Qt::NoButton, Qt::NoButton, {});
    QCoreApplication::sendEvent(overlay, &move);
    QTimer::singleShot(800, &window, [&window, &map, out, overlay, done] {
      grab(QDir(out).filePath(QStringLiteral("app-evidence-draw.png")));
      QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, {});
      QCoreApplication::sendEvent(overlay, &enter);
      QTimer::singleShot(3000, &window, [&window, &map, out, done] {
        window.imageList()->selectRow(3);
        QTimer::singleShot(2500, &window, [&window, &map, out, done] {
          grab(QDir(out).filePath(QStringLiteral("app-evidence-region.png")));
          window.imageList()->selectRow(0);
          auto *sel = window.imageList()->selectionModel();
          for (int row : {3, 5}) // photos with probability inside the drawn area
            sel->select(window.imageModel()->index(row, 0),
                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
          QTimer::singleShot(1500, &window, [&window, &map, out, done] {
            Q_EMIT window.evidencePanel()->groupRequested(QStringLiteral("Main street"));
            map.fitToResults();
            QTimer::singleShot(2500, &window, [out, done] {
              grab(QDir(out).filePath(QStringLiteral("app-evidence-site.png")));
              done();
            });
          });
        });
      });
    });
  });
}

} // namespace

int main(int argc, char **argv) {
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("StreetLens"));
  const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
  QTemporaryDir tmp;
  test::isolateSettings(tmp.filePath(QStringLiteral("settings")));
  QSettings().setValue(QStringLiteral("responsibleUseAcknowledged"), true);
  QSettings().setValue(QStringLiteral("model/batchSize"), 1);
  QStringList photos;
  for (int i = 0; i < 12; ++i)
    photos << writeStreet(tmp.filePath(QStringLiteral("photos")), i);

  auto gate = std::make_shared<QSemaphore>(0);
  test::FakeEngine::Options options;
  options.gate = gate;
  options.deviceName = QStringLiteral("Intel Xeon (fake engine for screenshots)");
  ui::MainWindow::Options o;
  o.cacheDir = tmp.filePath(QStringLiteral("cache"));
  o.untitledDir = tmp.filePath(QStringLiteral("untitled"));
  o.showFirstRunNote = false;
  o.offerRecovery = false;
  ui::MainWindow window(test::fakeFactory(options), o);
  auto *map = new ui::MapView;
  window.setMapView(map);
  window.setGeometry(0, 0, 1600, 1000);
  window.show();

  QTimer::singleShot(2500, &app, [&] {
    grab(QDir(out).filePath(QStringLiteral("app-empty.png")));
    window.useModel(QStringLiteral("fake"));
    window.addPaths(photos);
    gate->release(5);
    QTimer::singleShot(5000, &app, [&] {
      window.imageList()->selectRow(1);
      QTimer::singleShot(3000, &app, [&] {
        grab(QDir(out).filePath(QStringLiteral("app-batch.png")));
        gate->release(100);
        QTimer::singleShot(4000, &app, [&] {
          window.imageList()->selectRow(3);
          map->fitToResults();
          QTimer::singleShot(4000, &app, [&] {
            grab(QDir(out).filePath(QStringLiteral("app-results.png")));
            // The export dialog (Export > PDF report) over the window, three images selected.
            window.imageList()->selectRow(2);
            auto *sel = window.imageList()->selectionModel();
            for (int row : {3, 5})
              sel->select(window.imageModel()->index(row, 0),
                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
            window.exportAction(exporting::ExportFormat::Pdf)->trigger();
            QTimer::singleShot(2000, &app, [&] {
              grab(QDir(out).filePath(QStringLiteral("app-export.png")));
              if (QWidget *dialog = QApplication::activeModalWidget())
                dialog->close();
              evidenceShots(window, *map, out, [&] { app.quit(); });
            });
          });
        });
      });
    });
  });
  const int rc = app.exec();
  gate->release(1000);
  return rc;
}
