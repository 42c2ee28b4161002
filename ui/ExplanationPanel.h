#pragma once
// ExplanationPanel: the "Explain" tab — which label to explain (the focus photo's countries,
// regions, cities or custom labels, or free text), with which method, the overlay's opacity, and
// the running explanation's progress with a Cancel button. Holds only the choices; the
// explanation runs on the analysis worker (AnalysisController::explain) and is drawn by the
// PhotoView. GUI thread.
#include "core/analysis/AnalysisSettings.h"
#include "core/analysis/GeoResult.h"
#include "core/analysis/PhotoExplanation.h"

#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSlider;

namespace streetlens::ui {

class ExplanationPanel : public QWidget {
  Q_OBJECT
public:
  explicit ExplanationPanel(QWidget *parent = nullptr);
  // The photo whose result offers the labels (none: free text only).
  void setResult(const std::optional<ImageResult> &result, bool canExplain);
  void setSettings(const AnalysisSettings &settings) { m_settings = settings; }
  // The request for the current choices; nullopt when no label is chosen.
  std::optional<ExplainRequest> currentRequest() const;
  void setBusy(bool busy);
  void setProgress(int done, int total);
  void setStatus(const QString &text);
  double opacity() const;
  // The UI name of a method ("Attention rollout", "Occlusion").
  static QString methodName(ExplainMethod m);

  QComboBox *labelBox() const { return m_label; }
  QComboBox *methodBox() const { return m_method; }
  QPushButton *explainButton() const { return m_run; }
  QPushButton *cancelButton() const { return m_cancel; }
  QSlider *opacitySlider() const { return m_opacity; }
  QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
  void explainRequested(const streetlens::ExplainRequest &request);
  void cancelRequested();
  void opacityChanged(double opacity);

private:
  void updateEnabled();

  QComboBox *m_label, *m_method;
  QPushButton *m_run, *m_cancel;
  QProgressBar *m_progress;
  QSlider *m_opacity;
  QLabel *m_status, *m_help;
  std::optional<ImageResult> m_result;
  AnalysisSettings m_settings;
  bool m_canExplain = false, m_busy = false;
};

} // namespace streetlens::ui
