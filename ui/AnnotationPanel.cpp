#include "ui/AnnotationPanel.h"

#include "ui/PlaceNames.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace streetlens::ui {

AnnotationPanel::AnnotationPanel(QWidget *parent) : QWidget(parent) {
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  m_title = new QLabel(this);
  m_title->setWordWrap(true);
  layout->addWidget(m_title);
  auto *form = new QFormLayout;
  form->setContentsMargins(0, 0, 0, 0);
  m_verdict = new QComboBox(this);
  m_verdict->addItem(tr("Not reviewed"), int(Verdict::None));
  m_verdict->addItem(tr("Confirmed"), int(Verdict::Confirmed));
  m_verdict->addItem(tr("Rejected"), int(Verdict::Rejected));
  m_verdict->addItem(tr("Unsure"), int(Verdict::Unsure));
  m_verdict->setToolTip(tr("Your verdict on the model's answer for this photo (kept in the project and "
                           "written to every export)."));
  form->addRow(tr("Verdict"), m_verdict);
  m_note = new QPlainTextEdit(this);
  m_note->setPlaceholderText(tr("Your note on this photo: what you checked, sources…"));
  m_note->setTabChangesFocus(true);
  m_note->setMaximumHeight(80);
  form->addRow(tr("Note"), m_note);
  layout->addLayout(form);

  m_pinLabel = new QLabel(this);
  m_pinLabel->setWordWrap(true);
  m_pinLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(m_pinLabel);
  auto *pinRow = new QHBoxLayout;
  m_pinEdit = new QLineEdit(this);
  m_pinEdit->setPlaceholderText(tr("lat, lon"));
  m_pinEdit->setToolTip(tr("Where the photo was really taken, in decimal degrees (latitude, longitude)."));
  m_pinSet = new QPushButton(tr("Set"), this);
  pinRow->addWidget(m_pinEdit, 1);
  pinRow->addWidget(m_pinSet);
  layout->addLayout(pinRow);
  auto *pinButtons = new QHBoxLayout;
  m_pinOnMap = new QPushButton(tr("Pin on map"), this);
  m_pinOnMap->setToolTip(tr("Click where the photo was really taken on the map."));
  m_pinClear = new QPushButton(tr("Remove pin"), this);
  pinButtons->addWidget(m_pinOnMap);
  pinButtons->addWidget(m_pinClear);
  layout->addLayout(pinButtons);

  m_noteTimer.setSingleShot(true);
  m_noteTimer.setInterval(700);
  connect(&m_noteTimer, &QTimer::timeout, this, &AnnotationPanel::flush);
  connect(m_note, &QPlainTextEdit::textChanged, this, [this] {
    if (!m_loading)
      m_noteTimer.start();
  });
  connect(m_verdict, &QComboBox::currentIndexChanged, this, [this] {
    if (m_loading)
      return;
    m_annotation.verdict = Verdict(m_verdict->currentData().toInt());
    report();
  });
  auto setTyped = [this] {
    const auto p = parseLatLon(m_pinEdit->text());
    if (!p) {
      m_pinLabel->setText(tr("<b>Ground truth:</b> \"%1\" is not a latitude and longitude in decimal degrees "
                             "(e.g. 48.8566, 2.3522).")
                              .arg(m_pinEdit->text().toHtmlEscaped()));
      return;
    }
    setPin(*p);
  };
  connect(m_pinSet, &QPushButton::clicked, this, setTyped);
  connect(m_pinEdit, &QLineEdit::returnPressed, this, setTyped);
  connect(m_pinOnMap, &QPushButton::clicked, this, &AnnotationPanel::pinRequested);
  connect(m_pinClear, &QPushButton::clicked, this, [this] {
    m_annotation.truth.reset();
    m_pinEdit->clear();
    updatePinText();
    report();
  });
  showAnnotation({}, {}, {}, std::nullopt);
}

void AnnotationPanel::showAnnotation(const QString &sha256, const QString &fileName,
                                     const Annotation &annotation,
                                     const std::optional<geo::GeoPoint> &estimate) {
  if (sha256 != m_sha)
    flush();
  m_loading = true;
  m_sha = sha256;
  m_fileName = fileName;
  m_annotation = annotation;
  m_estimate = estimate;
  m_title->setText(sha256.isEmpty() ? tr("Select a photo to give your verdict and note.")
                                    : tr("Your assessment of %1").arg(fileName.toHtmlEscaped()));
  m_verdict->setCurrentIndex(std::max(0, m_verdict->findData(int(annotation.verdict))));
  if (m_note->toPlainText() != annotation.note)
    m_note->setPlainText(annotation.note);
  m_pinEdit->clear();
  updatePinText();
  for (QWidget *w : std::initializer_list<QWidget *>{m_verdict, m_note, m_pinEdit, m_pinSet, m_pinOnMap})
    w->setEnabled(!sha256.isEmpty());
  m_pinClear->setEnabled(!sha256.isEmpty() && annotation.truth.has_value());
  m_loading = false;
}

void AnnotationPanel::setPin(const geo::GeoPoint &point) {
  if (m_sha.isEmpty())
    return;
  m_annotation.truth = point;
  m_pinEdit->clear();
  updatePinText();
  m_pinClear->setEnabled(true);
  report();
}

void AnnotationPanel::flush() {
  m_noteTimer.stop();
  if (m_sha.isEmpty() || m_note->toPlainText() == m_annotation.note)
    return;
  m_annotation.note = m_note->toPlainText();
  report();
}

void AnnotationPanel::report() {
  if (m_sha.isEmpty())
    return;
  m_annotation.modified = QDateTime::currentDateTimeUtc();
  Q_EMIT edited(m_sha, m_annotation);
}

QString AnnotationPanel::pinText() const {
  return m_pinLabel->text();
}

void AnnotationPanel::updatePinText() {
  if (!m_annotation.truth) {
    m_pinLabel->setText(tr("<b>Ground truth:</b> none — pin it on the map or type it below when you know "
                           "where the photo was taken."));
    return;
  }
  const QLocale loc;
  QString text =
      tr("<b>Ground truth:</b> %1, %2")
          .arg(loc.toString(m_annotation.truth->lat, 'f', 5), loc.toString(m_annotation.truth->lon, 'f', 5));
  if (const auto km = m_annotation.truthErrorKm(m_estimate))
    text += QStringLiteral("<br>") + tr("The estimate is %1 km from it.").arg(formatKmNumber(*km));
  m_pinLabel->setText(text);
}

std::optional<geo::GeoPoint> AnnotationPanel::parseLatLon(const QString &text) {
  static const QRegularExpression sep(QStringLiteral("\\s*[,;]\\s*|\\s+"));
  const QStringList parts = text.trimmed().split(sep, Qt::SkipEmptyParts);
  if (parts.size() != 2)
    return std::nullopt;
  bool okLat = false, okLon = false;
  const geo::GeoPoint p{parts[0].toDouble(&okLat), parts[1].toDouble(&okLon)};
  if (!okLat || !okLon || !p.isValid())
    return std::nullopt;
  return p;
}

} // namespace streetlens::ui
