// readShardIndex: model.safetensors.index.json of a sharded Hugging Face checkpoint.
#include "core/weights/Safetensors.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace streetlens {

namespace {
constexpr qint64 kMaxIndexBytes = 64 * 1024 * 1024;

// A shard must be a plain file name inside the index's folder: no separators or drive colons.
bool isPlainFileName(const QString &name) {
  if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String(".."))
    return false;
  for (QChar c : name)
    if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c == QLatin1Char(':') || c.unicode() < 0x20)
      return false;
  return true;
}
} // namespace

std::optional<ShardIndex> readShardIndex(const QString &indexJsonPath, QString *error) {
  QString scratch;
  QString &err = error ? *error : scratch;
  err.clear();
  const QString pre = indexJsonPath + QStringLiteral(": ");
  QFile f(indexJsonPath);
  if (!f.open(QIODevice::ReadOnly)) {
    err = pre + QStringLiteral("cannot open for reading: ") + f.errorString();
    return std::nullopt;
  }
  if (f.size() > kMaxIndexBytes) {
    err = pre + QStringLiteral("index file is larger than %1 bytes").arg(kMaxIndexBytes);
    return std::nullopt;
  }
  QJsonParseError pe;
  const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
  if (pe.error != QJsonParseError::NoError) {
    err = pre + QStringLiteral("invalid JSON: %1 at byte %2").arg(pe.errorString()).arg(pe.offset);
    return std::nullopt;
  }
  if (!doc.isObject()) {
    err = pre + QStringLiteral("top level is not a JSON object");
    return std::nullopt;
  }
  const QJsonValue wm = doc.object().value(QLatin1String("weight_map"));
  if (!wm.isObject()) {
    err = pre + QStringLiteral("missing or non-object \"weight_map\"");
    return std::nullopt;
  }
  const QJsonObject map = wm.toObject();
  if (map.isEmpty()) {
    err = pre + QStringLiteral("\"weight_map\" is empty");
    return std::nullopt;
  }
  const QDir dir = QFileInfo(indexJsonPath).absoluteDir();
  ShardIndex out;
  QSet<QString> checked;
  QStringList names;
  for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
    if (!it.value().isString()) {
      err = pre + QStringLiteral("weight_map entry '%1' is not a string").arg(it.key());
      return std::nullopt;
    }
    const QString shard = it.value().toString();
    if (!checked.contains(shard)) {
      if (!isPlainFileName(shard)) {
        err = pre +
              QStringLiteral("shard '%1' (for tensor '%2') is not a plain file name").arg(shard, it.key());
        return std::nullopt;
      }
      if (!QFileInfo(dir.filePath(shard)).isFile()) {
        err = pre + QStringLiteral("shard file '%1' (for tensor '%2') does not exist in %3")
                        .arg(shard, it.key(), dir.absolutePath());
        return std::nullopt;
      }
      checked.insert(shard);
      names.append(shard);
    }
    out.weightMap.insert(it.key(), dir.filePath(shard));
  }
  names.sort();
  for (const QString &n : names)
    out.shards.append(dir.filePath(n));
  return out;
}

} // namespace streetlens
