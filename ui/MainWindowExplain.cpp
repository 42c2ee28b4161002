// MainWindow: the Explain tab (ExplanationPanel) and the patch-explanation overlay of the photo
// view. The explanation runs on the analysis worker, which owns the engine
// (AnalysisController::explain); this file only wires choices, progress and the result. GUI thread.
#include "ui/AnalysisController.h"
#include "ui/ExplanationPanel.h"
#include "ui/ImageListModel.h"
#include "ui/MainWindow.h"
#include "ui/PhotoView.h"
#include "ui/SelectionPresenter.h"

#include <QScrollArea>
#include <QStatusBar>
#include <QTabWidget>

namespace streetlens::ui {

void MainWindow::buildExplanation() {
  m_explainPanel = new ExplanationPanel(this);
  m_explainPanel->setObjectName(QStringLiteral("explanationPanel"));
  auto *scroll = new QScrollArea(this);
  scroll->setWidget(m_explainPanel);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  m_rightTabs->addTab(scroll, tr("Explain"));

  connect(m_selection, &SelectionPresenter::focusChanged, this, &MainWindow::showExplanationOf);
  connect(m_analysis, &AnalysisController::engineReady, this,
          [this] { showExplanationOf(m_selection->focusRow()); });
  connect(m_explainPanel, &ExplanationPanel::explainRequested, this, [this](const ExplainRequest &request) {
    const int row = m_selection->focusRow();
    if (row < 0)
      return;
    m_photo->setExplanation(nullptr);
    m_explainPanel->setBusy(true);
    m_explainPanel->setStatus(
        tr("%1 for “%2”…").arg(ExplanationPanel::methodName(request.method), request.label));
    m_analysis->explain(m_model->row(row).path, request);
  });
  connect(m_explainPanel, &ExplanationPanel::cancelRequested, m_analysis, &AnalysisController::cancelExplain);
  connect(m_explainPanel, &ExplanationPanel::opacityChanged, m_photo, &PhotoView::setExplanationOpacity);
  connect(m_analysis, &AnalysisController::explainProgress, m_explainPanel, &ExplanationPanel::setProgress);
  connect(m_analysis, &AnalysisController::explainFinished, this,
          [this](const ExplanationResultPtr &result, const QString &error) {
            m_explainPanel->setBusy(false);
            if (!result) {
              m_explainPanel->setStatus(error == explainCancelledError() ? tr("Cancelled.")
                                                                         : tr("Failed: %1").arg(error));
              return;
            }
            m_explainPanel->setStatus(
                tr("%1 for “%2” (p = %3 % against the labels compared).")
                    .arg(ExplanationPanel::methodName(result->grid.method), result->grid.label)
                    .arg(result->grid.targetProbability * 100.0, 0, 'f', 1));
            m_photo->setExplanationOpacity(m_explainPanel->opacity());
            m_photo->setExplanation(result); // drawn while that photo is shown
          });
}

void MainWindow::showExplanationOf(int row) {
  m_explainPanel->setSettings(m_settings.analysis);
  const ImageRow *r = row >= 0 ? &m_model->row(row) : nullptr;
  m_explainPanel->setResult(r && r->result ? r->result : std::nullopt,
                            r != nullptr && m_analysis->isEngineReady());
  if (m_photo->explanation() && (!r || m_photo->explanation()->path != r->path))
    m_photo->setExplanation(nullptr);
}

void MainWindow::showExplanation() {
  for (int i = 0; i < m_rightTabs->count(); ++i) // the tab holding the panel (in its scroll area)
    if (m_rightTabs->widget(i)->isAncestorOf(m_explainPanel)) {
      m_rightTabs->setCurrentIndex(i);
      return;
    }
}

} // namespace streetlens::ui
