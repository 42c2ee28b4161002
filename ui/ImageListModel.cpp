#include "ui/ImageListModel.h"

#include "ui/PlaceNames.h"

#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QIcon>
#include <QLocale>
#include <QPainter>
#include <QPixmap>

namespace streetlens::ui {

ImageListModel::ImageListModel(QObject *parent) : QAbstractTableModel(parent) {}

int ImageListModel::rowCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : int(m_rows.size());
}

int ImageListModel::columnCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : ColumnCount;
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
    case VerdictColumn: { // the verdict, and a pencil when the analyst wrote a note
      QString text = verdictText(r.annotation.verdict);
      if (!r.annotation.note.trimmed().isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + QStringLiteral("\u270E");
      if (r.annotation.truth)
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + QStringLiteral("\u2691");
      return text;
    }
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
  if (o != Qt::Horizontal || role != Qt::DisplayRole)
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
  }
  return {};
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
  Q_EMIT rowStateChanged(m_rows.back().path, -1, int(m_rows.back().state));
}

void ImageListModel::insertAt(int r, ImageRow row) {
  r = std::clamp(r, 0, int(m_rows.size()));
  beginInsertRows({}, r, r);
  m_rows.insert(m_rows.begin() + r, std::move(row));
  reindex();
  endInsertRows();
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
  Q_EMIT rowStateChanged(path, int(before), -1);
}

void ImageListModel::clear() {
  beginResetModel();
  m_rows.clear();
  m_bySha.clear();
  m_byPath.clear();
  m_previewOrder.clear();
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
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

bool ImageListModel::isStale(const ImageRow &row) const {
  return !m_settingsKey.isEmpty() && row.state == RowState::Done && row.result &&
         row.result->settingsKey != m_settingsKey;
}

int ImageListModel::countInState(RowState s) const {
  return int(std::count_if(m_rows.begin(), m_rows.end(), [s](const ImageRow &r) { return r.state == s; }));
}

void ImageListModel::rowChanged(int r) {
  Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
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
