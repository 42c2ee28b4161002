// MainWindow: the list's search and "Show" choice (ImageListFilter), and the analyst's assessment
// of the photo shown (AnnotationPanel) — kept in the list, written to the project by the analysis
// worker (the project's only writer), drawn on the map and written by every export.
#include "ui/AnalysisController.h"
#include "ui/AnnotationPanel.h"
#include "ui/ImageListFilter.h"
#include "ui/ImageListModel.h"
#include "ui/MainWindow.h"
#include "ui/ResultsPanel.h"
#include "ui/SelectionPresenter.h"
#include "ui/map/MapView.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace streetlens::ui {

QWidget *MainWindow::buildListPane() {
  auto *pane = new QWidget(this);
  auto *layout = new QVBoxLayout(pane);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  auto *bar = new QHBoxLayout;
  bar->setContentsMargins(2, 2, 2, 0);
  m_search = new QLineEdit(pane);
  m_search->setPlaceholderText(tr("Search name, folder, country, estimate, note…"));
  m_search->setClearButtonEnabled(true);
  m_search->setObjectName(QStringLiteral("listSearch"));
  m_show = new QComboBox(pane);
  m_show->setObjectName(QStringLiteral("listShow"));
  for (const auto &[show, name] : ImageListFilter::showChoices())
    m_show->addItem(name, int(show));
  m_collapseScenes = new QToolButton(pane);
  m_collapseScenes->setObjectName(QStringLiteral("collapseScenes"));
  m_collapseScenes->setText(tr("Distinct scenes"));
  m_collapseScenes->setCheckable(true);
  // The pressed look of a checked tool button is faint in the Fusion style: while the list is
  // collapsed the button is drawn in the selection colours.
  m_collapseScenes->setStyleSheet(QStringLiteral("QToolButton:checked { background: palette(highlight); "
                                                 "color: palette(highlighted-text); border-radius: 3px; "
                                                 "padding: 2px 6px; }"));
  m_collapseScenes->setToolTip(tr("Collapse to distinct scenes: one photo per near-duplicate group (the "
                                  "photos are grouped when this is switched on)"));
  bar->addWidget(m_search, 1);
  bar->addWidget(m_show);
  bar->addWidget(m_collapseScenes);
  layout->addLayout(bar);
  layout->addWidget(buildTaskFilterBar(pane)); // MainWindowTasks.cpp; shown while tasks are chosen
  layout->addWidget(m_list, 1);
  connect(m_search, &QLineEdit::textChanged, m_filter, &ImageListFilter::setSearchText);
  connect(m_show, &QComboBox::currentIndexChanged, this,
          [this] { m_filter->setShow(ImageListFilter::Show(m_show->currentData().toInt())); });
  connect(m_collapseScenes, &QToolButton::toggled, this, &MainWindow::collapseToScenes);
  return pane;
}

void MainWindow::buildAnnotation() {
  m_annotation = new AnnotationPanel(this);
  m_results->setAssessmentWidget(m_annotation);
  connect(m_selection, &SelectionPresenter::focusChanged, this, &MainWindow::showAnnotationOf);
  // A finished result changes the distance to the pin.
  connect(m_model, &QAbstractItemModel::dataChanged, this,
          [this](const QModelIndex &tl, const QModelIndex &br) {
            const int focus = m_selection->focusRow();
            if (focus >= tl.row() && focus <= br.row())
              showAnnotationOf(focus);
          });
  connect(m_annotation, &AnnotationPanel::edited, this, &MainWindow::onAnnotationEdited);
  connect(m_annotation, &AnnotationPanel::pinRequested, this, [this] {
    if (!m_map)
      return;
    m_map->startPointPick(tr("Click where %1 was really taken")
                              .arg(QFileInfo(m_model->row(m_selection->focusRow()).path).fileName()));
  });
}

void MainWindow::showAnnotationOf(int row) {
  if (row < 0 || row >= m_model->rowCount() || m_model->row(row).sha256.isEmpty() ||
      m_model->row(row).sha256.startsWith(QLatin1String("path:"))) {
    m_annotation->showAnnotation({}, {}, {}, std::nullopt);
    return;
  }
  const ImageRow &r = m_model->row(row);
  const std::optional<geo::GeoPoint> estimate =
      r.state == RowState::Done && r.result ? r.result->estimate : std::nullopt;
  if (r.sha256 == m_annotation->sha256() && r.annotation == m_annotation->annotation())
    return; // the panel shows it already (do not reset a note being typed)
  m_annotation->showAnnotation(r.sha256, QFileInfo(r.path).fileName(), r.annotation, estimate);
}

void MainWindow::onAnnotationEdited(const QString &sha256, const Annotation &annotation) {
  if (!m_model->setAnnotation(sha256, annotation))
    return; // removed meanwhile
  m_analysis->setAnnotation(sha256, annotation);
  if (m_map)
    m_map->setAnnotations(m_model->annotations());
}

} // namespace streetlens::ui
