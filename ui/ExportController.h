#pragma once
// ExportController: the window's exports. Owns the one export job that may run at a time (a
// QtConcurrent task that gets copies of the results and the report context, so it shares nothing
// with the window) and reports its end with finished(). Lives on the GUI thread; never blocks it.
#include "core/analysis/GeoResult.h"
#include "core/export/ExportTypes.h"

#include <QFutureWatcher>
#include <QObject>
#include <utility>
#include <vector>

namespace streetlens::ui {

class ExportController : public QObject {
  Q_OBJECT
public:
  explicit ExportController(QObject *parent = nullptr);
  ~ExportController() override; // waits for a running export (it holds copies only)

  bool isRunning() const { return m_running; }
  // Writes `results` to `path` as `format` on a worker thread; false when an export is running.
  bool start(std::vector<ImageResult> results, exporting::ExportFormat format, const QString &path,
             const exporting::ExportOptions &options, exporting::ReportContext context);

Q_SIGNALS:
  void started(const QString &path, int count);
  // `error` names the file and the problem when the exporter gave one (it may be empty on failure).
  void finished(const QString &path, bool ok, const QString &error, int count);

private:
  QFutureWatcher<std::pair<bool, QString>> m_watcher; // result: success, the error
  QString m_path;
  int m_count = 0;
  bool m_running = false;
};

} // namespace streetlens::ui
