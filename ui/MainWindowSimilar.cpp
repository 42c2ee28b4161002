// MainWindow: the "Similar" tab (issue 21) — the photos most like the one shown, in the open
// project and the case folder (SimilarPhotosPanel), following the selection, or most like a photo
// dropped on its search box (embedded by the analysis worker's pipeline); its near-duplicate groups
// feed the list's Group column and "Collapse to distinct scenes".
#include "ui/AnalysisController.h"
#include "ui/EvidencePanel.h"
#include "ui/ImageListFilter.h"
#include "ui/ImageListModel.h"
#include "ui/MainWindow.h"
#include "ui/ProjectSession.h"
#include "ui/SelectionPresenter.h"
#include "ui/SimilarPhotosPanel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>

namespace streetlens::ui {

void MainWindow::buildSimilar() {
  m_similar = new SimilarPhotosPanel(this);
  m_rightTabs->addTab(m_similar, tr("Similar"));
  connect(m_selection, &SelectionPresenter::focusChanged, this, &MainWindow::updateSimilarQuery);
  // A photo analysed while shown gets its embedding: look again.
  connect(m_selection, &SelectionPresenter::selectedResultsChanged, this, &MainWindow::updateSimilarQuery);
  // Photos analysed later may be more similar than those listed.
  connect(m_analysis, &AnalysisController::imageFinished, m_similar, &SimilarPhotosPanel::photosAnalysed);
  // A near-duplicate group chosen: its photos selected in the list; "Make a site": grouped as the
  // Evidence tab groups the selected photos.
  auto selectShas = [this](const QStringList &shas) {
    QItemSelection selection;
    for (int row = 0; row < m_model->rowCount(); ++row)
      if (shas.contains(m_model->row(row).sha256)) {
        const QModelIndex index = m_selection->viewIndex(row);
        if (index.isValid())
          selection.select(index, index);
      }
    m_list->selectionModel()->select(selection,
                                     QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  };
  connect(m_similar, &SimilarPhotosPanel::groupChosen, this, selectShas);
  // A photo from outside: embedded by the one pipeline on the worker, then searched with.
  connect(m_similar, &SimilarPhotosPanel::photoSearchRequested, m_analysis, &AnalysisController::embedPhoto);
  connect(
      m_analysis, &AnalysisController::photoEmbedded, this,
      [this](const QString &path, const QList<float> &embedding, const QString &model, const QString &error) {
        m_similar->searchWithEmbedding(m_project->store() ? m_project->path() : QString(), path, embedding,
                                       model, error);
      });
  connect(m_similar, &SimilarPhotosPanel::photoSearchFailed, this,
          [this](const QString &message) { statusBar()->showMessage(message, 15000); });
  // The Group column only once there are groups (it takes room from the file names), and no wider
  // than its header or "88 (88)" (scene 88 of 88 photos).
  m_list->setColumnHidden(ImageListModel::GroupColumn, true);
  m_list->horizontalHeader()->setSectionResizeMode(ImageListModel::GroupColumn, QHeaderView::Fixed);
  m_list->setColumnWidth(
      ImageListModel::GroupColumn,
      std::max(
          m_list->fontMetrics().horizontalAdvance(
              m_model->headerData(ImageListModel::GroupColumn, Qt::Horizontal, Qt::DisplayRole).toString()),
          m_list->fontMetrics().horizontalAdvance(QStringLiteral("88 (88)"))) +
          12);
  connect(m_similar, &SimilarPhotosPanel::duplicatesFound, this, [this] {
    m_model->setDuplicateGroups(m_similar->groups());
    m_list->setColumnHidden(ImageListModel::GroupColumn, !m_model->hasDuplicateGroups());
  });
  connect(m_model, &QAbstractItemModel::modelReset, this,
          [this] { m_list->setColumnHidden(ImageListModel::GroupColumn, !m_model->hasDuplicateGroups()); });
  connect(m_similar, &SimilarPhotosPanel::siteRequested, this,
          [this, selectShas](const QStringList &shas, const QString &name) {
            selectShas(shas);
            Q_EMIT m_evidencePanel->groupRequested(name);
            showEvidence();
          });
}

void MainWindow::collapseToScenes(bool on) {
  m_filter->setCollapseGroups(on);
  if (!on || m_model->hasDuplicateGroups() || m_similar->isGrouping())
    return;
  const store::ProjectStore *store = m_project->store();
  const auto model = store ? store->modelRecord() : std::nullopt;
  if (!model) {
    statusBar()->showMessage(tr("No photo analysed yet: nothing to group."), 8000);
    return;
  }
  statusBar()->showMessage(tr("Grouping near-duplicates…"), 8000);
  m_similar->findDuplicatesIn(m_project->path(), model->sha256);
}

void MainWindow::updateSimilarQuery() {
  const int row = m_selection->focusRow();
  const store::ProjectStore *store = m_project->store();
  if (row < 0 || !store) {
    m_similar->setQuery(QString(), QString(), QString());
    return;
  }
  const ImageRow &r = m_model->row(row);
  const auto model = store->modelRecord();
  // Without a result the photo has no kept embedding yet: the panel says so until it has one.
  m_similar->setQuery(m_project->path(), r.sha256, r.result && model ? model->sha256 : QString());
}

} // namespace streetlens::ui
