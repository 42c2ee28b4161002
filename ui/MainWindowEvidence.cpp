// MainWindow: the evidence tab — the analyst's constraint and sites (EvidencePanel) and the sun
// band from a shadow (SunShadowPanel), applied to what the window shows by EvidenceController.
#include "ui/AnalysisController.h"
#include "ui/EvidenceController.h"
#include "ui/EvidencePanel.h"
#include "ui/MainWindow.h"
#include "ui/PhotoView.h"
#include "ui/ProjectSession.h"
#include "ui/SunShadowPanel.h"

#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

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
  // The sun & shadow tool under the evidence panel: its band joins the constraint; the photo shown
  // gives it the EXIF moment and the image to measure on.
  m_sunShadow = new SunShadowPanel(this);
  connect(m_sunShadow, &SunShadowPanel::bandsChanged, m_evidencePanel, &EvidencePanel::setSunBands);
  connect(m_photo, &PhotoView::photoLoaded, m_sunShadow,
          [this](const QString &path) { m_sunShadow->setPhoto(path, m_photo->image()); });
  auto *evidenceColumn = new QWidget(this);
  auto *column = new QVBoxLayout(evidenceColumn);
  column->setContentsMargins(0, 0, 0, 0);
  column->addWidget(m_evidencePanel);
  column->addWidget(m_sunShadow);
  column->addStretch(1);
  // The project keeps the analyst's sites and constraint; the worker is its only writer.
  connect(m_evidence, &EvidenceController::sitesEdited, m_analysis, &AnalysisController::storeSites);
  connect(m_evidence, &EvidenceController::constraintEdited, m_analysis,
          &AnalysisController::storeConstraint);
  auto *scroll = new QScrollArea(this);
  scroll->setWidget(evidenceColumn);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  // The right column becomes two tabs: the results of the photo shown, and the evidence.
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
