#include "core/store/ProjectStore.h"

#include "core/store/ProjectSql.h"
#include "core/store/ResultJson.h"

#include <QAtomicInteger>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace streetlens::store {

namespace {

constexpr qint64 kApplicationId = 0x53544C4E; // "STLN"
constexpr char kSqliteMagic[] = "SQLite format 3";

QAtomicInteger<quint64> g_connectionCounter{0};

QString isoTime(const QDateTime &t) {
  return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parseTime(const QVariant &v) {
  const QString s = v.toString();
  return s.isEmpty() ? QDateTime() : QDateTime::fromString(s, Qt::ISODateWithMs);
}

QVariant nullable(const std::optional<double> &v) {
  return v ? QVariant(*v) : QVariant(QMetaType::fromType<double>());
}

QString statusText(ImageStatus s) {
  switch (s) {
  case ImageStatus::Done:
    return QStringLiteral("done");
  case ImageStatus::Failed:
    return QStringLiteral("failed");
  default:
    return QStringLiteral("queued");
  }
}

ImageStatus statusFromText(const QString &s) {
  if (s == QLatin1String("done"))
    return ImageStatus::Done;
  if (s == QLatin1String("failed"))
    return ImageStatus::Failed;
  return ImageStatus::Queued;
}

QByteArray encodeThumbnail(const QImage &img) {
  if (img.isNull())
    return {};
  QByteArray bytes;
  QBuffer buf(&bytes);
  buf.open(QIODevice::WriteOnly);
  img.save(&buf, "JPEG", 85);
  return bytes;
}

// The owner's permission bits rather than access(2) for our own files, so that a file marked
// read-only is reported as such even when running as root (whom access() lets write anyway).
bool writableByBits(const QString &path) {
  const QFileInfo fi(path);
#ifdef Q_OS_UNIX
  if (fi.ownerId() == ::getuid())
    return fi.permissions().testFlag(QFile::WriteOwner);
#endif
  return fi.isWritable();
}

const char *kSchema[] = {
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE images("
    " id INTEGER PRIMARY KEY,"
    " sha256 TEXT NOT NULL UNIQUE,"
    " path TEXT NOT NULL,"
    " size INTEGER NOT NULL DEFAULT 0,"
    " width INTEGER NOT NULL DEFAULT 0,"
    " height INTEGER NOT NULL DEFAULT 0,"
    " exif_lat REAL, exif_lon REAL, exif_alt REAL, exif_time TEXT,"
    " thumbnail BLOB,"
    " added_at TEXT NOT NULL,"
    " status TEXT NOT NULL DEFAULT 'queued',"
    " error TEXT)",
    "CREATE TABLE results("
    " id INTEGER PRIMARY KEY,"
    " image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,"
    " settings_key TEXT NOT NULL,"
    " levels TEXT NOT NULL,"
    " est_lat REAL, est_lon REAL, est_label TEXT,"
    " exif_country TEXT,"
    " error_km REAL,"
    " analyzed_at TEXT NOT NULL,"
    " UNIQUE(image_id, settings_key))",
    "CREATE INDEX results_by_image ON results(image_id, id)",
    kEmbeddingsSchema,
};

} // namespace

// The connection (ProjectSql.h) plus the image-row helpers of this file.
struct ProjectStore::Impl : ProjectSql {
  std::optional<qint64> imageId(const QString &sha, QString *error) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM images WHERE sha256 = ?"));
    q.addBindValue(sha);
    if (!q.exec()) {
      if (error)
        *error = describe(q.lastError());
      return std::nullopt;
    }
    return q.next() ? q.value(0).toLongLong() : 0;
  }

  std::optional<qint64> insertImage(const NewImage &img, const QString &status, QString *error) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO images(sha256, path, size, width, height, exif_lat, exif_lon, "
                             "exif_alt, exif_time, thumbnail, added_at, status) "
                             "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(img.sha256);
    q.addBindValue(img.path);
    q.addBindValue(img.size);
    q.addBindValue(img.width);
    q.addBindValue(img.height);
    q.addBindValue(nullable(img.exifLocation ? std::optional<double>(img.exifLocation->lat) : std::nullopt));
    q.addBindValue(nullable(img.exifLocation ? std::optional<double>(img.exifLocation->lon) : std::nullopt));
    q.addBindValue(nullable(img.exifAltitude));
    q.addBindValue(isoTime(img.exifTime));
    const QByteArray thumb = encodeThumbnail(img.thumbnail);
    q.addBindValue(thumb.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(thumb));
    q.addBindValue(isoTime(QDateTime::currentDateTimeUtc()));
    q.addBindValue(status);
    if (!q.exec()) {
      if (error)
        *error = describe(q.lastError());
      return std::nullopt;
    }
    return q.lastInsertId().toLongLong();
  }

  bool createSchema(QString *error) {
    if (!begin(error))
      return false;
    for (const char *sql : kSchema) {
      if (!exec(QString::fromLatin1(sql), error)) {
        rollback();
        return false;
      }
    }
    const QList<std::pair<QString, QString>> meta{
        {QStringLiteral("format_version"), QString::number(kFormatVersion)},
        {QStringLiteral("created"), isoTime(QDateTime::currentDateTimeUtc())},
        {QStringLiteral("app_version"), QStringLiteral(STREETLENS_VERSION)}};
    for (const auto &[k, v] : meta) {
      QSqlQuery q(db);
      q.prepare(QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?)"));
      q.addBindValue(k);
      q.addBindValue(v);
      if (!q.exec())
        return fail(q, error);
    }
    if (!exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId), error) ||
        !exec(QStringLiteral("PRAGMA user_version = %1").arg(kFormatVersion), error)) {
      rollback();
      return false;
    }
    return commit(error);
  }
};

ProjectStore::ProjectStore() : d(std::make_unique<Impl>()) {}

ProjectStore::~ProjectStore() {
  if (d->db.isOpen())
    d->db.close();
  d->db = QSqlDatabase();
  QSqlDatabase::removeDatabase(d->connection);
}

std::unique_ptr<ProjectStore> ProjectStore::open(const QString &path, QString *error) {
  auto setError = [&](const QString &msg) {
    if (error)
      *error = msg;
  };
  const QString file = QDir::toNativeSeparators(path);
  const QFileInfo fi(path);
  if (path.isEmpty()) {
    setError(QStringLiteral("No project file name given."));
    return nullptr;
  }
  if (fi.exists() && !fi.isFile()) {
    setError(QStringLiteral("%1 is not a file.").arg(file));
    return nullptr;
  }
  const bool isNew = !fi.exists() || fi.size() == 0;
  if (isNew && !writeAllowed(QStringLiteral("create %1").arg(file), error))
    return nullptr;
  if (!isNew) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
      setError(QStringLiteral("%1: cannot be read (%2).").arg(file, f.errorString()));
      return nullptr;
    }
    const QByteArray head = f.read(16);
    if (head.size() < 16 || !head.startsWith(QByteArray(kSqliteMagic, sizeof(kSqliteMagic)))) {
      setError(QStringLiteral("%1: not a StreetLens project (not an SQLite database).").arg(file));
      return nullptr;
    }
  }
  const QString dir = fi.absolutePath();
  if (!QFileInfo(dir).isDir()) {
    setError(QStringLiteral("%1: the folder %2 does not exist.").arg(file, QDir::toNativeSeparators(dir)));
    return nullptr;
  }
  if (fi.exists() && !writableByBits(path)) {
    setError(QStringLiteral("%1 is read-only; StreetLens needs to write to its project file. Make it "
                            "writable, or open a copy.")
                 .arg(file));
    return nullptr;
  }
  if (!writableByBits(dir)) {
    setError(QStringLiteral("%1: the folder %2 is read-only; StreetLens needs to write next to its project "
                            "file (journal). Choose a writable folder.")
                 .arg(file, QDir::toNativeSeparators(dir)));
    return nullptr;
  }

  std::unique_ptr<ProjectStore> store(new ProjectStore());
  Impl &d = *store->d;
  d.path = fi.absoluteFilePath();
  d.connection = QStringLiteral("streetlens-project-%1-%2")
                     .arg(++g_connectionCounter)
                     .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
  d.db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d.connection);
  if (!d.db.isValid()) {
    setError(QStringLiteral("%1: the Qt SQLite driver (QSQLITE) is not available.").arg(file));
    return nullptr;
  }
  d.db.setDatabaseName(d.path);
  d.db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
  if (!d.db.open()) {
    setError(d.describe(d.db.lastError()));
    return nullptr;
  }
  // Reading the schema is the first real access: a damaged or foreign file fails here.
  QSqlQuery probe(d.db);
  if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !probe.next()) {
    setError(d.describe(probe.lastError()));
    return nullptr;
  }
  const int tables = probe.value(0).toInt();
  probe.finish();
  const qint64 appId = d.scalar(QStringLiteral("PRAGMA application_id")).toLongLong();
  const int version = d.scalar(QStringLiteral("PRAGMA user_version")).toInt();
  if (tables > 0 && appId != kApplicationId) {
    setError(
        QStringLiteral("%1: not a StreetLens project (an SQLite database of another program).").arg(file));
    return nullptr;
  }
  if (appId == kApplicationId && version > kFormatVersion) {
    setError(QStringLiteral("%1 was written by a newer StreetLens (project format %2; this version reads "
                            "up to %3). Update StreetLens to open it.")
                 .arg(file)
                 .arg(version)
                 .arg(kFormatVersion));
    return nullptr;
  }
  if (tables > 0) {
    const QString check = d.scalar(QStringLiteral("PRAGMA quick_check")).toString();
    if (check != QLatin1String("ok")) {
      setError(QStringLiteral("%1 is damaged (%2).")
                   .arg(file, check.isEmpty() ? QStringLiteral("unreadable") : check));
      return nullptr;
    }
  }
  QString err;
  if (!d.exec(QStringLiteral("PRAGMA journal_mode = WAL"), &err) ||
      !d.exec(QStringLiteral("PRAGMA synchronous = FULL"), &err) ||
      !d.exec(QStringLiteral("PRAGMA foreign_keys = ON"), &err)) {
    setError(err);
    return nullptr;
  }
  if (tables == 0 && !d.createSchema(&err)) {
    setError(err);
    return nullptr;
  }
  return store;
}

ProjectSql &ProjectStore::sql() const {
  return *d;
}

QString ProjectStore::path() const {
  return d->path;
}

std::optional<ProjectStore::Added> ProjectStore::addImage(const NewImage &image, QString *error) {
  if (!writeAllowed(QStringLiteral("addImage"), error))
    return std::nullopt;
  if (image.sha256.isEmpty()) {
    if (error)
      *error = QStringLiteral("%1: image without a content hash.").arg(image.path);
    return std::nullopt;
  }
  if (!d->begin(error))
    return std::nullopt;
  const auto existing = d->imageId(image.sha256, error);
  if (!existing) {
    d->rollback();
    return std::nullopt;
  }
  if (*existing > 0) {
    d->rollback();
    return Added{*existing, false};
  }
  const auto id = d->insertImage(image, QStringLiteral("queued"), error);
  if (!id) {
    d->rollback();
    return std::nullopt;
  }
  if (!d->commit(error))
    return std::nullopt;
  return Added{*id, true};
}

bool ProjectStore::saveResult(const ImageResult &r, const QImage &thumbnail, QString *error) {
  if (!writeAllowed(QStringLiteral("saveResult"), error))
    return false;
  if (r.sha256.isEmpty()) {
    if (error)
      *error = QStringLiteral("%1: result without a content hash cannot be stored.").arg(r.path);
    return false;
  }
  if (!d->begin(error))
    return false;
  auto rollback = [&](QSqlQuery *q) {
    if (q && error)
      *error = d->describe(q->lastError());
    d->rollback();
    return false;
  };
  auto id = d->imageId(r.sha256, error);
  if (!id)
    return rollback(nullptr);
  if (*id == 0) {
    NewImage img;
    img.path = r.path;
    img.sha256 = r.sha256;
    img.size = QFileInfo(r.path).size();
    img.width = r.width;
    img.height = r.height;
    img.exifLocation = r.exifLocation;
    img.exifAltitude = r.exifAltitude;
    img.exifTime = r.exifTime;
    img.thumbnail = thumbnail;
    id = d->insertImage(img, statusText(r.status), error);
    if (!id)
      return rollback(nullptr);
  }
  if (r.status == ImageStatus::Done) {
    QSqlQuery q(d->db);
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO results(image_id, settings_key, levels, est_lat, est_lon, "
                       "est_label, exif_country, error_km, analyzed_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(*id);
    q.addBindValue(r.settingsKey);
    q.addBindValue(QString::fromUtf8(QJsonDocument(levelsToJson(r)).toJson(QJsonDocument::Compact)));
    q.addBindValue(nullable(r.estimate ? std::optional<double>(r.estimate->lat) : std::nullopt));
    q.addBindValue(nullable(r.estimate ? std::optional<double>(r.estimate->lon) : std::nullopt));
    q.addBindValue(r.estimateLabel);
    q.addBindValue(r.exifCountry);
    q.addBindValue(nullable(r.errorKm));
    q.addBindValue(isoTime(r.analyzedAt.isValid() ? r.analyzedAt : QDateTime::currentDateTimeUtc()));
    if (!q.exec())
      return rollback(&q);
  }
  QSqlQuery u(d->db);
  u.prepare(QStringLiteral(
      "UPDATE images SET status = ?, error = ?, width = CASE WHEN ? > 0 THEN ? ELSE width END, "
      "height = CASE WHEN ? > 0 THEN ? ELSE height END WHERE id = ?"));
  u.addBindValue(r.status == ImageStatus::Failed ? statusText(ImageStatus::Failed) : statusText(r.status));
  u.addBindValue(r.status == ImageStatus::Failed ? QVariant(r.error)
                                                 : QVariant(QMetaType::fromType<QString>()));
  u.addBindValue(r.width);
  u.addBindValue(r.width);
  u.addBindValue(r.height);
  u.addBindValue(r.height);
  u.addBindValue(*id);
  if (!u.exec())
    return rollback(&u);
  return d->commit(error);
}

namespace {

const char *kSelectImages =
    "SELECT i.id, i.path, i.sha256, i.size, i.width, i.height, i.exif_lat, i.exif_lon, i.exif_alt, "
    "i.exif_time, i.thumbnail, i.added_at, i.status, i.error, r.settings_key, r.levels, r.est_lat, "
    "r.est_lon, r.est_label, r.exif_country, r.error_km, r.analyzed_at "
    "FROM images i LEFT JOIN results r ON r.id = (SELECT max(id) FROM results WHERE image_id = i.id) ";

StoredImage readRow(const QSqlQuery &q) {
  StoredImage s;
  s.id = q.value(0).toLongLong();
  NewImage &img = s.image;
  img.path = q.value(1).toString();
  img.sha256 = q.value(2).toString();
  img.size = q.value(3).toLongLong();
  img.width = q.value(4).toInt();
  img.height = q.value(5).toInt();
  if (!q.isNull(6) && !q.isNull(7))
    img.exifLocation = geo::GeoPoint{q.value(6).toDouble(), q.value(7).toDouble()};
  if (!q.isNull(8))
    img.exifAltitude = q.value(8).toDouble();
  img.exifTime = parseTime(q.value(9));
  const QByteArray thumb = q.value(10).toByteArray();
  if (!thumb.isEmpty())
    img.thumbnail.loadFromData(thumb, "JPEG");
  s.addedAt = parseTime(q.value(11));
  s.status = statusFromText(q.value(12).toString());
  s.error = q.value(13).toString();
  if (s.status == ImageStatus::Done && !q.isNull(14)) {
    ImageResult r;
    r.path = img.path;
    r.sha256 = img.sha256;
    r.status = ImageStatus::Done;
    r.width = img.width;
    r.height = img.height;
    r.settingsKey = q.value(14).toString();
    levelsFromJson(QJsonDocument::fromJson(q.value(15).toString().toUtf8()).object(), r);
    if (!q.isNull(16) && !q.isNull(17))
      r.estimate = geo::GeoPoint{q.value(16).toDouble(), q.value(17).toDouble()};
    r.estimateLabel = q.value(18).toString();
    r.exifCountry = q.value(19).toString();
    if (!q.isNull(20))
      r.errorKm = q.value(20).toDouble();
    r.analyzedAt = parseTime(q.value(21));
    r.exifLocation = img.exifLocation;
    r.exifAltitude = img.exifAltitude;
    r.exifTime = img.exifTime;
    s.result = std::move(r);
  }
  return s;
}

} // namespace

std::optional<std::vector<StoredImage>> ProjectStore::loadAll(QString *error) const {
  QSqlQuery q(d->db);
  q.setForwardOnly(true);
  if (!q.exec(QString::fromLatin1(kSelectImages) + QStringLiteral("ORDER BY i.id"))) {
    if (error)
      *error = d->describe(q.lastError());
    return std::nullopt;
  }
  std::vector<StoredImage> out;
  const AnnotationMap notes = annotations();
  while (q.next()) {
    out.push_back(readRow(q));
    out.back().annotation = notes.value(out.back().image.sha256);
  }
  return out;
}

std::optional<StoredImage> ProjectStore::image(const QString &sha256, QString *error) const {
  QSqlQuery q(d->db);
  q.prepare(QString::fromLatin1(kSelectImages) + QStringLiteral("WHERE i.sha256 = ?"));
  q.addBindValue(sha256);
  if (!q.exec()) {
    if (error)
      *error = d->describe(q.lastError());
    return std::nullopt;
  }
  if (!q.next())
    return std::nullopt;
  StoredImage s = readRow(q);
  s.annotation = annotations().value(sha256);
  return s;
}

int ProjectStore::imageCount() const {
  return d->scalar(QStringLiteral("SELECT count(*) FROM images")).toInt();
}

bool ProjectStore::remove(const QString &sha256, QString *error) {
  if (!writeAllowed(QStringLiteral("remove"), error))
    return false;
  // The image, its results (ON DELETE CASCADE) and its annotation record, in one transaction.
  if (!d->begin(error))
    return false;
  QSqlQuery q(d->db);
  q.prepare(QStringLiteral("DELETE FROM images WHERE sha256 = ?"));
  q.addBindValue(sha256);
  if (!q.exec())
    return d->fail(q, error);
  QSqlQuery m(d->db);
  m.prepare(QStringLiteral("DELETE FROM meta WHERE key = ?"));
  m.addBindValue(QStringLiteral("annotation/") + sha256);
  if (!m.exec())
    return d->fail(m, error);
  return d->commit(error);
}

QString ProjectStore::meta(const QString &key) const {
  QSqlQuery q(d->db);
  q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
  q.addBindValue(key);
  if (q.exec() && q.next())
    return q.value(0).toString();
  return {};
}

bool ProjectStore::setMeta(const QString &key, const QString &value, QString *error) {
  if (!writeAllowed(QStringLiteral("setMeta"), error))
    return false;
  QSqlQuery q(d->db);
  q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"));
  q.addBindValue(key);
  q.addBindValue(value);
  if (!q.exec()) {
    if (error)
      *error = d->describe(q.lastError());
    return false;
  }
  return true;
}

QHash<QString, QString> ProjectStore::metaWithPrefix(const QString &prefix) const {
  QHash<QString, QString> out;
  QSqlQuery q(d->db);
  q.setForwardOnly(true);
  // substr rather than LIKE: '_' and '%' in a prefix are not wildcards.
  q.prepare(QStringLiteral("SELECT key, value FROM meta WHERE substr(key, 1, ?) = ?"));
  q.addBindValue(prefix.size());
  q.addBindValue(prefix);
  if (q.exec()) {
    while (q.next())
      out.insert(q.value(0).toString(), q.value(1).toString());
  }
  return out;
}

bool ProjectStore::removeMeta(const QString &key, QString *error) {
  if (!writeAllowed(QStringLiteral("removeMeta"), error))
    return false;
  QSqlQuery q(d->db);
  q.prepare(QStringLiteral("DELETE FROM meta WHERE key = ?"));
  q.addBindValue(key);
  if (!q.exec()) {
    if (error)
      *error = d->describe(q.lastError());
    return false;
  }
  return true;
}

bool ProjectStore::saveCopyAs(const QString &target, QString *error) {
  if (!writeAllowed(QStringLiteral("saveCopyAs"), error))
    return false;
  if (QFileInfo::exists(target)) {
    if (error)
      *error = QStringLiteral("%1 already exists.").arg(QDir::toNativeSeparators(target));
    return false;
  }
  QSqlQuery q(d->db);
  q.prepare(QStringLiteral("VACUUM INTO ?"));
  q.addBindValue(QFileInfo(target).absoluteFilePath());
  if (!q.exec()) {
    if (error)
      *error = QStringLiteral("%1: could not be written (%2).")
                   .arg(QDir::toNativeSeparators(target), q.lastError().databaseText());
    return false;
  }
  return true;
}

bool ProjectStore::checkIntegrity(QString *error) const {
  const QString r = d->scalar(QStringLiteral("PRAGMA integrity_check")).toString();
  if (r == QLatin1String("ok"))
    return true;
  if (error)
    *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(d->path), r);
  return false;
}

void ProjectStore::setMaxPageCountForTest(int pages) {
  d->exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages), nullptr);
}

} // namespace streetlens::store
