#pragma once
// The analysis half of streetlens-cli predict and eval: the geolocation options (mode, prompts,
// hierarchy sizes, constraints, grouping), the prepared engine + analyzer of one run, and the
// synchronous drive of the shared pipeline (AnalysisSession). Runs on the main thread.
#include "app/cli/CliCommon.h"
#include "core/analysis/GeoAnalyzer.h"
#include "core/analysis/Shard.h"
#include "core/analysis/SiteFusion.h"

#include <functional>
#include <optional>

namespace streetlens::store {
class ProjectStore;
}

namespace streetlens::cli {

// Expands files and folders (recursively, image extensions only, sorted) into a file list; each
// missing one is reported and counted. `shardKeys` (when given) receives each file's shard key, in
// the same order: its path relative to the folder argument it was found in (Shard.h).
QStringList collectInputs(const QStringList &args, int *missing, QStringList *shardKeys = nullptr);

// --top-k, --mode, --max-countries, --cities-per-country, the templates, --prompts, --candidates,
// --cache-dir, the constraints (--countries, --exclude-countries, --regions, --exclude-regions,
// --within, --exclude, --near, and the sun band: --sun-time, --shadow-ratio, ... of CliSun.h),
// --uncertain-km2 and the engine options.
void addAnalysisOptions(QCommandLineParser &p);

// The engine, gazetteer and analyzer of one run, prepared (label embeddings ready).
struct Run {
  std::unique_ptr<TorchEngine> engine;
  std::shared_ptr<const gazetteer::Gazetteer> gazetteer;
  std::unique_ptr<GeoAnalyzer> analyzer;
  EngineOptions options;
  AnalysisSettings settings;
  GeoConstraint constraint;
  double uncertainKm2 = 0;
  Shard shard;           // --shard / --shard-from-env (0/1: everything)
  QStringList shardKeys; // parallel to the files given to analyzeAll (empty: the file names)
};
// Checks the analysis, engine and constraint options (usage errors, exit 2; the constraint's files
// are read) before anything heavy is loaded. Returns -1 to go on, else the exit code (printed).
int checkRunOptions(const QCommandLineParser &p, Run &run);
// Loads the model and embeds the label sets (after checkRunOptions). -1 or the exit code.
int prepareRun(const QCommandLineParser &p, Run &run);

// --shard K/N, --shard-from-env, --shard-count N (predict and eval; docs/SCALE.md).
void addShardOptions(QCommandLineParser &p);
// Reads them into run.shard. -1 to go on, else the exit code (Usage, printed).
int shardFromOptions(const QCommandLineParser &p, Run &run);

// Analyses files with the shared pipeline; every final result goes to `sink` in input order. With
// a shard, only the files whose key (run.shardKeys) falls in run.shard are analysed; the session
// drops the others.
void analyzeAll(Run &run, const QStringList &files, std::unique_ptr<store::ProjectStore> project,
                const std::function<void(ImageResult &&)> &sink);

// --group-by folder | FILE.csv: nullopt when not given; false (error printed) when invalid.
bool siteGrouping(const QCommandLineParser &p, std::optional<SiteGrouping> &out);

} // namespace streetlens::cli
