#pragma once
// ProjectSql: the one SQLite connection of a ProjectStore (file path, Qt connection name, database)
// and the statements every part of the store shares: error messages that name the file, write
// transactions, scalar reads. Internal to core/store; used on the thread that opened the store.
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

class QSqlError;
class QSqlQuery;

namespace streetlens::store {

// Created with new projects and, for projects written before it existed, by the first write.
inline constexpr char kEmbeddingsSchema[] =
    "CREATE TABLE IF NOT EXISTS embeddings("
    " image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,"
    " model_sha256 TEXT NOT NULL,"
    " dim INTEGER NOT NULL,"
    " data BLOB NOT NULL,"
    " PRIMARY KEY(image_id, model_sha256))";

struct ProjectSql {
  QString path;
  QString connection;
  QSqlDatabase db;

  // A message naming the file, with advice for the failures users can fix.
  QString describe(const QSqlError &e) const;
  bool exec(const QString &sql, QString *error);
  // Write transactions take the write lock up front (BEGIN IMMEDIATE): a deferred transaction that
  // reads first and writes later fails at once with SQLITE_BUSY when another connection committed in
  // between (the busy timeout does not apply to that case in WAL mode).
  bool begin(QString *error) { return exec(QStringLiteral("BEGIN IMMEDIATE"), error); }
  bool commit(QString *error);
  void rollback() { exec(QStringLiteral("ROLLBACK"), nullptr); }
  QVariant scalar(const QString &sql) const;
  // Sets *error from a failed statement and rolls the transaction back; returns false.
  bool fail(QSqlQuery &q, QString *error);
};

} // namespace streetlens::store
