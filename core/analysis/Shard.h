#pragma once
// Shard: which part K of N of a batch one task analyses (streetlens-cli predict/eval --shard K/N,
// --shard-from-env; docs/SCALE.md). A value type with no thread of its own; AnalysisSession applies
// it to every input it is given. The partition is stable: an input's shard depends only on its
// shard key (the path relative to the folder it was found in), never on the order of discovery, the
// other inputs, the machine or the mount point; every input lands in exactly one of the N shards.
#include <QHash>
#include <QString>
#include <optional>

namespace streetlens {

struct Shard {
  int index = 0; // K, from 0 to count - 1
  int count = 1; // N >= 1

  // "K/N" with 0 <= K < N. nullopt with *error naming the value otherwise.
  static std::optional<Shard> parse(const QString &text, QString *error);
  // From the scheduler's environment: SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN (0 when unset) of
  // SLURM_ARRAY_TASK_COUNT (an array with a step other than 1 is refused), else Kubernetes'
  // JOB_COMPLETION_INDEX of `count` (from --shard-count, else STREETLENS_SHARD_COUNT).
  // `count` <= 0: not given. nullopt with *error saying what is missing or wrong.
  static std::optional<Shard> fromEnvironment(const QHash<QString, QString> &env, int count, QString *error);

  // The shard of a key among `count`: the first 8 bytes of SHA-256(UTF-8 key), big-endian, modulo
  // count.
  static int shardOf(const QString &key, int count);
  bool contains(const QString &key) const { return count <= 1 || shardOf(key, count) == index; }
  QString text() const { return QStringLiteral("%1/%2").arg(index).arg(count); }
  bool operator==(const Shard &) const = default;
};

// The shard key of a file found under an input argument: its path relative to `root` (the folder
// given on the command line) with '/' separators; for a file given itself (`root` empty), its name.
QString shardKeyOf(const QString &path, const QString &root);

} // namespace streetlens
