#include "ui/SimilarPhotosPanel.h"

#include "core/library/NearDuplicates.h"
#include "core/store/ProjectStore.h"
#include "ui/PhotoSearchBox.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <numeric>

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
  m_searchBox = new PhotoSearchBox(this);
  layout->addWidget(m_searchBox);
  connect(m_searchBox, &PhotoSearchBox::photoChosen, this, [this](const QString &path) {
    m_searchBox->setText(tr("Embedding %1…").arg(QDir::toNativeSeparators(path)));
    Q_EMIT photoSearchRequested(path);
  });
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
  // Near-duplicates of the project: a batch collapses to its distinct scenes.
  auto *dupRow = new QHBoxLayout;
  m_findDuplicates = new QPushButton(tr("Group near-duplicates"), this);
  m_findDuplicates->setToolTip(tr("Photos of this project with a similarity of at least 0.95, or identical "
                                  "files, grouped into scenes"));
  m_makeSite = new QPushButton(tr("Make a site"), this);
  m_makeSite->setToolTip(tr("Turn the chosen group into a site on the Evidence tab"));
  m_makeSite->setEnabled(false);
  dupRow->addWidget(m_findDuplicates);
  dupRow->addWidget(m_makeSite);
  dupRow->addStretch(1);
  layout->addLayout(dupRow);
  m_duplicateStatus = new QLabel(this);
  m_duplicateStatus->setWordWrap(true);
  layout->addWidget(m_duplicateStatus);
  m_groups = new QListWidget(this);
  m_groups->setObjectName(QStringLiteral("duplicateGroups"));
  m_groups->setWordWrap(true);
  layout->addWidget(m_groups, 1);
  connect(m_findDuplicates, &QPushButton::clicked, this, &SimilarPhotosPanel::findDuplicates);
  connect(m_groups, &QListWidget::currentRowChanged, this, [this](int row) {
    m_makeSite->setEnabled(row >= 0);
    if (row >= 0)
      Q_EMIT groupChosen(m_groups->item(row)->data(Qt::UserRole).toStringList());
  });
  connect(m_makeSite, &QPushButton::clicked, this, [this] {
    if (QListWidgetItem *item = m_groups->currentItem())
      Q_EMIT siteRequested(item->data(Qt::UserRole).toStringList(),
                           tr("Scene %1").arg(m_groups->currentRow() + 1));
  });
  connect(&m_groupWatcher, &QFutureWatcher<Groups>::finished, this, [this] {
    const Groups g = m_groupWatcher.result();
    m_groupShas = g.shas;
    m_groups->clear();
    for (size_t i = 0; i < g.shas.size(); ++i) {
      auto *item =
          new QListWidgetItem(tr("Scene %1: %n photo(s)", nullptr, int(g.shas[i].size())).arg(i + 1) +
                                  QStringLiteral("\n") + g.names[i].join(QStringLiteral(", ")),
                              m_groups);
      item->setData(Qt::UserRole, g.shas[i]);
    }
    m_duplicateStatus->setText(
        tr("%1 analysed photos, %2 with a near-duplicate in %3 group(s).")
            .arg(g.photos)
            .arg(std::accumulate(g.shas.begin(), g.shas.end(), 0,
                                 [](int n, const QStringList &s) { return n + int(s.size()); }))
            .arg(g.shas.size()));
    m_findDuplicates->setEnabled(true);
    Q_EMIT duplicatesFound();
    if (m_regroup) {
      m_regroup = false;
      findDuplicatesIn(m_groupedProject, m_lastModel);
    }
  });
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
  m_again = new QTimer(this);
  m_again->setSingleShot(true);
  m_again->setInterval(1000);
  connect(m_again, &QTimer::timeout, this, [this] {
    if ((!m_sha.isEmpty() && !m_model.isEmpty()) || !m_outsidePath.isEmpty())
      search();
    if (!m_groupedProject.isEmpty() && m_groupedProject == m_project) { // keep the groups current
      if (m_groupWatcher.isRunning())
        m_regroup = true;
      else
        findDuplicatesIn(m_project, m_lastModel);
    }
  });
  setCaseFolder(QSettings().value(QLatin1String(kFolderKey)).toString());
  m_status->setText(tr("No photo shown."));
}

SimilarPhotosPanel::~SimilarPhotosPanel() {
  m_watcher.waitForFinished();
  m_groupWatcher.waitForFinished();
}

void SimilarPhotosPanel::findDuplicates() {
  findDuplicatesIn(m_project, m_lastModel);
}

void SimilarPhotosPanel::findDuplicatesIn(const QString &project, const QString &model) {
  if (m_groupWatcher.isRunning())
    return;
  if (project.isEmpty() || model.isEmpty()) {
    m_duplicateStatus->setText(tr("The photo has not been analysed yet."));
    return;
  }
  m_groupedProject = project;
  m_findDuplicates->setEnabled(false);
  m_duplicateStatus->setText(tr("Searching…"));
  m_groupWatcher.setFuture(QtConcurrent::run([=] {
    Groups out;
    QString err;
    auto store = store::ProjectStore::open(project, &err);
    if (!store)
      return out;
    std::vector<library::DuplicateInput> photos;
    for (auto &e : store->imageEmbeddings(model))
      photos.push_back({e.sha256, std::move(e.values)});
    out.photos = int(photos.size());
    for (const std::vector<int> &g :
         library::nearDuplicateGroups(photos, library::kDefaultDuplicateThreshold)) {
      if (g.size() < 2)
        continue;
      QStringList shas, names;
      for (int m : g) {
        shas << photos[size_t(m)].sha256;
        const auto img = store->image(photos[size_t(m)].sha256);
        names << (img ? QFileInfo(img->image.path).fileName() : photos[size_t(m)].sha256.left(12));
      }
      out.shas.push_back(shas);
      out.names.push_back(names);
    }
    return out;
  }));
}

void SimilarPhotosPanel::setQuery(const QString &project, const QString &sha256, const QString &modelSha256) {
  if (project == m_project && sha256 == m_sha && modelSha256 == m_model)
    return;
  const bool otherPhoto = sha256 != m_sha || project != m_project;
  if (otherPhoto && !m_outsidePath.isEmpty()) { // the selection changed: back to the photo shown
    m_outsidePath.clear();
    m_outside.clear();
    m_searchBox->setText(QString());
  }
  m_project = project;
  m_sha = sha256;
  m_model = modelSha256;
  if (!modelSha256.isEmpty())
    m_lastModel = modelSha256;
  search();
}

void SimilarPhotosPanel::setCaseFolder(const QString &dir) {
  m_caseFolder = dir;
  QSettings().setValue(QLatin1String(kFolderKey), dir);
  m_folderLabel->setText(dir.isEmpty() ? tr("No case folder: this project only.")
                                       : tr("Case folder: %1").arg(QDir::toNativeSeparators(dir)));
  if (!m_sha.isEmpty() || !m_outsidePath.isEmpty())
    search();
}

void SimilarPhotosPanel::photosAnalysed() {
  m_again->start();
}

void SimilarPhotosPanel::searchWithEmbedding(const QString &project, const QString &path,
                                             const QList<float> &embedding, const QString &model,
                                             const QString &error) {
  if (!error.isEmpty() || embedding.isEmpty()) {
    const QString why = error.isEmpty() ? tr("%1: no embedding").arg(QDir::toNativeSeparators(path)) : error;
    m_searchBox->setText(tr("Not searched: %1").arg(why));
    Q_EMIT photoSearchFailed(why);
    return;
  }
  m_outsidePath = path;
  m_outsideProject = project;
  m_outsideModel = model;
  m_outside.assign(embedding.begin(), embedding.end());
  m_searchBox->setText(tr("Searched with %1").arg(QDir::toNativeSeparators(path)));
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
  if (!m_outsidePath.isEmpty()) {
    if (m_watcher.isRunning()) {
      m_pending = true;
      return;
    }
    m_status->setText(tr("Searching…"));
    const quint64 request = m_request;
    QStringList projects = library::projectsInFolder(m_caseFolder);
    if (!m_outsideProject.isEmpty())
      projects.prepend(m_outsideProject);
    m_watcher.setFuture(QtConcurrent::run([=, query = m_outside, model = m_outsideModel] {
      Answer a;
      a.request = request;
      a.photos = library::findSimilarToEmbedding(query, model, projects, kResults, &a.error);
      return a;
    }));
    return;
  }
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
  if (!m_outsidePath.isEmpty())
    m_status->setText(
        photos.empty() ? tr("No analysed photo to compare %1 with.").arg(QFileInfo(m_outsidePath).fileName())
                       : tr("%n photo(s) most like %1, most similar first.", nullptr, int(photos.size()))
                             .arg(QFileInfo(m_outsidePath).fileName()));
  else
    m_status->setText(photos.empty()
                          ? tr("No other analysed photo to compare with.")
                          : tr("%n similar photo(s), most similar first.", nullptr, int(photos.size())));
  const QString here = QFileInfo(m_outsidePath.isEmpty() ? m_project : m_outsideProject).absoluteFilePath();
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
