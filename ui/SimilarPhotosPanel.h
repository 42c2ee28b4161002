#pragma once
// SimilarPhotosPanel: the "Similar" tab — for the photo shown, the most similar photos of the open
// project and of the case folder (every .streetlens project of a folder the analyst picks), with
// thumbnails, similarity and each one's estimate (library::findSimilarInProjects: cosine of the
// kept image embeddings; no model run). Lives on the GUI thread; each search runs on a pool thread
// with its own read connections, and an answer to an older query is dropped. Below, the project's
// near-duplicate groups (library::nearDuplicateGroups over the kept embeddings, threshold 0.95):
// choosing a group selects its photos in the list, and one click makes it a site. Above, a drop zone
// (PhotoSearchBox): a photo from outside the project is embedded by the analysis pipeline (the
// window asks the worker) and its embedding is the query instead of the photo shown, until the
// selection changes.
#include "core/library/ProjectSearch.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTimer;

namespace streetlens::ui {

class PhotoSearchBox;

class SimilarPhotosPanel : public QWidget {
  Q_OBJECT
public:
  static constexpr int kResults = 20;
  explicit SimilarPhotosPanel(QWidget *parent = nullptr);
  ~SimilarPhotosPanel() override;

  // Looks for the photo `sha256` of the project file `project`, analysed with `modelSha256`
  // (empty sha256: no photo shown).
  void setQuery(const QString &project, const QString &sha256, const QString &modelSha256);
  // The case folder searched besides the open project (kept in the settings; "" for none).
  void setCaseFolder(const QString &dir);
  // Photos were analysed: the list is searched again a moment later (coalesced).
  void photosAnalysed();
  QString caseFolder() const { return m_caseFolder; }
  QListWidget *results() const { return m_list; }
  QListWidget *duplicateGroups() const { return m_groups; }
  // Groups the project's analysed photos into near-duplicates (pool thread); duplicatesFound follows.
  void findDuplicates();
  // The same for the photos of `project` analysed with `modelSha256` (no photo need be shown).
  void findDuplicatesIn(const QString &project, const QString &modelSha256);
  bool isSearching() const { return m_watcher.isRunning(); }
  bool isGrouping() const { return m_groupWatcher.isRunning(); }
  // The pipeline's answer to photoSearchRequested: the outside photo's embedding (of `model`), or
  // an error naming the file; the photos of `project` and the case folder most like it are listed.
  void searchWithEmbedding(const QString &project, const QString &path, const QList<float> &embedding,
                           const QString &model, const QString &error);
  PhotoSearchBox *searchBox() const { return m_searchBox; }
  // The outside photo searched with ("" while the query is the photo shown).
  QString outsidePhoto() const { return m_outsidePath; }
  // Each near-duplicate group of the last grouping (groups of two or more), best first: SHA-256s.
  const std::vector<QStringList> &groups() const { return m_groupShas; }

Q_SIGNALS:
  void searched(); // the results of the latest query are shown
  // The analyst opened a result (double click): its project and SHA-256.
  void photoActivated(const QString &project, const QString &sha256);
  void duplicatesFound(); // the groups are listed
  // A photo from outside was dropped or chosen: to be embedded by the pipeline.
  void photoSearchRequested(const QString &path);
  // An outside photo could not be searched with (the message names the file).
  void photoSearchFailed(const QString &message);
  // A group was chosen (select its photos) / is to become a site named `name`.
  void groupChosen(const QStringList &sha256s);
  void siteRequested(const QStringList &sha256s, const QString &name);

private:
  void search();
  void showResults(const std::vector<library::SimilarPhoto> &photos, const QString &error);
  void chooseFolder();

  QLabel *m_status;
  QLabel *m_folderLabel;
  QPushButton *m_folderButton;
  QListWidget *m_list;
  QString m_project, m_sha, m_model, m_caseFolder;
  PhotoSearchBox *m_searchBox;
  QString m_outsidePath, m_outsideProject, m_outsideModel; // the outside query ("" for none)
  std::vector<float> m_outside;
  std::vector<QStringList> m_groupShas;
  quint64 m_request = 0;
  struct Answer {
    quint64 request = 0;
    std::vector<library::SimilarPhoto> photos;
    QString error;
  };
  QFutureWatcher<Answer> m_watcher;
  bool m_pending = false; // a query arrived while one ran
  // The project last grouped into near-duplicates: photos analysed later in it are grouped again
  // (coalesced with the search), so the groups and the list's Group column stay current.
  QString m_groupedProject;
  bool m_regroup = false; // photos arrived while a grouping ran
  QTimer *m_again;        // coalesces photosAnalysed()
  QListWidget *m_groups;
  QPushButton *m_findDuplicates, *m_makeSite;
  QLabel *m_duplicateStatus;
  QString m_lastModel; // the model of the last analysed photo shown (what the groups compare)
  struct Groups {
    std::vector<QStringList> shas, names; // groups of two or more: SHA-256s and file names
    int photos = 0;
  };
  QFutureWatcher<Groups> m_groupWatcher;
};

} // namespace streetlens::ui
