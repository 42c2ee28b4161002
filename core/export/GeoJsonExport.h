#pragma once
// GeoJSON (RFC 7946) FeatureCollection of the results: an estimate Point per image, optionally
// its top-k cities as Points, and its EXIF GPS Point when the options allow it. Coordinates are
// [longitude, latitude] in WGS 84. Pure function, any thread.
#include "core/analysis/GeoResult.h"
#include "core/export/ExportTypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <vector>

namespace streetlens::exporting {

// Every feature has properties "kind" ("estimate", "city" or "exif"), "path", "sha256".
// estimate: label, status, country_code, country_name, country_probability, region_code,
//   region_name, region_probability, city_name, city_probability, exif_country and error_km
//   (null when absent or withheld);
// city: rank (1-based), name, country, region, population, probability;
// exif: country, altitude (null when unknown), error_km.
// Images without an estimate (failed, queued) are left out.
QJsonDocument resultsToGeoJson(const std::vector<ImageResult> &results, const ExportOptions &opt);

// The features of the analyst's sites, to follow resultsToGeoJson's: a Point "site" at each
// site's estimate (properties "name", "members", "label", top country/region/city, "uncertain")
// and one "site_confidence_region" MultiPolygon per level ("site", "level", "area_km2"). Sites
// without an estimate have none.
QJsonArray sitesToGeoJsonFeatures(const std::vector<SiteResult> &sites, const ExportOptions &opt);

} // namespace streetlens::exporting
