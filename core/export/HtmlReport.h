#pragma once
// The case report as one self-contained HTML file (inline CSS, photos and maps embedded as
// data: URIs), printable with one image per page. Needs a QGuiApplication for image encoding
// only through ctx.renderMap; any thread.
#include "core/analysis/GeoResult.h"
#include "core/export/ExportTypes.h"

#include <QByteArray>
#include <vector>

namespace streetlens::exporting {

// UTF-8 HTML5 document.
QByteArray resultsToHtmlReport(const std::vector<ImageResult> &results, const ExportOptions &opt,
                               const ReportContext &ctx);

} // namespace streetlens::exporting
