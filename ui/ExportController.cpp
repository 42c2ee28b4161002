#include "ui/ExportController.h"

#include "core/export/Exporter.h"

#include <QtConcurrent/QtConcurrentRun>

namespace streetlens::ui {

ExportController::ExportController(QObject *parent) : QObject(parent) {
  connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
    const auto [ok, error] = m_watcher.future().result();
    m_running = false;
    Q_EMIT finished(m_path, ok, error, m_count);
  });
}

ExportController::~ExportController() {
  m_watcher.waitForFinished();
}

bool ExportController::start(std::vector<ImageResult> results, exporting::ExportFormat format,
                             const QString &path, const exporting::ExportOptions &options,
                             exporting::ReportContext context) {
  if (m_running)
    return false;
  m_running = true;
  m_path = path;
  m_count = int(results.size());
  Q_EMIT started(path, m_count);
  m_watcher.setFuture(
      QtConcurrent::run([results = std::move(results), format, path, options, ctx = std::move(context)] {
        QString error;
        const bool ok = exporting::exportResults(results, format, path, options, ctx, &error);
        return std::make_pair(ok, error);
      }));
  return true;
}

} // namespace streetlens::ui
