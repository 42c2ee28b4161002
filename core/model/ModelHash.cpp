#include "core/model/ModelHash.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace streetlens {

QString sha256OfFile(const QString &path, QString *error) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) {
    if (error)
      *error = QStringLiteral("%1: cannot open (%2)").arg(path, f.errorString());
    return {};
  }
  QCryptographicHash h(QCryptographicHash::Sha256);
  if (!h.addData(&f)) {
    if (error)
      *error = QStringLiteral("%1: read failed (%2)").arg(path, f.errorString());
    return {};
  }
  return QString::fromLatin1(h.result().toHex());
}

QString cachedSha256OfFile(const QString &path, QString *error) {
  const QFileInfo info(path);
  const QString dir =
      QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QStringLiteral("/streetlens");
  const QString cachePath = dir + QStringLiteral("/file-hashes.json");
  const QString key = info.absoluteFilePath();
  const QString stamp = QStringLiteral("%1:%2").arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch());
  QJsonObject cache;
  {
    QFile f(cachePath);
    if (f.open(QIODevice::ReadOnly))
      cache = QJsonDocument::fromJson(f.readAll()).object();
  }
  const QJsonObject entry = cache.value(key).toObject();
  if (entry.value(QStringLiteral("stamp")).toString() == stamp) {
    const QString h = entry.value(QStringLiteral("sha256")).toString();
    if (h.size() == 64)
      return h;
  }
  const QString h = sha256OfFile(path, error);
  if (h.isEmpty())
    return h;
  cache.insert(key, QJsonObject{{QStringLiteral("stamp"), stamp}, {QStringLiteral("sha256"), h}});
  QDir().mkpath(dir);
  QSaveFile out(cachePath);
  if (out.open(QIODevice::WriteOnly)) {
    out.write(QJsonDocument(cache).toJson(QJsonDocument::Compact));
    out.commit(); // a failed cache write only costs a re-hash next time
  }
  return h;
}

} // namespace streetlens
