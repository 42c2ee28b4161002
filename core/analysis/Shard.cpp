#include "core/analysis/Shard.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QtEndian>

namespace streetlens {

namespace {

// A whole number >= 0 (no sign, no spaces); -1 when it is not one.
qint64 wholeNumber(const QString &text) {
  bool ok = false;
  const qint64 v = text.toLongLong(&ok);
  if (!ok || v < 0 || text.trimmed() != text || text.startsWith(QLatin1Char('+')))
    return -1;
  return v;
}

constexpr qint64 kMaxShards = 1000000;

} // namespace

std::optional<Shard> Shard::parse(const QString &text, QString *error) {
  const QStringList parts = text.split(QLatin1Char('/'));
  const qint64 k = parts.size() == 2 ? wholeNumber(parts[0]) : -1;
  const qint64 n = parts.size() == 2 ? wholeNumber(parts[1]) : -1;
  if (k < 0 || n < 1 || n > kMaxShards) {
    *error = QStringLiteral("--shard \"%1\": expected K/N with whole numbers, N from 1 to %2 (e.g. 0/4)")
                 .arg(text)
                 .arg(kMaxShards);
    return std::nullopt;
  }
  if (k >= n) {
    *error = QStringLiteral("--shard %1: K counts from 0, so it must be below N (%2)").arg(text).arg(n);
    return std::nullopt;
  }
  return Shard{int(k), int(n)};
}

std::optional<Shard> Shard::fromEnvironment(const QHash<QString, QString> &env, int count, QString *error) {
  const auto var = [&](const char *name) { return env.value(QLatin1String(name)); };
  if (!var("SLURM_ARRAY_TASK_ID").isEmpty()) {
    const qint64 id = wholeNumber(var("SLURM_ARRAY_TASK_ID"));
    const qint64 n = wholeNumber(var("SLURM_ARRAY_TASK_COUNT"));
    const QString minText = var("SLURM_ARRAY_TASK_MIN");
    const qint64 min = minText.isEmpty() ? 0 : wholeNumber(minText);
    const QString step = var("SLURM_ARRAY_TASK_STEP");
    if (id < 0 || n < 1 || n > kMaxShards || min < 0) {
      *error = QStringLiteral("--shard-from-env: SLURM_ARRAY_TASK_ID=%1 needs SLURM_ARRAY_TASK_COUNT (a "
                              "whole number from 1 to %2), found \"%3\"")
                   .arg(var("SLURM_ARRAY_TASK_ID"))
                   .arg(kMaxShards)
                   .arg(var("SLURM_ARRAY_TASK_COUNT"));
      return std::nullopt;
    }
    if (!step.isEmpty() && step != QLatin1String("1")) {
      *error = QStringLiteral("--shard-from-env: SLURM_ARRAY_TASK_STEP=%1: use an array without a step "
                              "(--array=0-%2)")
                   .arg(step)
                   .arg(n - 1);
      return std::nullopt;
    }
    if (count > 0 && count != n) {
      *error = QStringLiteral("--shard-from-env: --shard-count %1 contradicts SLURM_ARRAY_TASK_COUNT=%2")
                   .arg(count)
                   .arg(n);
      return std::nullopt;
    }
    if (id < min || id - min >= n) {
      *error = QStringLiteral("--shard-from-env: SLURM_ARRAY_TASK_ID=%1 is not one of %2 tasks from "
                              "SLURM_ARRAY_TASK_MIN=%3 (use a contiguous array such as --array=0-%4)")
                   .arg(id)
                   .arg(n)
                   .arg(min)
                   .arg(n - 1);
      return std::nullopt;
    }
    return Shard{int(id - min), int(n)};
  }
  if (!var("JOB_COMPLETION_INDEX").isEmpty()) {
    const qint64 index = wholeNumber(var("JOB_COMPLETION_INDEX"));
    qint64 n = count;
    if (n <= 0 && !var("STREETLENS_SHARD_COUNT").isEmpty())
      n = wholeNumber(var("STREETLENS_SHARD_COUNT"));
    if (index < 0) {
      *error = QStringLiteral("--shard-from-env: JOB_COMPLETION_INDEX=\"%1\" is not a whole number")
                   .arg(var("JOB_COMPLETION_INDEX"));
      return std::nullopt;
    }
    if (n < 1 || n > kMaxShards) {
      *error = QStringLiteral("--shard-from-env: JOB_COMPLETION_INDEX needs the number of shards: give "
                              "--shard-count N or STREETLENS_SHARD_COUNT (the Job's completions), from 1 "
                              "to %1")
                   .arg(kMaxShards);
      return std::nullopt;
    }
    if (index >= n) {
      *error = QStringLiteral("--shard-from-env: JOB_COMPLETION_INDEX=%1 must be below the shard count %2")
                   .arg(index)
                   .arg(n);
      return std::nullopt;
    }
    return Shard{int(index), int(n)};
  }
  *error = QStringLiteral("--shard-from-env: neither SLURM_ARRAY_TASK_ID (a SLURM job array) nor "
                          "JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) is set");
  return std::nullopt;
}

int Shard::shardOf(const QString &key, int count) {
  if (count <= 1)
    return 0;
  const QByteArray h = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256);
  const quint64 v = qFromBigEndian<quint64>(h.constData());
  return int(v % quint64(count));
}

QString shardKeyOf(const QString &path, const QString &root) {
  if (root.isEmpty())
    return QFileInfo(path).fileName();
  // Both made absolute: QDir::relativeFilePath reads a relative `path` as relative to `root`.
  return QDir::fromNativeSeparators(
      QDir(QFileInfo(root).absoluteFilePath()).relativeFilePath(QFileInfo(path).absoluteFilePath()));
}

} // namespace streetlens
