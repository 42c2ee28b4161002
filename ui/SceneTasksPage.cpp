#include "ui/SceneTasksPage.h"

#include "core/analysis/SceneTaskLibrary.h"
#include "ui/TaskEditorDialog.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace streetlens::ui {

namespace {
constexpr int kNameRole = Qt::UserRole + 1;

QString describe(const SceneTask &t) {
  QStringList lines{t.question.isEmpty() ? t.name : t.question, t.labels.join(QStringLiteral(" · "))};
  if (t.isProbe())
    lines << QObject::tr("Trained classifier: %1 photos, cross-validated accuracy %2 %")
                 .arg(t.probe->samples)
                 .arg(QLocale().toString(t.probe->cvAccuracy * 100.0, 'f', 0));
  if (!t.source.startsWith(QLatin1Char(':')))
    lines << QDir::toNativeSeparators(t.source);
  return lines.join(QLatin1Char('\n'));
}
} // namespace

SceneTasksPage::SceneTasksPage(const QStringList &checked, bool clues, QWidget *parent, QString userDir)
    : QWidget(parent), m_userDir(std::move(userDir)) {
  auto *layout = new QVBoxLayout(this);
  auto *intro = new QLabel(tr("Questions answered for every photo from the image embedding the geolocation "
                              "already computed (no second pass). Checked tasks get a list column, a "
                              "filter, a map colouring and a section in the results."),
                           this);
  intro->setWordWrap(true);
  layout->addWidget(intro);
  m_list = new QListWidget(this);
  m_list->setObjectName(QStringLiteral("sceneTaskList"));
  layout->addWidget(m_list, 1);
  auto *buttons = new QHBoxLayout;
  auto *add = new QPushButton(tr("New…"), this);
  m_edit = new QPushButton(tr("Edit…"), this);
  auto *import = new QPushButton(tr("Import…"), this);
  m_export = new QPushButton(tr("Export…"), this);
  m_delete = new QPushButton(tr("Delete"), this);
  for (QPushButton *b : {add, m_edit, import, m_export, m_delete})
    buttons->addWidget(b);
  buttons->addStretch(1);
  layout->addLayout(buttons);
  m_message = new QLabel(this);
  m_message->setWordWrap(true);
  layout->addWidget(m_message);
  m_clues = new QCheckBox(tr("Clue readings (driving side, script on signs, road lines, climate, …)"), this);
  m_clues->setChecked(clues);
  layout->addWidget(m_clues);

  connect(add, &QPushButton::clicked, this, [this] { editTask(false); });
  connect(m_edit, &QPushButton::clicked, this, [this] { editTask(true); });
  connect(import, &QPushButton::clicked, this, [this] {
    auto *dlg = new QFileDialog(window(), tr("Import scene task"), QString(), tr("Task files (*.json)"));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setFileMode(QFileDialog::ExistingFile);
    connect(dlg, &QFileDialog::fileSelected, this, [this](const QString &path) {
      QString err;
      if (!importFile(path, &err))
        m_message->setText(err);
    });
    dlg->open();
  });
  connect(m_export, &QPushButton::clicked, this, &SceneTasksPage::exportCurrent);
  connect(m_delete, &QPushButton::clicked, this, &SceneTasksPage::deleteCurrent);
  connect(m_list, &QListWidget::currentRowChanged, this, &SceneTasksPage::updateButtons);
  m_initialChecked = checked;
  reload();
}

QStringList SceneTasksPage::checkedTasks() const {
  QStringList out;
  for (int i = 0; i < m_list->count(); ++i)
    if (m_list->item(i)->checkState() == Qt::Checked)
      out << m_list->item(i)->data(kNameRole).toString();
  return out;
}

bool SceneTasksPage::clueReadings() const {
  return m_clues->isChecked();
}

void SceneTasksPage::reload(const QString &alsoCheck) {
  QStringList checked = m_loaded ? checkedTasks() : m_initialChecked;
  m_loaded = true;
  if (!alsoCheck.isEmpty() && !checked.contains(alsoCheck))
    checked << alsoCheck;
  const QString current =
      m_list->currentItem() ? m_list->currentItem()->data(kNameRole).toString() : QString();
  QStringList problems;
  m_tasks = SceneTaskLibrary::load(SceneTaskLibrary::Kind::Task, &problems, m_userDir);
  m_list->clear();
  for (const SceneTask &t : m_tasks) {
    const bool user = !t.source.startsWith(QLatin1Char(':'));
    QString text = t.question.isEmpty() ? t.name : QStringLiteral("%1 — %2").arg(t.name, t.question);
    if (t.isProbe())
      text += QStringLiteral("  ") + tr("[classifier]");
    else if (user)
      text += QStringLiteral("  ") + tr("[yours]");
    auto *item = new QListWidgetItem(text, m_list);
    item->setData(kNameRole, t.name);
    item->setToolTip(describe(t));
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(checked.contains(t.name) ? Qt::Checked : Qt::Unchecked);
    if (t.name == current)
      m_list->setCurrentItem(item);
  }
  m_message->setText(problems.join(QLatin1Char('\n')));
  updateButtons();
}

std::optional<SceneTask> SceneTasksPage::currentTask() const {
  const int r = m_list->currentRow();
  if (r < 0 || r >= m_tasks.size())
    return std::nullopt;
  return m_tasks[r];
}

void SceneTasksPage::updateButtons() {
  const auto t = currentTask();
  m_edit->setEnabled(t && !t->isProbe());
  m_export->setEnabled(bool(t));
  m_delete->setEnabled(t && !t->source.startsWith(QLatin1Char(':')));
}

bool SceneTasksPage::importFile(const QString &path, QString *error) {
  auto t = readSceneTask(path, error);
  QString saved;
  if (!t || !SceneTaskLibrary::saveUserTask(*t, SceneTaskLibrary::Kind::Task, &saved, error, m_userDir))
    return false;
  reload(t->name);
  m_message->setText(tr("Imported %1 as your task \"%2\".").arg(QDir::toNativeSeparators(path), t->name));
  return true;
}

void SceneTasksPage::editTask(bool existing) {
  auto *dlg = new TaskEditorDialog(existing ? currentTask() : std::nullopt, this, m_userDir);
  dlg->setAttribute(Qt::WA_DeleteOnClose);
  connect(dlg, &TaskEditorDialog::saved, this, [this](const SceneTask &t, const QString &path) {
    reload(t.name);
    m_message->setText(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
  });
  dlg->open();
}

void SceneTasksPage::exportCurrent() {
  const auto t = currentTask();
  if (!t)
    return;
  auto *dlg = new QFileDialog(window(), tr("Export scene task"), t->name + QStringLiteral(".json"),
                              tr("Task files (*.json)"));
  dlg->setAttribute(Qt::WA_DeleteOnClose);
  dlg->setAcceptMode(QFileDialog::AcceptSave);
  dlg->setDefaultSuffix(QStringLiteral("json"));
  const SceneTask task = *t;
  connect(dlg, &QFileDialog::fileSelected, this, [this, task](const QString &path) {
    QString err;
    m_message->setText(
        writeSceneTask(task, path, &err) ? tr("Exported to %1.").arg(QDir::toNativeSeparators(path)) : err);
  });
  dlg->open();
}

void SceneTasksPage::deleteCurrent() {
  const auto t = currentTask();
  if (!t || t->source.startsWith(QLatin1Char(':')))
    return;
  auto *box =
      new QMessageBox(QMessageBox::Question, tr("Delete scene task"),
                      tr("Delete your task \"%1\"? Results already computed keep its answers.").arg(t->name),
                      QMessageBox::Yes | QMessageBox::Cancel, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  const QString name = t->name;
  connect(box, &QMessageBox::buttonClicked, this, [this, box, name](QAbstractButton *b) {
    if (box->standardButton(b) != QMessageBox::Yes)
      return;
    QString err;
    if (!SceneTaskLibrary::removeUserTask(name, SceneTaskLibrary::Kind::Task, &err, m_userDir))
      m_message->setText(err);
    reload();
  });
  box->open();
}

} // namespace streetlens::ui
