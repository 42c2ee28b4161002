#include "ui/ExplanationPanel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>

namespace streetlens::ui {

namespace {
constexpr int kPerLevel = 5;                 // places offered per level
constexpr int kLevelRole = Qt::UserRole + 1; // PlaceLevel, or -1 for free text
constexpr int kIndexRole = Qt::UserRole + 2; // index in the result's list
} // namespace

QString ExplanationPanel::methodName(ExplainMethod m) {
  return m == ExplainMethod::Rollout ? tr("Attention rollout") : tr("Occlusion");
}

ExplanationPanel::ExplanationPanel(QWidget *parent) : QWidget(parent) {
  m_label = new QComboBox(this);
  m_label->setEditable(true);
  m_label->setInsertPolicy(QComboBox::NoInsert);
  m_label->lineEdit()->setPlaceholderText(tr("A place of the result, or any text"));
  m_label->setObjectName(QStringLiteral("explainLabel"));
  m_method = new QComboBox(this);
  m_method->addItem(methodName(ExplainMethod::Rollout), int(ExplainMethod::Rollout));
  m_method->addItem(methodName(ExplainMethod::Occlusion), int(ExplainMethod::Occlusion));
  m_method->setItemData(0,
                        tr("Gradient-weighted attention rollout over all layers (Chefer et al. 2021): "
                           "about three forward passes."),
                        Qt::ToolTipRole);
  m_method->setItemData(1,
                        tr("The drop of the label's probability when each patch shows the mean colour: "
                           "one forward pass per patch, slow on a CPU."),
                        Qt::ToolTipRole);
  m_method->setObjectName(QStringLiteral("explainMethod"));
  m_opacity = new QSlider(Qt::Horizontal, this);
  m_opacity->setRange(0, 100);
  m_opacity->setValue(60);
  m_opacity->setObjectName(QStringLiteral("explainOpacity"));
  m_run = new QPushButton(tr("Explain"), this);
  m_cancel = new QPushButton(tr("Cancel"), this);
  m_progress = new QProgressBar(this);
  m_progress->setTextVisible(false);
  m_progress->setMaximumHeight(10);
  m_status = new QLabel(this);
  m_status->setWordWrap(true);
  m_help = new QLabel(tr("The overlay shows which parts of the photo made the model prefer this label over "
                         "the others it is compared with. It shows where the model looked, not why the "
                         "place is right: check every clue yourself."),
                      this);
  m_help->setWordWrap(true);
  QPalette muted = m_help->palette(); // secondary text, still readable (palette(mid) was too faint)
  muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
  m_help->setPalette(muted);

  auto *form = new QFormLayout;
  form->addRow(tr("Label"), m_label);
  form->addRow(tr("Method"), m_method);
  form->addRow(tr("Opacity"), m_opacity);
  auto *buttons = new QHBoxLayout;
  buttons->addWidget(m_run);
  buttons->addWidget(m_cancel);
  buttons->addStretch(1);
  auto *layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addLayout(buttons);
  layout->addWidget(m_progress);
  layout->addWidget(m_status);
  layout->addWidget(m_help);
  layout->addStretch(1);

  connect(m_run, &QPushButton::clicked, this, [this] {
    if (const auto r = currentRequest())
      Q_EMIT explainRequested(*r);
  });
  connect(m_cancel, &QPushButton::clicked, this, &ExplanationPanel::cancelRequested);
  connect(m_opacity, &QSlider::valueChanged, this, [this](int v) { Q_EMIT opacityChanged(v / 100.0); });
  connect(m_label, &QComboBox::editTextChanged, this, &ExplanationPanel::updateEnabled);
  setBusy(false);
}

void ExplanationPanel::setResult(const std::optional<ImageResult> &result, bool canExplain) {
  m_result = result;
  m_canExplain = canExplain;
  m_label->clear();
  if (result) {
    const std::pair<PlaceLevel, QString> levels[] = {{PlaceLevel::Country, tr("country")},
                                                     {PlaceLevel::Region, tr("region")},
                                                     {PlaceLevel::City, tr("city")},
                                                     {PlaceLevel::Label, tr("label")}};
    for (const auto &[level, word] : levels) {
      const auto &places = placesOf(*result, level);
      for (int i = 0; i < int(places.size()) && i < kPerLevel; ++i) {
        m_label->addItem(QStringLiteral("%1 (%2, %3 %)")
                             .arg(places[size_t(i)].name, word)
                             .arg(places[size_t(i)].probability * 100.0, 0, 'f', 1));
        m_label->setItemData(m_label->count() - 1, int(level), kLevelRole);
        m_label->setItemData(m_label->count() - 1, i, kIndexRole);
      }
    }
  }
  m_label->setCurrentIndex(m_label->count() > 0 ? 0 : -1);
  updateEnabled();
}

std::optional<ExplainRequest> ExplanationPanel::currentRequest() const {
  const auto method = ExplainMethod(m_method->currentData().toInt());
  const QString text = m_label->currentText().trimmed();
  if (text.isEmpty())
    return std::nullopt;
  const int i = m_label->currentIndex();
  // A chosen place: only while the text is still that item's (typing makes it free text).
  if (m_result && i >= 0 && m_label->itemText(i) == m_label->currentText() &&
      m_label->itemData(i, kLevelRole).isValid())
    return placeExplainRequest(*m_result, m_settings, PlaceLevel(m_label->itemData(i, kLevelRole).toInt()),
                               m_label->itemData(i, kIndexRole).toInt(), method);
  return explainRequestFor(method, {text}, QString()); // free text, against ""
}

void ExplanationPanel::setBusy(bool busy) {
  m_busy = busy;
  m_progress->setRange(0, busy ? 0 : 1); // busy: indeterminate until the first progress
  m_progress->setValue(0);
  updateEnabled();
}

void ExplanationPanel::setProgress(int done, int total) {
  m_progress->setRange(0, std::max(1, total));
  m_progress->setValue(done);
}

void ExplanationPanel::setStatus(const QString &text) {
  m_status->setText(text);
}

double ExplanationPanel::opacity() const {
  return m_opacity->value() / 100.0;
}

void ExplanationPanel::updateEnabled() {
  m_run->setEnabled(m_canExplain && !m_busy && !m_label->currentText().trimmed().isEmpty());
  m_cancel->setEnabled(m_busy);
}

} // namespace streetlens::ui
