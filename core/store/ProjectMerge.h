#pragma once
// mergeProjects: the shard projects of one sharded batch (streetlens-cli predict --shard K/N
// --project shard-K.streetlens) made into one project file, for `streetlens-cli merge`
// (docs/SCALE.md). Runs on the calling thread; opens its own connections and closes them.
#include <QString>
#include <QStringList>
#include <optional>

namespace streetlens::store {

struct MergeSummary {
  int images = 0;     // in the merged project
  int duplicates = 0; // the same photo (SHA-256) in more than one shard, kept once
  int done = 0, failed = 0, queued = 0;
};

// Reads every shard and writes `target` anew (to a temporary file in its folder, renamed over it
// when complete, so a kill leaves the old target or the new one, never half of one). The images are
// the union of the shards', one per SHA-256, in path order; where shards disagree about one photo,
// a result that is done wins over a failure, which wins over an image not analysed yet; equal
// standing keeps the first shard's (in the order given). Refused, with the files named: a shard that
// is missing or no project; shards whose model SHA-256 or precision differs, or whose analysis
// settings differ; `target` being one of the shards. Merging the same shards again gives the same
// images and results.
std::optional<MergeSummary> mergeProjects(const QStringList &shards, const QString &target, QString *error);

} // namespace streetlens::store
