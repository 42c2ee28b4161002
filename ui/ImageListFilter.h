#pragma once
// ImageListFilter: the list's view of the ImageListModel — which rows are shown (a search text
// matched against the file name, the folder, the top country, the estimate and the analyst's note;
// and a choice of rows: all, analysed, failed, waiting, uncertain, or by the analyst's verdict; and a
// scene-task threshold: "photos where <task> <label> > N %", a label or "not <label>"; and
// "collapse to distinct scenes": one photo per near-duplicate group, the model's representative) and
// in which order (a column's SortRole; no sort keeps the order in which photos were added). Owns
// only the filter state; the rows stay in the model, which everything else addresses (map a view
// index with mapToSource). GUI thread.
#include <QSortFilterProxyModel>
#include <QStringList>
#include <optional>

namespace streetlens::ui {

class ImageListModel;

class ImageListFilter : public QSortFilterProxyModel {
  Q_OBJECT
public:
  enum class Show { All, Analysed, Failed, Waiting, Uncertain, Confirmed, Rejected, Unsure, NotReviewed };

  explicit ImageListFilter(ImageListModel *model, QObject *parent = nullptr);

  // Words that must all appear (case-insensitive) in a row's searchable text; empty: no search.
  void setSearchText(const QString &text);
  QString searchText() const { return m_words.join(QLatin1Char(' ')); }
  void setShow(Show show);
  Show show() const { return m_show; }
  // The choices of setShow, in menu order, with their localised names.
  static QList<std::pair<Show, QString>> showChoices();
  // Photos whose probability of `label` (or of anything but it, `negate`) in task `task` is above
  // `threshold` (0..1); rows without that answer are hidden. nullopt: no threshold.
  struct TaskThreshold {
    QString task;
    QString label;
    bool negate = false;
    double threshold = 0.5;
    bool operator==(const TaskThreshold &) const = default;
  };
  void setTaskThreshold(const std::optional<TaskThreshold> &threshold);
  const std::optional<TaskThreshold> &taskThreshold() const { return m_threshold; }
  // One row per near-duplicate group (ImageListModel::isGroupRepresentative); photos in no group stay.
  void setCollapseGroups(bool on);
  bool collapseGroups() const { return m_collapse; }
  // True when a row of the model is hidden by the search, the choice, a task threshold or collapse.
  bool isFiltering() const { return !m_words.isEmpty() || m_show != Show::All || m_threshold || m_collapse; }

protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
  ImageListModel *m_model;
  QStringList m_words;
  Show m_show = Show::All;
  std::optional<TaskThreshold> m_threshold;
  bool m_collapse = false;
};

} // namespace streetlens::ui
