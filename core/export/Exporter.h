#pragma once
// The single entry point that writes results in any export format to a file, atomically
// (QSaveFile: the destination is either the complete new file or untouched). Any thread; the
// HTML and PDF reports need a QGuiApplication (fonts, image codecs).
#include "core/analysis/GeoResult.h"
#include "core/export/ExportTypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <vector>

namespace streetlens::exporting {

// The "model" object of the JSON export built from the report context:
// {"name", "sha256", "precision", "device"} (empty strings left out).
QJsonObject modelJsonFromContext(const ReportContext &ctx);

// Whether `path` can be an export file: not empty, not a directory, in an existing folder.
// False with *error naming the file and the problem. Checked before any work is done.
bool checkExportDestination(const QString &path, QString *error);

// Writes `results` as `fmt` to `path`. False with *error naming the file and the problem when
// the destination is a directory, cannot be created (missing folder, read-only, no permission)
// or cannot be completed (disk full).
bool exportResults(const std::vector<ImageResult> &results, ExportFormat fmt, const QString &path,
                   const ExportOptions &opt, const ReportContext &ctx, QString *error);

// The bytes exportResults writes for the text formats (Csv, Json, GeoJson, Kml, Html); empty for Pdf.
QByteArray exportToBytes(const std::vector<ImageResult> &results, ExportFormat fmt, const ExportOptions &opt,
                         const ReportContext &ctx);

} // namespace streetlens::exporting
