#pragma once
// The JSON form of a reference gallery's evidence for one photo (issue 21; GeoResult.h's
// GalleryEvidence): written by `predict`'s JSON, kept in project files (ResultJson's levels) and
// read back by both. Pure functions: usable from any thread.
//   {"index", "fused", "estimate": {"lat","lon"} | null, "density", "zero_shot_estimate":
//    {"lat","lon","label"} | null, "neighbours": [{"path","sha256","score","weight","lat","lon",
//    "distance_km"}]}
#include "core/analysis/GeoResult.h"

#include <QJsonObject>

namespace streetlens {

QJsonObject galleryToJson(const GalleryEvidence &g);
// The inverse of galleryToJson (missing or non-numeric fields: their defaults; a neighbour without
// a numeric lat/lon is dropped).
GalleryEvidence galleryFromJson(const QJsonObject &o);

} // namespace streetlens
