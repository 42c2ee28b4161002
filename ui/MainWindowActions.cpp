// MainWindow: menus, dialogs, drag and drop, paste and project files (see MainWindow.h).
#include "core/store/ProjectStore.h"
#include "ui/AnalysisController.h"
#include "ui/DownloadDialog.h"
#include "ui/EvidenceController.h"
#include "ui/ExportDialog.h"
#include "ui/ImageIngest.h"
#include "ui/ImageListModel.h"
#include "ui/MainWindow.h"
#include "ui/ModelSetupPanel.h"
#include "ui/PhotoView.h"
#include "ui/RemoveImagesCommand.h"
#include "ui/ResultsPanel.h"
#include "ui/SelectionPresenter.h"
#include "ui/SettingsDialog.h"
#include "ui/UntitledWork.h"
#include "ui/UserGuideDialog.h"
#include "ui/map/MapView.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QUndoStack>

namespace streetlens::ui {

namespace {
const QString kProjectSuffix = QStringLiteral("streetlens");
bool isProjectFile(const QString &path) {
  return QFileInfo(path).suffix().compare(kProjectSuffix, Qt::CaseInsensitive) == 0;
}
} // namespace

void MainWindow::buildMenus() {
  QMenu *file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&Open images…"), QKeySequence::Open, this, [this] { openImagesDialog(false); });
  file->addAction(tr("Open &folder…"), this, [this] { openImagesDialog(true); });
  file->addSeparator();
  file->addAction(tr("&New project"), QKeySequence::New, this, &MainWindow::newProject);
  file->addAction(tr("Open &project…"), QKeySequence(tr("Ctrl+Shift+O")), this,
                  &MainWindow::openProjectDialog);
  m_recentMenu = file->addMenu(tr("&Recent projects"));
  file->addAction(tr("&Save project"), QKeySequence::Save, this, [this] {
    if (isUntitled())
      saveProjectAsDialog();
    else
      statusBar()->showMessage(tr("Everything is saved: results are written to %1 as they finish.")
                                   .arg(QDir::toNativeSeparators(projectPath())),
                               5000);
  });
  file->addAction(tr("Save project &as…"), QKeySequence::SaveAs, this, &MainWindow::saveProjectAsDialog);
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
  rebuildRecentMenu();

  QMenu *edit = menuBar()->addMenu(tr("&Edit"));
  m_undo = new QUndoStack(this);
  QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
  undo->setShortcut(QKeySequence::Undo);
  QAction *redo = m_undo->createRedoAction(this, tr("&Redo"));
  redo->setShortcut(QKeySequence::Redo);
  edit->addAction(undo);
  edit->addAction(redo);
  edit->addSeparator();
  edit->addAction(tr("&Paste images"), QKeySequence::Paste, this, &MainWindow::pasteFromClipboard);
  m_removeAction = edit->addAction(tr("&Remove from project"), this, &MainWindow::removeSelected);
  m_removeAction->setShortcut(QKeySequence::Delete);
  edit->addSeparator();
  m_settingsAction =
      edit->addAction(tr("&Settings…"), QKeySequence::Preferences, this, &MainWindow::openSettingsDialog);

  QMenu *analysis = menuBar()->addMenu(tr("&Analysis"));
  m_cancelAction = analysis->addAction(tr("&Cancel"), this, &MainWindow::cancelAnalysis);
  m_cancelAction->setShortcut(Qt::Key_Escape);
  m_cancelAction->setEnabled(false);
  m_rerunAction =
      analysis->addAction(tr("&Re-analyse all with current settings"), this, &MainWindow::rerunAll);
  m_rerunSelectedAction = analysis->addAction(tr("Re-analyse &selected"), this, &MainWindow::rerunSelected);
  m_rerunFailedAction =
      analysis->addAction(tr("Re-analyse &failed and cancelled"), this, &MainWindow::rerunFailed);
  analysis->addSeparator();
  analysis->addAction(tr("&Evidence: what you know, sites"), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                      &MainWindow::showEvidence);
  buildTaskActions(analysis); // MainWindowTasks.cpp: tag photos, train a classifier

  QMenu *exportMenu = menuBar()->addMenu(tr("E&xport"));
  const std::pair<exporting::ExportFormat, QString> formats[] = {
      {exporting::ExportFormat::Csv, tr("&CSV table…")},
      {exporting::ExportFormat::Json, tr("&JSON…")},
      {exporting::ExportFormat::GeoJson, tr("&GeoJSON (GIS)…")},
      {exporting::ExportFormat::Kml, tr("&KML (Google Earth)…")},
      {exporting::ExportFormat::Html, tr("&HTML report…")},
      {exporting::ExportFormat::Pdf, tr("&PDF report…")}};
  for (const auto &[format, text] : formats) {
    if (format == exporting::ExportFormat::Html)
      exportMenu->addSeparator();
    const exporting::ExportFormat f = format;
    QAction *a = exportMenu->addAction(text, this, [this, f] { openExportDialog(f); });
    m_exportActions.insert(static_cast<int>(f), a);
  }

  QMenu *model = menuBar()->addMenu(tr("&Model"));
  model->addAction(tr("&Choose model folder…"), this, &MainWindow::chooseModelFolderDialog);
  model->addAction(tr("&Download StreetCLIP…"), this, &MainWindow::openDownloadDialog);

  QMenu *help = menuBar()->addMenu(tr("&Help"));
  m_guideAction = help->addAction(tr("&User guide"), QKeySequence::HelpContents, this, [this] {
    if (!m_guide) {
      m_guide = new UserGuideDialog(this);
      m_guide->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_guide->show();
    m_guide->raise();
  });
  help->addAction(tr("&Responsible use"), this, [this] { showResponsibleUseNote(true); });
  help->addAction(tr("&About StreetLens"), this, [this] {
    auto *box = new QMessageBox(QMessageBox::Information, tr("About StreetLens"),
                                tr("StreetLens %1\nWhere was this street photo taken? Local StreetCLIP "
                                   "geolocation. Estimates, not proof.")
                                    .arg(QStringLiteral(STREETLENS_VERSION)),
                                QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
  });

  connect(m_setup, &ModelSetupPanel::chooseFolderRequested, this, &MainWindow::chooseModelFolderDialog);
  connect(m_setup, &ModelSetupPanel::downloadRequested, this, &MainWindow::openDownloadDialog);
  connect(m_setup, &ModelSetupPanel::useModelRequested, this, [this](const QString &dir) { useModel(dir); });
}

void MainWindow::rebuildRecentMenu() {
  m_recentMenu->clear();
  for (const QString &p : std::as_const(m_settings.recentProjects))
    m_recentMenu->addAction(QDir::toNativeSeparators(p), this, [this, p] { openProject(p); });
  m_recentMenu->setEnabled(!m_settings.recentProjects.isEmpty());
}

void MainWindow::addPaths(const QStringList &paths) {
  QStringList images;
  for (const QString &p : paths) {
    if (isProjectFile(p))
      openProject(p);
    else
      images << p;
  }
  m_ingest->addPaths(images);
}

void MainWindow::pasteFromClipboard() {
  const QMimeData *mime = QApplication::clipboard()->mimeData();
  if (!mime)
    return;
  QStringList paths = ImageIngest::localPaths(mime->urls());
  if (paths.isEmpty() && mime->hasText()) {
    for (const QString &line : mime->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
      const QString t = line.trimmed();
      const QUrl u(t);
      const QString p = u.isLocalFile() ? u.toLocalFile() : t;
      if (QFileInfo::exists(p))
        paths << p;
    }
  }
  if (paths.isEmpty())
    statusBar()->showMessage(tr("The clipboard holds no image files."), 4000);
  addPaths(paths);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event) {
  if (!ImageIngest::localPaths(event->mimeData()->urls()).isEmpty())
    event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event) {
  const QStringList paths = ImageIngest::localPaths(event->mimeData()->urls());
  if (paths.isEmpty())
    return;
  event->acceptProposedAction();
  addPaths(paths);
}

void MainWindow::closeEvent(QCloseEvent *event) {
  if (!m_untitledWork->allowClose()) { // asks about unsaved untitled work first
    event->ignore();
    return;
  }
  m_settings.windowGeometry = saveGeometry();
  m_settings.splitterState = m_mainSplitter->saveState();
  m_settings.save();
  QMainWindow::closeEvent(event);
}

void MainWindow::openImagesDialog(bool folder) {
  auto *dlg = new QFileDialog(this, folder ? tr("Open folder") : tr("Open images"));
  dlg->setAttribute(Qt::WA_DeleteOnClose);
  if (folder) {
    dlg->setFileMode(QFileDialog::Directory);
    dlg->setOption(QFileDialog::ShowDirsOnly);
  } else {
    dlg->setFileMode(QFileDialog::ExistingFiles);
    dlg->setNameFilter(tr("Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.gif);;All files (*)"));
  }
  connect(dlg, &QFileDialog::filesSelected, this, &MainWindow::addPaths);
  dlg->open();
}

void MainWindow::openProjectDialog() {
  auto *dlg = new QFileDialog(this, tr("Open project"), {}, tr("StreetLens projects (*.streetlens)"));
  dlg->setAttribute(Qt::WA_DeleteOnClose);
  dlg->setFileMode(QFileDialog::ExistingFile);
  connect(dlg, &QFileDialog::fileSelected, this, &MainWindow::openProject);
  dlg->open();
}

void MainWindow::saveProjectAsDialog() {
  auto *dlg = new QFileDialog(this, tr("Save project as"), {}, tr("StreetLens projects (*.streetlens)"));
  dlg->setAttribute(Qt::WA_DeleteOnClose);
  dlg->setAcceptMode(QFileDialog::AcceptSave);
  dlg->setDefaultSuffix(kProjectSuffix);
  connect(dlg, &QFileDialog::fileSelected, this, &MainWindow::saveProjectAs);
  dlg->open();
}

void MainWindow::chooseModelFolderDialog() {
  auto *dlg = new QFileDialog(this, tr("Choose the model folder"));
  dlg->setAttribute(Qt::WA_DeleteOnClose);
  dlg->setFileMode(QFileDialog::Directory);
  dlg->setOption(QFileDialog::ShowDirsOnly);
  connect(dlg, &QFileDialog::fileSelected, this, [this](const QString &dir) { useModel(dir); });
  dlg->open();
}

void MainWindow::openDownloadDialog() {
  const QString target = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                             .filePath(QStringLiteral("models/geolocal--StreetCLIP"));
  auto *dlg = new DownloadDialog(m_settings.downloadEndpoint, target, this);
  dlg->setAttribute(Qt::WA_DeleteOnClose);
  connect(dlg, &DownloadDialog::modelDownloaded, this, [this](const QString &dir) { useModel(dir); });
  dlg->open();
}

void MainWindow::openSettingsDialog() {
  auto *dlg = new SettingsDialog(m_settings, this);
  dlg->setAttribute(Qt::WA_DeleteOnClose);
  connect(dlg, &QDialog::accepted, this, [this, dlg] { applySettings(dlg->settings()); });
  dlg->open();
}

void MainWindow::showResponsibleUseNote(bool force) {
  auto *box = new QMessageBox(
      QMessageBox::Information, tr("Responsible use"),
      tr("<p><b>StreetLens gives an estimate, not proof.</b></p>"
         "<p>The StreetCLIP model card rules out geolocating people's private images. Use StreetLens for "
         "street-level photos you are entitled to analyse — research, journalism with consent, your own "
         "pictures — and never to find where a person lives or is.</p>"
         "<p>Everything runs on this computer; no photo is uploaded.</p>"),
      QMessageBox::Ok, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  if (!force)
    connect(box, &QMessageBox::finished, this, [this] {
      m_settings.responsibleUseAcknowledged = true;
      m_settings.save();
    });
  box->open();
}

void MainWindow::useModel(const QString &dir, bool remember) {
  m_settings.modelDir = dir;
  if (remember)
    m_settings.save();
  if (!m_analysis->hasEngineFactory())
    return;
  m_engineLoading = true;
  showCenter(false);
  m_modelLabel->setText(tr("Loading model…"));
  m_analysis->loadEngine(m_settings.engineOptions());
}

void MainWindow::applySettings(const AppSettings &s) {
  const AppSettings old = m_settings;
  m_settings = s;
  m_settings.save();
  m_results->setTopK(s.analysis.topK);
  AnalysisSettings effective;
  QString err;
  QStringList missingTasks;
  // A candidate list that cannot be read leaves the gazetteer's places (tasks and clues stay).
  if (!s.effectiveAnalysis(effective, &err, &missingTasks))
    showError(tr("Candidate list"), err);
  const bool engineChanged = old.modelDir != s.modelDir || old.device != s.device ||
                             old.precision != s.precision || old.batchSize != s.batchSize;
  AnalysisSettings oldEffective;
  old.effectiveAnalysis(oldEffective, nullptr);
  // The tasks and clues as the worker has them: a task file edited or a classifier saved again
  // under the same name reads the same from the library now, but answers differently.
  oldEffective.tasks = m_chosenTasks;
  oldEffective.clues = m_chosenClues;
  const bool galleryChanged = !(old.gallery == s.gallery);
  const bool analysisChanged = oldEffective.fingerprint() != effective.fingerprint() || galleryChanged;
  if (oldEffective.fingerprint() != effective.fingerprint())
    m_analysis->setAnalysisSettings(effective);
  if (galleryChanged) // part of the settings key: results made without it turn grey (stale)
    m_analysis->setGallery(s.gallery.file, s.gallery.options);
  applyTaskChoice(effective);
  if (engineChanged && !s.modelDir.isEmpty())
    useModel(s.modelDir);
  const int done = m_model->countInState(RowState::Done);
  // Only the scene tasks or clues changed: every photo is answered again at once from its stored
  // embedding (no image is run through the model again).
  AnalysisSettings oldPlaces = oldEffective, newPlaces = effective;
  for (AnalysisSettings *a : {&oldPlaces, &newPlaces}) {
    a->tasks.clear();
    a->clues.clear();
  }
  if (analysisChanged && !engineChanged && !galleryChanged && done > 0 &&
      oldPlaces.fingerprint() == newPlaces.fingerprint()) {
    rerunRows([](const ImageRow &r, int) { return r.state == RowState::Done; });
    statusBar()->showMessage(tr("Scene tasks changed: answering them again for %n photo(s) from their stored "
                                "embeddings.",
                                nullptr, done),
                             10000);
  } else if ((analysisChanged || engineChanged) && done > 0)
    statusBar()->showMessage(tr("Settings changed. The %n result(s) shown were computed with the previous "
                                "ones (grey in the list); Analysis > Re-analyse all applies the new ones.",
                                nullptr, done),
                             15000);
  else if (analysisChanged || engineChanged)
    statusBar()->showMessage(
        tr("Settings changed. New images use them; Analysis > Re-analyse all updates the "
           "others."),
        10000);
  if (!missingTasks.isEmpty())
    statusBar()->showMessage(
        tr("Scene tasks not found, left out: %1").arg(missingTasks.join(QStringLiteral(", "))), 10000);
  if (m_map)
    m_map->setTopK(s.analysis.topK);
  m_selection->refresh();
}

void MainWindow::rerunAll() {
  rerunRows([](const ImageRow &, int) { return true; });
}

void MainWindow::rerunSelected() {
  const std::vector<int> selected = m_selection->selectedRows();
  rerunRows([&selected](const ImageRow &, int row) {
    return std::binary_search(selected.begin(), selected.end(), row);
  });
}

void MainWindow::rerunFailed() {
  rerunRows(
      [](const ImageRow &r, int) { return r.state == RowState::Failed || r.state == RowState::Cancelled; });
}

void MainWindow::rerunRows(const std::function<bool(const ImageRow &, int)> &which) {
  QList<std::pair<QString, QString>> images;
  for (int i = 0; i < m_model->rowCount(); ++i) {
    const ImageRow &r = m_model->row(i);
    if (r.sha256.isEmpty() || r.sha256.startsWith(QLatin1String("path:")) || r.state == RowState::Reading ||
        !which(r, i))
      continue;
    images.append({r.path, r.sha256});
  }
  if (images.isEmpty()) {
    statusBar()->showMessage(tr("Nothing to re-analyse."), 5000);
    return;
  }
  for (const auto &[path, sha] : std::as_const(images))
    m_model->setState(sha, RowState::Queued);
  if (m_analysis->isBusy() && images.size() < m_model->rowCount()) {
    for (const auto &[path, sha] : std::as_const(images)) // join the batch running: nothing else stops
      m_analysis->enqueue(path, sha);
  } else {
    m_analysis->rerun(images);
  }
}

void MainWindow::cancelAnalysis() {
  m_analysis->cancel();
  statusBar()->showMessage(tr("Cancelled. Results already finished are kept."), 5000);
}

void MainWindow::removeSelected() {
  std::vector<int> rows = m_selection->selectedRows();
  int analysed = 0;
  for (int r : rows) {
    const RowState st = m_model->row(r).state;
    analysed += st == RowState::Done || st == RowState::Failed;
  }
  if (rows.empty())
    return;
  if (analysed == 0) {
    removeRows(std::move(rows));
    return;
  }
  auto *box = new QMessageBox(QMessageBox::Question, tr("Remove photos"),
                              tr("Remove %n analysed photo(s) from the project?", nullptr, analysed),
                              QMessageBox::Cancel, this);
  box->setInformativeText(tr("Their results are deleted from the project file. Edit > Undo (%1) brings "
                             "them back.")
                              .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
  QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
  box->setDefaultButton(QMessageBox::Cancel);
  box->setAttribute(Qt::WA_DeleteOnClose);
  connect(box, &QMessageBox::buttonClicked, this, [this, remove, rows](QAbstractButton *b) {
    if (b == remove)
      removeRows(rows);
  });
  box->open();
}

void MainWindow::removeRows(std::vector<int> rows) {
  auto *cmd = new RemoveImagesCommand(m_model, m_analysis, m_project->store(), std::move(rows));
  const int n = cmd->count();
  m_undo->push(cmd); // runs redo(): the rows go, the selection presenter clears what showed them
  statusBar()->showMessage(tr("%n photo(s) removed. Edit > Undo brings them back.", nullptr, n), 8000);
}

void MainWindow::clearRows() {
  m_model->clear(); // the selection presenter clears the photo, the panel and the map
}

void MainWindow::showProjectRows(std::vector<store::StoredImage> rows) {
  clearRows();
  m_undo->clear(); // removals were of the project shown before
  QList<std::pair<QString, QString>> pending;
  for (store::StoredImage &s : rows) {
    ImageRow row;
    row.path = s.image.path;
    row.sha256 = s.image.sha256;
    row.size = s.image.size;
    row.width = s.image.width;
    row.height = s.image.height;
    row.thumbnail = s.image.thumbnail;
    row.state = s.status == ImageStatus::Done     ? RowState::Done
                : s.status == ImageStatus::Failed ? RowState::Failed
                                                  : RowState::Queued;
    row.error = s.error;
    row.result = std::move(s.result);
    row.annotation = std::move(s.annotation);
    if (row.state == RowState::Queued)
      pending.append({row.path, row.sha256});
    m_model->append(std::move(row));
  }
  m_analysis->rerun(pending); // images left unfinished last time continue now
  if (m_map)
    m_map->setAnnotations(m_model->annotations());
}

void MainWindow::connectProject() {
  connect(m_project, &ProjectSession::untitledFailed, this, [this](const QString &err) {
    statusBar()->showMessage(tr("No project file: %1").arg(err), 15000);
  });
  connect(m_project, &ProjectSession::failed, this, [this](bool saving, const QString &error) {
    showError(saving ? tr("Save project") : tr("Project"), error);
    Q_EMIT projectFailed(error);
  });
  connect(m_project, &ProjectSession::savedAs, this,
          [this](const QString &path, const QString &fromUntitled) {
            m_settings.addRecentProject(path);
            m_settings.save();
            rebuildRecentMenu();
            updateTitle();
            statusBar()->showMessage(tr("Saved as %1").arg(QDir::toNativeSeparators(path)), 5000);
            m_untitledWork->savedAs(fromUntitled);
          });
  connect(m_project, &ProjectSession::opened, this, &MainWindow::projectOpened);
}

void MainWindow::newProject() {
  QDir().mkpath(m_options.untitledDir);
  const QString path =
      QDir(m_options.untitledDir)
          .filePath(QStringLiteral("untitled-%1.streetlens")
                        .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"))));
  clearRows();
  m_undo->clear();
  m_evidence->restore({}, std::nullopt); // a new project: no sites, no constraint
  m_analysis->rerun({});
  m_project->createUntitled(path); // the worker creates the file: it is the project's only writer
  updateTitle();
}

void MainWindow::openProject(const QString &path) {
  if (!openProjectFile(path, false))
    return;
  m_settings.addRecentProject(projectPath());
  m_settings.save();
  rebuildRecentMenu();
}

void MainWindow::recoverUntitled(const QString &path) {
  if (openProjectFile(path, true))
    statusBar()->showMessage(tr("Recovered the untitled project; File > Save project as… keeps it."), 10000);
}

bool MainWindow::openProjectFile(const QString &path, bool asUntitled) {
  QString err;
  auto rows = m_project->open(path, &err, asUntitled);
  if (!rows) {
    showError(tr("Open project"), err);
    Q_EMIT projectFailed(err);
    return false;
  }
  showProjectRows(std::move(*rows));
  restoreClassTags(); // MainWindowTasks.cpp
  restoreEvidence();
  updateTitle();
  return true;
}

void MainWindow::saveProjectAs(const QString &path) {
  m_project->saveAs(path); // the worker copies between two batches, then continues there
}

void MainWindow::updateTitle() {
  const QString name = isUntitled() ? tr("Untitled project") : QFileInfo(projectPath()).fileName();
  setWindowTitle(tr("%1 — StreetLens").arg(name));
}

} // namespace streetlens::ui
