// MainWindow: scene tasks and few-shot classifiers (issue 19) — the list's task columns and its
// "photos where <task> <label> > N %" filter row, the map's "Colour photos by", the analyst's
// class tags (kept in the project by the analysis worker, the project's only writer) and training
// a classifier from them (on the worker, from the stored embeddings), shown in the
// ProbeTrainingDialog and saved as a user task. GUI thread.
#include "core/analysis/SceneTask.h"
#include "core/store/ProjectStore.h"
#include "ui/AnalysisController.h"
#include "ui/ImageListFilter.h"
#include "ui/ImageListModel.h"
#include "ui/MainWindow.h"
#include "ui/ProbeTrainingDialog.h"
#include "ui/SelectionPresenter.h"
#include "ui/map/MapView.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>

namespace streetlens::ui {

namespace {
const QString kTagPrefix = QStringLiteral("probe-tag/");
} // namespace

QWidget *MainWindow::buildTaskFilterBar(QWidget *parent) {
  m_taskFilterBar = new QWidget(parent);
  m_taskFilterBar->setObjectName(QStringLiteral("taskFilterBar"));
  auto *bar = new QHBoxLayout(m_taskFilterBar);
  bar->setContentsMargins(2, 0, 2, 0);
  bar->addWidget(new QLabel(tr("Where"), m_taskFilterBar));
  m_taskFilterTask = new QComboBox(m_taskFilterBar);
  m_taskFilterTask->setObjectName(QStringLiteral("taskFilterTask"));
  m_taskFilterLabel = new QComboBox(m_taskFilterBar);
  m_taskFilterLabel->setObjectName(QStringLiteral("taskFilterLabel"));
  m_taskFilterLabel->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_taskFilterLabel->setMinimumContentsLength(12);
  m_taskFilterThreshold = new QSpinBox(m_taskFilterBar);
  m_taskFilterThreshold->setObjectName(QStringLiteral("taskFilterThreshold"));
  m_taskFilterThreshold->setRange(0, 99);
  m_taskFilterThreshold->setValue(50);
  m_taskFilterThreshold->setPrefix(QStringLiteral("> "));
  m_taskFilterThreshold->setSuffix(QStringLiteral(" %"));
  bar->addWidget(m_taskFilterTask);
  bar->addWidget(m_taskFilterLabel, 1);
  bar->addWidget(m_taskFilterThreshold);
  m_taskFilterBar->setToolTip(tr("Shows only the photos whose answer to a scene task has this label (or, "
                                 "with \"not …\", any other) above the threshold."));
  connect(m_taskFilterTask, &QComboBox::currentIndexChanged, this, [this] {
    // The labels of the task chosen; "not <first label>" reads as "any of the others".
    const int t = m_taskFilterTask->currentData().toInt();
    QSignalBlocker block(m_taskFilterLabel);
    m_taskFilterLabel->clear();
    if (t >= 0 && t < m_chosenTasks.size()) {
      const SceneTask &task = m_chosenTasks[t];
      if (!task.labels.isEmpty())
        m_taskFilterLabel->addItem(tr("not \"%1\"").arg(task.labels.front()),
                                   QVariantList{task.labels.front(), true});
      for (const QString &l : task.labels)
        m_taskFilterLabel->addItem(l, QVariantList{l, false});
      m_taskFilterLabel->setCurrentIndex(task.labels.size() > 1 ? 0 : -1);
    }
    m_taskFilterLabel->setEnabled(t >= 0);
    m_taskFilterThreshold->setEnabled(t >= 0);
    updateTaskFilter();
  });
  connect(m_taskFilterLabel, &QComboBox::currentIndexChanged, this, &MainWindow::updateTaskFilter);
  connect(m_taskFilterThreshold, &QSpinBox::valueChanged, this, &MainWindow::updateTaskFilter);
  m_taskFilterBar->hide();
  return m_taskFilterBar;
}

void MainWindow::updateTaskFilter() {
  const int t = m_taskFilterTask->currentData().toInt();
  const QVariantList label = m_taskFilterLabel->currentData().toList();
  if (t < 0 || t >= m_chosenTasks.size() || label.size() != 2) {
    m_filter->setTaskThreshold(std::nullopt);
    return;
  }
  ImageListFilter::TaskThreshold th;
  th.task = m_chosenTasks[t].name;
  th.label = label[0].toString();
  th.negate = label[1].toBool();
  th.threshold = m_taskFilterThreshold->value() / 100.0;
  m_filter->setTaskThreshold(th);
  // The task's column sorts by the label filtered on.
  m_model->setTaskSortLabel(t, th.label);
}

void MainWindow::applyTaskChoice(const AnalysisSettings &effective) {
  m_chosenTasks = effective.tasks;
  m_chosenClues = effective.clues;
  QVector<ImageListModel::TaskColumn> columns;
  QVector<MarkerColoring> colorings;
  for (const SceneTask &t : m_chosenTasks) {
    columns.push_back({t.name, t.question, t.labels, {}});
    colorings.push_back({t.name, t.question.isEmpty() ? t.name : t.question, t.labels, {}});
  }
  m_model->setTaskColumns(columns);
  for (int i = 0; i < columns.size(); ++i) {
    const int col = m_model->taskColumn(i);
    m_list->horizontalHeader()->setSectionResizeMode(col, QHeaderView::Interactive);
    m_list->setColumnWidth(col, 140);
  }
  const QString before = m_taskFilterTask->currentIndex() > 0 ? m_taskFilterTask->currentText() : QString();
  {
    QSignalBlocker block(m_taskFilterTask);
    m_taskFilterTask->clear();
    m_taskFilterTask->addItem(tr("any scene task"), -1);
    for (int i = 0; i < m_chosenTasks.size(); ++i)
      m_taskFilterTask->addItem(m_chosenTasks[i].name, i);
    const int keep = m_taskFilterTask->findText(before);
    m_taskFilterTask->setCurrentIndex(keep > 0 ? keep : 0);
  }
  Q_EMIT m_taskFilterTask->currentIndexChanged(m_taskFilterTask->currentIndex());
  m_taskFilterBar->setVisible(!m_chosenTasks.isEmpty());
  if (m_map)
    m_map->setColoringChoices(colorings);
}

void MainWindow::showTaskHeaderMenu(const QPoint &pos) {
  QHeaderView *header = m_list->horizontalHeader();
  const int t = m_model->taskIndexOfColumn(header->logicalIndexAt(pos));
  if (t < 0)
    return;
  const ImageListModel::TaskColumn &c = m_model->taskColumns()[t];
  auto *menu = new QMenu(this);
  menu->setAttribute(Qt::WA_DeleteOnClose);
  menu->addSection(tr("Sort %1 by the probability of").arg(c.name));
  for (const QString &label : c.labels) {
    QAction *a = menu->addAction(label);
    a->setCheckable(true);
    a->setChecked(label == c.sortLabel);
    connect(a, &QAction::triggered, this, [this, t, label] {
      m_model->setTaskSortLabel(t, label);
      m_list->sortByColumn(m_model->taskColumn(t), Qt::DescendingOrder);
    });
  }
  menu->popup(header->mapToGlobal(pos));
}

void MainWindow::buildTaskActions(QMenu *analysis) {
  analysis->addSeparator();
  m_tagAction = analysis->addAction(tr("&Tag selected photos as…"), this, &MainWindow::askTagSelected);
  m_tagAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
  m_untagAction = analysis->addAction(tr("Clear class ta&g of selected"), this, [this] { tagSelected({}); });
  m_trainAction = analysis->addAction(tr("Train &classifier from tags…"), this, &MainWindow::trainClassifier);
  QHeaderView *header = m_list->horizontalHeader();
  header->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(header, &QHeaderView::customContextMenuRequested, this, &MainWindow::showTaskHeaderMenu);
  connect(m_analysis, &AnalysisController::probeTrained, this, &MainWindow::onProbeTrained);
}

void MainWindow::askTagSelected() {
  if (m_selection->selectedRows().empty()) {
    statusBar()->showMessage(tr("Select the photos to tag first."), 5000);
    return;
  }
  auto *dlg = new QInputDialog(this);
  dlg->setAttribute(Qt::WA_DeleteOnClose);
  dlg->setWindowTitle(tr("Tag as"));
  dlg->setLabelText(tr("Your class for the %n selected photo(s) (e.g. damaged, intact):", nullptr,
                       int(m_selection->selectedRows().size())));
  dlg->setComboBoxEditable(true);
  dlg->setComboBoxItems(m_model->classTags());
  dlg->setTextValue(QString());
  connect(dlg, &QInputDialog::textValueSelected, this, [this](const QString &tag) {
    if (!tag.trimmed().isEmpty())
      tagSelected(tag.trimmed());
  });
  dlg->open();
}

void MainWindow::tagSelected(const QString &tag) {
  int n = 0;
  for (int r : m_selection->selectedRows()) {
    const ImageRow &row = m_model->row(r);
    if (row.sha256.isEmpty() || row.sha256.startsWith(QLatin1String("path:")) || row.classTag == tag)
      continue;
    const QString sha = row.sha256;
    m_model->setClassTag(sha, tag);
    m_analysis->setClassTag(sha, tag);
    ++n;
  }
  statusBar()->showMessage(tag.isEmpty() ? tr("Class tag cleared from %n photo(s).", nullptr, n)
                                         : tr("%n photo(s) tagged as \"%1\".", nullptr, n).arg(tag),
                           5000);
}

void MainWindow::restoreClassTags() {
  if (!m_project->store())
    return;
  const QHash<QString, QString> tags = m_project->store()->metaWithPrefix(kTagPrefix);
  for (auto it = tags.cbegin(); it != tags.cend(); ++it)
    m_model->setClassTag(it.key().mid(kTagPrefix.size()), it.value());
}

void MainWindow::trainClassifier() {
  ProbeRequest request;
  QStringList classes;
  for (const ImageRow &r : m_model->rows()) {
    if (r.classTag.isEmpty() || r.sha256.isEmpty())
      continue;
    request.tags.append({r.sha256, r.classTag});
    if (!classes.contains(r.classTag))
      classes << r.classTag;
  }
  if (classes.size() < 2) {
    showError(tr("Train classifier"),
              tr("Tag photos with at least two classes first, a few photos each: select photos, then "
                 "Analysis > Tag selected photos as…"));
    return;
  }
  request.name = sceneTaskNameFrom(classes.join(QStringLiteral(" or ")));
  request.question = tr("Which of my classes: %1?").arg(classes.join(QStringLiteral(", ")));
  m_trainAction->setEnabled(false);
  statusBar()->showMessage(
      tr("Training a classifier on %n tagged photo(s)…", nullptr, int(request.tags.size())));
  m_analysis->trainProbe(request);
}

ProbeTrainingDialog *MainWindow::probeDialog() const {
  return qobject_cast<ProbeTrainingDialog *>(m_probeDialog.data());
}

void MainWindow::onProbeTrained(const ProbeOutcome &outcome) {
  m_trainAction->setEnabled(true);
  statusBar()->clearMessage();
  if (!outcome.task) {
    QString text = outcome.error;
    if (outcome.missing > 0)
      text += QStringLiteral("\n") +
              tr("%n tagged photo(s) have no stored embedding of this model: analyse them first.", nullptr,
                 outcome.missing);
    showError(tr("Train classifier"), text);
    return;
  }
  if (m_probeDialog)
    m_probeDialog->close();
  auto *dlg = new ProbeTrainingDialog(*outcome.task, outcome.missing, this);
  m_probeDialog = dlg;
  dlg->setAttribute(Qt::WA_DeleteOnClose);
  connect(dlg, &ProbeTrainingDialog::saved, this, [this](const SceneTask &task) {
    // A saved classifier is answered like any chosen task (columns, filter, map).
    AppSettings s = m_settings;
    if (!s.sceneTasks.contains(task.name))
      s.sceneTasks << task.name;
    applySettings(s);
  });
  dlg->open();
}

} // namespace streetlens::ui
