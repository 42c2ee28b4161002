// ProjectStore's typed metadata (the "model" and "settings" records, the analyst's annotations) and the
// debug/test check that no project write happens on a forbidden thread (the GUI thread). Kept apart from
// ProjectStore.cpp (SQL schema and image rows) to keep both short.
#include "core/store/ProjectStore.h"
#include "core/store/ResultJson.h"

#include <QAtomicInteger>
#include <QAtomicPointer>
#include <QJsonDocument>
#include <QJsonObject>

namespace streetlens::store {

namespace {
QAtomicPointer<QThread> g_forbiddenThread;
QAtomicInteger<int> g_forbiddenWrites;

std::optional<QJsonObject> metaObject(const ProjectStore &s, const QString &key) {
  const QString text = s.meta(key);
  if (text.isEmpty())
    return std::nullopt;
  const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
  if (!doc.isObject())
    return std::nullopt;
  return doc.object();
}
} // namespace

void ProjectStore::forbidWritesOnThread(QThread *thread) {
  g_forbiddenThread.storeRelease(thread);
}

int ProjectStore::forbiddenWriteCount() {
  return g_forbiddenWrites.loadAcquire();
}

bool ProjectStore::writeAllowed(const QString &what, QString *error) {
  QThread *forbidden = g_forbiddenThread.loadAcquire();
  if (!forbidden || QThread::currentThread() != forbidden)
    return true;
  g_forbiddenWrites.fetchAndAddOrdered(1);
  const QString msg = QStringLiteral("project write (%1) on the %2 thread, which must not write")
                          .arg(what, forbidden->objectName().isEmpty() ? QStringLiteral("forbidden")
                                                                       : forbidden->objectName());
  qCritical("ProjectStore: %s", qPrintable(msg));
  if (error)
    *error = msg;
  return false;
}

std::optional<ModelRecord> ProjectStore::modelRecord() const {
  const auto o = metaObject(*this, QStringLiteral("model"));
  if (!o)
    return std::nullopt;
  ModelRecord m;
  m.name = o->value(QStringLiteral("name")).toString();
  m.sha256 = o->value(QStringLiteral("sha256")).toString();
  m.precision = o->value(QStringLiteral("precision")).toString();
  m.device = o->value(QStringLiteral("device")).toString();
  return m;
}

bool ProjectStore::setModelRecord(const ModelRecord &m, QString *error) {
  const QJsonObject o{{QStringLiteral("name"), m.name},
                      {QStringLiteral("sha256"), m.sha256},
                      {QStringLiteral("precision"), m.precision},
                      {QStringLiteral("device"), m.device}};
  return setMeta(QStringLiteral("model"), QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)),
                 error);
}

std::optional<AnalysisSettings> ProjectStore::analysisSettings() const {
  const auto o = metaObject(*this, QStringLiteral("settings"));
  if (!o)
    return std::nullopt;
  return settingsFromJson(*o);
}

bool ProjectStore::setAnalysisSettings(const AnalysisSettings &settings, QString *error) {
  return setMeta(QStringLiteral("settings"),
                 QString::fromUtf8(QJsonDocument(settingsToJson(settings)).toJson(QJsonDocument::Compact)),
                 error);
}

namespace {
const QString kAnnotationPrefix = QStringLiteral("annotation/");
}

AnnotationMap ProjectStore::annotations() const {
  AnnotationMap out;
  const QHash<QString, QString> records = metaWithPrefix(kAnnotationPrefix);
  for (auto it = records.cbegin(); it != records.cend(); ++it) {
    const QJsonDocument doc = QJsonDocument::fromJson(it.value().toUtf8());
    if (!doc.isObject())
      continue; // unreadable: as if none (the rest of the project stays usable)
    const Annotation a = annotationFromJson(doc.object());
    if (!a.isEmpty())
      out.insert(it.key().mid(kAnnotationPrefix.size()), a);
  }
  return out;
}

bool ProjectStore::setAnnotation(const QString &sha256, const Annotation &annotation, QString *error) {
  const QString key = kAnnotationPrefix + sha256;
  if (annotation.isEmpty())
    return removeMeta(key, error);
  Annotation a = annotation;
  if (!a.modified.isValid())
    a.modified = QDateTime::currentDateTimeUtc();
  return setMeta(key, QString::fromUtf8(QJsonDocument(annotationToJson(a)).toJson(QJsonDocument::Compact)),
                 error);
}

} // namespace streetlens::store
