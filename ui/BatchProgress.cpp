#include "ui/BatchProgress.h"

#include "ui/ImageListModel.h"

namespace streetlens::ui {

namespace {
bool waiting(int state) {
  return state == int(RowState::Reading) || state == int(RowState::Queued) || state == int(RowState::Running);
}
} // namespace

BatchProgress::BatchProgress(ImageListModel *model, QObject *parent) : QObject(parent) {
  connect(model, &ImageListModel::rowStateChanged, this, &BatchProgress::onRowState);
  connect(model, &QAbstractItemModel::modelReset, this, [this] {
    reset();
    Q_EMIT changed();
  });
}

void BatchProgress::reset() {
  m_waiting.clear();
  m_done = m_total = m_analysed = m_failed = m_cancelled = 0;
  m_firstFinishMs = -1;
  m_doneAtFirstFinish = 0;
}

void BatchProgress::onRowState(const QString &path, int from, int to) {
  if (waiting(to)) {
    if (m_waiting.contains(path))
      return;
    if (!isActive()) { // the first waiting photo after a finished batch starts a new one
      reset();
      m_clock.start();
    }
    m_waiting.insert(path);
    ++m_total;
    Q_EMIT changed();
    return;
  }
  if (!m_waiting.remove(path))
    return;
  ++m_done;
  if (to == int(RowState::Done))
    ++m_analysed;
  else if (to == int(RowState::Failed))
    ++m_failed;
  else if (to == int(RowState::Cancelled))
    ++m_cancelled;
  if (m_firstFinishMs < 0 && from == int(RowState::Running)) {
    m_firstFinishMs = m_clock.elapsed();
    m_doneAtFirstFinish = m_done;
  }
  Q_EMIT changed();
  if (!isActive())
    Q_EMIT batchFinished();
}

int BatchProgress::etaSeconds() const {
  // From the pace since the first photo the engine finished (loading the model and reading files
  // before it do not count).
  if (m_firstFinishMs < 0 || m_done <= m_doneAtFirstFinish)
    return -1;
  const double perPhoto =
      double(m_clock.elapsed() - m_firstFinishMs) / 1000.0 / (m_done - m_doneAtFirstFinish);
  return int(perPhoto * (m_total - m_done) + 0.5);
}

void BatchProgress::setPreparing(int done, int total) {
  if (done == m_prepDone && total == m_prepTotal)
    return;
  m_prepDone = done;
  m_prepTotal = total;
  Q_EMIT changed();
}

} // namespace streetlens::ui
