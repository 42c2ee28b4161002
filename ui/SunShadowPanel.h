#pragma once
// SunShadowPanel: the "Sun & shadow" tool of the Evidence tab. The analyst states the photo's
// moment with its zone (taken from EXIF — DateTimeOriginal + OffsetTimeOriginal, else GPS time —
// when the photo has it, otherwise asked for), a measurement — a shadow ratio (shadow length /
// object height), a sun elevation, or the object and its shadow drawn on the photo as two
// segments — a tolerance, and optionally the shadow's direction; it emits the sun band
// (core/geo/SunBand.h) that the EvidencePanel adds to the constraint. Owns the inputs. GUI thread.
#include "core/geo/SunBand.h"

#include <QImage>
#include <QPointer>
#include <QVector>
#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace streetlens::ui {

class ShadowMeasureCanvas;

class SunShadowPanel : public QWidget {
  Q_OBJECT
public:
  explicit SunShadowPanel(QWidget *parent = nullptr);

  // The photo in view: its EXIF moment fills the time field when it has one with a zone; the
  // image is what the measuring dialog shows.
  void setPhoto(const QString &path, const QImage &image);
  void setTimeText(const QString &text);
  QString timeText() const;
  QString timeSourceText() const; // what the label under the time says
  void setShadowRatio(double ratio);
  void setElevation(double degrees);
  void setTolerance(double degrees);
  void setShadowAzimuth(std::optional<double> degrees);
  // Builds the band from the fields and emits it; false (the problem shown) for a missing or
  // zone-less time.
  bool apply();
  void removeBand();
  const std::optional<geo::SunBand> &band() const { return m_band; }
  QString errorText() const;
  // The measuring dialog (non-modal, deleted on close); its OK sets the shadow ratio.
  QWidget *openMeasureDialog();
  ShadowMeasureCanvas *measureCanvas() const;

Q_SIGNALS:
  void bandsChanged(const QVector<streetlens::geo::SunBand> &bands);

private:
  void showError(const QString &text);
  void syncValueField();

  QString m_photoPath, m_exifSource, m_exifText; // the EXIF moment's source and text, when any
  QImage m_image;
  QLineEdit *m_time = nullptr;
  QLabel *m_timeSource = nullptr, *m_error = nullptr, *m_status = nullptr;
  QComboBox *m_mode = nullptr;
  QDoubleSpinBox *m_value = nullptr, *m_tolerance = nullptr, *m_azimuth = nullptr;
  QCheckBox *m_useAzimuth = nullptr;
  // The open dialog's canvas; a guarded pointer, so that no slot of this panel has to run while the
  // dialog (its child) is destroyed with it.
  QPointer<ShadowMeasureCanvas> m_canvas;
  std::optional<geo::SunBand> m_band;
};

} // namespace streetlens::ui
