#pragma once
// JSON encodings used by project files: the per-level probabilities of an ImageResult and the
// AnalysisSettings a project was analysed with. Pure functions: usable from any thread.
#include "core/analysis/AnalysisSettings.h"
#include "core/analysis/GeoConstraint.h"
#include "core/analysis/GeoResult.h"

#include <QJsonArray>
#include <QJsonObject>

namespace streetlens::store {

struct StoredSite;

QJsonArray placesToJson(const std::vector<PlaceProbability> &places);
std::vector<PlaceProbability> placesFromJson(const QJsonArray &array);

// {"countries": [...], "regions": [...], "cities": [...], "labels": [...], "tasks": {…}, "clues": {…},
//  "gallery": {…} (GalleryJson.h)}
QJsonObject levelsToJson(const ImageResult &r);
// Fills the four level vectors of `r` from levelsToJson() output (missing keys: empty).
void levelsFromJson(const QJsonObject &obj, ImageResult &r);

QJsonObject settingsToJson(const AnalysisSettings &s);
// Unknown or missing keys keep the defaults of AnalysisSettings.
AnalysisSettings settingsFromJson(const QJsonObject &obj);

// The analyst's constraint (ProjectEvidence.cpp): {"countries", "exclude_countries", "regions",
// "exclude_regions", "within": [GeoJSON MultiPolygon], "near": [{"lat","lon","km"}], "exclude":
// [MultiPolygon], "sources": [text]}. Reading fails (nullopt, *error) on a bad area or circle.
QJsonObject constraintToJson(const GeoConstraint &c);
std::optional<GeoConstraint> constraintFromJson(const QJsonObject &obj, QString *error);
// [{"name", "members": [sha256]}]; entries without a name are dropped.
QJsonArray sitesToJson(const std::vector<StoredSite> &sites);
std::vector<StoredSite> sitesFromJson(const QJsonArray &array);

} // namespace streetlens::store
