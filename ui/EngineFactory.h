#pragma once
// How the UI gets an engine without including torch: the composition root (app/gui/main.cpp, or a
// test) hands the window an EngineFactory; the analysis worker calls it on its own thread, so the
// engine is created, used and destroyed on that thread. The options are the one EngineOptions type
// of core (the CLI's too). Plain types, any thread.
#include "core/analysis/EmbeddingEngine.h"
#include "core/analysis/EngineOptions.h"

#include <QString>
#include <functional>
#include <memory>

namespace streetlens::ui {

struct CreatedEngine {
  std::unique_ptr<EmbeddingEngine> engine; // null on failure (then `error` says why)
  QString error;
};

using EngineFactory = std::function<CreatedEngine(const EngineOptions &options)>;

} // namespace streetlens::ui
