#include "ui/ImageListFilter.h"

#include "ui/ImageListModel.h"
#include "ui/PlaceNames.h"

#include <QFileInfo>

namespace streetlens::ui {

ImageListFilter::ImageListFilter(ImageListModel *model, QObject *parent)
    : QSortFilterProxyModel(parent), m_model(model) {
  setSourceModel(model);
  setSortRole(ImageListModel::SortRole);
  setDynamicSortFilter(true);
  // A group's representative removed: the next member represents it.
  connect(model, &QAbstractItemModel::rowsRemoved, this, [this] {
    if (m_collapse)
      invalidateFilter();
  });
}

void ImageListFilter::setSearchText(const QString &text) {
  const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
  if (words == m_words)
    return;
  m_words = words;
  invalidateFilter();
}

void ImageListFilter::setShow(Show show) {
  if (show == m_show)
    return;
  m_show = show;
  invalidateFilter();
}

void ImageListFilter::setTaskThreshold(const std::optional<TaskThreshold> &threshold) {
  if (threshold == m_threshold)
    return;
  m_threshold = threshold;
  invalidateFilter();
}

void ImageListFilter::setCollapseGroups(bool on) {
  if (on == m_collapse)
    return;
  m_collapse = on;
  invalidateFilter();
}

QList<std::pair<ImageListFilter::Show, QString>> ImageListFilter::showChoices() {
  return {{Show::All, tr("All photos")},
          {Show::Analysed, tr("Analysed")},
          {Show::Failed, tr("Failed")},
          {Show::Waiting, tr("Waiting or cancelled")},
          {Show::Uncertain, tr("Uncertain answers")},
          {Show::Confirmed, tr("Confirmed by me")},
          {Show::Rejected, tr("Rejected by me")},
          {Show::Unsure, tr("Marked unsure")},
          {Show::NotReviewed, tr("Not reviewed yet")}};
}

bool ImageListFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
  if (sourceParent.isValid() || sourceRow < 0 || sourceRow >= m_model->rowCount())
    return false;
  const ImageRow &r = m_model->row(sourceRow);
  if (m_collapse && !m_model->isGroupRepresentative(sourceRow))
    return false;
  const bool done = r.state == RowState::Done && r.result;
  switch (m_show) {
  case Show::All:
    break;
  case Show::Analysed:
    if (!done)
      return false;
    break;
  case Show::Failed:
    if (r.state != RowState::Failed)
      return false;
    break;
  case Show::Waiting:
    if (r.state == RowState::Done || r.state == RowState::Failed)
      return false;
    break;
  case Show::Uncertain:
    if (!done || !(r.result->uncertain || r.result->constraintEmpty))
      return false;
    break;
  case Show::Confirmed:
    if (r.annotation.verdict != Verdict::Confirmed)
      return false;
    break;
  case Show::Rejected:
    if (r.annotation.verdict != Verdict::Rejected)
      return false;
    break;
  case Show::Unsure:
    if (r.annotation.verdict != Verdict::Unsure)
      return false;
    break;
  case Show::NotReviewed:
    if (!done || r.annotation.verdict != Verdict::None)
      return false;
    break;
  }
  if (m_threshold) {
    const auto p = done ? ImageListModel::taskProbability(*r.result, m_threshold->task, m_threshold->label,
                                                          m_threshold->negate)
                        : std::nullopt;
    if (!p || *p <= m_threshold->threshold)
      return false;
  }
  if (m_words.isEmpty())
    return true;
  // The searchable text: path (file name and folders), what the list shows, the model's top
  // country in English as well as in the interface language, the estimate, the failure and the note.
  QStringList text{r.path, r.error, r.annotation.note, ImageListModel::verdictText(r.annotation.verdict)};
  if (done) {
    if (!r.result->countries.empty()) {
      const PlaceProbability &c = r.result->countries.front();
      text << c.name << c.code << countryDisplayName(c.country, c.name);
    }
    text << r.result->estimateLabel << localizedEstimateLabel(*r.result);
  }
  const QString haystack = text.join(QLatin1Char('\n'));
  for (const QString &w : m_words)
    if (!haystack.contains(w, Qt::CaseInsensitive))
      return false;
  return true;
}

} // namespace streetlens::ui
