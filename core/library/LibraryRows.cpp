#include "core/library/LibraryRows.h"

#include "core/export/Csv.h"
#include "core/store/ProjectStore.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace streetlens::library {

std::optional<QHash<QString, geo::GeoPoint>> readPositionsCsv(const QString &csvPath, QString *error) {
  QFile f(csvPath);
  if (!f.open(QIODevice::ReadOnly)) {
    *error = QStringLiteral("%1: cannot open (%2)").arg(csvPath, f.errorString());
    return std::nullopt;
  }
  QString csvError;
  const auto rows = exporting::parseCsv(f.read(256 << 20), &csvError);
  if (!csvError.isEmpty()) {
    *error = QStringLiteral("%1: %2").arg(csvPath, csvError);
    return std::nullopt;
  }
  QStringList head;
  for (const QString &h : rows.value(0))
    head << h.trimmed().toLower();
  const int pathCol = int(head.indexOf(QStringLiteral("path"))),
            latCol = int(head.indexOf(QStringLiteral("lat"))),
            lonCol = int(head.indexOf(QStringLiteral("lon")));
  if (pathCol < 0 || latCol < 0 || lonCol < 0) {
    *error = QStringLiteral("%1: the header needs the columns path, lat and lon").arg(csvPath);
    return std::nullopt;
  }
  QHash<QString, geo::GeoPoint> out;
  const QDir base = QFileInfo(csvPath).absoluteDir();
  for (qsizetype i = 1; i < rows.size(); ++i) {
    const QStringList &r = rows[i];
    if (r.join(QString()).trimmed().isEmpty())
      continue;
    bool okLat = false, okLon = false;
    const double lat = r.value(latCol).trimmed().toDouble(&okLat),
                 lon = r.value(lonCol).trimmed().toDouble(&okLon);
    const QString p = r.value(pathCol).trimmed();
    if (p.isEmpty() || !okLat || !okLon || !geo::GeoPoint{lat, lon}.isValid()) {
      *error =
          QStringLiteral("%1: line %2: needs a path, a latitude in [-90, 90] and a longitude in [-180, 180]")
              .arg(csvPath)
              .arg(i + 1);
      return std::nullopt;
    }
    out.insert(QDir::cleanPath(QFileInfo(p).isAbsolute() ? p : base.absoluteFilePath(p)),
               geo::GeoPoint{lat, lon});
  }
  return out;
}

std::vector<LibraryRow> projectRows(const store::ProjectStore &project, const QString &modelSha256,
                                    const QHash<QString, geo::GeoPoint> &positions, QString *error) {
  std::vector<LibraryRow> out;
  auto embeddings = project.imageEmbeddings(modelSha256, error);
  if (embeddings.empty())
    return out;
  const auto images = project.loadAll(error);
  if (!images)
    return out;
  QHash<QString, const store::StoredImage *> bySha;
  for (const store::StoredImage &s : *images)
    bySha.insert(s.image.sha256, &s);
  for (auto &e : embeddings) {
    const store::StoredImage *s = bySha.value(e.sha256);
    if (!s)
      continue;
    LibraryRow row;
    row.entry.path = QDir::cleanPath(QFileInfo(s->image.path).absoluteFilePath());
    row.entry.sha256 = e.sha256;
    if (const auto it = positions.constFind(row.entry.path); it != positions.constEnd())
      row.entry.location = *it;
    else
      row.entry.location = s->image.exifLocation;
    row.embedding = std::move(e.values);
    out.push_back(std::move(row));
  }
  return out;
}

bool writeIndex(const QString &path, const QString &modelSha256, const std::vector<LibraryRow> &rows,
                QString *error, std::int64_t *written) {
  if (rows.empty()) {
    *error = QStringLiteral("%1: no photo with an embedding to index").arg(path);
    return false;
  }
  IndexWriter w;
  if (!w.begin(path, modelSha256, int(rows.front().embedding.size()), error))
    return false;
  QSet<QString> seen;
  for (const LibraryRow &r : rows) {
    if (seen.contains(r.entry.sha256))
      continue;
    seen.insert(r.entry.sha256);
    if (int(r.embedding.size()) != int(rows.front().embedding.size())) {
      *error = QStringLiteral("%1: %2 has an embedding of another size").arg(path, r.entry.path);
      return false;
    }
    if (!w.add(r.entry, r.embedding.data(), error))
      return false;
  }
  if (written)
    *written = w.count();
  return w.finish(error);
}

} // namespace streetlens::library
