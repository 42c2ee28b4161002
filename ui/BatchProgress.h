#pragma once
// BatchProgress: the progress of the current batch as the list shows it. A batch is the photos
// waiting (being read, queued or analysed) from the moment one starts waiting until none does;
// each photo counts once and counts as done when its row is finished (done, failed, cancelled) or
// removed, so the numbers only grow and always match the list — also while files are still being
// found, and at a cancel. Also holds the preparation of the place labels while a model loads,
// shown as the current phase. Watches the ImageListModel's row states; owns only its counts. GUI
// thread.
#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QString>

namespace streetlens::ui {

class ImageListModel;

class BatchProgress : public QObject {
  Q_OBJECT
public:
  explicit BatchProgress(ImageListModel *model, QObject *parent = nullptr);

  bool isActive() const { return m_done < m_total; }
  int done() const { return m_done; }
  int total() const { return m_total; }
  // Of the finished photos of the batch: how many were analysed, failed, cancelled.
  int analysed() const { return m_analysed; }
  int failed() const { return m_failed; }
  int cancelled() const { return m_cancelled; }
  // Seconds left for the batch (-1 while unknown).
  int etaSeconds() const;

  // The label preparation of a model being loaded: done / total (total 0: none running).
  void setPreparing(int done, int total);
  int preparingDone() const { return m_prepDone; }
  int preparingTotal() const { return m_prepTotal; }
  bool isPreparing() const { return m_prepTotal > 0 && m_prepDone < m_prepTotal; }

Q_SIGNALS:
  void changed();
  void batchFinished(); // every photo of the batch is finished (summary: analysed/failed/cancelled)

private:
  void onRowState(const QString &path, int from, int to);
  void reset();

  QSet<QString> m_waiting; // rows of the batch not finished yet, by path
  int m_done = 0, m_total = 0, m_analysed = 0, m_failed = 0, m_cancelled = 0;
  int m_prepDone = 0, m_prepTotal = 0;
  QElapsedTimer m_clock;
  qint64 m_firstFinishMs = -1;
  int m_doneAtFirstFinish = 0;
};

} // namespace streetlens::ui
