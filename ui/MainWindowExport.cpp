// MainWindow: exports — what is exported, the report context, the export job and its dialog, and
// the folder proposed for exported files (see MainWindow.h).
#include "core/export/ExportCommon.h"
#include "core/export/Exporter.h"
#include "core/export/ReportContent.h"
#include "core/gazetteer/Gazetteer.h"
#include "core/store/ProjectStore.h"
#include "ui/AnalysisController.h"
#include "ui/EvidencePanel.h"
#include "ui/ExportController.h"
#include "ui/ExportDialog.h"
#include "ui/ImageListModel.h"
#include "ui/MainWindow.h"
#include "ui/SelectionPresenter.h"
#include "ui/map/ReportMap.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>

namespace streetlens::ui {

QString MainWindow::proposedExportFolder() const {
  // The folder last exported to, the project's folder, the documents folder — the first that
  // exists (Documents is not created on every system) — else the home folder.
  QStringList candidates{QSettings().value(QStringLiteral("export/lastDir")).toString()};
  if (!isUntitled())
    candidates << QFileInfo(projectPath()).absolutePath();
  candidates << QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
  for (const QString &c : std::as_const(candidates))
    if (!c.isEmpty() && QFileInfo(c).isDir())
      return QDir::cleanPath(c);
  return QDir::homePath();
}

std::vector<ImageResult> MainWindow::exportableResults(bool selectedOnly) const {
  std::vector<int> rows;
  if (selectedOnly) {
    rows = m_selection->selectedRows();
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

// The report's settings block: the same function as the CLI's reports, and the analyst's
// constraint when one is applied to what is exported.
QString MainWindow::settingsSummary() const {
  QString text = exporting::reportSettingsSummary(m_settings.analysis,
                                                  QDir::toNativeSeparators(m_settings.candidateListFile));
  if (m_evidencePanel && !m_evidencePanel->constraint().isEmpty())
    text += QStringLiteral("\nconstraint: %1").arg(m_evidencePanel->constraint().describe());
  return text;
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
                          const exporting::ExportOptions &options, bool selectedOnly, QString *refusal) {
  auto refuse = [&](const QString &why) {
    statusBar()->showMessage(why, 6000);
    if (refusal)
      *refusal = why;
    return false;
  };
  if (isExporting())
    return refuse(tr("An export is still running; try again when it has finished."));
  std::vector<ImageResult> results = exportableResults(selectedOnly);
  if (results.empty())
    return refuse(selectedOnly ? tr("Nothing to export: no selected image has a result.")
                               : tr("Nothing to export yet: no image has a result."));
  const int count = int(results.size());
  exporting::ExportOptions withNotes = options;
  withNotes.annotations = m_model->annotations(); // the analyst's verdicts, notes and pins
  m_exports->start(std::move(results), format, path, withNotes, reportContext());
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
  else if (m_exportDialog) // the dialog that asked shows the error and stays open
    statusBar()->showMessage(error, 15000);
  else
    showError(tr("Export failed"), error);
  if (m_exportDialog)
    m_exportDialog->exportFinished(error);
  Q_EMIT exportFinished(path, error);
}

void MainWindow::openExportDialog(exporting::ExportFormat format) {
  const int all = int(exportableResults(false).size());
  const int selected = int(exportableResults(true).size());
  if (all == 0) {
    statusBar()->showMessage(tr("Nothing to export yet: no image has a result."), 6000);
    return;
  }
  const QString dir = proposedExportFolder();
  const bool report = format == exporting::ExportFormat::Html || format == exporting::ExportFormat::Pdf;
  const QString base =
      isUntitled() ? QStringLiteral("streetlens") : QFileInfo(projectPath()).completeBaseName();
  const QString suggested =
      QDir(dir).filePath(base + (report ? QStringLiteral("-report.") : QStringLiteral("-results.")) +
                         exporting::exportFormatExtension(format));
  auto *dlg = new ExportDialog(format, all, selected, m_settings.analysis.topK, suggested, this);
  dlg->setAttribute(Qt::WA_DeleteOnClose);
  m_exportDialog = dlg;
  connect(dlg, &ExportDialog::exportRequested, this, [this, dlg](const ExportRequest &r) {
    QString refusal;
    if (!exportTo(r.format, r.path, r.options, r.selectedOnly, &refusal)) {
      dlg->exportFinished(refusal);
      return;
    }
    QSettings().setValue(QStringLiteral("export/lastDir"), QFileInfo(r.path).absolutePath());
  });
  dlg->open();
}

} // namespace streetlens::ui
