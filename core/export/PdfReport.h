#pragma once
// The case report as an A4 PDF drawn with QPdfWriter + QPainter: a cover page (case details,
// settings, accuracy, summary table) and one page per image (photo, map, estimate, EXIF, top-k
// tables with probability bars, the "estimate, not proof" notice). Needs a QGuiApplication
// (fonts); any thread.
#include "core/analysis/GeoResult.h"
#include "core/export/ExportTypes.h"

#include <QIODevice>
#include <vector>

namespace streetlens::exporting {

// Writes the PDF to an open, writable device. False with *error set when painting could not start.
bool writePdfReport(const std::vector<ImageResult> &results, const ExportOptions &opt,
                    const ReportContext &ctx, QIODevice *device, QString *error);

} // namespace streetlens::exporting
