#include "ui/TaskEditorDialog.h"

#include "core/analysis/SceneTaskLibrary.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace streetlens::ui {

namespace {
QStringList lines(const QPlainTextEdit *e) {
  QStringList out;
  for (const QString &l : e->toPlainText().split(QLatin1Char('\n')))
    if (!l.trimmed().isEmpty())
      out << l.trimmed();
  return out;
}
} // namespace

TaskEditorDialog::TaskEditorDialog(const std::optional<SceneTask> &task, QWidget *parent, QString userDir)
    : QDialog(parent), m_userDir(std::move(userDir)) {
  setWindowTitle(task ? tr("Edit scene task") : tr("New scene task"));
  auto *form = new QFormLayout;
  m_name = new QLineEdit(task ? task->name : QString(), this);
  m_name->setPlaceholderText(tr("e.g. flood-damage (lower-case words joined by -)"));
  form->addRow(tr("Name:"), m_name);
  m_question = new QLineEdit(task ? task->question : QString(), this);
  m_question->setPlaceholderText(tr("e.g. Is the street flooded?"));
  form->addRow(tr("Question:"), m_question);
  m_labels = new QPlainTextEdit(task ? task->labels.join(QLatin1Char('\n')) : QString(), this);
  m_labels->setPlaceholderText(tr("One answer per line, at least two:\na flooded street\na dry street"));
  m_labels->setTabChangesFocus(true);
  form->addRow(tr("Labels:"), m_labels);
  m_templates = new QPlainTextEdit(task ? task->templates.join(QLatin1Char('\n')) : QString(), this);
  m_templates->setPlaceholderText(
      tr("One prompt per line, each with {} where the label goes (averaged):\na street view photo of {}.\n"
         "none: the labels are the prompts"));
  m_templates->setTabChangesFocus(true);
  form->addRow(tr("Templates:"), m_templates);
  m_error = new QLabel(this);
  m_error->setWordWrap(true);
  m_error->setObjectName(QStringLiteral("taskEditorError"));
  m_error->setStyleSheet(QStringLiteral("QLabel { color: #b02020; }"));
  auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
  m_save = buttons->button(QDialogButtonBox::Save);
  connect(buttons, &QDialogButtonBox::accepted, this, &TaskEditorDialog::save);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto *layout = new QVBoxLayout(this);
  auto *note = new QLabel(tr("StreetCLIP compares the photo with each label's prompts; the answers' "
                             "probabilities add up to 100 %. Describe what is visible, as a caption would."),
                          this);
  note->setWordWrap(true);
  layout->addWidget(note);
  layout->addLayout(form);
  layout->addWidget(m_error);
  layout->addWidget(buttons);
  for (QLineEdit *e : {m_name, m_question})
    connect(e, &QLineEdit::textChanged, this, &TaskEditorDialog::validate);
  for (QPlainTextEdit *e : {m_labels, m_templates})
    connect(e, &QPlainTextEdit::textChanged, this, &TaskEditorDialog::validate);
  validate();
  resize(560, 460);
}

std::optional<SceneTask> TaskEditorDialog::task(QString *error) const {
  // The same rules as a task file: the typed fields go through the file format's parser.
  QJsonObject o;
  o.insert(QStringLiteral("name"), m_name->text().trimmed());
  o.insert(QStringLiteral("question"), m_question->text().trimmed());
  o.insert(QStringLiteral("labels"), QJsonArray::fromStringList(lines(m_labels)));
  const QStringList templates = lines(m_templates);
  if (!templates.isEmpty())
    o.insert(QStringLiteral("templates"), QJsonArray::fromStringList(templates));
  return sceneTaskFromJson(QJsonDocument(o).toJson(), tr("This task"), error);
}

QString TaskEditorDialog::errorText() const {
  return m_error->text();
}

void TaskEditorDialog::validate() {
  QString err;
  const bool ok = bool(task(&err));
  m_error->setText(ok ? QString() : err);
  m_save->setEnabled(ok);
}

void TaskEditorDialog::save() {
  QString err;
  const auto t = task(&err);
  if (!t ||
      !SceneTaskLibrary::saveUserTask(*t, SceneTaskLibrary::Kind::Task, &m_savedPath, &err, m_userDir)) {
    m_error->setText(err);
    return;
  }
  Q_EMIT saved(*t, m_savedPath);
  accept();
}

} // namespace streetlens::ui
