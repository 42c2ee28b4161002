#include "ui/SelectionPresenter.h"

#include "core/imageio/ExifInfo.h"
#include "ui/AnalysisController.h"
#include "ui/ImageListModel.h"
#include "ui/PhotoView.h"
#include "ui/ResultsPanel.h"

#include <QAbstractProxyModel>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QLocale>
#include <QTableView>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace streetlens::ui {

SelectionPresenter::SelectionPresenter(QTableView *list, ImageListModel *model, PhotoView *photo,
                                       ResultsPanel *panel, const AnalysisController *analysis,
                                       QObject *parent)
    : QObject(parent), m_list(list), m_model(model), m_photo(photo), m_panel(panel), m_analysis(analysis) {
  // Selection changes are shown at once; row updates (a batch finishing rows) once per event-loop
  // turn, so that a finished batch does not redraw the map once per row.
  connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          &SelectionPresenter::refresh);
  connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          &SelectionPresenter::refresh);
  connect(m_model, &QAbstractItemModel::dataChanged, this,
          [this](const QModelIndex &tl, const QModelIndex &br) {
            const QItemSelectionModel *sel = m_list->selectionModel();
            for (int r = tl.row(); r <= br.row(); ++r) {
              const QModelIndex v = viewIndex(r);
              if (v.isValid() && sel->isRowSelected(v.row(), {})) {
                scheduleRefresh();
                return;
              }
            }
          });
  connect(m_model, &QAbstractItemModel::modelReset, this, &SelectionPresenter::refresh);
  connect(&m_cameraWatcher, &QFutureWatcherBase::finished, this, [this] {
    const QString path = m_cameraWatcher.property("path").toString();
    m_camera = m_cameraWatcher.result();
    m_cameraPath = path;
    const int focus = focusRow();
    if (focus >= 0 && m_model->row(focus).path == path)
      m_panel->setDetails(detailsHtml(m_model->row(focus), m_camera));
  });
  connect(m_model, &QAbstractItemModel::rowsRemoved, this, &SelectionPresenter::refresh);
}

SelectionPresenter::~SelectionPresenter() {
  m_cameraWatcher.waitForFinished();
}

int SelectionPresenter::modelRow(const QModelIndex &viewIndex) const {
  if (!viewIndex.isValid())
    return -1;
  const auto *proxy = qobject_cast<const QAbstractProxyModel *>(m_list->model());
  return proxy ? proxy->mapToSource(viewIndex).row() : viewIndex.row();
}

QModelIndex SelectionPresenter::viewIndex(int modelRow) const {
  if (modelRow < 0 || modelRow >= m_model->rowCount())
    return {};
  const auto *proxy = qobject_cast<const QAbstractProxyModel *>(m_list->model());
  return proxy ? proxy->mapFromSource(m_model->index(modelRow, 0)) : m_model->index(modelRow, 0);
}

int SelectionPresenter::focusRow() const {
  const QItemSelectionModel *sel = m_list->selectionModel();
  const QModelIndex cur = sel->currentIndex();
  if (cur.isValid() && sel->isRowSelected(cur.row(), {}))
    return modelRow(cur);
  // Else the first selected row as the list shows them.
  int first = -1;
  for (const QModelIndex &i : sel->selectedRows())
    first = first < 0 ? i.row() : std::min(first, i.row());
  return first < 0 ? -1 : modelRow(m_list->model()->index(first, 0));
}

std::vector<int> SelectionPresenter::selectedRows() const {
  std::vector<int> rows;
  for (const QModelIndex &i : m_list->selectionModel()->selectedRows())
    rows.push_back(modelRow(i));
  std::sort(rows.begin(), rows.end());
  return rows;
}

std::vector<ImageResult> SelectionPresenter::selectedResults() const {
  std::vector<ImageResult> out;
  for (int r : selectedRows()) {
    const ImageRow &row = m_model->row(r);
    if (row.state == RowState::Done && row.result)
      out.push_back(*row.result);
  }
  return out;
}

QString SelectionPresenter::detailsHtml(const ImageRow &row, const QString &camera) {
  const QLocale loc;
  auto line = [](const QString &name, const QString &value) {
    return QStringLiteral("<b>%1</b> %2").arg(name.toHtmlEscaped(), value.toHtmlEscaped());
  };
  QStringList lines;
  lines << line(tr("File:"), QDir::toNativeSeparators(row.path));
  if (!row.sha256.isEmpty() && !row.sha256.startsWith(QLatin1String("path:"))) // two lines of 32
    lines << line(tr("SHA-256:"), row.sha256.left(32)) + QStringLiteral("<br>") + row.sha256.mid(32);
  QString size = row.size > 0 ? loc.formattedDataSize(row.size) : QString();
  if (row.width > 0 && row.height > 0)
    size += (size.isEmpty() ? QString() : QStringLiteral(" · ")) +
            tr("%1 × %2 pixels").arg(row.width).arg(row.height);
  if (!size.isEmpty())
    lines << line(tr("Size:"), size);
  const ImageResult *r = row.result ? &*row.result : nullptr;
  if (r && r->exifTime.isValid())
    lines << line(tr("Taken:"), loc.toString(r->exifTime, QLocale::LongFormat));
  if (!camera.isEmpty())
    lines << line(tr("Camera:"), camera);
  if (r && r->exifLocation) {
    QString gps =
        QStringLiteral("%1, %2").arg(r->exifLocation->lat, 0, 'f', 6).arg(r->exifLocation->lon, 0, 'f', 6);
    if (r->exifAltitude)
      gps += tr(", %1 m").arg(loc.toString(*r->exifAltitude, 'f', 0));
    lines << line(tr("EXIF GPS:"), gps);
  }
  if (r && r->analyzedAt.isValid())
    lines << line(tr("Analysed:"), loc.toString(r->analyzedAt.toLocalTime(), QLocale::ShortFormat));
  return QStringLiteral("<small>") + lines.join(QStringLiteral("<br>")) + QStringLiteral("</small>");
}

QString SelectionPresenter::fileMissingNote(const ImageRow &row) {
  if (row.path.isEmpty() || QFileInfo::exists(row.path))
    return {};
  return tr("File missing: %1 is no longer on disk; this is the copy stored in the project.")
      .arg(QDir::toNativeSeparators(row.path));
}

void SelectionPresenter::scheduleRefresh() {
  if (m_refreshPending)
    return;
  m_refreshPending = true;
  QTimer::singleShot(0, this, &SelectionPresenter::refresh);
}

void SelectionPresenter::refresh() {
  m_refreshPending = false;
  const int focus = focusRow();
  showFocus(focus);
  const std::vector<ImageResult> results = selectedResults();
  QStringList shas, keys;
  for (const ImageResult &r : results) {
    shas << r.sha256;
    // The constraint's share tells a constrained view of the same result from the model's own.
    keys << r.sha256 + QLatin1Char('|') + QString::number(r.analyzedAt.toMSecsSinceEpoch()) +
                QLatin1Char('|') + r.settingsKey + QLatin1Char('|') +
                (r.constraintMass ? QString::number(*r.constraintMass, 'g', 17) : QString());
  }
  const bool changed = keys != m_shownKeys;
  m_shownShas = shas;
  m_shownKeys = keys;
  if (focus != m_shownFocus) {
    m_shownFocus = focus;
    Q_EMIT focusChanged(focus);
  }
  if (changed)
    Q_EMIT selectedResultsChanged(results);
}

void SelectionPresenter::focusResult(int resultIndex) {
  if (resultIndex < 0 || resultIndex >= m_shownShas.size())
    return;
  const QModelIndex idx = viewIndex(m_model->rowOfSha(m_shownShas[resultIndex]));
  if (!idx.isValid())
    return;
  m_list->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::NoUpdate);
  m_list->scrollTo(idx);
  refresh();
}

void SelectionPresenter::showFocus(int focus) {
  if (focus < 0) {
    m_photo->showMessage(m_model->rowCount() > 0
                             ? tr("Select a photo in the list to see it here.")
                             : tr("Drop photos or folders here, or use File > Open images."));
    m_panel->clear();
    return;
  }
  const ImageRow &row = m_model->row(focus);
  const int selected = std::max<int>(1, int(m_list->selectionModel()->selectedRows().size()));
  const QString name = QFileInfo(row.path).fileName();
  m_photo->showPhoto(row.path, row.thumbnail, row.preview);
  const QString missing = fileMissingNote(row);
  m_photo->setNote(missing);
  QStringList warnings;
  if (!missing.isEmpty())
    warnings << tr("File missing on disk.");
  switch (row.state) {
  case RowState::Done:
    if (row.result) {
      m_panel->showResult(*row.result, selected);
      const QString key = m_analysis ? m_analysis->settingsKey() : QString();
      if (!key.isEmpty() && m_analysis->isEngineReady() && row.result->settingsKey != key)
        warnings << tr("Computed with other settings or another model than the current ones: use "
                       "Analysis > Re-analyse to apply them.");
    }
    break;
  case RowState::Failed:
    m_panel->showStatus(name, tr("Failed: %1").arg(row.error));
    break;
  case RowState::Running:
    m_panel->showStatus(name, tr("Being analysed…"));
    break;
  case RowState::Cancelled:
    m_panel->showStatus(name, tr("Cancelled. Use Analysis > Re-analyse to run it."));
    break;
  default:
    m_panel->showStatus(name, m_analysis && m_analysis->isEngineReady()
                                  ? tr("Waiting in the queue.")
                                  : tr("Waiting for a model to be loaded."));
  }
  m_panel->setWarning(warnings.join(QLatin1Char(' ')));
  m_panel->setDetails(detailsHtml(row, m_cameraPath == row.path ? m_camera : QString()));
  if (m_cameraPath != row.path && missing.isEmpty() &&
      m_cameraWatcher.property("path").toString() != row.path) { // camera make and model, off this thread
    m_cameraWatcher.setProperty("path", row.path);
    const QString path = row.path;
    m_cameraWatcher.setFuture(QtConcurrent::run([path] {
      QFile f(path);
      if (!f.open(QIODevice::ReadOnly))
        return QString();
      const ExifInfo exif = readExif(f.read(qint64(64) << 20));
      return QStringList{exif.cameraMake.trimmed(), exif.cameraModel.trimmed()}
          .join(QLatin1Char(' '))
          .trimmed();
    }));
  }
}

} // namespace streetlens::ui
