#pragma once
// LibraryRows: the photos of a library as rows for an EmbeddingIndex — read from a project's kept
// embeddings (ProjectStore::imageEmbeddings: the one pipeline wrote them), with the positions of a
// gallery CSV (path,lat,lon) or the photos' EXIF GPS — and written to a `.slidx` file. Pure
// functions over a store the caller owns; the thread of that store.
#include "core/library/EmbeddingIndex.h"

#include <QHash>
#include <optional>
#include <vector>

namespace streetlens::store {
class ProjectStore;
}

namespace streetlens::library {

struct LibraryRow {
  IndexEntry entry;
  std::vector<float> embedding; // projected, any length
};

// Positions by absolute clean path from a CSV with a header naming the columns path, lat and lon
// (paths relative to the CSV's folder). Errors name the file and line.
std::optional<QHash<QString, geo::GeoPoint>> readPositionsCsv(const QString &csvPath, QString *error);

// Every image of `project` with an embedding of `modelSha256`, in insertion order; paths made
// absolute; the location from `positions` (by absolute path) or else the photo's EXIF GPS.
std::vector<LibraryRow> projectRows(const store::ProjectStore &project, const QString &modelSha256,
                                    const QHash<QString, geo::GeoPoint> &positions, QString *error);

// Writes rows (one per SHA-256: the first of equal photos) to a `.slidx` file; *written (when given)
// receives the number of rows written.
bool writeIndex(const QString &path, const QString &modelSha256, const std::vector<LibraryRow> &rows,
                QString *error, std::int64_t *written = nullptr);

} // namespace streetlens::library
