// ProjectStore's image embeddings: one float32 row per (image, model) in the "embeddings" table.
// Projects written before the table existed get it with their first embedding; reading a project
// without it answers "none".
#include "core/store/ProjectSql.h"
#include "core/store/ProjectStore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>
#include <cstring>

namespace streetlens::store {

namespace {

// Little-endian float32, whatever the host.
QByteArray encode(const float *values, int dim) {
  QByteArray bytes(qsizetype(dim) * 4, Qt::Uninitialized);
  for (int i = 0; i < dim; ++i)
    qToLittleEndian(values[i], bytes.data() + qsizetype(i) * 4);
  return bytes;
}

std::optional<std::vector<float>> decode(const QByteArray &bytes, int dim) {
  if (dim <= 0 || bytes.size() != qsizetype(dim) * 4)
    return std::nullopt; // damaged row: treated as absent, so the tower runs again
  std::vector<float> out(static_cast<size_t>(dim));
  for (int i = 0; i < dim; ++i)
    out[size_t(i)] = qFromLittleEndian<float>(bytes.constData() + qsizetype(i) * 4);
  return out;
}

} // namespace

bool ProjectStore::setImageEmbedding(const QString &sha256, const QString &modelSha256, const float *values,
                                     int dim, QString *error) {
  if (!writeAllowed(QStringLiteral("setImageEmbedding"), error))
    return false;
  ProjectSql &s = sql();
  if (dim <= 0 || modelSha256.isEmpty()) {
    if (error)
      *error = QStringLiteral("%1: an image embedding needs a model and values.").arg(s.path);
    return false;
  }
  if (!s.begin(error))
    return false;
  if (!s.exec(QString::fromLatin1(kEmbeddingsSchema), error)) {
    s.rollback();
    return false;
  }
  QSqlQuery q(s.db);
  q.prepare(QStringLiteral("INSERT OR REPLACE INTO embeddings(image_id, model_sha256, dim, data) "
                           "SELECT id, ?, ?, ? FROM images WHERE sha256 = ?"));
  q.addBindValue(modelSha256);
  q.addBindValue(dim);
  q.addBindValue(encode(values, dim));
  q.addBindValue(sha256);
  if (!q.exec())
    return s.fail(q, error);
  if (q.numRowsAffected() != 1) {
    s.rollback();
    if (error)
      *error = QStringLiteral("%1: no image %2 to keep an embedding for.").arg(s.path, sha256);
    return false;
  }
  return s.commit(error);
}

std::optional<std::vector<float>> ProjectStore::imageEmbedding(const QString &sha256,
                                                               const QString &modelSha256) const {
  QSqlQuery q(sql().db);
  q.prepare(QStringLiteral("SELECT e.dim, e.data FROM embeddings e JOIN images i ON i.id = e.image_id "
                           "WHERE i.sha256 = ? AND e.model_sha256 = ?"));
  q.addBindValue(sha256);
  q.addBindValue(modelSha256);
  if (!q.exec() || !q.next()) // no such table (an older project) or no row
    return std::nullopt;
  return decode(q.value(1).toByteArray(), q.value(0).toInt());
}

std::vector<ProjectStore::StoredEmbedding> ProjectStore::imageEmbeddings(const QString &modelSha256,
                                                                         QString *error) const {
  std::vector<StoredEmbedding> out;
  ProjectSql &s = sql();
  if (!s.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'embeddings'")).toInt())
    return out;
  QSqlQuery q(s.db);
  q.setForwardOnly(true);
  q.prepare(
      QStringLiteral("SELECT i.sha256, e.dim, e.data FROM embeddings e JOIN images i ON i.id = e.image_id "
                     "WHERE e.model_sha256 = ? ORDER BY i.id"));
  q.addBindValue(modelSha256);
  if (!q.exec()) {
    if (error)
      *error = s.describe(q.lastError());
    return out;
  }
  while (q.next()) {
    auto values = decode(q.value(2).toByteArray(), q.value(1).toInt());
    if (values)
      out.push_back({q.value(0).toString(), std::move(*values)});
  }
  return out;
}

QStringList ProjectStore::embeddingModels() const {
  QStringList out;
  QSqlQuery q(sql().db);
  if (q.exec(QStringLiteral("SELECT DISTINCT model_sha256 FROM embeddings ORDER BY model_sha256")))
    while (q.next())
      out << q.value(0).toString();
  return out;
}

} // namespace streetlens::store
