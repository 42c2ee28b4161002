// Takes the screenshots in docs/screenshots/ of the real window (MainWindow + MapView, as the
// composition root builds it) with a FakeEngine: empty (no model yet), during a batch, with
// results, the export dialog, and the views of issue 18 — the photo's details and the estimate
// label at world zoom, results marked after a settings change, the removal question, the map's
// PNG dialog and an exported map, the quit question for untitled work, the recovery offer at the
// next start; issue 22's Sun & shadow tool (the shadow measured on the photo, the band on the
// map); issue 19's scene tasks (task columns and filter, the panel's Scene and Clues, the map
// coloured by a task, the settings page, a trained classifier). Run under Xvfb: xvfb-run -a -s "-screen 0
// 1600x1000x24" streetlens_app_screenshots OUTDIR. Not a test: a tool for the docs.
#include "AppTestUtil.h"
#include "core/geo/SolarPosition.h"
#include "core/library/EmbeddingIndex.h"
#include "core/store/ProjectStore.h"
#include "ui/AnalysisController.h"
#include "ui/AnnotationPanel.h"
#include "ui/EvidencePanel.h"
#include "ui/ExplanationPanel.h"
#include "ui/GalleryEvidenceView.h"
#include "ui/ImageListFilter.h"
#include "ui/ImageListModel.h"
#include "ui/MainWindow.h"
#include "ui/PhotoSearchBox.h"
#include "ui/PhotoView.h"
#include "ui/ProbeTrainingDialog.h"
#include "ui/ResultsPanel.h"
#include "ui/SceneTasksPage.h"
#include "ui/SettingsDialog.h"
#include "ui/ShadowMeasureCanvas.h"
#include "ui/SimilarPhotosPanel.h"
#include "ui/SunShadowPanel.h"
#include "ui/TaskOutcomeView.h"
#include "ui/map/AreaDrawOverlay.h"
#include "ui/map/MapExportDialog.h"
#include "ui/map/MapView.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLinearGradient>
#include <QListWidget>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <algorithm>
#include <cmath>
#include <tuple>

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
  const QString shots = QDir(out).absolutePath();

  auto gate = std::make_shared<QSemaphore>(0);
  test::FakeEngine::Options options;
  options.gate = gate;
  options.deviceName = QStringLiteral("Intel Xeon (fake engine for screenshots)");
  options.modelHash = QStringLiteral("5e").repeated(32); // a SHA-256 the .slidx header accepts
  ui::MainWindow::Options o;
  o.cacheDir = tmp.filePath(QStringLiteral("cache"));
  o.untitledDir = tmp.filePath(QStringLiteral("untitled"));
  o.showFirstRunNote = false;
  o.offerRecovery = false;
  auto window = std::make_unique<ui::MainWindow>(test::fakeFactory(options), o);
  auto *map = new ui::MapView;
  window->setMapView(map);
  window->setGeometry(0, 0, 1600, 1000);
  window->show();
  std::unique_ptr<ui::MainWindow> second; // the next start, for the recovery offer

  // One step after the other, each after its delay.
  std::vector<std::pair<int, std::function<void()>>> steps;
  auto step = [&](int ms, std::function<void()> fn) { steps.emplace_back(ms, std::move(fn)); };
  auto shot = [&](const QString &name) { grab(QDir(shots).filePath(name)); };
  auto closeBoxes = [](QWidget *w) {
    for (QMessageBox *b : w->findChildren<QMessageBox *>())
      b->close();
  };
  step(2500, [&] {
    shot(QStringLiteral("app-empty.png"));
    window->useModel(QStringLiteral("fake"));
    window->addPaths(photos);
    gate->release(5);
  });
  step(5000, [&] { window->imageList()->selectRow(1); });
  step(3000, [&] {
    shot(QStringLiteral("app-batch.png"));
    gate->release(100);
  });
  step(4000, [&] {
    window->imageList()->selectRow(3);
    map->fitToResults();
  });
  step(4000, [&] { shot(QStringLiteral("app-results.png")); });
  step(10, [&] { map->resetView(); }); // world zoom: the estimate's label names the estimate
  step(3000, [&] { shot(QStringLiteral("app-world-estimate.png")); });
  // Issue 18: the analyst's verdict, note and ground-truth pin; the list sorted by the top country's
  // probability and searched.
  step(10, [&] {
    window->imageList()->selectRow(3);
    ui::AnnotationPanel *panel = window->annotationPanel();
    panel->verdictBox()->setCurrentIndex(panel->verdictBox()->findData(int(Verdict::Confirmed)));
    panel->noteEdit()->setPlainText(QStringLiteral("Tram wires and the bus shelter match the city's 2023 "
                                                   "street imagery; confirmed with the sender."));
    panel->flush();
    const geo::GeoPoint e = window->imageModel()->row(3).result->estimate.value_or(geo::GeoPoint{});
    panel->setPin(geo::GeoPoint{e.lat + 0.21, e.lon - 0.34});
    window->imageList()->sortByColumn(ui::ImageListModel::CountryColumn, Qt::DescendingOrder);
    map->fitToResults();
  });
  step(3000, [&] {
    shot(QStringLiteral("app-assessment.png"));
    window->imageList()->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    Q_EMIT window->annotationPanel()->edited(window->imageModel()->row(3).sha256, Annotation{});
  });
  // Issue 20: the Explain tab, an attention-rollout overlay for the top country drawn on the photo
  // (the fake engine's 32-pixel input: a 4 x 4 patch grid, drawn smoothly scaled). Rollout, not
  // occlusion: the fake's embeddings are hashes of the pixels, so every occluded window drops the
  // label's probability alike and its occlusion map is flat.
  step(10, [&] {
    window->imageList()->selectRow(3);
    window->showExplanation();
    ui::ExplanationPanel *panel = window->explanationPanel();
    panel->methodBox()->setCurrentIndex(panel->methodBox()->findData(int(ExplainMethod::Rollout)));
    gate->release(40);
    panel->explainButton()->click();
  });
  step(3000, [&] {
    shot(QStringLiteral("app-explain.png"));
    window->photoView()->setExplanation(nullptr);
    window->findChild<QTabWidget *>(QStringLiteral("rightTabs"))->setCurrentIndex(0);
  });
  // Issue 17: a polygon being drawn on the map (mouse events on the drawing overlay), the photo
  // within it with its confidence regions, three photos fused into a site and selected in the
  // project's list of sites; then back as before.
  step(10, [&] {
    window->showEvidence();
    window->imageList()->selectRow(3);
    map->fitToResults();
  });
  step(2500, [&] {
    const geo::GeoPoint c = window->imageModel()->row(3).result->estimate.value_or(geo::GeoPoint{});
    Q_EMIT window->evidencePanel()->drawAreaRequested(false);
    auto *overlay = map->findChild<ui::AreaDrawOverlay *>();
    const QPointF centre = map->viewport().geoToPixel(c);
    for (const QPointF d : {QPointF(-150, -110), QPointF(170, -90), QPointF(140, 120), QPointF(-120, 100)}) {
      QMouseEvent press(QEvent::MouseButtonPress, centre + d, overlay->mapToGlobal(centre + d),
                        Qt::LeftButton, Qt::LeftButton, {});
      QCoreApplication::sendEvent(overlay, &press);
    }
    QMouseEvent move(QEvent::MouseMove, centre + QPointF(-160, 20),
                     overlay->mapToGlobal(centre + QPointF(-160, 20)), Qt::NoButton, Qt::NoButton, {});
    QCoreApplication::sendEvent(overlay, &move);
  });
  step(800, [&] {
    shot(QStringLiteral("app-evidence-draw.png"));
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, {});
    QCoreApplication::sendEvent(map->findChild<ui::AreaDrawOverlay *>(), &enter);
  });
  step(3000, [&] { window->imageList()->selectRow(3); });
  step(2500, [&] {
    shot(QStringLiteral("app-evidence-region.png"));
    window->imageList()->selectRow(0);
    auto *sel = window->imageList()->selectionModel();
    for (int row : {3, 5}) // photos with probability inside the drawn area
      sel->select(window->imageList()->model()->index(row, 0),
                  QItemSelectionModel::Select | QItemSelectionModel::Rows);
  });
  step(1500, [&] {
    Q_EMIT window->evidencePanel()->groupRequested(QStringLiteral("Main street"));
    // A second site, then the first one's photos and the first site selected again in the
    // project's list of sites.
    window->imageList()->selectRow(6);
    window->imageList()->selectionModel()->select(window->imageModel()->index(0, 0),
                                                  QItemSelectionModel::Select | QItemSelectionModel::Rows);
  });
  step(1000, [&] { Q_EMIT window->evidencePanel()->groupRequested(QStringLiteral("Station square")); });
  step(1000, [&] {
    window->imageList()->selectRow(0);
    auto *sel = window->imageList()->selectionModel();
    for (int row : {3, 5})
      sel->select(window->imageModel()->index(row, 0),
                  QItemSelectionModel::Select | QItemSelectionModel::Rows);
  });
  step(1000, [&] {
    window->evidencePanel()->selectSite(0);
    map->fitToResults();
  });
  step(2500, [&] {
    shot(QStringLiteral("app-evidence-site.png"));
    window->evidencePanel()->clearAll();
    window->findChild<QTabWidget *>(QStringLiteral("rightTabs"))->setCurrentIndex(0);
  });
  step(3000, [&] {});
  // Issue 21: the photos most like the one shown (the "Similar" tab), from the kept embeddings.
  step(10, [&] {
    auto *tabs = window->findChild<QTabWidget *>(QStringLiteral("rightTabs"));
    tabs->setCurrentIndex(tabs->indexOf(window->similarPanel()));
    window->imageList()->selectRow(2);
  });
  step(3000, [&] {
    shot(QStringLiteral("app-similar.png"));
    // Two copies with other bytes (trailing data after the JPEG's end) and the same picture.
    QStringList copies;
    for (int i : {2, 5}) {
      QFile in(photos[i]);
      const QString copy =
          tmp.filePath(QStringLiteral("copies/street_%1_copy.jpg").arg(i, 2, 10, QLatin1Char('0')));
      QDir().mkpath(QFileInfo(copy).path());
      QFile out(copy);
      if (in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly))
        out.write(in.readAll() + QByteArray("copy"));
      copies << copy;
    }
    window->addPaths(copies);
    gate->release(2);
  });
  step(5000, [&] { window->similarPanel()->findDuplicates(); });
  step(2500, [&] { window->similarPanel()->duplicateGroups()->setCurrentRow(0); });
  step(2000, [&] {
    shot(QStringLiteral("app-duplicates.png"));
    window->collapseScenesButton()->setChecked(true); // one photo per group, the Group column
    window->imageList()->selectRow(0);
  });
  step(1500, [&] {
    shot(QStringLiteral("app-distinct-scenes.png"));
    window->collapseScenesButton()->setChecked(false);
    // A photo from outside the project (another encoding of street 7) dropped on the search box.
    const QString outside = tmp.filePath(QStringLiteral("outside/sender_photo.png"));
    QDir().mkpath(QFileInfo(outside).path());
    QImage(photos[7]).save(outside);
    gate->release(1);
    Q_EMIT window->similarPanel()->searchBox()->photoChosen(outside);
  });
  step(3000, [&] { shot(QStringLiteral("app-photo-search.png")); });
  // A reference gallery of eight photos of the project at positions around two estimates (a
  // gallery is usually a folder of GPS-tagged photos; here the kept embeddings of the project).
  step(10, [&] {
    window->findChild<QTabWidget *>(QStringLiteral("rightTabs"))->setCurrentIndex(0);
    QString err;
    auto reader = store::ProjectStore::open(window->projectPath(), &err);
    const QString model = options.modelHash;
    const geo::GeoPoint near = window->imageModel()->row(3).result->estimate.value_or(geo::GeoPoint{});
    const QString gallery = tmp.filePath(QStringLiteral("gallery.slidx"));
    library::IndexWriter w;
    bool ok = reader != nullptr;
    for (int i : {0, 1, 2, 4, 6, 8, 9, 10}) {
      const ui::ImageRow &row = window->imageModel()->row(window->imageModel()->rowOfPath(photos[i]));
      const auto e = reader ? reader->imageEmbedding(row.sha256, model) : std::nullopt;
      if (!e)
        continue;
      if (!w.count())
        ok = ok && w.begin(gallery, model, int(e->size()), &err);
      const geo::GeoPoint at =
          i < 6 ? geo::GeoPoint{near.lat + 0.03 * (i % 3) - 0.02, near.lon + 0.04 * (i % 4) - 0.05}
                : row.result->estimate.value_or(geo::GeoPoint{});
      ok = ok && w.add({photos[i], row.sha256, at}, e->data(), &err);
    }
    ok = ok && w.finish(&err);
    if (!ok)
      qWarning("gallery: %s", qPrintable(err));
    ui::AppSettings s = window->settings();
    s.gallery.file = gallery;
    s.gallery.options.k = 6;
    window->applySettings(s);
  });
  step(2500, [&] {
    gate->release(100);
    window->rerunAll();
  });
  step(6000, [&] {
    window->imageList()->selectRow(3);
    map->fitToResults();
  });
  step(2500, [&] {
    auto *view = window->resultsPanel()->findChild<ui::GalleryEvidenceView *>();
    if (auto *scroll =
            window->resultsPanel()->parentWidget()
                ? qobject_cast<QScrollArea *>(window->resultsPanel()->parentWidget()->parentWidget())
                : nullptr)
      scroll->ensureWidgetVisible(view, 0, 0);
  });
  step(1000, [&] {
    shot(QStringLiteral("app-gallery.png"));
    ui::AppSettings s = window->settings();
    s.gallery.file.clear();
    window->applySettings(s);
  });
  step(2500, [&] {
    gate->release(100);
    window->rerunAll();
  });
  step(6000, [&] { window->findChild<QTabWidget *>(QStringLiteral("rightTabs"))->setCurrentIndex(0); });
  // Issue 22: the object and its shadow drawn on the photo, then the sun band on the map. The
  // moment is chosen so that the band passes the photo's estimate.
  step(10, [&] {
    window->showEvidence();
    window->imageList()->selectRow(3);
    map->resetView();
  });
  step(2500, [&] {
    ui::SunShadowPanel *sun = window->sunShadowPanel();
    if (auto *scroll = qobject_cast<QScrollArea *>(sun->parentWidget()->parentWidget()->parentWidget()))
      scroll->ensureWidgetVisible(sun);
    const geo::GeoPoint c = window->imageModel()->row(3).result->estimate.value_or(geo::GeoPoint{});
    const QDateTime t(QDate(2024, 6, 21), QTime(9, 30), QTimeZone::utc());
    const double el = geo::sunPosition(t, c).elevationDeg;
    sun->setPhoto(window->photoView()->currentPath(), window->photoView()->image()); // no EXIF time: asked
    sun->setTimeText(QStringLiteral("2024-06-21T11:30:00+02:00"));
    sun->setTolerance(1.5);
    auto *dlg = sun->openMeasureDialog();
    dlg->move(420, 160);
    auto *canvas = sun->measureCanvas();
    const double ratio = 1.0 / std::tan(geo::degToRad(el));
    // A lamp post 150 px tall at x 200 and its shadow along the pavement.
    const QPointF foot(200, 330), top(200, 180), tip(200 + 150 * ratio * 0.8, 330 + 150 * ratio * 0.6);
    auto drag = [&](QPointF a, QPointF b) {
      for (auto [type, at, buttons] : {std::tuple{QEvent::MouseButtonPress, a, Qt::LeftButton},
                                       std::tuple{QEvent::MouseMove, (a + b) / 2, Qt::LeftButton},
                                       std::tuple{QEvent::MouseButtonRelease, b, Qt::NoButton}}) {
        const QPointF w = canvas->toWidget(at);
        QMouseEvent e(type, w, canvas->mapToGlobal(w), Qt::LeftButton, buttons, {});
        QCoreApplication::sendEvent(canvas, &e);
      }
    };
    drag(foot, top);
    drag(foot, tip);
  });
  step(1500, [&] {
    shot(QStringLiteral("app-sun-measure.png"));
    for (QDialogButtonBox *b : window->sunShadowPanel()->findChildren<QDialogButtonBox *>())
      b->button(QDialogButtonBox::Ok)->click(); // the drawn ratio goes to the panel
    window->sunShadowPanel()->apply();
  });
  step(3500, [&] {
    shot(QStringLiteral("app-sun-band.png"));
    window->sunShadowPanel()->removeBand();
    window->findChild<QTabWidget *>(QStringLiteral("rightTabs"))->setCurrentIndex(0);
  });
  step(3000, [&] {});
  step(10, [&] {
    // The export dialog (Export > PDF report) over the window, three images selected.
    window->imageList()->selectRow(2);
    auto *sel = window->imageList()->selectionModel();
    for (int row : {3, 5})
      sel->select(window->imageList()->model()->index(row, 0),
                  QItemSelectionModel::Select | QItemSelectionModel::Rows);
    window->exportAction(exporting::ExportFormat::Pdf)->trigger();
  });
  step(2000, [&] {
    shot(QStringLiteral("app-export.png"));
    for (QDialog *d : window->findChildren<QDialog *>())
      d->reject();
    window->removeAction()->trigger(); // three analysed photos: asks first
  });
  step(1500, [&] {
    shot(QStringLiteral("app-remove.png"));
    closeBoxes(window.get());
    window->imageList()->selectRow(4);
    map->fitToResults();
    map->saveMapAsPng();
  });
  step(2500, [&] {
    shot(QStringLiteral("app-map-png.png"));
    if (auto *dlg = map->findChild<ui::MapExportDialog *>()) {
      const QString path = QDir(shots).filePath(QStringLiteral("map-export.png"));
      map->saveExportPng(path, 2.0, QStringLiteral("street_04.jpg — estimate and top cities"));
      qInfo("wrote %s", qPrintable(path));
      dlg->reject();
    }
    // Issue 19: scene tasks, answered again from the stored embeddings.
    ui::AppSettings tasks = window->settings();
    tasks.sceneTasks = {QStringLiteral("damage"), QStringLiteral("road-condition"),
                        QStringLiteral("scene-type")};
    window->applySettings(tasks);
  });
  step(4000, [&] {
    auto *dlg = new ui::SettingsDialog(window->settings(), window.get());
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->tabs()->setCurrentWidget(dlg->sceneTasksPage());
    dlg->open();
  });
  step(1500, [&] {
    shot(QStringLiteral("app-scene-settings.png"));
    for (ui::SettingsDialog *d : window->findChildren<ui::SettingsDialog *>())
      d->reject();
    // A wider list shows the task columns. "Where damage: not "no damage" > 50 %", sorted by
    // the road's condition.
    for (QSplitter *sp : window->findChildren<QSplitter *>())
      if (sp->orientation() == Qt::Horizontal && sp->count() == 3)
        sp->setSizes({860, 400, 340});
    QComboBox *task = window->taskFilterTaskBox();
    task->setCurrentIndex(task->findText(QStringLiteral("damage")));
    window->taskFilterLabelBox()->setCurrentIndex(0);
    window->taskFilterThreshold()->setValue(50);
    window->imageList()->sortByColumn(window->imageModel()->taskColumn(1), Qt::DescendingOrder);
    // The task columns come after the others: scrolled into view as an analyst would.
    QTimer::singleShot(300, window.get(), [&] {
      QScrollBar *h = window->imageList()->horizontalScrollBar();
      h->setValue(h->maximum());
    });
    window->imageList()->selectRow(0);
    map->fitToResults();
  });
  step(2500, [&] {
    shot(QStringLiteral("app-scene-tasks.png"));
    // The panel scrolled to its Scene and Clues sections.
    for (QScrollArea *area : window->findChildren<QScrollArea *>())
      if (area->widget() == window->resultsPanel())
        area->ensureWidgetVisible(const_cast<ui::TaskOutcomeView *>(window->resultsPanel()->cluesView()), 10,
                                  10);
  });
  step(1500, [&] {
    shot(QStringLiteral("app-scene-panel.png"));
    window->taskFilterTaskBox()->setCurrentIndex(0);
    for (QSplitter *sp : window->findChildren<QSplitter *>()) // the map wide again
      if (sp->orientation() == Qt::Horizontal && sp->count() == 3)
        sp->setSizes({520, 730, 350});
    window->imageList()->selectAll();
    const SceneTask &scene = window->chosenTasks().back();
    map->setMarkerColoring({scene.name, scene.question, scene.labels, {}});
    map->fitToResults();
  });
  step(3000, [&] {
    shot(QStringLiteral("app-scene-map.png"));
    map->setMarkerColoring({});
    // Few-shot: the photos tagged with the analyst's own classes (here: what the scene-type task
    // answers, so that a classifier can learn it), then trained.
    ui::ImageListModel *m = window->imageModel();
    std::vector<std::pair<double, int>> urban; // P(first scene-type label), row
    for (int r = 0; r < m->rowCount(); ++r)
      if (const auto p = m->row(r).result ? ui::ImageListModel::taskProbability(
                                                *m->row(r).result, QStringLiteral("scene-type"),
                                                window->chosenTasks().back().labels.front())
                                          : std::nullopt)
        urban.emplace_back(*p, r);
    std::sort(urban.begin(), urban.end());
    for (size_t i = 0; i < urban.size(); ++i) {
      window->imageList()->clearSelection();
      window->imageList()->selectRow(
          window->imageFilter()->mapFromSource(m->index(urban[i].second, 0)).row());
      window->tagSelected(i >= urban.size() / 2 ? QStringLiteral("built-up") : QStringLiteral("open"));
    }
    for (QSplitter *sp : window->findChildren<QSplitter *>()) // the Class column in view
      if (sp->orientation() == Qt::Horizontal && sp->count() == 3)
        sp->setSizes({1000, 300, 300});
    QTimer::singleShot(300, window.get(), [&] {
      QScrollBar *h = window->imageList()->horizontalScrollBar();
      h->setValue(h->maximum());
    });
    window->trainClassifier();
  });
  step(2500, [&] {
    shot(QStringLiteral("app-scene-training.png"));
    if (window->probeDialog())
      window->probeDialog()->reject();
    // Another mode: the results shown were computed with the old one.
    ui::AppSettings flat = window->settings();
    flat.analysis.mode = AnalysisSettings::Mode::Flat;
    window->applySettings(flat);
  });
  step(4000, [&] {
    window->imageList()->selectRow(6);
    map->fitToResults();
  });
  step(1500, [&] { shot(QStringLiteral("app-stale.png")); });
  step(10, [&] { window->close(); }); // untitled work: asks first
  step(1500, [&] {
    shot(QStringLiteral("app-unsaved.png"));
    closeBoxes(window.get());
    // The session ends without saving (as if killed): the next start offers the untitled project.
    window.reset();
    o.offerRecovery = true;
    second = std::make_unique<ui::MainWindow>(test::fakeFactory(), o);
    second->setMapView(new ui::MapView);
    second->setGeometry(0, 0, 1600, 1000);
    second->show();
  });
  step(3000, [&] {
    shot(QStringLiteral("app-recover.png"));
    closeBoxes(second.get());
    app.quit();
  });
  size_t next = 0;
  std::function<void()> run = [&] {
    if (next >= steps.size())
      return;
    const auto &[ms, fn] = steps[next];
    QTimer::singleShot(ms, &app, [&, fn] {
      ++next;
      fn();
      run();
    });
  };
  run();
  const int rc = app.exec();
  gate->release(1000);
  second.reset();
  window.reset();
  return rc;
}
