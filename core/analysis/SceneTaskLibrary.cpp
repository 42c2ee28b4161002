#include "core/analysis/SceneTaskLibrary.h"

#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QStandardPaths>

namespace streetlens {

namespace {

QString builtinFolder(SceneTaskLibrary::Kind kind) {
  return kind == SceneTaskLibrary::Kind::Task ? QStringLiteral(":/tasks") : QStringLiteral(":/clues");
}

QString folderOr(const QString &userDir, SceneTaskLibrary::Kind kind) {
  return userDir.isEmpty() ? SceneTaskLibrary::userFolder(kind) : userDir;
}

void readFolder(const QString &dir, QMap<QString, SceneTask> &out, QStringList *problems) {
  const QFileInfoList files =
      QDir(dir).entryInfoList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable, QDir::Name);
  for (const QFileInfo &fi : files) {
    QString err;
    auto t = readSceneTask(fi.filePath(), &err);
    if (t)
      out.insert(t->name, std::move(*t));
    else if (problems)
      *problems << err;
  }
}

} // namespace

QString SceneTaskLibrary::userFolder(Kind kind) {
  return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
         QStringLiteral("/StreetLens/") +
         (kind == Kind::Task ? QStringLiteral("tasks") : QStringLiteral("clues"));
}

QVector<SceneTask> SceneTaskLibrary::load(Kind kind, QStringList *problems, const QString &userDir) {
  QMap<QString, SceneTask> byName;
  readFolder(builtinFolder(kind), byName, problems);
  readFolder(folderOr(userDir, kind), byName, problems);
  return QVector<SceneTask>(byName.begin(), byName.end());
}

std::optional<SceneTask> SceneTaskLibrary::resolve(const QString &nameOrFile, Kind kind, QString *error,
                                                   const QString &userDir) {
  const QFileInfo fi(nameOrFile);
  if (nameOrFile.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ||
      nameOrFile.contains(QLatin1Char('/'))) {
    if (!fi.isFile()) {
      if (error)
        *error = QStringLiteral("%1: no such task file").arg(QDir::toNativeSeparators(nameOrFile));
      return std::nullopt;
    }
    return readSceneTask(fi.absoluteFilePath(), error);
  }
  const QVector<SceneTask> all = load(kind, nullptr, userDir);
  QStringList names;
  for (const SceneTask &t : all) {
    if (t.name == nameOrFile)
      return t;
    names << t.name;
  }
  if (error)
    *error = QStringLiteral("unknown %1 \"%2\"; known: %3")
                 .arg(kind == Kind::Task ? QStringLiteral("task") : QStringLiteral("clue set"), nameOrFile,
                      names.join(QStringLiteral(", ")));
  return std::nullopt;
}

bool SceneTaskLibrary::saveUserTask(const SceneTask &task, Kind kind, QString *savedPath, QString *error,
                                    const QString &userDir) {
  const QString dir = folderOr(userDir, kind);
  if (!QDir().mkpath(dir)) {
    if (error)
      *error = QStringLiteral("%1: the folder cannot be created").arg(QDir::toNativeSeparators(dir));
    return false;
  }
  const QString path = dir + QLatin1Char('/') + task.name + QStringLiteral(".json");
  if (!writeSceneTask(task, path, error))
    return false;
  if (savedPath)
    *savedPath = path;
  return true;
}

bool SceneTaskLibrary::removeUserTask(const QString &name, Kind kind, QString *error,
                                      const QString &userDir) {
  const QString path = folderOr(userDir, kind) + QLatin1Char('/') + name + QStringLiteral(".json");
  if (!QFileInfo::exists(path)) {
    if (error)
      *error = QStringLiteral("\"%1\" is not a task of yours (built-in tasks cannot be removed)").arg(name);
    return false;
  }
  if (!QFile::remove(path)) {
    if (error)
      *error = QStringLiteral("%1: cannot be removed").arg(QDir::toNativeSeparators(path));
    return false;
  }
  return true;
}

} // namespace streetlens
