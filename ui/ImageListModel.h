#pragma once
// ImageListModel: the rows of the image list — one per image (path, content hash, thumbnail,
// state, error, latest result, the analyst's annotation and class tag) — with columns name, status,
// top country, estimate, verdict and near-duplicate group (the Similar tab's grouping), then a "Class" column
// while any photo is tagged and one column per chosen scene task (its top label and probability), and a sort
// key per column (SortRole) for the list's sorting proxy. Owns the rows; rows are found by content hash (or
// by path while the hash is still being computed). GUI thread only.
#include "core/analysis/Annotation.h"
#include "core/analysis/GeoResult.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QImage>
#include <QPixmap>
#include <functional>
#include <optional>
#include <vector>

namespace streetlens::ui {

enum class RowState { Reading, Queued, Running, Done, Failed, Cancelled };

struct ImageRow {
  QString path;
  QString sha256;
  qint64 size = 0;
  int width = 0, height = 0;
  QImage thumbnail;
  QImage preview; // from the pipeline's decode, for the photo view (kept for recent rows only)
  RowState state = RowState::Reading;
  QString error;
  std::optional<ImageResult> result; // what is shown and exported (under the analyst's constraint)
  // The model's own answer when a constraint changed `result`; empty otherwise.
  std::optional<ImageResult> modelResult;
  Annotation annotation; // the analyst's verdict, note and ground-truth pin
  QString classTag;      // the analyst's own class for a few-shot classifier ("" = untagged)
  const ImageResult *modelAnswer() const {
    return modelResult ? &*modelResult : (result ? &*result : nullptr);
  }
};

class ImageListModel : public QAbstractTableModel {
  Q_OBJECT
public:
  enum Column {
    NameColumn,
    StatusColumn,
    CountryColumn,
    EstimateColumn,
    VerdictColumn,
    GroupColumn,
    ColumnCount
  };
  // SortRole: what a column sorts by (name, state, top-country probability, estimate, verdict).
  enum Role { ShaRole = Qt::UserRole + 1, PathRole, StateRole, SortRole };

  explicit ImageListModel(QObject *parent = nullptr);

  // The probability of `label` in the answer of scene task `task` (by names, so answers computed
  // with an older definition still match); `negate`: 1 − that ("not no damage"). nullopt when the
  // result has no such task or label.
  static std::optional<double> taskProbability(const ImageResult &result, const QString &task,
                                               const QString &label, bool negate = false);

  // The chosen scene tasks, one column each after the fixed ones (and the Class column); the
  // column sorts by the probability of `sortLabel` (default: the task's first label).
  struct TaskColumn {
    QString name;
    QString question;
    QStringList labels;
    QString sortLabel;
  };
  void setTaskColumns(const QVector<TaskColumn> &columns);
  const QVector<TaskColumn> &taskColumns() const { return m_taskColumns; }
  void setTaskSortLabel(int taskIndex, const QString &label);
  // Column of the Class tag (-1 while no photo is tagged) and of task `i` (-1 when none).
  int classColumn() const { return m_showClass ? int(ColumnCount) : -1; }
  int taskColumn(int i) const;
  int taskIndexOfColumn(int column) const; // -1 when `column` is no task column
  // The near-duplicate groups (SHA-256s, the representative first; library::nearDuplicateGroups of
  // two or more photos): the Group column shows "n (size)" for their members ("Scene n (size)" in
  // its tooltip).
  void setDuplicateGroups(const std::vector<QStringList> &groups);
  bool hasDuplicateGroups() const { return !m_groups.empty(); }
  const std::vector<QStringList> &duplicateGroups() const { return m_groups; }
  int groupOf(const QString &sha256) const { return m_groupOf.value(sha256, -1); } // -1: none
  // Whether the row is the one its group is shown by when collapsed (its first member still listed);
  // true for a photo in no group.
  bool isGroupRepresentative(int row) const;
  // The analyst's class tag of an image (empty: untagged); false when it is not listed.
  bool setClassTag(const QString &sha256, const QString &tag);
  QStringList classTags() const; // distinct tags, sorted

  int rowCount(const QModelIndex &parent = {}) const override;
  int columnCount(const QModelIndex &parent = {}) const override;
  QVariant data(const QModelIndex &index, int role) const override;
  QVariant headerData(int section, Qt::Orientation o, int role) const override;

  // A new row in state Reading (false when the path is already listed).
  bool addPending(const QString &path);
  int rowOfPath(const QString &path) const;
  int rowOfSha(const QString &sha256) const;
  const ImageRow &row(int r) const { return m_rows[size_t(r)]; }
  const std::vector<ImageRow> &rows() const { return m_rows; }

  // Updates the row of `path` once hashed; returns false (and removes that row) when another row
  // already has the same content.
  bool setIdentified(const QString &path, const QString &sha256, qint64 size, int width, int height,
                     const QImage &thumbnail);
  // The pipeline decoded the image: size, thumbnail and a preview (only the newest kMaxPreviews
  // rows keep theirs; the others show the thumbnail and decode when selected).
  void setDecoded(const QString &sha256, int width, int height, const QImage &thumbnail,
                  const QImage &preview);
  static constexpr int kMaxPreviews = 32;
  void setState(const QString &sha256, RowState state, const QString &error = {});
  void setResult(const ImageResult &result);
  // The analyst's annotation of the image with this content hash (false when it is not listed).
  bool setAnnotation(const QString &sha256, const Annotation &annotation);
  // Every row's non-empty annotation, by content hash (what the exports write).
  AnnotationMap annotations() const;
  static QString verdictText(Verdict v); // localised: "confirmed", "rejected", "unsure", ""
  // What the narrow Verdict column shows: ✔ confirmed, ✘ rejected, ? unsure, ✎ a note, ⚑ a pin
  // (its tooltip says it in words).
  static QString verdictMarks(const Annotation &a);
  // The analyst's constraint as a function of the model's answer (null: none). New results go
  // through it at once; existing ones get setShownResults() from a background computation.
  using Posterior = std::function<ImageResult(const ImageResult &)>;
  void setPosterior(Posterior posterior) { m_posterior = std::move(posterior); }
  const Posterior &posterior() const { return m_posterior; }
  // The model's answers of every finished row (for recomputing what is shown).
  std::vector<ImageResult> modelAnswers() const;
  // Shows these results (by content hash; the model's answers are kept in modelResult); with
  // `constrained` false, the model's answers again.
  void setShownResults(const std::vector<ImageResult> &results, bool constrained);
  void append(ImageRow row);
  void insertAt(int r, ImageRow row); // r in [0, rowCount()]
  void removeAt(int r);
  void clear();

  // The settings key of the analyzer now (empty while unknown): finished rows whose result has
  // another one are shown as computed with other settings (grey, italic, a tooltip line).
  void setCurrentSettingsKey(const QString &key);
  bool isStale(const ImageRow &row) const;
  int countInState(RowState s) const;
  static QString stateName(RowState s);
  // A failure message without the path it starts with ("path: reason" -> "reason").
  static QString failureReason(const QString &error, const QString &path);
  // The thumbnail centred on a transparent kIconSize square.
  static QPixmap thumbnailIcon(const QImage &thumbnail);
  static constexpr int kIconSize = 48;

Q_SIGNALS:
  // A row's state changed (`from` -1: a new row; `to` -1: the row was removed). Not emitted by
  // clear(), which resets the model.
  void rowStateChanged(const QString &path, int from, int to);

private:
  void rowChanged(int r);
  void reindex();
  std::vector<ImageRow> m_rows;
  QHash<QString, int> m_bySha, m_byPath;
  QStringList m_previewOrder; // sha256 of rows holding a preview, oldest first
  QString m_settingsKey;
  Posterior m_posterior;
  QVector<TaskColumn> m_taskColumns;
  bool m_showClass = false;
  std::vector<QStringList> m_groups;
  QHash<QString, int> m_groupOf;
  void updateClassColumn();
  QVariant taskData(const ImageRow &r, int task, int role) const;
};

} // namespace streetlens::ui
