#include "ui/ImageListModel.h"

#include "ui/PlaceNames.h"

#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QIcon>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <climits>

namespace streetlens::ui {

ImageListModel::ImageListModel(QObject *parent) : QAbstractTableModel(parent) {}

int ImageListModel::rowCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : int(m_rows.size());
}

int ImageListModel::columnCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : ColumnCount + (m_showClass ? 1 : 0) + int(m_taskColumns.size());
}

QString ImageListModel::stateName(RowState s) {
  switch (s) {
  case RowState::Reading:
    return tr("reading");
  case RowState::Queued:
    return tr("queued");
  case RowState::Running:
    return tr("running");
  case RowState::Done:
    return tr("done");
  case RowState::Failed:
    return tr("failed");
  case RowState::Cancelled:
    return tr("cancelled");
  }
  return {};
}

QVariant ImageListModel::data(const QModelIndex &index, int role) const {
  if (!index.isValid() || index.row() >= int(m_rows.size()))
    return {};
  const ImageRow &r = m_rows[size_t(index.row())];
  const ImageResult *res = r.result ? &*r.result : nullptr;
  if (index.column() >= ColumnCount && role != ShaRole && role != PathRole && role != StateRole) {
    if (index.column() == classColumn()) {
      if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return r.classTag;
      if (role == SortRole)
        return r.classTag.toLower();
      return {};
    }
    return taskData(r, taskIndexOfColumn(index.column()), role);
  }
  switch (role) {
  case ShaRole:
    return r.sha256;
  case PathRole:
    return r.path;
  case StateRole:
    return int(r.state);
  case SortRole:
    switch (index.column()) {
    case NameColumn:
      return QFileInfo(r.path).fileName().toLower();
    case StatusColumn:
      return int(r.state);
    case CountryColumn: // by the top country's probability; rows without one below every other
      return r.state == RowState::Done && res && !res->countries.empty() ? res->countries.front().probability
                                                                         : -1.0;
    case VerdictColumn:
      return int(r.annotation.verdict);
    case GroupColumn: // grouped photos by scene, then the others
      return groupOf(r.sha256) < 0 ? INT_MAX : groupOf(r.sha256);
    default:
      return data(index, Qt::DisplayRole).toString().toLower();
    }
  case Qt::DisplayRole:
    switch (index.column()) {
    case NameColumn:
      return QFileInfo(r.path).fileName();
    case StatusColumn:
      return stateName(r.state);
    case CountryColumn:
      // Only a finished row shows its result: one queued for re-analysis shows none until it has
      // the new one (the old one is still in the project until it is replaced).
      if (r.state == RowState::Done && res && !res->countries.empty())
        return QStringLiteral("%1  %2%")
            .arg(countryDisplayName(res->countries.front().country, res->countries.front().name))
            .arg(QLocale().toString(res->countries.front().probability * 100, 'f', 0));
      return {};
    case EstimateColumn:
      // The reason of a failure, without the path the message starts with (the row names the file).
      if (r.state == RowState::Failed)
        return failureReason(r.error, r.path);
      return r.state == RowState::Done && res ? localizedEstimateLabel(*res) : QString();
    case VerdictColumn:
      return verdictMarks(r.annotation);
    case GroupColumn: // "1 (2)": scene 1, two photos (in full in the tooltip); a narrow column
      if (const int g = groupOf(r.sha256); g >= 0)
        return QStringLiteral("%1 (%2)").arg(g + 1).arg(m_groups[size_t(g)].size());
      return {};
    }
    return {};
  case Qt::DecorationRole:
    if (index.column() == NameColumn) // an empty square until the thumbnail is there: names line up
      return thumbnailIcon(r.thumbnail);
    return {};
  case Qt::ToolTipRole: {
    // Whatever a column may cut off, in full.
    QStringList lines;
    if (index.column() == NameColumn) {
      lines << QFileInfo(r.path).fileName() << QDir::toNativeSeparators(r.path);
      if (r.width > 0 && r.height > 0)
        lines << QStringLiteral("%1 × %2").arg(r.width).arg(r.height);
    } else if (index.column() == EstimateColumn && r.state == RowState::Done && res) {
      lines << localizedEstimateLabel(*res);
    } else if (index.column() == CountryColumn) {
      lines << data(index, Qt::DisplayRole).toString();
    } else if (index.column() == GroupColumn) {
      if (const int g = groupOf(r.sha256); g >= 0)
        lines << tr("Scene %1 (%2)").arg(g + 1).arg(m_groups[size_t(g)].size());
    } else if (index.column() == VerdictColumn) {
      lines << verdictText(r.annotation.verdict) << r.annotation.note.trimmed();
      if (r.annotation.truth)
        lines << tr("Ground truth pinned at %1, %2")
                     .arg(r.annotation.truth->lat, 0, 'f', 5)
                     .arg(r.annotation.truth->lon, 0, 'f', 5);
    }
    if (r.state == RowState::Failed)
      lines << r.error;
    if (isStale(r))
      lines << tr("Computed with other settings than the current ones; Analysis > Re-analyse all applies "
                  "them.");
    lines.removeAll(QString());
    return lines.join(QLatin1Char('\n'));
  }
  case Qt::ForegroundRole:
    if (index.column() == StatusColumn && r.state == RowState::Failed)
      return QColor(0xb0, 0x20, 0x20);
    if (index.column() != NameColumn && isStale(r))
      return QColor(0x80, 0x80, 0x80);
    return {};
  case Qt::FontRole:
    if (index.column() != NameColumn && isStale(r)) {
      QFont f;
      f.setItalic(true);
      return f;
    }
    return {};
  }
  return {};
}

QVariant ImageListModel::headerData(int section, Qt::Orientation o, int role) const {
  if (o != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
    return {};
  if (section == classColumn())
    return role == Qt::DisplayRole ? tr("Class")
                                   : tr("Your class tag for training a classifier (Analysis > Tag as…)");
  if (const int t = taskIndexOfColumn(section); t >= 0) {
    const TaskColumn &c = m_taskColumns[t];
    if (role == Qt::DisplayRole)
      return c.name;
    return tr("%1\nTop answer and its probability; sorted by the probability of \"%2\" (right-click "
              "to choose another).")
        .arg(c.question.isEmpty() ? c.name : c.question, c.sortLabel);
  }
  if (section == GroupColumn && role == Qt::ToolTipRole)
    return tr("Near-duplicate group (Similar tab > Group near-duplicates): photos of one scene");
  if (role != Qt::DisplayRole)
    return {};
  switch (section) {
  case NameColumn:
    return tr("Image");
  case StatusColumn:
    return tr("Status");
  case CountryColumn:
    return tr("Top country");
  case EstimateColumn:
    return tr("Estimate");
  case VerdictColumn:
    return tr("Verdict");
  case GroupColumn:
    return tr("Group");
  }
  return {};
}

void ImageListModel::setDuplicateGroups(const std::vector<QStringList> &groups) {
  m_groups = groups;
  m_groupOf.clear();
  for (size_t g = 0; g < m_groups.size(); ++g)
    for (const QString &sha : m_groups[g])
      m_groupOf.insert(sha, int(g));
  if (!m_rows.empty())
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

bool ImageListModel::isGroupRepresentative(int row) const {
  const int g = groupOf(m_rows[size_t(row)].sha256);
  if (g < 0)
    return true;
  for (const QString &sha : m_groups[size_t(g)])
    if (const int r = rowOfSha(sha); r >= 0)
      return r == row;
  return true;
}

QString ImageListModel::verdictMarks(const Annotation &a) {
  QStringList marks;
  switch (a.verdict) {
  case Verdict::Confirmed:
    marks << QStringLiteral("\u2714"); // ✔
    break;
  case Verdict::Rejected:
    marks << QStringLiteral("\u2718"); // ✘
    break;
  case Verdict::Unsure:
    marks << QStringLiteral("?");
    break;
  case Verdict::None:
    break;
  }
  if (!a.note.trimmed().isEmpty())
    marks << QStringLiteral("\u270E"); // ✎ a note
  if (a.truth)
    marks << QStringLiteral("\u2691"); // ⚑ a ground-truth pin
  return marks.join(QLatin1Char(' '));
}

QString ImageListModel::verdictText(Verdict v) {
  switch (v) {
  case Verdict::Confirmed:
    return tr("confirmed");
  case Verdict::Rejected:
    return tr("rejected");
  case Verdict::Unsure:
    return tr("unsure");
  case Verdict::None:
    break;
  }
  return {};
}

bool ImageListModel::setAnnotation(const QString &sha256, const Annotation &annotation) {
  const int r = rowOfSha(sha256);
  if (r < 0)
    return false;
  m_rows[size_t(r)].annotation = annotation;
  rowChanged(r);
  return true;
}

AnnotationMap ImageListModel::annotations() const {
  AnnotationMap out;
  for (const ImageRow &r : m_rows)
    if (!r.annotation.isEmpty() && !r.sha256.isEmpty())
      out.insert(r.sha256, r.annotation);
  return out;
}

bool ImageListModel::addPending(const QString &path) {
  if (m_byPath.contains(path))
    return false;
  ImageRow r;
  r.path = path;
  append(std::move(r));
  return true;
}

int ImageListModel::rowOfPath(const QString &path) const {
  return m_byPath.value(path, -1);
}

int ImageListModel::rowOfSha(const QString &sha256) const {
  return sha256.isEmpty() ? -1 : m_bySha.value(sha256, -1);
}

bool ImageListModel::setIdentified(const QString &path, const QString &sha256, qint64 size, int width,
                                   int height, const QImage &thumbnail) {
  const int r = rowOfPath(path);
  if (r < 0)
    return false;
  const int other = rowOfSha(sha256);
  if (other >= 0 && other != r) {
    removeAt(r);
    return false;
  }
  ImageRow &row = m_rows[size_t(r)];
  row.sha256 = sha256;
  row.size = size;
  row.width = width;
  row.height = height;
  row.thumbnail = thumbnail;
  const RowState before = row.state;
  if (row.state == RowState::Reading)
    row.state = RowState::Queued;
  if (!sha256.isEmpty())
    m_bySha.insert(sha256, r);
  rowChanged(r);
  if (before != row.state)
    Q_EMIT rowStateChanged(row.path, int(before), int(row.state));
  return true;
}

void ImageListModel::setDecoded(const QString &sha256, int width, int height, const QImage &thumbnail,
                                const QImage &preview) {
  const int r = rowOfSha(sha256);
  if (r < 0)
    return;
  ImageRow &row = m_rows[size_t(r)];
  row.width = width;
  row.height = height;
  if (!thumbnail.isNull())
    row.thumbnail = thumbnail;
  if (!preview.isNull()) {
    row.preview = preview;
    m_previewOrder.removeAll(sha256);
    m_previewOrder.append(sha256);
    while (m_previewOrder.size() > kMaxPreviews) {
      const int old = rowOfSha(m_previewOrder.takeFirst());
      if (old >= 0)
        m_rows[size_t(old)].preview = QImage();
    }
  }
  rowChanged(r);
}

void ImageListModel::setState(const QString &sha256, RowState state, const QString &error) {
  const int r = rowOfSha(sha256);
  if (r < 0)
    return;
  const RowState before = m_rows[size_t(r)].state;
  m_rows[size_t(r)].state = state;
  m_rows[size_t(r)].error = error;
  rowChanged(r);
  if (before != state)
    Q_EMIT rowStateChanged(m_rows[size_t(r)].path, int(before), int(state));
}

void ImageListModel::setResult(const ImageResult &result) {
  const int r = rowOfSha(result.sha256);
  if (r < 0)
    return;
  ImageRow &row = m_rows[size_t(r)];
  const RowState before = row.state;
  if (result.status == ImageStatus::Failed) {
    row.state = RowState::Failed;
    row.error = result.error;
  } else {
    row.state = RowState::Done;
    row.error.clear();
    if (m_posterior) {
      row.modelResult = result;
      row.result = m_posterior(result);
    } else {
      row.modelResult.reset();
      row.result = result;
    }
  }
  rowChanged(r);
  if (before != row.state)
    Q_EMIT rowStateChanged(row.path, int(before), int(row.state));
}

std::vector<ImageResult> ImageListModel::modelAnswers() const {
  std::vector<ImageResult> out;
  for (const ImageRow &row : m_rows)
    if (const ImageResult *r = row.modelAnswer())
      out.push_back(*r);
  return out;
}

void ImageListModel::setShownResults(const std::vector<ImageResult> &results, bool constrained) {
  for (const ImageResult &shown : results) {
    const int r = rowOfSha(shown.sha256);
    if (r < 0)
      continue;
    ImageRow &row = m_rows[size_t(r)];
    const ImageResult *model = row.modelAnswer();
    if (!model || model->settingsKey != shown.settingsKey)
      continue; // analysed again meanwhile: setResult already showed the new one
    if (constrained) {
      row.modelResult = *model;
      row.result = shown;
    } else {
      row.result = *model;
      row.modelResult.reset();
    }
    rowChanged(r);
  }
}

void ImageListModel::append(ImageRow row) {
  const int r = int(m_rows.size());
  beginInsertRows({}, r, r);
  m_byPath.insert(row.path, r);
  if (!row.sha256.isEmpty())
    m_bySha.insert(row.sha256, r);
  m_rows.push_back(std::move(row));
  endInsertRows();
  updateClassColumn();
  Q_EMIT rowStateChanged(m_rows.back().path, -1, int(m_rows.back().state));
}

void ImageListModel::insertAt(int r, ImageRow row) {
  r = std::clamp(r, 0, int(m_rows.size()));
  beginInsertRows({}, r, r);
  m_rows.insert(m_rows.begin() + r, std::move(row));
  reindex();
  endInsertRows();
  updateClassColumn();
  Q_EMIT rowStateChanged(m_rows[size_t(r)].path, -1, int(m_rows[size_t(r)].state));
}

void ImageListModel::removeAt(int r) {
  if (r < 0 || r >= int(m_rows.size()))
    return;
  beginRemoveRows({}, r, r);
  const QString path = m_rows[size_t(r)].path;
  const RowState before = m_rows[size_t(r)].state;
  m_rows.erase(m_rows.begin() + r);
  reindex();
  endRemoveRows();
  updateClassColumn();
  Q_EMIT rowStateChanged(path, int(before), -1);
}

void ImageListModel::clear() {
  beginResetModel();
  m_rows.clear();
  m_bySha.clear();
  m_byPath.clear();
  m_previewOrder.clear();
  m_showClass = false;
  m_groups.clear();
  m_groupOf.clear();
  endResetModel();
}

QString ImageListModel::failureReason(const QString &error, const QString &path) {
  for (const QString &prefix : {path, QDir::toNativeSeparators(path), QFileInfo(path).fileName()}) {
    if (!prefix.isEmpty() && error.startsWith(prefix + QStringLiteral(": ")))
      return error.mid(prefix.size() + 2);
  }
  return error;
}

QPixmap ImageListModel::thumbnailIcon(const QImage &thumbnail) {
  // A square of the icon size whatever the photo's shape, so that names line up in every row.
  QPixmap out(kIconSize, kIconSize);
  out.fill(Qt::transparent);
  if (thumbnail.isNull())
    return out;
  const QImage scaled = thumbnail.scaled(kIconSize, kIconSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
  QPainter p(&out);
  p.drawImage((kIconSize - scaled.width()) / 2, (kIconSize - scaled.height()) / 2, scaled);
  return out;
}

void ImageListModel::setCurrentSettingsKey(const QString &key) {
  if (key == m_settingsKey)
    return;
  m_settingsKey = key;
  if (!m_rows.empty())
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

bool ImageListModel::isStale(const ImageRow &row) const {
  return !m_settingsKey.isEmpty() && row.state == RowState::Done && row.result &&
         row.result->settingsKey != m_settingsKey;
}

int ImageListModel::countInState(RowState s) const {
  return int(std::count_if(m_rows.begin(), m_rows.end(), [s](const ImageRow &r) { return r.state == s; }));
}

void ImageListModel::rowChanged(int r) {
  Q_EMIT dataChanged(index(r, 0), index(r, columnCount() - 1));
}

std::optional<double> ImageListModel::taskProbability(const ImageResult &result, const QString &task,
                                                      const QString &label, bool negate) {
  for (const TaskOutcome &o : result.tasks) {
    if (o.name != task)
      continue;
    const qsizetype i = o.labels.indexOf(label);
    if (i < 0 || size_t(i) >= o.probs.size())
      return std::nullopt;
    return negate ? 1.0 - o.probs[size_t(i)] : o.probs[size_t(i)];
  }
  return std::nullopt;
}

void ImageListModel::setTaskColumns(const QVector<TaskColumn> &columns) {
  QVector<TaskColumn> cols = columns;
  for (TaskColumn &c : cols) {
    // The sort label chosen before is kept while the task still has it.
    for (const TaskColumn &old : m_taskColumns)
      if (old.name == c.name && c.sortLabel.isEmpty() && c.labels.contains(old.sortLabel))
        c.sortLabel = old.sortLabel;
    if (c.sortLabel.isEmpty() && !c.labels.isEmpty())
      c.sortLabel = c.labels.front();
  }
  const int first = ColumnCount + (m_showClass ? 1 : 0);
  if (!m_taskColumns.isEmpty()) {
    beginRemoveColumns({}, first, first + int(m_taskColumns.size()) - 1);
    m_taskColumns.clear();
    endRemoveColumns();
  }
  if (!cols.isEmpty()) {
    beginInsertColumns({}, first, first + int(cols.size()) - 1);
    m_taskColumns = cols;
    endInsertColumns();
  }
}

void ImageListModel::setTaskSortLabel(int taskIndex, const QString &label) {
  if (taskIndex < 0 || taskIndex >= m_taskColumns.size() || !m_taskColumns[taskIndex].labels.contains(label))
    return;
  m_taskColumns[taskIndex].sortLabel = label;
  const int col = taskColumn(taskIndex);
  Q_EMIT headerDataChanged(Qt::Horizontal, col, col);
  if (!m_rows.empty())
    Q_EMIT dataChanged(index(0, col), index(rowCount() - 1, col));
}

int ImageListModel::taskColumn(int i) const {
  return i >= 0 && i < m_taskColumns.size() ? int(ColumnCount) + (m_showClass ? 1 : 0) + i : -1;
}

int ImageListModel::taskIndexOfColumn(int column) const {
  const int i = column - int(ColumnCount) - (m_showClass ? 1 : 0);
  return i >= 0 && i < m_taskColumns.size() ? i : -1;
}

QVariant ImageListModel::taskData(const ImageRow &r, int task, int role) const {
  if (task < 0 || r.state != RowState::Done || !r.result)
    return role == SortRole ? QVariant(-1.0) : QVariant();
  const TaskColumn &c = m_taskColumns[task];
  const auto it = std::find_if(r.result->tasks.begin(), r.result->tasks.end(),
                               [&](const TaskOutcome &o) { return o.name == c.name; });
  if (it == r.result->tasks.end())
    return role == SortRole ? QVariant(-1.0) : QVariant();
  const int best = it->best();
  switch (role) {
  case SortRole:
    return taskProbability(*r.result, c.name, c.sortLabel).value_or(-1.0);
  case Qt::DisplayRole:
    if (best < 0)
      return {};
    return QStringLiteral("%1  %2%")
        .arg(it->labels[best])
        .arg(QLocale().toString(it->probs[size_t(best)] * 100, 'f', 0));
  case Qt::ToolTipRole: {
    QStringList lines{c.question.isEmpty() ? c.name : c.question};
    for (qsizetype i = 0; i < it->labels.size() && size_t(i) < it->probs.size(); ++i)
      lines << QStringLiteral("%1: %2 %")
                   .arg(it->labels[i], QLocale().toString(it->probs[size_t(i)] * 100, 'f', 1));
    return lines.join(QLatin1Char('\n'));
  }
  case Qt::ForegroundRole:
    return isStale(r) ? QVariant(QColor(0x80, 0x80, 0x80)) : QVariant();
  }
  return {};
}

bool ImageListModel::setClassTag(const QString &sha256, const QString &tag) {
  const int r = rowOfSha(sha256);
  if (r < 0)
    return false;
  m_rows[size_t(r)].classTag = tag.trimmed();
  updateClassColumn();
  rowChanged(r);
  return true;
}

QStringList ImageListModel::classTags() const {
  QStringList out;
  for (const ImageRow &r : m_rows)
    if (!r.classTag.isEmpty() && !out.contains(r.classTag))
      out << r.classTag;
  out.sort(Qt::CaseInsensitive);
  return out;
}

void ImageListModel::updateClassColumn() {
  const bool any =
      std::any_of(m_rows.begin(), m_rows.end(), [](const ImageRow &r) { return !r.classTag.isEmpty(); });
  if (any == m_showClass)
    return;
  if (any) {
    beginInsertColumns({}, ColumnCount, ColumnCount);
    m_showClass = true;
    endInsertColumns();
  } else {
    beginRemoveColumns({}, ColumnCount, ColumnCount);
    m_showClass = false;
    endRemoveColumns();
  }
}

void ImageListModel::reindex() {
  m_bySha.clear();
  m_byPath.clear();
  for (int i = 0; i < int(m_rows.size()); ++i) {
    m_byPath.insert(m_rows[size_t(i)].path, i);
    if (!m_rows[size_t(i)].sha256.isEmpty())
      m_bySha.insert(m_rows[size_t(i)].sha256, i);
  }
}

} // namespace streetlens::ui
