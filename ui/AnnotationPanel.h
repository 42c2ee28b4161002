#pragma once
// AnnotationPanel: the analyst's own assessment of the photo shown — a verdict on the model's
// answer (confirmed / rejected / unsure), a free note, and a ground-truth pin (dropped on the map
// or typed as "lat, lon") with its distance to the estimate. Shows one image's Annotation and
// reports each edit (the window stores it in the list, the project and the exports). Owns its
// widgets only. GUI thread.
#include "core/analysis/Annotation.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace streetlens::ui {

class AnnotationPanel : public QWidget {
  Q_OBJECT
public:
  explicit AnnotationPanel(QWidget *parent = nullptr);

  // The image whose annotation is shown (`sha256` empty: none; the panel is disabled). `estimate`
  // gives the distance line. Edits not yet reported for the previous image are reported first.
  void showAnnotation(const QString &sha256, const QString &fileName, const Annotation &annotation,
                      const std::optional<geo::GeoPoint> &estimate);
  // The pin picked on the map (after pinRequested).
  void setPin(const geo::GeoPoint &point);
  const Annotation &annotation() const { return m_annotation; }
  QString sha256() const { return m_sha; }
  // Reports a note still being typed now (the panel waits a moment after the last key).
  void flush();

  // Two decimal degrees, latitude first, separated by a comma, a semicolon or spaces
  // ("48.8566, 2.3522"); nullopt when malformed or out of range.
  static std::optional<geo::GeoPoint> parseLatLon(const QString &text);

  // For tests.
  QComboBox *verdictBox() const { return m_verdict; }
  QPlainTextEdit *noteEdit() const { return m_note; }
  QLineEdit *pinEdit() const { return m_pinEdit; }
  QString pinText() const;

Q_SIGNALS:
  // The annotation of image `sha256` changed (the complete new value).
  void edited(const QString &sha256, const streetlens::Annotation &annotation);
  void pinRequested(); // the analyst wants to drop the pin on the map

private:
  void report();
  void updatePinText();

  QString m_sha, m_fileName;
  Annotation m_annotation;
  std::optional<geo::GeoPoint> m_estimate;
  bool m_loading = false;
  QTimer m_noteTimer;
  QLabel *m_title = nullptr, *m_pinLabel = nullptr;
  QComboBox *m_verdict = nullptr;
  QPlainTextEdit *m_note = nullptr;
  QLineEdit *m_pinEdit = nullptr;
  QPushButton *m_pinOnMap = nullptr, *m_pinSet = nullptr, *m_pinClear = nullptr;
};

} // namespace streetlens::ui
