#include "ui/ProbeTrainingDialog.h"

#include "core/analysis/SceneTaskLibrary.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace streetlens::ui {

namespace {
QString percent(double v) {
  return QStringLiteral("%1 %").arg(QLocale().toString(v * 100.0, 'f', 0));
}
} // namespace

ProbeTrainingDialog::ProbeTrainingDialog(const SceneTask &task, int missing, QWidget *parent, QString userDir)
    : QDialog(parent), m_task(task), m_userDir(std::move(userDir)) {
  setWindowTitle(tr("Trained classifier"));
  const ProbeWeights &p = *m_task.probe;
  auto *layout = new QVBoxLayout(this);
  m_accuracy = new QLabel(this);
  m_accuracy->setObjectName(QStringLiteral("probeAccuracy"));
  m_accuracy->setWordWrap(true);
  m_accuracy->setTextFormat(Qt::RichText);
  m_accuracy->setText(
      tr("<p><b>Cross-validated accuracy: %1</b> (chance: %2)</p>"
         "<p>%3 photos in %4 classes, %5-fold cross-validation: each photo was classified by a "
         "classifier trained without it. Accuracy near the chance level means the classes are not "
         "told apart from these photos; tag more, or more distinct, photos.</p>")
          .arg(percent(p.cvAccuracy), percent(p.chance))
          .arg(p.samples)
          .arg(m_task.labels.size())
          .arg(p.folds));
  layout->addWidget(m_accuracy);
  if (missing > 0) {
    auto *note = new QLabel(
        tr("%n tagged photo(s) left out: not analysed with this model yet.", nullptr, missing), this);
    note->setWordWrap(true);
    layout->addWidget(note);
  }
  auto *caption =
      new QLabel(tr("Confusion matrix (rows: your class; columns: the classifier's answer):"), this);
  caption->setWordWrap(true);
  layout->addWidget(caption);
  const int n = int(m_task.labels.size());
  m_confusion = new QTableWidget(n, n, this);
  m_confusion->setObjectName(QStringLiteral("probeConfusion"));
  m_confusion->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_confusion->setHorizontalHeaderLabels(m_task.labels);
  m_confusion->setVerticalHeaderLabels(m_task.labels);
  int maxCount = 1;
  for (const auto &row : p.confusion)
    for (int c : row)
      maxCount = std::max(maxCount, c);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      const int count = size_t(i) < p.confusion.size() && size_t(j) < p.confusion[size_t(i)].size()
                            ? p.confusion[size_t(i)][size_t(j)]
                            : 0;
      auto *item = new QTableWidgetItem(QString::number(count));
      item->setTextAlignment(Qt::AlignCenter);
      // Right answers green, wrong ones red, stronger with more photos.
      QColor c = i == j ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28);
      c.setAlphaF(count == 0 ? 0.0f : float(0.15 + 0.55 * count / maxCount));
      item->setBackground(c);
      m_confusion->setItem(i, j, item);
    }
  m_confusion->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  m_confusion->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
  m_confusion->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
  layout->addWidget(m_confusion);

  auto *form = new QFormLayout;
  m_name = new QLineEdit(m_task.name, this);
  form->addRow(tr("Task name:"), m_name);
  m_question = new QLineEdit(m_task.question, this);
  m_question->setPlaceholderText(tr("e.g. Is the building damaged?"));
  form->addRow(tr("Question:"), m_question);
  layout->addLayout(form);
  m_message = new QLabel(this);
  m_message->setWordWrap(true);
  layout->addWidget(m_message);
  auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  m_save = buttons->addButton(tr("Save as task"), QDialogButtonBox::AcceptRole);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(m_save, &QPushButton::clicked, this, [this] {
    QString err;
    if (saveAsTask(&err))
      accept();
    else
      m_message->setText(err);
  });
  layout->addWidget(buttons);
  resize(560, sizeHint().height());
}

QString ProbeTrainingDialog::accuracyText() const {
  return m_accuracy->text();
}

std::vector<std::vector<int>> ProbeTrainingDialog::shownConfusion() const {
  std::vector<std::vector<int>> out(size_t(m_confusion->rowCount()));
  for (int i = 0; i < m_confusion->rowCount(); ++i)
    for (int j = 0; j < m_confusion->columnCount(); ++j)
      out[size_t(i)].push_back(m_confusion->item(i, j)->text().toInt());
  return out;
}

bool ProbeTrainingDialog::saveAsTask(QString *error) {
  SceneTask t = m_task;
  t.name = sceneTaskNameFrom(m_name->text());
  t.question = m_question->text().trimmed();
  // The file format's own check (a valid name, classes matching the weights).
  if (!sceneTaskFromJson(sceneTaskToJson(t), tr("This classifier"), error))
    return false;
  QString path;
  if (!SceneTaskLibrary::saveUserTask(t, SceneTaskLibrary::Kind::Task, &path, error, m_userDir))
    return false;
  m_task = t;
  m_message->setText(tr("Saved as %1.").arg(QDir::toNativeSeparators(path)));
  Q_EMIT saved(t, path);
  return true;
}

} // namespace streetlens::ui
