#include "core/store/ProjectSql.h"

#include <QDir>
#include <QSqlError>
#include <QSqlQuery>

namespace streetlens::store {

QString ProjectSql::describe(const QSqlError &e) const {
  const int code = e.nativeErrorCode().toInt() & 0xff;
  const QString file = QDir::toNativeSeparators(path);
  switch (code) {
  case 13: // SQLITE_FULL
    return QStringLiteral("%1: the disk is full, the result could not be saved. Free some space and "
                          "try again; results saved earlier are kept.")
        .arg(file);
  case 8: // SQLITE_READONLY
    return QStringLiteral("%1 is read-only; use File > Save As to save a writable copy.").arg(file);
  case 26: // SQLITE_NOTADB
    return QStringLiteral("%1: not a StreetLens project (not an SQLite database).").arg(file);
  case 11: // SQLITE_CORRUPT
    return QStringLiteral("%1 is damaged (%2).").arg(file, e.databaseText());
  case 5: // SQLITE_BUSY
  case 6: // SQLITE_LOCKED
    return QStringLiteral("%1 is in use by another program; try again.").arg(file);
  default: {
    QString text = e.databaseText().isEmpty() ? e.driverText() : e.databaseText();
    return QStringLiteral("%1: %2").arg(file, text);
  }
  }
}

bool ProjectSql::exec(const QString &sql, QString *error) {
  QSqlQuery q(db);
  if (!q.exec(sql)) {
    if (error)
      *error = describe(q.lastError());
    return false;
  }
  return true;
}

bool ProjectSql::commit(QString *error) {
  if (exec(QStringLiteral("COMMIT"), error))
    return true;
  rollback();
  return false;
}

QVariant ProjectSql::scalar(const QString &sql) const {
  QSqlQuery q(db);
  if (q.exec(sql) && q.next())
    return q.value(0);
  return {};
}

bool ProjectSql::fail(QSqlQuery &q, QString *error) {
  if (error)
    *error = describe(q.lastError());
  rollback();
  return false;
}

} // namespace streetlens::store
