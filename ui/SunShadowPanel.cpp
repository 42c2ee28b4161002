#include "ui/SunShadowPanel.h"

#include "core/imageio/ExifInfo.h"
#include "ui/ShadowMeasureCanvas.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>
#include <cmath>

namespace streetlens::ui {

namespace {
enum Mode { Ratio = 0, Elevation = 1 };
}

SunShadowPanel::SunShadowPanel(QWidget *parent) : QWidget(parent) {
  auto *root = new QVBoxLayout(this);
  root->setContentsMargins(0, 0, 0, 0);
  auto *box = new QGroupBox(tr("Sun && shadow"), this);
  auto *form = new QFormLayout(box);
  m_time = new QLineEdit(box);
  m_time->setObjectName(QStringLiteral("sunTime"));
  m_time->setPlaceholderText(tr("e.g. 2024-06-21T11:30:00+02:00"));
  m_time->setToolTip(
      tr("When the photo was taken, with its time zone (Z for UTC, or an offset such as +02:00)"));
  form->addRow(tr("Taken at"), m_time);
  m_timeSource = new QLabel(box);
  m_timeSource->setWordWrap(true);
  form->addRow(m_timeSource);

  auto *measureRow = new QHBoxLayout;
  m_mode = new QComboBox(box);
  m_mode->addItem(tr("Shadow / height"));
  m_mode->addItem(tr("Sun elevation"));
  m_value = new QDoubleSpinBox(box);
  m_value->setObjectName(QStringLiteral("sunValue"));
  m_value->setDecimals(3);
  measureRow->addWidget(m_mode);
  measureRow->addWidget(m_value, 1);
  form->addRow(tr("Measured"), measureRow);
  auto *measure = new QPushButton(tr("Measure on photo…"), box);
  measure->setToolTip(tr("Draw the object and its shadow on the photo"));
  form->addRow(measure);
  m_tolerance = new QDoubleSpinBox(box);
  m_tolerance->setRange(0.1, 45);
  m_tolerance->setValue(1.0);
  m_tolerance->setSuffix(tr("°"));
  m_tolerance->setToolTip(tr("How far the sun's elevation may be from the measured one"));
  form->addRow(tr("Tolerance"), m_tolerance);
  auto *azRow = new QHBoxLayout;
  m_useAzimuth = new QCheckBox(tr("Shadow points to"), box);
  m_useAzimuth->setToolTip(tr("Only when north is known in the photo"));
  m_azimuth = new QDoubleSpinBox(box);
  m_azimuth->setRange(0, 360);
  m_azimuth->setSuffix(tr("° from north"));
  m_azimuth->setEnabled(false);
  azRow->addWidget(m_useAzimuth);
  azRow->addWidget(m_azimuth, 1);
  form->addRow(azRow);
  connect(m_useAzimuth, &QCheckBox::toggled, m_azimuth, &QWidget::setEnabled);

  auto *buttons = new QHBoxLayout;
  auto *show = new QPushButton(tr("Show band"), box);
  auto *remove = new QPushButton(tr("Remove band"), box);
  buttons->addWidget(show);
  buttons->addWidget(remove);
  form->addRow(buttons);
  m_status = new QLabel(box);
  m_status->setWordWrap(true);
  form->addRow(m_status);
  m_error = new QLabel(box);
  m_error->setWordWrap(true);
  m_error->setStyleSheet(QStringLiteral("color: #b01e1e"));
  m_error->hide();
  form->addRow(m_error);
  root->addWidget(box);

  connect(m_mode, &QComboBox::currentIndexChanged, this, [this] { syncValueField(); });
  connect(show, &QPushButton::clicked, this, [this] { apply(); });
  connect(remove, &QPushButton::clicked, this, &SunShadowPanel::removeBand);
  connect(measure, &QPushButton::clicked, this, [this] { openMeasureDialog(); });
  syncValueField();
  m_value->setValue(1.0);
  setPhoto({}, {});
}

void SunShadowPanel::syncValueField() {
  if (m_mode->currentIndex() == Ratio) {
    m_value->setRange(0.001, 1000);
    m_value->setSuffix(QString());
    m_value->setToolTip(tr("Shadow length divided by the object's height, on flat ground"));
  } else {
    m_value->setRange(0.1, 90);
    m_value->setSuffix(tr("°"));
    m_value->setToolTip(tr("The sun's elevation above the horizon"));
  }
}

void SunShadowPanel::setPhoto(const QString &path, const QImage &image) {
  m_photoPath = path;
  m_image = image;
  m_exifSource.clear();
  m_exifText.clear();
  if (path.isEmpty()) {
    m_timeSource->setText(tr("Enter the moment with its time zone."));
    return;
  }
  QFile f(path);
  const ExifInfo exif = f.open(QIODevice::ReadOnly) ? readExif(f.readAll()) : ExifInfo{};
  if (const auto moment = captureMoment(exif)) {
    m_exifText = geo::zonedTimeText(moment->time);
    m_time->setText(m_exifText);
    m_exifSource = moment->source;
    m_timeSource->setText(tr("From the photo: %1. Check it, or type another.").arg(moment->source));
  } else {
    m_time->clear();
    m_timeSource->setText(exif.taken.isValid()
                              ? tr("The photo says %1 but not its time zone: enter the time with its zone.")
                                    .arg(exif.taken.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                              : tr("The photo has no capture time: enter it with its time zone."));
  }
}

void SunShadowPanel::setTimeText(const QString &text) {
  m_time->setText(text);
}

QString SunShadowPanel::timeText() const {
  return m_time->text();
}

QString SunShadowPanel::timeSourceText() const {
  return m_timeSource->text();
}

void SunShadowPanel::setShadowRatio(double ratio) {
  m_mode->setCurrentIndex(Ratio);
  m_value->setValue(ratio);
}

void SunShadowPanel::setElevation(double degrees) {
  m_mode->setCurrentIndex(Elevation);
  m_value->setValue(degrees);
}

void SunShadowPanel::setTolerance(double degrees) {
  m_tolerance->setValue(degrees);
}

void SunShadowPanel::setShadowAzimuth(std::optional<double> degrees) {
  m_useAzimuth->setChecked(degrees.has_value());
  if (degrees)
    m_azimuth->setValue(*degrees);
}

bool SunShadowPanel::apply() {
  if (m_time->text().trimmed().isEmpty()) {
    showError(tr("Enter when the photo was taken, with its time zone (e.g. 2024-06-21T11:30:00+02:00)."));
    return false;
  }
  QString why;
  const auto t = geo::parseZonedTime(m_time->text(), &why);
  if (!t) {
    showError(why);
    return false;
  }
  geo::SunObservation o;
  o.time = *t;
  // The EXIF moment counts as the source only while the field still holds it unchanged.
  const bool fromExif = !m_exifSource.isEmpty() && m_time->text().trimmed() == m_exifText;
  o.timeSource = fromExif ? QStringLiteral("%1 of %2").arg(m_exifSource, QFileInfo(m_photoPath).fileName())
                          : QStringLiteral("entered by the analyst");
  if (m_mode->currentIndex() == Ratio) {
    o.shadowRatio = m_value->value();
    o.elevationDeg = geo::elevationFromShadowRatio(m_value->value());
  } else {
    o.elevationDeg = m_value->value();
  }
  o.toleranceDeg = m_tolerance->value();
  if (m_useAzimuth->isChecked())
    o.shadowAzimuthDeg = m_azimuth->value();
  m_band = geo::SunBand(o);
  showError({});
  m_status->setText(tr("On the map: %1").arg(m_band->describe()));
  Q_EMIT bandsChanged({*m_band});
  return true;
}

void SunShadowPanel::removeBand() {
  if (!m_band)
    return;
  m_band.reset();
  m_status->clear();
  Q_EMIT bandsChanged({});
}

QString SunShadowPanel::errorText() const {
  return m_error->isHidden() ? QString() : m_error->text();
}

void SunShadowPanel::showError(const QString &text) {
  m_error->setText(text);
  m_error->setVisible(!text.isEmpty());
}

QWidget *SunShadowPanel::openMeasureDialog() {
  auto *dlg = new QDialog(this);
  dlg->setAttribute(Qt::WA_DeleteOnClose);
  dlg->setWindowTitle(tr("Measure the shadow"));
  auto *layout = new QVBoxLayout(dlg);
  auto *note = new QLabel(tr("Drag from the foot of a vertical object to its top, then from its foot to the "
                             "tip of its shadow. Flat, level ground; the photo's perspective shortens "
                             "lengths that point away from the camera."),
                          dlg);
  note->setWordWrap(true);
  layout->addWidget(note);
  m_canvas = new ShadowMeasureCanvas(dlg);
  m_canvas->setImage(m_image);
  layout->addWidget(m_canvas, 1);
  auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dlg);
  buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
  layout->addWidget(buttons);
  connect(m_canvas, &ShadowMeasureCanvas::measured, buttons, [this, buttons] {
    buttons->button(QDialogButtonBox::Ok)->setEnabled(m_canvas->ratio().has_value());
  });
  connect(buttons, &QDialogButtonBox::accepted, dlg, [this, dlg] {
    if (const auto r = m_canvas->ratio())
      setShadowRatio(*r);
    dlg->accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, dlg, &QDialog::reject);
  dlg->resize(720, 560);
  dlg->open();
  return dlg;
}

ShadowMeasureCanvas *SunShadowPanel::measureCanvas() const {
  return m_canvas.data();
}

} // namespace streetlens::ui
