#include "core/analysis/LabelEmbeddingCache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <cstring>

namespace streetlens {
namespace {
constexpr char kMagic[8] = {'S', 'L', 'E', 'M', 'B', '0', '0', '1'};
struct Header {
  char magic[8];
  qint32 rows;
  qint32 cols;
  char sha256[32]; // of the float payload
};
} // namespace

LabelEmbeddingCache::LabelEmbeddingCache(QString dir) : dir_(std::move(dir)) {}

QString LabelEmbeddingCache::key(const QString &modelHash, const QStringList &prompts) {
  QCryptographicHash h(QCryptographicHash::Sha256);
  h.addData(modelHash.toUtf8());
  for (const QString &p : prompts) {
    h.addData(QByteArrayView("\x1f", 1));
    h.addData(p.toUtf8());
  }
  return QString::fromLatin1(h.result().toHex());
}

std::optional<EmbeddingMatrix> LabelEmbeddingCache::load(const QString &key) const {
  if (dir_.isEmpty())
    return std::nullopt;
  QFile f(QDir(dir_).filePath(key + QStringLiteral(".emb")));
  if (!f.open(QIODevice::ReadOnly))
    return std::nullopt;
  Header hdr{};
  if (f.read(reinterpret_cast<char *>(&hdr), sizeof hdr) != qint64(sizeof hdr) ||
      std::memcmp(hdr.magic, kMagic, 8) != 0 || hdr.rows <= 0 || hdr.cols <= 0 || hdr.cols > 65536 ||
      qint64(hdr.rows) * hdr.cols * 4 != f.size() - qint64(sizeof hdr))
    return std::nullopt;
  EmbeddingMatrix m;
  m.rows = hdr.rows;
  m.cols = hdr.cols;
  m.data.resize(size_t(m.rows) * m.cols);
  const qint64 bytes = qint64(m.data.size()) * 4;
  if (f.read(reinterpret_cast<char *>(m.data.data()), bytes) != bytes)
    return std::nullopt;
  const QByteArray sum = QCryptographicHash::hash(
      QByteArrayView(reinterpret_cast<const char *>(m.data.data()), bytes), QCryptographicHash::Sha256);
  if (std::memcmp(sum.constData(), hdr.sha256, 32) != 0)
    return std::nullopt;
  return m;
}

bool LabelEmbeddingCache::store(const QString &key, const EmbeddingMatrix &m) const {
  if (dir_.isEmpty() || !QDir().mkpath(dir_))
    return false;
  Header hdr{};
  std::memcpy(hdr.magic, kMagic, 8);
  hdr.rows = m.rows;
  hdr.cols = m.cols;
  const qint64 bytes = qint64(m.data.size()) * 4;
  const QByteArray sum = QCryptographicHash::hash(
      QByteArrayView(reinterpret_cast<const char *>(m.data.data()), bytes), QCryptographicHash::Sha256);
  std::memcpy(hdr.sha256, sum.constData(), 32);
  QSaveFile f(QDir(dir_).filePath(key + QStringLiteral(".emb")));
  if (!f.open(QIODevice::WriteOnly))
    return false;
  f.write(reinterpret_cast<const char *>(&hdr), sizeof hdr);
  f.write(reinterpret_cast<const char *>(m.data.data()), bytes);
  return f.commit();
}

std::optional<EmbeddingMatrix> embedPromptsCached(EmbeddingEngine &engine, const LabelEmbeddingCache &cache,
                                                  const QStringList &prompts,
                                                  const std::function<bool(int, int)> &progress, bool *hit,
                                                  QString *error) {
  constexpr int kChunk = 256; // prompts per engine call (progress granularity)
  const int n = int(prompts.size());
  const QString key = LabelEmbeddingCache::key(engine.info().modelHash, prompts);
  if (std::optional<EmbeddingMatrix> m = cache.load(key); m && m->rows == n) {
    if (hit)
      *hit = true;
    return m;
  }
  if (hit)
    *hit = false;
  EmbeddingMatrix out;
  for (int start = 0; start < n; start += kChunk) {
    if (progress && !progress(start, n)) {
      if (error)
        *error = QStringLiteral("cancelled");
      return std::nullopt;
    }
    const QStringList chunk = prompts.mid(start, kChunk);
    const EmbeddingMatrix part = engine.embedTexts(chunk, error);
    if (part.rows != chunk.size())
      return std::nullopt;
    out.cols = part.cols;
    out.rows += part.rows;
    out.data.insert(out.data.end(), part.data.begin(), part.data.end());
  }
  if (progress)
    progress(n, n);
  cache.store(key, out);
  return out;
}

} // namespace streetlens
