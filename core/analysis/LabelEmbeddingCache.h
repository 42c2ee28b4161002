#pragma once
// Disk cache of text embeddings: one file per (model SHA-256, prompt list), named by the SHA-256
// of both, so a changed model, template or label list can never reuse a stale entry. Files are
// written atomically and checked (magic, sizes, checksum) when read; a damaged file is ignored and
// recomputed. Used from the analysis worker thread.
#include "core/analysis/EmbeddingEngine.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace streetlens {

class LabelEmbeddingCache {
public:
  explicit LabelEmbeddingCache(QString dir);
  static QString key(const QString &modelHash, const QStringList &prompts);
  std::optional<EmbeddingMatrix> load(const QString &key) const;
  // Best effort: a failed write (read-only or full disk) only costs a recomputation next time.
  bool store(const QString &key, const EmbeddingMatrix &m) const;
  QString dir() const { return dir_; }

private:
  QString dir_;
};

// The text embeddings (projected, un-normalised) of `prompts`: from the cache when it has them
// (*hit = true), else embedded by `engine` in chunks and stored. progress(done, total) is called
// before each chunk and at the end; returning false cancels (*error = "cancelled"). nullopt on
// failure with *error. Runs on the engine's thread.
std::optional<EmbeddingMatrix> embedPromptsCached(EmbeddingEngine &engine, const LabelEmbeddingCache &cache,
                                                  const QStringList &prompts,
                                                  const std::function<bool(int, int)> &progress, bool *hit,
                                                  QString *error);

} // namespace streetlens
