#include "ui/SimilarPhotosPanel.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace streetlens::ui {

namespace {
const char *kFolderKey = "library/caseFolder";
}

SimilarPhotosPanel::SimilarPhotosPanel(QWidget *parent) : QWidget(parent) {
  setObjectName(QStringLiteral("similarPhotosPanel"));
  auto *layout = new QVBoxLayout(this);
  auto *title = new QLabel(tr("Photos most like the one shown, in this project and the case folder, by the "
                              "similarity of their image embeddings (1 = the same picture)."),
                           this);
  title->setWordWrap(true);
  layout->addWidget(title);
  auto *folderRow = new QHBoxLayout;
  m_folderLabel = new QLabel(this);
  m_folderLabel->setWordWrap(true);
  m_folderButton = new QPushButton(tr("Case folder…"), this);
  m_folderButton->setToolTip(tr("Also search every StreetLens project in a folder"));
  folderRow->addWidget(m_folderLabel, 1);
  folderRow->addWidget(m_folderButton);
  layout->addLayout(folderRow);
  m_status = new QLabel(this);
  m_status->setWordWrap(true);
  layout->addWidget(m_status);
  m_list = new QListWidget(this);
  m_list->setObjectName(QStringLiteral("similarPhotos"));
  m_list->setIconSize(QSize(64, 64));
  m_list->setSpacing(2);
  m_list->setWordWrap(true);
  layout->addWidget(m_list, 1);
  connect(m_folderButton, &QPushButton::clicked, this, &SimilarPhotosPanel::chooseFolder);
  connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
    Q_EMIT photoActivated(item->data(Qt::UserRole + 1).toString(), item->data(Qt::UserRole).toString());
  });
  connect(&m_watcher, &QFutureWatcher<Answer>::finished, this, [this] {
    const Answer a = m_watcher.result();
    if (a.request == m_request)
      showResults(a.photos, a.error);
    if (m_pending) {
      m_pending = false;
      search();
    }
  });
  setCaseFolder(QSettings().value(QLatin1String(kFolderKey)).toString());
  m_status->setText(tr("No photo shown."));
}

SimilarPhotosPanel::~SimilarPhotosPanel() {
  m_watcher.waitForFinished();
}

void SimilarPhotosPanel::setQuery(const QString &project, const QString &sha256, const QString &modelSha256) {
  if (project == m_project && sha256 == m_sha && modelSha256 == m_model)
    return;
  m_project = project;
  m_sha = sha256;
  m_model = modelSha256;
  search();
}

void SimilarPhotosPanel::setCaseFolder(const QString &dir) {
  m_caseFolder = dir;
  QSettings().setValue(QLatin1String(kFolderKey), dir);
  m_folderLabel->setText(dir.isEmpty() ? tr("No case folder: this project only.")
                                       : tr("Case folder: %1").arg(QDir::toNativeSeparators(dir)));
  if (!m_sha.isEmpty())
    search();
}

void SimilarPhotosPanel::chooseFolder() {
  auto *dialog = new QFileDialog(this, tr("Case folder"), m_caseFolder);
  dialog->setFileMode(QFileDialog::Directory);
  dialog->setOption(QFileDialog::ShowDirsOnly);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QFileDialog::fileSelected, this, &SimilarPhotosPanel::setCaseFolder);
  dialog->open();
}

void SimilarPhotosPanel::search() {
  ++m_request;
  if (m_sha.isEmpty() || m_project.isEmpty() || m_model.isEmpty()) {
    m_list->clear();
    m_status->setText(m_sha.isEmpty() ? tr("No photo shown.") : tr("The photo has not been analysed yet."));
    return;
  }
  if (m_watcher.isRunning()) { // one search at a time; the newest query runs next
    m_pending = true;
    return;
  }
  m_status->setText(tr("Searching…"));
  const quint64 request = m_request;
  const QString project = m_project, sha = m_sha, model = m_model, folder = m_caseFolder;
  m_watcher.setFuture(QtConcurrent::run([=] {
    Answer a;
    a.request = request;
    a.photos = library::findSimilarInProjects(project, sha, model, library::projectsInFolder(folder),
                                              kResults, &a.error);
    return a;
  }));
}

void SimilarPhotosPanel::showResults(const std::vector<library::SimilarPhoto> &photos, const QString &error) {
  m_list->clear();
  if (!error.isEmpty()) {
    m_status->setText(tr("The photo has not been analysed yet."));
    Q_EMIT searched();
    return;
  }
  m_status->setText(photos.empty()
                        ? tr("No other analysed photo to compare with.")
                        : tr("%n similar photo(s), most similar first.", nullptr, int(photos.size())));
  const QString here = QFileInfo(m_project).absoluteFilePath();
  for (const library::SimilarPhoto &p : photos) {
    QString text =
        tr("%1 — similarity %2").arg(QFileInfo(p.path).fileName(), QLocale().toString(p.score, 'f', 3));
    if (!p.estimate.isEmpty())
      text += QLatin1Char('\n') + p.estimate;
    if (p.project != here)
      text += QLatin1Char('\n') + tr("in %1").arg(QFileInfo(p.project).fileName());
    auto *item = new QListWidgetItem(QIcon(QPixmap::fromImage(p.thumbnail)), text, m_list);
    item->setData(Qt::UserRole, p.sha256);
    item->setData(Qt::UserRole + 1, p.project);
    item->setData(Qt::UserRole + 2, p.score);
    item->setToolTip(QDir::toNativeSeparators(p.path));
  }
  Q_EMIT searched();
}

} // namespace streetlens::ui
