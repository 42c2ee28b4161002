#pragma once
// MainWindow: the StreetLens window. Owns the image list model, the photo view, the results
// panel, the map area (the map widget is put in by the composition root), the status bar, the
// ImageIngest (folder expansion and hashing on a pool), the AnalysisController (the pipeline on
// the worker thread, which alone writes the project file), the ExportController (the export job)
// and the ProjectSession (which project is open, with the GUI thread's read-only connection). Lives on the
// GUI thread; never blocks it and opens dialogs with open() (no nested event loops).
#include "core/analysis/Annotation.h"
#include "core/analysis/GeoResult.h"
#include "core/export/ExportTypes.h"
#include "ui/AppSettings.h"
#include "ui/EngineFactory.h"
#include "ui/ProjectSession.h"

#include <QDialog>
#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <functional>
#include <memory>
#include <vector>

class QAction;
class QComboBox;
class QLineEdit;
class QTabWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QSpinBox;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolButton;
class QUndoStack;

namespace streetlens {
namespace gazetteer {
class Gazetteer;
}
namespace store {
class ProjectStore;
}
} // namespace streetlens

namespace streetlens::ui {

class AnalysisController;
class BatchProgress;
class EvidenceController;
class EvidencePanel;
class SimilarPhotosPanel;
class ExportController;
class ExportDialog;
class MapView;
class SelectionPresenter;
class SunShadowPanel;
class UntitledWork;
class ImageIngest;
class ImageListModel;
class ImageListFilter;
class AnnotationPanel;
class ModelSetupPanel;
class PhotoView;
class ExplanationPanel;
class ResultsPanel;
class ProbeTrainingDialog;
struct IngestedImage;
struct ProbeOutcome;
struct ImageRow;

class MainWindow : public QMainWindow {
  Q_OBJECT
public:
  struct Options {
    QString gazetteerPath = QStringLiteral(":/gazetteer");
    QString cacheDir;    // label-embedding cache; default: the user's cache folder
    QString untitledDir; // where new (unsaved) projects live; default: app data folder
    bool showFirstRunNote = true;
    bool offerRecovery = true; // offer untitled projects left by an earlier session
  };
  // factory may be empty (a build without the engine): the window still opens projects.
  explicit MainWindow(EngineFactory factory, Options options, QWidget *parent = nullptr);
  explicit MainWindow(EngineFactory factory = {}, QWidget *parent = nullptr);
  ~MainWindow() override;

  // Adds images: files, folders (recursive); a .streetlens file opens that project instead.
  void addPaths(const QStringList &paths);
  // Overrides the model folder of the settings for this session (--model DIR) and loads it.
  void useModel(const QString &dir, bool remember = true);
  void openProject(const QString &path);
  // A left-over untitled project (it stays untitled: quitting asks about it again).
  void recoverUntitled(const QString &path);
  void saveProjectAs(const QString &path);
  void newProject();
  void applySettings(const AppSettings &settings);
  void rerunAll();
  void rerunSelected(); // Analysis > Re-analyse selected
  void rerunFailed();   // Analysis > Re-analyse failed and cancelled
  void cancelAnalysis();
  void pasteFromClipboard();
  // Scene tasks and few-shot classifiers (MainWindowTasks.cpp). Tags the selected photos with the
  // analyst's class ("" clears it); the worker keeps it in the project ("probe-tag/<sha256>").
  void tagSelected(const QString &tag);
  // Analysis > Tag selected photos as…: asks for the class (a dialog opened with open()).
  void askTagSelected();
  // Analysis > Train classifier from tags…: trains on the worker from the tagged photos' stored
  // embeddings, then shows the ProbeTrainingDialog (accuracy, confusion, save as task).
  void trainClassifier();
  // The scene tasks answered now (resolved from the settings), in column order.
  const QVector<SceneTask> &chosenTasks() const { return m_chosenTasks; }

  // Writes the results of all images (or of the selected ones) to `path` as `format` on a worker
  // thread; the window stays responsive and exportFinished() follows. Reports get the model,
  // settings and a map per image. False (reason in the status bar) when nothing has results or
  // an export is already running. Export > … calls this through the ExportDialog.
  bool exportTo(exporting::ExportFormat format, const QString &path, const exporting::ExportOptions &options,
                bool selectedOnly, QString *refusal = nullptr);
  // Opens the ExportDialog for `format` (with open()).
  void openExportDialog(exporting::ExportFormat format);
  // The folder proposed for exported files: the last one used, the project's, the documents
  // folder — the first that exists — else the home folder.
  QString proposedExportFolder() const;
  bool isExporting() const;
  // What reports say about the project: name, date, model (engine or project record), settings,
  // and a map renderer using the window's gazetteer.
  exporting::ReportContext reportContext() const;
  // Finished results (done or failed) of all images / of the selected ones, in list order.
  std::vector<ImageResult> exportableResults(bool selectedOnly) const;

  // The map widget goes into the map area; the window keeps ownership.
  void setMapWidget(QWidget *widget);
  // The same for the MapView, which then follows the selection (the same step as the results
  // panel), gets the gazetteer with names in the interface language, and selects the photo of a
  // marker clicked on it.
  void setMapView(MapView *map);
  MapView *mapView() const { return m_map; }
  // Kept for the composition root: shown in the status bar.
  void setEngineStatus(const QString &text);

  // For tests and screenshots.
  ImageListModel *imageModel() const { return m_model; }
  EvidencePanel *evidencePanel() const { return m_evidencePanel; }
  SimilarPhotosPanel *similarPanel() const { return m_similar; }
  EvidenceController *evidence() const { return m_evidence; }
  SunShadowPanel *sunShadowPanel() const { return m_sunShadow; }
  ExplanationPanel *explanationPanel() const { return m_explainPanel; }
  // Brings the Explain tab forward.
  void showExplanation();
  // Brings the Evidence tab forward (Analysis > Evidence, Ctrl+E).
  void showEvidence();
  QTableView *imageList() const { return m_list; } // shows imageFilter()'s rows
  ImageListFilter *imageFilter() const { return m_filter; }
  QLineEdit *searchBox() const { return m_search; }
  QComboBox *showBox() const { return m_show; }
  // "Distinct scenes": the list collapsed to one photo per near-duplicate group.
  QToolButton *collapseScenesButton() const { return m_collapseScenes; }
  // The list's scene-task filter row: task, label (or "not label") and threshold in per cent.
  QWidget *taskFilterBar() const { return m_taskFilterBar; }
  QComboBox *taskFilterTaskBox() const { return m_taskFilterTask; }
  QComboBox *taskFilterLabelBox() const { return m_taskFilterLabel; }
  QSpinBox *taskFilterThreshold() const { return m_taskFilterThreshold; }
  ProbeTrainingDialog *probeDialog() const; // the last training's result while it is open
  AnnotationPanel *annotationPanel() const { return m_annotation; }
  ResultsPanel *resultsPanel() const { return m_results; }
  PhotoView *photoView() const { return m_photo; }
  ModelSetupPanel *modelSetupPanel() const { return m_setup; }
  AnalysisController *analysis() const { return m_analysis; }
  const AppSettings &settings() const { return m_settings; }
  QString projectPath() const { return m_project->path(); }
  bool isUntitled() const { return m_project->isUntitled(); }
  bool isIngesting() const;
  QProgressBar *progressBar() const { return m_progress; }
  const BatchProgress *batchProgress() const { return m_batch; }
  QString statusModelText() const;
  std::vector<ImageResult> selectedResults() const;
  QAction *settingsAction() const { return m_settingsAction; }
  QAction *removeAction() const { return m_removeAction; }
  QAction *userGuideAction() const { return m_guideAction; }
  QUndoStack *undoStack() const { return m_undo; }
  QAction *exportAction(exporting::ExportFormat format) const {
    return m_exportActions.value(static_cast<int>(format));
  }

Q_SIGNALS:
  void selectedResultsChanged(const std::vector<streetlens::ImageResult> &results);
  void gazetteerLoaded(std::shared_ptr<const streetlens::gazetteer::Gazetteer> gazetteer);
  void projectOpened(const QString &path);
  void projectFailed(const QString &error);
  // After exportTo: `error` is empty on success, else names the file and the problem.
  void exportFinished(const QString &path, const QString &error);

protected:
  void dragEnterEvent(QDragEnterEvent *event) override;
  void dropEvent(QDropEvent *event) override;
  void closeEvent(QCloseEvent *event) override;

private:
  // MainWindow.cpp: layout, status bar, selection.
  void buildLayout();
  void buildStatusBar();
  void buildEvidence();    // MainWindowEvidence.cpp
  void buildExplanation(); // MainWindowExplain.cpp: the Explain tab and the photo's overlay
  void showExplanationOf(int row);
  void buildSimilar(); // MainWindowSimilar.cpp: the "Similar" tab (issue 21)
  void updateSimilarQuery();
  void collapseToScenes(bool on); // the list: one photo per near-duplicate group (grouped first if needed)
  QWidget *buildListPane();       // MainWindowAnnotation.cpp: search and "Show" above the list
  void buildAnnotation();         // MainWindowAnnotation.cpp: the analyst's verdict, note and pin
  void showAnnotationOf(int row);
  void onAnnotationEdited(const QString &sha256, const Annotation &annotation);
  // The sites and constraint of the project just opened into the evidence tab.
  void restoreEvidence(); // MainWindowEvidence.cpp
  void connectAnalysis();
  void onIngested(const IngestedImage &img);
  void updateProgress();
  void onEngineReady(const EngineInfo &info);
  void onEngineFailed(const QString &error);
  void showCenter(bool modelReady);
  void showError(const QString &title, const QString &text);
  void onExportDone(const QString &path, bool ok, const QString &error, int count);
  QString settingsSummary() const;
  // MainWindowExport.cpp (with the public export functions).
  // MainWindowActions.cpp: menus, dialogs, project files.
  void buildMenus();
  void rebuildRecentMenu();
  void openImagesDialog(bool folder);
  void openProjectDialog();
  void saveProjectAsDialog();
  void openSettingsDialog();
  void chooseModelFolderDialog();
  void openDownloadDialog();
  void showResponsibleUseNote(bool force);
  // Removes the selected photos (undoable); asks first when some have results.
  void removeSelected();
  void removeRows(std::vector<int> rows);
  void rerunRows(const std::function<bool(const ImageRow &, int)> &which);
  void showProjectRows(std::vector<store::StoredImage> rows);
  void clearRows();
  void connectProject();
  void updateTitle();
  // MainWindowTasks.cpp: the list's task columns, the filter row, the map's colouring choices and
  // the tag / train actions.
  QWidget *buildTaskFilterBar(QWidget *parent);
  void buildTaskActions(QMenu *analysis);
  void applyTaskChoice(const AnalysisSettings &effective); // columns, filter, map
  void updateTaskFilter();
  void restoreClassTags(); // of the project just opened
  void onProbeTrained(const ProbeOutcome &outcome);
  void showTaskHeaderMenu(const QPoint &pos);

  Options m_options;
  AppSettings m_settings;
  AnalysisController *m_analysis = nullptr;
  ImageIngest *m_ingest = nullptr;
  ImageListModel *m_model = nullptr;
  QTableView *m_list = nullptr;
  ImageListFilter *m_filter = nullptr;     // what the list shows of the model, in which order
  AnnotationPanel *m_annotation = nullptr; // the analyst's verdict, note and pin of the focus row
  QLineEdit *m_search = nullptr;
  QComboBox *m_show = nullptr;
  QToolButton *m_collapseScenes = nullptr;
  PhotoView *m_photo = nullptr;
  ModelSetupPanel *m_setup = nullptr;
  QStackedWidget *m_center = nullptr;
  QWidget *m_mapArea = nullptr, *m_mapPlaceholder = nullptr;
  ResultsPanel *m_results = nullptr;
  QSplitter *m_mainSplitter = nullptr, *m_centerSplitter = nullptr;
  QLabel *m_modelLabel = nullptr, *m_deviceLabel = nullptr, *m_precisionLabel = nullptr;
  QProgressBar *m_progress = nullptr;
  QToolButton *m_cancelButton = nullptr;
  QMenu *m_recentMenu = nullptr;
  QAction *m_settingsAction = nullptr, *m_cancelAction = nullptr, *m_rerunAction = nullptr;
  QAction *m_removeAction = nullptr, *m_guideAction = nullptr;
  QAction *m_rerunSelectedAction = nullptr, *m_rerunFailedAction = nullptr;
  QPointer<QDialog> m_guide;
  QUndoStack *m_undo = nullptr; // removals, for the current project

  ProjectSession *m_project = nullptr;       // which project, its read-only connection
  SelectionPresenter *m_selection = nullptr; // what the panel, photo and map show
  BatchProgress *m_batch = nullptr;          // what the progress bar shows
  UntitledWork *m_untitledWork = nullptr;    // quit question, recovery, untitled files
  bool openProjectFile(const QString &path, bool asUntitled);
  MapView *m_map = nullptr;
  EvidencePanel *m_evidencePanel = nullptr;    // what the analyst knows (dock)
  SimilarPhotosPanel *m_similar = nullptr;     // similar photos of the photo shown (tab)
  EvidenceController *m_evidence = nullptr;    // applies it to what is shown
  SunShadowPanel *m_sunShadow = nullptr;       // the sun band tool, under the evidence panel
  QTabWidget *m_rightTabs = nullptr;           // Results | Evidence | Explain
  ExplanationPanel *m_explainPanel = nullptr;  // the Explain tab (label, method, opacity)
  QList<QPair<QString, QString>> m_duplicates; // skipped file, the listed file with the same content
  bool m_engineLoading = false;
  QVector<SceneTask> m_chosenTasks; // the scene tasks answered now
  QVector<SceneTask> m_chosenClues; // and the clue questions (as sent to the worker)
  QWidget *m_taskFilterBar = nullptr;
  QComboBox *m_taskFilterTask = nullptr, *m_taskFilterLabel = nullptr;
  QSpinBox *m_taskFilterThreshold = nullptr;
  QAction *m_tagAction = nullptr, *m_untagAction = nullptr, *m_trainAction = nullptr;
  QPointer<QDialog> m_probeDialog; // a ProbeTrainingDialog

  QHash<int, QAction *> m_exportActions; // by ExportFormat
  ExportController *m_exports = nullptr; // the export job (one at a time)
  QPointer<ExportDialog> m_exportDialog; // the dialog waiting for that job, if any
};

} // namespace streetlens::ui
