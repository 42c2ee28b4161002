// MainWindow: the evidence tab — the analyst's constraint and sites (EvidencePanel), applied to
// what the window shows by EvidenceController.
#include "ui/AnalysisController.h"
#include "ui/EvidenceController.h"
#include "ui/EvidencePanel.h"
#include "ui/MainWindow.h"
#include "ui/ProjectSession.h"

#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>

namespace streetlens::ui {

void MainWindow::buildEvidence() {
  m_evidencePanel = new EvidencePanel(m_analysis->gazetteer(), this);
  m_evidence = new EvidenceController(
      m_evidencePanel, m_model, m_selection, m_results, [this] { return m_analysis->gazetteer(); },
      [this] { return m_settings.analysis; }, this);
  connect(this, &MainWindow::gazetteerLoaded, m_evidencePanel, &EvidencePanel::setGazetteer);
  connect(this, &MainWindow::gazetteerLoaded, m_evidence, &EvidenceController::refreshSites);
  connect(m_evidence, &EvidenceController::message, this,
          [this](const QString &text) { statusBar()->showMessage(text, 8000); });
  // The project keeps the analyst's sites and constraint; the worker is its only writer.
  connect(m_evidence, &EvidenceController::sitesEdited, m_analysis, &AnalysisController::storeSites);
  connect(m_evidence, &EvidenceController::constraintEdited, m_analysis,
          &AnalysisController::storeConstraint);
  // The right column becomes two tabs: the results of the photo shown, and the evidence.
  auto *scroll = new QScrollArea(this);
  scroll->setWidget(m_evidencePanel);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  m_rightTabs = new QTabWidget(this);
  QWidget *results = m_mainSplitter->widget(2);
  m_mainSplitter->replaceWidget(2, m_rightTabs);
  m_rightTabs->addTab(results, tr("Results"));
  m_rightTabs->addTab(scroll, tr("Evidence"));
  m_rightTabs->setDocumentMode(true);
  m_rightTabs->setObjectName(QStringLiteral("rightTabs"));
}

void MainWindow::restoreEvidence() {
  const store::ProjectStore *store = m_project->store(); // the GUI's read connection
  m_evidence->restore(store ? store->sites() : std::vector<store::StoredSite>{},
                      store ? store->constraint() : std::nullopt);
}

void MainWindow::showEvidence() {
  m_rightTabs->setCurrentIndex(1);
}

} // namespace streetlens::ui
