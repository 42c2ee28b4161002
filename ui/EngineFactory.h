#pragma once
// How the UI gets an engine without including torch: the composition root (app/gui/main.cpp, or a
// test) hands the window an EngineFactory; the analysis worker calls it on its own thread, so the
// engine is created, used and destroyed on that thread. Plain types, any thread.
#include "core/analysis/EmbeddingEngine.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace streetlens::ui {

// What the user chose in the settings (passed to the factory).
struct EngineRequest {
  QString modelDir;
  QString device = QStringLiteral("auto");    // auto | cpu | cuda | cuda:N
  QString precision = QStringLiteral("auto"); // auto | fp32 | bf16 | fp16
  int batchSize = 8;
  int threads = 0;
};

struct CreatedEngine {
  std::unique_ptr<EmbeddingEngine> engine; // null on failure (then `error` says why)
  QString error;
  // Optional: events the engine wants to tell the user about (e.g. "batch halved after
  // out-of-memory"); called on the worker thread after each batch.
  std::function<QStringList()> takeNotices;
};

using EngineFactory = std::function<CreatedEngine(const EngineRequest &request)>;

} // namespace streetlens::ui
