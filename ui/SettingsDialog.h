#pragma once
// SettingsDialog: edits an AppSettings value (model folder, device, precision, batch size, top-k,
// mode, prompt templates, candidate list file, download endpoint, scene tasks and clue readings, the
// reference gallery and its options). Owns its
// form widgets only; the caller applies and saves the result. Opened window-modal with open() (no nested
// event loop). GUI thread.
#include "ui/AppSettings.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTabWidget;

namespace streetlens::ui {

class SceneTasksPage;

class SettingsDialog : public QDialog {
  Q_OBJECT
public:
  explicit SettingsDialog(const AppSettings &settings, QWidget *parent = nullptr);
  // The edited settings (fields the dialog does not show are kept from the input).
  AppSettings settings() const;

  // For tests.
  QLineEdit *modelDirEdit() const { return m_modelDir; }
  QSpinBox *topKSpin() const { return m_topK; }
  QSpinBox *batchSpin() const { return m_batch; }
  QComboBox *deviceCombo() const { return m_device; }
  QComboBox *modeCombo() const { return m_mode; }
  QComboBox *languageCombo() const { return m_language; }
  SceneTasksPage *sceneTasksPage() const { return m_tasksPage; }
  QTabWidget *tabs() const { return m_tabs; }
  QLineEdit *galleryEdit() const { return m_gallery; }
  QSpinBox *galleryKSpin() const { return m_galleryK; }
  QDoubleSpinBox *galleryBandwidthSpin() const { return m_galleryBandwidth; }
  QDoubleSpinBox *galleryTemperatureSpin() const { return m_galleryTemperature; }
  QDoubleSpinBox *galleryWeightSpin() const { return m_galleryWeight; }

private:
  AppSettings m_base;
  QLineEdit *m_modelDir, *m_candidates, *m_endpoint;
  QComboBox *m_device, *m_precision, *m_mode, *m_language;
  QSpinBox *m_batch, *m_topK;
  QLineEdit *m_gallery = nullptr;
  QSpinBox *m_galleryK = nullptr;
  QDoubleSpinBox *m_galleryBandwidth = nullptr, *m_galleryTemperature = nullptr, *m_galleryWeight = nullptr;
  QWidget *galleryPage(const GallerySetting &g, QWidget *parent);
  QPlainTextEdit *m_countryTpl, *m_regionTpl, *m_cityTpl;
  SceneTasksPage *m_tasksPage = nullptr;
  QTabWidget *m_tabs = nullptr;
};

} // namespace streetlens::ui
