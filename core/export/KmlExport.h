#pragma once
// KML 2.2 for Google Earth: one Folder per image with an estimate Placemark, the EXIF GPS
// Placemark and a great-circle LineString between them (when the options allow EXIF GPS),
// styled with shared Styles. Coordinates are "lon,lat". Pure function, any thread.
#include "core/analysis/GeoResult.h"
#include "core/export/ExportTypes.h"

#include <QByteArray>
#include <vector>

namespace streetlens::exporting {

// Style ids used by the placemarks: "estimate", "exif", "errorLine" (and "site" with sites).
// Images without an estimate are left out. `documentName` names the KML Document.
// `sites` follow the images, a Folder "Site: <name>" each: the fused estimate (style "site"; data
// name, members, country, city) and its confidence regions.
QByteArray resultsToKml(const std::vector<ImageResult> &results, const ExportOptions &opt,
                        const QString &documentName, const std::vector<SiteResult> &sites = {});

} // namespace streetlens::exporting
