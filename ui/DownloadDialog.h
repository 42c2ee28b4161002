#pragma once
// DownloadDialog: downloads StreetCLIP with a ModelDownloader it owns — shows the licence and the
// model card's use restriction, requires the consent checkbox, then shows file, progress, speed
// and any failure; Cancel keeps the partial file for a later resume. Non-modal (open()), GUI thread.
#include <QDialog>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace streetlens::store {
class ModelDownloader;
}

namespace streetlens::ui {

class DownloadDialog : public QDialog {
  Q_OBJECT
public:
  DownloadDialog(const QString &endpoint, const QString &targetDir, QWidget *parent = nullptr);
  store::ModelDownloader *downloader() const { return m_downloader; }

Q_SIGNALS:
  void modelDownloaded(const QString &dir);

private:
  void startDownload();
  store::ModelDownloader *m_downloader;
  QString m_target;
  QCheckBox *m_accept;
  QLabel *m_file, *m_speed, *m_message;
  QProgressBar *m_bar;
  QPushButton *m_start, *m_cancel;
};

} // namespace streetlens::ui
