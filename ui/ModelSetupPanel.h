#pragma once
// ModelSetupPanel: shown in place of the photo while no model is loaded. Explains why, and offers
// the three ways out: choose a model folder, use a model found in the Hugging Face cache (detected
// with findCachedModels on a pool thread), or download StreetCLIP. Owns its widgets. GUI thread.
#include <QFutureWatcher>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace streetlens::ui {

class ModelSetupPanel : public QWidget {
  Q_OBJECT
public:
  explicit ModelSetupPanel(QWidget *parent = nullptr);
  ~ModelSetupPanel() override;
  // Why there is no model (e.g. the load error); empty: none chosen yet.
  void setProblem(const QString &problem);
  void setEngineAvailable(bool available); // false: this build cannot run a model at all
  void refreshCachedModels();
  QStringList cachedModels() const { return m_cached; }

Q_SIGNALS:
  void chooseFolderRequested();
  void useModelRequested(const QString &dir);
  void downloadRequested();

private:
  QLabel *m_problem, *m_cacheLabel;
  QComboBox *m_cacheCombo;
  QPushButton *m_choose, *m_useCached, *m_download;
  QStringList m_cached;
  QFutureWatcher<QStringList> m_scan;
};

} // namespace streetlens::ui
