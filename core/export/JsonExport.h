#pragma once
// JSON in the `predict` schema of streetlens-cli (issue 3) and its inverse. Pure functions, any thread.
//
// {"model": {...}, "results": [{"path", "sha256", "status": "ok"|"error"|"queued"|"running",
//   "error": string or null, "countries": [{"code","name","probability"}],
//   "regions": [{"code","name","country","lat","lon","probability"}],
//   "cities": [{"name","country","region","lat","lon","population","probability"}],
//   "estimate": {"lat","lon","label"} or null, "exif": {"lat","lon","country"} or null,
//   "error_km": number or null}]}
#include "core/analysis/GeoResult.h"
#include "core/analysis/SiteFusion.h"
#include "core/export/ExportTypes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <optional>
#include <vector>

namespace streetlens::exporting {

// One element of "results". Lists hold the top-k entries of the options; lat/lon are null for
// places without a location; "exif" and "error_km" are null when absent or withheld by the options.
QJsonObject resultToJson(const ImageResult &r, const ExportOptions &opt);
// {"model": model, "results": [...]}.
QJsonDocument resultsToJson(const std::vector<ImageResult> &results, const QJsonObject &model,
                            const ExportOptions &opt);
// Reads one element of "results" back. Fields outside the schema (city ids, custom labels, image
// size, times) stay default. Empty when "path" or "status" is missing or the status is unknown.
std::optional<ImageResult> resultFromJson(const QJsonObject &o);
// A site as the CLI's "sites" entries: {"name", "members", "countries", "regions", "cities",
// "estimate", "confidence_regions", "uncertain"} in the shapes of a result.
QJsonObject siteToJson(const SiteResult &site, const ExportOptions &opt);

} // namespace streetlens::exporting
