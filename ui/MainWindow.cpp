#include "ui/MainWindow.h"

#include "core/export/ExportCommon.h"
#include "core/export/Exporter.h"
#include "core/export/ReportContent.h"
#include "core/gazetteer/Gazetteer.h"
#include "core/store/ProjectStore.h"
#include "ui/AnalysisController.h"
#include "ui/ExportController.h"
#include "ui/ImageIngest.h"
#include "ui/ImageListModel.h"
#include "ui/ModelSetupPanel.h"
#include "ui/PhotoView.h"
#include "ui/PlaceNames.h"
#include "ui/ResultsPanel.h"
#include "ui/map/ReportMap.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
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
  buildMenus();
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
  if (!m_settings.effectiveAnalysis(effective, &err)) {
    statusBar()->showMessage(err, 10000);
    effective = m_settings.analysis;
  }
  m_analysis->setAnalysisSettings(effective);
  m_results->setTopK(m_settings.analysis.topK);
  m_setup->setEngineAvailable(m_analysis->hasEngineFactory());
  if (m_analysis->hasEngineFactory() && !m_settings.modelDir.isEmpty()) {
    m_engineLoading = true;
    m_analysis->loadEngine(m_settings.engineOptions());
  }
  showCenter(false);
  if (m_options.showFirstRunNote && !m_settings.responsibleUseAcknowledged)
    QTimer::singleShot(0, this, [this] { showResponsibleUseNote(false); });
}

MainWindow::~MainWindow() {
  delete m_exports; // waits for a running export: it holds copies only, but must not outlive the app
  m_exports = nullptr;
  delete m_analysis; // stops the worker thread before the stores go
  m_analysis = nullptr;
}

void MainWindow::buildLayout() {
  m_list = new QTableView(this);
  m_list->setModel(m_model);
  m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_list->setIconSize(QSize(48, 48));
  m_list->verticalHeader()->setDefaultSectionSize(54);
  m_list->verticalHeader()->hide();
  m_list->setShowGrid(false);
  m_list->setAlternatingRowColors(true);
  m_list->setWordWrap(false);
  m_list->setTextElideMode(Qt::ElideRight);
  m_list->horizontalHeader()->setStretchLastSection(true);
  m_list->horizontalHeader()->setSectionResizeMode(ImageListModel::NameColumn, QHeaderView::Interactive);
  m_list->setColumnWidth(ImageListModel::NameColumn, 170);
  m_list->setColumnWidth(ImageListModel::StatusColumn, 64);
  m_list->setColumnWidth(ImageListModel::CountryColumn, 130);
  m_list->setMinimumWidth(360);
  connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          &MainWindow::onSelectionChanged);
  connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showCurrent);
  connect(m_model, &QAbstractItemModel::dataChanged, this,
          [this](const QModelIndex &tl, const QModelIndex &br) {
            const QModelIndex cur = m_list->currentIndex();
            if (cur.isValid() && cur.row() >= tl.row() && cur.row() <= br.row())
              onSelectionChanged();
          });

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
  auto *scroll = new QScrollArea(this);
  scroll->setWidget(m_results);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setMinimumWidth(300);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

  m_mainSplitter = new QSplitter(Qt::Horizontal, this);
  m_mainSplitter->addWidget(m_list);
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
  connect(m_analysis, &AnalysisController::preparing, this, [this](int done, int total, const QString &) {
    statusBar()->showMessage(tr("Preparing place labels… %1 / %2").arg(done).arg(total), 2000);
  });
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
  connect(m_analysis, &AnalysisController::progress, this, &MainWindow::onProgress);
  connect(m_analysis, &AnalysisController::idle, this, [this] {
    m_progress->hide();
    m_cancelButton->hide();
    m_cancelAction->setEnabled(false);
  });
  connect(m_analysis, &AnalysisController::notice, this,
          [this](const QString &t) { statusBar()->showMessage(t, 10000); });
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

void MainWindow::onProgress(int done, int total, int eta) {
  if (total <= 0) {
    m_progress->hide();
    return;
  }
  m_progress->setRange(0, total);
  m_progress->setValue(done);
  QString text = tr("%1 / %2").arg(done).arg(total);
  if (!m_analysis->isEngineReady() && done < total)
    text += tr(" — waiting for a model");
  else if (eta >= 0 && done < total)
    text += QStringLiteral(" — ") + formatEta(eta);
  m_progress->setFormat(text);
  const bool busy = done < total;
  m_progress->setVisible(busy);
  m_cancelButton->setVisible(busy);
  m_cancelAction->setEnabled(busy);
}

void MainWindow::onEngineReady(const EngineInfo &info) {
  m_engineLoading = false;
  m_modelLabel->setText(tr("Model: %1").arg(info.modelName));
  const bool gpu = info.device.startsWith(QLatin1String("cuda"));
  m_deviceLabel->setText(tr("%1: %2").arg(gpu ? tr("GPU") : tr("CPU"),
                                          info.deviceName.isEmpty() ? info.device : info.deviceName));
  m_deviceLabel->setToolTip(info.device);
  m_precisionLabel->setText(info.precision);
  m_setup->setProblem({});
  showCenter(true);
  statusBar()->showMessage(tr("Model ready."), 4000);
}

void MainWindow::onEngineFailed(const QString &error) {
  m_engineLoading = false;
  m_modelLabel->setText(tr("No model"));
  m_deviceLabel->clear();
  m_precisionLabel->clear();
  m_setup->setProblem(m_settings.modelDir.isEmpty() || !m_analysis->hasEngineFactory() ? QString() : error);
  if (!m_analysis->hasEngineFactory())
    m_setup->setEngineAvailable(false);
  showCenter(false);
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
  std::vector<ImageResult> out;
  const QModelIndexList rows = m_list->selectionModel()->selectedRows();
  for (const QModelIndex &i : rows) {
    const ImageRow &row = m_model->row(i.row());
    if (row.state == RowState::Done && row.result)
      out.push_back(*row.result);
  }
  return out;
}

void MainWindow::onSelectionChanged() {
  showCurrent();
  Q_EMIT selectedResultsChanged(selectedResults());
}

void MainWindow::showCurrent() {
  const QModelIndex cur = m_list->currentIndex();
  if (!cur.isValid()) {
    m_results->clear();
    return;
  }
  const ImageRow &row = m_model->row(cur.row());
  m_center->setCurrentWidget(m_photo);
  m_photo->showPhoto(row.path, row.thumbnail, row.preview);
  const int selected = std::max<int>(1, int(m_list->selectionModel()->selectedRows().size()));
  const QString name = QFileInfo(row.path).fileName();
  switch (row.state) {
  case RowState::Done:
    if (row.result)
      m_results->showResult(*row.result, selected);
    break;
  case RowState::Failed:
    m_results->showStatus(name, tr("Failed: %1").arg(row.error));
    break;
  case RowState::Running:
    m_results->showStatus(name, tr("Being analysed…"));
    break;
  case RowState::Cancelled:
    m_results->showStatus(name, tr("Cancelled. Use Analysis > Re-analyse to run it."));
    break;
  default:
    m_results->showStatus(name, m_analysis->isEngineReady() ? tr("Waiting in the queue.")
                                                            : tr("Waiting for a model to be loaded."));
  }
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

// --- Exports -------------------------------------------------------------------------------

std::vector<ImageResult> MainWindow::exportableResults(bool selectedOnly) const {
  std::vector<int> rows;
  if (selectedOnly) {
    for (const QModelIndex &i : m_list->selectionModel()->selectedRows())
      rows.push_back(i.row());
    std::sort(rows.begin(), rows.end());
  } else {
    for (int r = 0; r < m_model->rowCount(); ++r)
      rows.push_back(r);
  }
  std::vector<ImageResult> out;
  for (int r : rows) {
    const ImageRow &row = m_model->row(r);
    if (row.state == RowState::Done && row.result)
      out.push_back(*row.result);
    else if (row.state == RowState::Failed) // exported and counted as failed, as the CLI's report does
      out.push_back(exporting::unanalysedResult(
          row.path, row.sha256.startsWith(QLatin1String("path:")) ? QString() : row.sha256,
          ImageStatus::Failed, row.error));
  }
  return out;
}

// The report's settings block: the same function as the CLI's reports.
QString MainWindow::settingsSummary() const {
  return exporting::reportSettingsSummary(m_settings.analysis,
                                          QDir::toNativeSeparators(m_settings.candidateListFile));
}

exporting::ReportContext MainWindow::reportContext() const {
  exporting::ReportContext ctx;
  ctx.projectName = isUntitled() ? tr("Untitled project") : QFileInfo(projectPath()).completeBaseName();
  ctx.created = QDateTime::currentDateTime();
  if (m_analysis->isEngineReady()) {
    const EngineInfo &info = m_analysis->engineInfo();
    ctx.modelName = info.modelName;
    ctx.modelSha256 = info.modelHash;
    ctx.precision = info.precision;
    ctx.device =
        info.deviceName.isEmpty() ? info.device : QStringLiteral("%1 (%2)").arg(info.device, info.deviceName);
  } else if (const auto model = m_project->store() ? m_project->store()->modelRecord() : std::nullopt) {
    // No model loaded now: the model that produced the project's results, as recorded.
    ctx.modelName = model->name;
    ctx.modelSha256 = model->sha256;
    ctx.precision = model->precision;
    ctx.device = model->device;
  }
  ctx.settingsSummary = settingsSummary();
  // Called on the export thread: renderResultMap needs no widget, the gazetteer is immutable.
  std::shared_ptr<const gazetteer::Gazetteer> gaz = m_analysis->gazetteer();
  ctx.renderMap = [gaz](const ImageResult &r, QSize size) { return renderResultMap(r, gaz, size); };
  return ctx;
}

bool MainWindow::isExporting() const {
  return m_exports->isRunning();
}

bool MainWindow::exportTo(exporting::ExportFormat format, const QString &path,
                          const exporting::ExportOptions &options, bool selectedOnly) {
  if (isExporting()) {
    statusBar()->showMessage(tr("An export is still running; try again when it has finished."), 6000);
    return false;
  }
  std::vector<ImageResult> results = exportableResults(selectedOnly);
  if (results.empty()) {
    statusBar()->showMessage(selectedOnly ? tr("Nothing to export: no selected image has a result.")
                                          : tr("Nothing to export yet: no image has a result."),
                             6000);
    return false;
  }
  const int count = int(results.size());
  m_exports->start(std::move(results), format, path, options, reportContext());
  for (QAction *a : std::as_const(m_exportActions))
    a->setEnabled(false);
  statusBar()->showMessage(
      tr("Exporting %n image(s) to %1…", nullptr, count).arg(QDir::toNativeSeparators(path)));
  return true;
}

void MainWindow::onExportDone(const QString &path, bool ok, const QString &exportError, int count) {
  const QString error =
      ok ? QString()
         : (exportError.isEmpty() ? tr("Could not write %1.").arg(QDir::toNativeSeparators(path))
                                  : exportError);
  for (QAction *a : std::as_const(m_exportActions))
    a->setEnabled(true);
  if (error.isEmpty())
    statusBar()->showMessage(
        tr("Exported %n image(s) to %1", nullptr, count).arg(QDir::toNativeSeparators(path)), 10000);
  else
    showError(tr("Export failed"), error);
  Q_EMIT exportFinished(path, error);
}

} // namespace streetlens::ui
