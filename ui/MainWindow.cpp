#include "ui/MainWindow.h"

#include "core/export/ExportCommon.h"
#include "core/export/Exporter.h"
#include "core/export/ReportContent.h"
#include "core/gazetteer/Gazetteer.h"
#include "core/store/ProjectStore.h"
#include "ui/AnalysisController.h"
#include "ui/AnnotationPanel.h"
#include "ui/BatchProgress.h"
#include "ui/EvidenceController.h"
#include "ui/ExportController.h"
#include "ui/ImageIngest.h"
#include "ui/ImageListFilter.h"
#include "ui/ImageListModel.h"
#include "ui/ModelSetupPanel.h"
#include "ui/PhotoView.h"
#include "ui/PlaceNames.h"
#include "ui/ResultsPanel.h"
#include "ui/SelectionPresenter.h"
#include "ui/UntitledWork.h"
#include "ui/map/MapView.h"
#include "ui/map/ReportMap.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace streetlens::ui {

namespace {
QString defaultDir(QStandardPaths::StandardLocation loc, const QString &sub) {
  return QDir(QStandardPaths::writableLocation(loc)).filePath(sub);
}
QString formatEta(int seconds) {
  if (seconds < 0)
    return {};
  if (seconds >= 3600)
    return QObject::tr("about %1 h %2 min left").arg(seconds / 3600).arg((seconds % 3600) / 60);
  if (seconds >= 60)
    return QObject::tr("about %1 min %2 s left").arg(seconds / 60).arg(seconds % 60);
  return QObject::tr("about %1 s left").arg(seconds);
}
} // namespace

MainWindow::MainWindow(EngineFactory factory, QWidget *parent)
    : MainWindow(std::move(factory), Options{}, parent) {}

MainWindow::MainWindow(EngineFactory factory, Options options, QWidget *parent)
    : QMainWindow(parent), m_options(std::move(options)) {
  if (m_options.cacheDir.isEmpty())
    m_options.cacheDir = defaultDir(QStandardPaths::CacheLocation, QStringLiteral("label-embeddings"));
  if (m_options.untitledDir.isEmpty())
    m_options.untitledDir = defaultDir(QStandardPaths::AppLocalDataLocation, QStringLiteral("untitled"));
  m_settings = AppSettings::load();
  setWindowTitle(tr("StreetLens"));
  setAcceptDrops(true);
  resize(1440, 900);

  m_model = new ImageListModel(this);
  m_batch = new BatchProgress(m_model, this);
  m_ingest = new ImageIngest(this);
  m_analysis = new AnalysisController(std::move(factory), m_options.gazetteerPath, m_options.cacheDir, this);
  m_project = new ProjectSession(m_analysis, this);
#ifndef NDEBUG
  // Debug builds check that the GUI thread never writes the project (the pipeline on the worker
  // is its only writer); the UI tests switch the same check on in every build.
  store::ProjectStore::forbidWritesOnThread(thread());
#endif
  buildLayout();
  buildStatusBar();
  buildEvidence();
  buildExplanation();
  buildSimilar();
  buildAnnotation();
  buildMenus();
  m_evidence->setUndoStack(m_undo); // grouping, renaming and deleting sites are undoable
  connectAnalysis();
  connectProject();
  m_exports = new ExportController(this);
  connect(m_exports, &ExportController::finished, this, &MainWindow::onExportDone);

  connect(m_ingest, &ImageIngest::fileFound, this,
          [this](const QString &path) { m_model->addPending(path); });
  connect(m_ingest, &ImageIngest::ingested, this, &MainWindow::onIngested);
  connect(m_ingest, &ImageIngest::idle, this, [this] {
    if (!m_duplicates.isEmpty()) { // which file was skipped, and which listed one it repeats
      QStringList names;
      for (qsizetype i = 0; i < std::min<qsizetype>(m_duplicates.size(), 3); ++i)
        names << tr("%1 (same as %2)")
                     .arg(QFileInfo(m_duplicates[i].first).fileName(),
                          QFileInfo(m_duplicates[i].second).fileName());
      if (m_duplicates.size() > 3)
        names << QStringLiteral("…");
      statusBar()->showMessage(tr("%n duplicate image(s) skipped, same content already listed: %1", nullptr,
                                  int(m_duplicates.size()))
                                   .arg(names.join(QStringLiteral(", "))),
                               12000);
    }
    m_duplicates.clear();
  });

  if (!m_settings.windowGeometry.isEmpty())
    restoreGeometry(m_settings.windowGeometry);
  if (!m_settings.splitterState.isEmpty())
    m_mainSplitter->restoreState(m_settings.splitterState);

  newProject();
  AnalysisSettings effective;
  QString err;
  QStringList missingTasks;
  // A candidate list that cannot be read leaves the gazetteer's places (tasks and clues stay).
  if (!m_settings.effectiveAnalysis(effective, &err, &missingTasks))
    statusBar()->showMessage(err, 10000);
  else if (!missingTasks.isEmpty())
    statusBar()->showMessage(
        tr("Scene tasks not found, left out: %1").arg(missingTasks.join(QStringLiteral(", "))), 10000);
  m_analysis->setAnalysisSettings(effective);
  if (!m_settings.gallery.file.isEmpty())
    m_analysis->setGallery(m_settings.gallery.file, m_settings.gallery.options);
  applyTaskChoice(effective);
  m_results->setTopK(m_settings.analysis.topK);
  m_setup->setEngineAvailable(m_analysis->hasEngineFactory());
  if (m_analysis->hasEngineFactory() && !m_settings.modelDir.isEmpty()) {
    m_engineLoading = true;
    m_analysis->loadEngine(m_settings.engineOptions());
  }
  showCenter(false);
  UntitledWork::Hooks hooks;
  hooks.isUntitled = [this] { return isUntitled(); };
  hooks.path = [this] { return projectPath(); };
  hooks.photoCount = [this] { return m_model->rowCount(); };
  hooks.saveAs = [this] { saveProjectAsDialog(); };
  hooks.recover = [this](const QString &path) { recoverUntitled(path); };
  m_untitledWork = new UntitledWork(this, m_options.untitledDir, std::move(hooks));
  if (m_options.offerRecovery)
    QTimer::singleShot(0, m_untitledWork, &UntitledWork::offerRecovery);
  if (m_options.showFirstRunNote && !m_settings.responsibleUseAcknowledged)
    QTimer::singleShot(0, this, [this] { showResponsibleUseNote(false); });
}

MainWindow::~MainWindow() {
  const bool deleteUntitled = m_untitledWork->deleteOnExit();
  const QString path = projectPath();
  delete m_exports; // waits for a running export: it holds copies only, but must not outlive the app
  m_exports = nullptr;
  delete m_analysis; // stops the worker thread before the stores go
  m_analysis = nullptr;
  if (deleteUntitled && !path.isEmpty()) { // empty or discarded: nothing to recover later
    m_project->closeReader();
    UntitledWork::removeProjectFiles(path);
  }
}

void MainWindow::buildLayout() {
  m_list = new QTableView(this);
  m_filter = new ImageListFilter(m_model, this);
  m_list->setModel(m_filter);
  // Sorting by a column header; a third click on it goes back to the order photos were added in.
  m_list->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
  m_list->horizontalHeader()->setSortIndicatorClearable(true);
  m_list->setSortingEnabled(true);
  m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_list->setIconSize(QSize(48, 48));
  m_list->verticalHeader()->setDefaultSectionSize(54);
  m_list->verticalHeader()->hide();
  m_list->setShowGrid(false);
  m_list->setAlternatingRowColors(true);
  m_list->setWordWrap(false);
  m_list->setTextElideMode(Qt::ElideRight);
  // The columns share the list's width (no horizontal scroll bar, not even on an empty list): name
  // and estimate stretch and are elided (their tooltips have them in full); the status column is
  // as wide as its longest word in the interface language ("fehlgeschlagen").
  QHeaderView *header = m_list->horizontalHeader();
  header->setStretchLastSection(false);
  header->setMinimumSectionSize(40);
  header->setSectionResizeMode(ImageListModel::NameColumn, QHeaderView::Stretch);
  header->setSectionResizeMode(ImageListModel::StatusColumn, QHeaderView::Fixed);
  header->setSectionResizeMode(ImageListModel::CountryColumn, QHeaderView::Interactive);
  header->setSectionResizeMode(ImageListModel::EstimateColumn, QHeaderView::Stretch);
  int statusWidth = m_list->fontMetrics().horizontalAdvance(
      m_model->headerData(ImageListModel::StatusColumn, Qt::Horizontal, Qt::DisplayRole).toString());
  for (RowState st : {RowState::Reading, RowState::Queued, RowState::Running, RowState::Done,
                      RowState::Failed, RowState::Cancelled})
    statusWidth =
        std::max(statusWidth, m_list->fontMetrics().horizontalAdvance(ImageListModel::stateName(st)));
  m_list->setColumnWidth(ImageListModel::StatusColumn, statusWidth + 20);
  m_list->setColumnWidth(ImageListModel::CountryColumn, 112); // "Hungary  100%"; wider by dragging
  // The verdict column holds marks (✔ ✘ ? ✎ ⚑), as wide as its header or all marks at once.
  header->setSectionResizeMode(ImageListModel::VerdictColumn, QHeaderView::Fixed);
  m_list->setColumnWidth(
      ImageListModel::VerdictColumn,
      std::max(
          m_list->fontMetrics().horizontalAdvance(
              m_model->headerData(ImageListModel::VerdictColumn, Qt::Horizontal, Qt::DisplayRole).toString()),
          m_list->fontMetrics().horizontalAdvance(QStringLiteral("\u2718 \u270E \u2691"))) +
          12);
  m_list->setMinimumWidth(376); // the five columns at their narrowest, in German too

  m_photo = new PhotoView(this);
  m_photo->showMessage(tr("Drop photos or folders here, or use File > Open images."));
  m_setup = new ModelSetupPanel(this);
  m_center = new QStackedWidget(this);
  m_center->addWidget(m_photo);
  m_center->addWidget(m_setup);

  m_mapArea = new QWidget(this);
  auto *mapLayout = new QVBoxLayout(m_mapArea);
  mapLayout->setContentsMargins(0, 0, 0, 0);
  m_mapPlaceholder = new QLabel(tr("Map"), m_mapArea);
  static_cast<QLabel *>(m_mapPlaceholder)->setAlignment(Qt::AlignCenter);
  m_mapPlaceholder->setMinimumHeight(160);
  mapLayout->addWidget(m_mapPlaceholder);

  m_centerSplitter = new QSplitter(Qt::Vertical, this);
  m_centerSplitter->addWidget(m_center);
  m_centerSplitter->addWidget(m_mapArea);
  m_centerSplitter->setStretchFactor(0, 3);
  m_centerSplitter->setStretchFactor(1, 4);

  m_results = new ResultsPanel(this);
  m_selection = new SelectionPresenter(m_list, m_model, m_photo, m_results, m_analysis, this);
  connect(m_selection, &SelectionPresenter::selectedResultsChanged, this,
          &MainWindow::selectedResultsChanged);
  connect(m_selection, &SelectionPresenter::focusChanged, this, [this](int row) {
    if (row >= 0)
      m_center->setCurrentWidget(m_photo);
    else
      showCenter(m_analysis->isEngineReady());
  });
  auto *scroll = new QScrollArea(this);
  scroll->setWidget(m_results);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setMinimumWidth(300);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

  m_mainSplitter = new QSplitter(Qt::Horizontal, this);
  m_mainSplitter->addWidget(buildListPane());
  m_mainSplitter->addWidget(m_centerSplitter);
  m_mainSplitter->addWidget(scroll);
  m_mainSplitter->setStretchFactor(0, 3);
  m_mainSplitter->setStretchFactor(1, 5);
  m_mainSplitter->setStretchFactor(2, 2);
  m_mainSplitter->setSizes({520, 740, 340});
  setCentralWidget(m_mainSplitter);
}

void MainWindow::buildStatusBar() {
  m_modelLabel = new QLabel(this);
  m_deviceLabel = new QLabel(this);
  m_precisionLabel = new QLabel(this);
  m_progress = new QProgressBar(this);
  m_progress->setMinimumWidth(280);
  m_progress->setMaximumWidth(380);
  m_progress->setTextVisible(true);
  m_progress->hide();
  m_cancelButton = new QToolButton(this);
  m_cancelButton->setText(tr("Cancel"));
  m_cancelButton->setToolTip(tr("Stop after the image being analysed; finished results are kept."));
  m_cancelButton->hide();
  connect(m_cancelButton, &QToolButton::clicked, this, &MainWindow::cancelAnalysis);
  statusBar()->addPermanentWidget(m_modelLabel);
  statusBar()->addPermanentWidget(m_deviceLabel);
  statusBar()->addPermanentWidget(m_precisionLabel);
  statusBar()->addPermanentWidget(m_progress);
  statusBar()->addPermanentWidget(m_cancelButton);
  m_modelLabel->setText(tr("No model"));
}

void MainWindow::connectAnalysis() {
  connect(m_analysis, &AnalysisController::gazetteerLoaded, this, &MainWindow::gazetteerLoaded);
  connect(m_analysis, &AnalysisController::gazetteerLoaded, this,
          [](std::shared_ptr<const gazetteer::Gazetteer> gaz) { setDisplayGazetteer(std::move(gaz)); });
  connect(m_analysis, &AnalysisController::engineReady, this, &MainWindow::onEngineReady);
  connect(m_analysis, &AnalysisController::engineFailed, this, &MainWindow::onEngineFailed);
  connect(m_analysis, &AnalysisController::preparing, this,
          [this](int done, int total, const QString &) { m_batch->setPreparing(done, total); });
  connect(m_analysis, &AnalysisController::imageStarted, this,
          [this](const QString &sha) { m_model->setState(sha, RowState::Running); });
  connect(m_analysis, &AnalysisController::imageFinished, this,
          [this](const ImageResult &r) { m_model->setResult(r); });
  connect(m_analysis, &AnalysisController::imageIngested, this, [this](const AnalysisItemPtr &item) {
    m_model->setDecoded(item->result.sha256, item->result.width, item->result.height, item->thumbnail,
                        item->preview);
  });
  connect(m_analysis, &AnalysisController::imageCancelled, this,
          [this](const QString &sha) { m_model->setState(sha, RowState::Cancelled); });
  // The bar follows the list (BatchProgress), not the controller's queue, so that it only moves
  // forward and matches the rows, also while files are still being found.
  connect(m_batch, &BatchProgress::changed, this, &MainWindow::updateProgress);
  connect(m_batch, &BatchProgress::batchFinished, this, [this] {
    const BatchProgress &b = *m_batch;
    if (b.cancelled() > 0 || b.failed() > 0)
      statusBar()->showMessage(tr("Batch finished: %1 analysed, %2 failed, %3 cancelled.")
                                   .arg(b.analysed())
                                   .arg(b.failed())
                                   .arg(b.cancelled()),
                               10000);
  });
  connect(m_analysis, &AnalysisController::notice, this,
          [this](const QString &t) { statusBar()->showMessage(t, 10000); });
  connect(m_analysis, &AnalysisController::galleryFailed, this,
          [this](const QString &t) { showError(tr("Reference gallery"), t); });
}

void MainWindow::onIngested(const IngestedImage &img) {
  if (img.sha256.isEmpty()) { // unreadable: listed as failed, not stored
    const int row = m_model->rowOfPath(img.path);
    if (row >= 0) {
      m_model->setIdentified(img.path, QStringLiteral("path:") + img.path, img.size, 0, 0, {});
      m_model->setState(QStringLiteral("path:") + img.path, RowState::Failed, img.error);
    }
    return;
  }
  const int same = m_model->rowOfSha(img.sha256);
  const QString samePath = same >= 0 ? m_model->row(same).path : QString();
  if (!m_model->setIdentified(img.path, img.sha256, img.size, 0, 0, {})) {
    m_duplicates.append({img.path, samePath});
    return;
  }
  // The pipeline decodes it once: thumbnail and project row (imageIngested), then the result.
  m_analysis->enqueue(img.path, img.sha256);
}

void MainWindow::updateProgress() {
  const BatchProgress &b = *m_batch;
  const bool preparing = b.isPreparing() && !m_analysis->isEngineReady();
  if (preparing) {
    // The first load of a model embeds the place labels: the phase the user is waiting for.
    m_progress->setRange(0, b.preparingTotal());
    m_progress->setValue(b.preparingDone());
    QString text = tr("Preparing place labels… %1 / %2").arg(b.preparingDone()).arg(b.preparingTotal());
    if (b.isActive())
      text += tr(" (then %n photo(s))", nullptr, b.total() - b.done());
    m_progress->setFormat(text);
  } else if (b.isActive()) {
    m_progress->setRange(0, b.total());
    m_progress->setValue(b.done());
    QString text = tr("%1 / %2").arg(b.done()).arg(b.total());
    const int eta = b.etaSeconds();
    if (!m_analysis->isEngineReady())
      text += m_engineLoading ? tr(" — loading the model") : tr(" — waiting for a model");
    else if (eta >= 0)
      text += QStringLiteral(" — ") + formatEta(eta);
    m_progress->setFormat(text);
  }
  const bool visible = preparing || b.isActive();
  m_progress->setVisible(visible);
  m_cancelButton->setVisible(b.isActive());
  m_cancelAction->setEnabled(b.isActive());
}

void MainWindow::onEngineReady(const EngineInfo &info) {
  m_engineLoading = false;
  m_batch->setPreparing(0, 0);
  m_modelLabel->setText(tr("Model: %1").arg(info.modelName));
  const bool gpu = info.device.startsWith(QLatin1String("cuda"));
  m_deviceLabel->setText(tr("%1: %2").arg(gpu ? tr("GPU") : tr("CPU"),
                                          info.deviceName.isEmpty() ? info.device : info.deviceName));
  m_deviceLabel->setToolTip(info.device);
  m_precisionLabel->setText(info.precision);
  m_setup->setProblem({});
  showCenter(true);
  m_model->setCurrentSettingsKey(m_analysis->settingsKey());
  m_selection->refresh(); // queue texts, results computed with other settings
  updateProgress();
  statusBar()->showMessage(tr("Model ready."), 4000);
}

void MainWindow::onEngineFailed(const QString &error) {
  m_engineLoading = false;
  m_batch->setPreparing(0, 0);
  m_modelLabel->setText(tr("No model"));
  m_deviceLabel->clear();
  m_precisionLabel->clear();
  m_setup->setProblem(m_settings.modelDir.isEmpty() || !m_analysis->hasEngineFactory() ? QString() : error);
  if (!m_analysis->hasEngineFactory())
    m_setup->setEngineAvailable(false);
  showCenter(false);
  m_selection->refresh();
  updateProgress();
}

void MainWindow::showCenter(bool modelReady) {
  if (modelReady || m_engineLoading) {
    m_center->setCurrentWidget(m_photo);
    if (m_engineLoading && m_photo->currentPath().isEmpty())
      m_photo->showMessage(tr("Loading the model…"));
    else if (m_photo->currentPath().isEmpty())
      m_photo->showMessage(tr("Drop photos or folders here, or use File > Open images."));
    return;
  }
  // Without a model the photo area explains what to do, unless the user is looking at a photo.
  if (m_photo->currentPath().isEmpty())
    m_center->setCurrentWidget(m_setup);
}

std::vector<ImageResult> MainWindow::selectedResults() const {
  return m_selection->selectedResults();
}

void MainWindow::setMapWidget(QWidget *widget) {
  if (!widget)
    return;
  m_mapArea->layout()->removeWidget(m_mapPlaceholder);
  m_mapPlaceholder->deleteLater();
  m_mapPlaceholder = widget;
  widget->setParent(m_mapArea);
  m_mapArea->layout()->addWidget(widget);
}

void MainWindow::setMapView(MapView *map) {
  setMapWidget(map);
  m_map = map;
  if (!map)
    return;
  connect(this, &MainWindow::selectedResultsChanged, map, &MapView::setResults);
  m_evidence->setMap(map);
  auto setGazetteer = [map](std::shared_ptr<const gazetteer::Gazetteer> gaz) {
    // Country names on the basemap in the interface language (the gazetteer has en/de/fr/es).
    map->setGazetteer(std::move(gaz), QLocale().name().section(QLatin1Char('_'), 0, 0));
  };
  connect(this, &MainWindow::gazetteerLoaded, map, setGazetteer);
  if (m_analysis->gazetteer())
    setGazetteer(m_analysis->gazetteer());
  map->setTopK(m_settings.analysis.topK);
  map->setExportDefaults([this] { return proposedExportFolder(); },
                         [this] {
                           // The project's name, else the photo shown, else the app's.
                           if (!isUntitled())
                             return QFileInfo(projectPath()).completeBaseName();
                           const std::vector<ImageResult> shown = selectedResults();
                           if (shown.size() == 1)
                             return QFileInfo(shown.front().path).completeBaseName();
                           return shown.empty() ? tr("StreetLens map")
                                                : tr("%n photo(s)", nullptr, int(shown.size()));
                         });
  connect(map, &MapView::markerClicked, this,
          [this](int imageIndex, const QString &, double) { m_selection->focusResult(imageIndex); });
  connect(map, &MapView::pointPicked, m_annotation, &AnnotationPanel::setPin);
  map->setAnnotations(m_model->annotations());
  AnalysisSettings effective;
  effective.tasks = m_chosenTasks;
  effective.clues = m_chosenClues;
  applyTaskChoice(effective); // the map's "Colour photos by" choices
  map->setResults(selectedResults());
}

void MainWindow::setEngineStatus(const QString &text) {
  statusBar()->showMessage(text);
}

QString MainWindow::statusModelText() const {
  return QStringList{m_modelLabel->text(), m_deviceLabel->text(), m_precisionLabel->text()}.join(
      QStringLiteral(" | "));
}

bool MainWindow::isIngesting() const {
  return m_ingest->isBusy() || m_analysis->ingestingCount() > 0;
}

void MainWindow::showError(const QString &title, const QString &text) {
  auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
  statusBar()->showMessage(text, 15000);
}

} // namespace streetlens::ui
