#include "ui/DownloadDialog.h"

#include "core/store/ModelDownloader.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace streetlens::ui {

DownloadDialog::DownloadDialog(const QString &endpoint, const QString &targetDir, QWidget *parent)
    : QDialog(parent), m_downloader(new store::ModelDownloader(this)), m_target(targetDir) {
  setWindowTitle(tr("Download StreetCLIP"));
  store::ModelDownloadSpec spec = store::ModelDownloadSpec::streetClip();
  if (!endpoint.isEmpty())
    spec.endpoint = QUrl(endpoint);
  m_downloader->setSpec(spec);

  auto *layout = new QVBoxLayout(this);
  auto *intro = new QLabel(
      tr("<b>%1</b> from %2 into<br><tt>%3</tt>")
          .arg(spec.repo, spec.endpoint.host(), QDir::toNativeSeparators(targetDir).toHtmlEscaped()),
      this);
  intro->setWordWrap(true);
  layout->addWidget(intro);
  auto *licence = new QTextBrowser(this);
  licence->setOpenExternalLinks(true);
  licence->setPlainText(tr("Licence: %1\n\n%2").arg(spec.licenceName, spec.licenceText));
  layout->addWidget(licence, 1);
  m_accept = new QCheckBox(
      tr("I accept the %1 licence and the model card's restrictions.").arg(spec.licenceName), this);
  layout->addWidget(m_accept);
  m_file = new QLabel(this);
  m_bar = new QProgressBar(this);
  m_bar->setRange(0, 1000);
  m_bar->setValue(0);
  m_speed = new QLabel(this);
  m_message = new QLabel(this);
  m_message->setWordWrap(true);
  m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(m_file);
  layout->addWidget(m_bar);
  layout->addWidget(m_speed);
  layout->addWidget(m_message);
  auto *buttons = new QDialogButtonBox(this);
  m_start = buttons->addButton(tr("Download"), QDialogButtonBox::AcceptRole);
  m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
  layout->addWidget(buttons);
  m_start->setEnabled(false);
  connect(m_accept, &QCheckBox::toggled, m_start, &QPushButton::setEnabled);
  connect(m_start, &QPushButton::clicked, this, &DownloadDialog::startDownload);
  connect(m_cancel, &QPushButton::clicked, this, [this] {
    if (m_downloader->isRunning())
      m_downloader->cancel();
    else
      reject();
  });

  const QLocale locale;
  connect(m_downloader, &store::ModelDownloader::fileStarted, this,
          [this](const QString &name, int i, int n) {
            m_file->setText(tr("File %1 of %2: %3").arg(i + 1).arg(n).arg(name));
          });
  connect(m_downloader, &store::ModelDownloader::progress, this,
          [this, locale](const QString &, qint64 got, qint64 total, double speed) {
            m_bar->setRange(0, total > 0 ? 1000 : 0);
            if (total > 0)
              m_bar->setValue(int(1000.0 * double(got) / double(total)));
            m_speed->setText(tr("%1 of %2 — %3/s")
                                 .arg(locale.formattedDataSize(got),
                                      total > 0 ? locale.formattedDataSize(total) : tr("unknown size"),
                                      locale.formattedDataSize(qint64(speed))));
          });
  connect(m_downloader, &store::ModelDownloader::verifying, this,
          [this](const QString &name) { m_message->setText(tr("Verifying %1 (SHA-256)…").arg(name)); });
  connect(m_downloader, &store::ModelDownloader::failed, this, [this](const QString &msg) {
    m_message->setText(tr("<span style='color:#b02020'>%1</span>").arg(msg.toHtmlEscaped()));
    m_start->setText(tr("Try again"));
    m_start->setEnabled(m_accept->isChecked());
    m_accept->setEnabled(true);
  });
  connect(m_downloader, &store::ModelDownloader::canceled, this, [this] {
    m_message->setText(tr("Cancelled. The partial file is kept; downloading again resumes it."));
    m_start->setText(tr("Resume"));
    m_start->setEnabled(true);
  });
  connect(m_downloader, &store::ModelDownloader::finished, this, [this](const QString &dir) {
    m_message->setText(tr("Done. The model is ready."));
    Q_EMIT modelDownloaded(dir);
    accept();
  });
  resize(560, 460);
}

void DownloadDialog::startDownload() {
  m_message->clear();
  m_start->setEnabled(false);
  m_accept->setEnabled(false);
  const bool accepted = m_accept->isChecked();
  m_downloader->start(m_target, [accepted](const QString &, const QString &) { return accepted; });
}

} // namespace streetlens::ui
