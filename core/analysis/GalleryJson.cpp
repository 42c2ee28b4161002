#include "core/analysis/GalleryJson.h"

#include <QJsonArray>
#include <cmath>

namespace streetlens {

namespace {

QJsonValue number(double v) {
  return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

std::optional<geo::GeoPoint> readPoint(const QJsonObject &o) {
  const QJsonValue lat = o.value(QStringLiteral("lat")), lon = o.value(QStringLiteral("lon"));
  if (!lat.isDouble() || !lon.isDouble())
    return std::nullopt;
  return geo::GeoPoint{lat.toDouble(), lon.toDouble()};
}

} // namespace

QJsonObject galleryToJson(const GalleryEvidence &g) {
  QJsonArray neighbours;
  for (const GalleryNeighbour &n : g.neighbours)
    neighbours.append(QJsonObject{{QStringLiteral("path"), n.path},
                                  {QStringLiteral("sha256"), n.sha256},
                                  {QStringLiteral("score"), number(n.score)},
                                  {QStringLiteral("weight"), number(n.weight)},
                                  {QStringLiteral("lat"), number(n.location.lat)},
                                  {QStringLiteral("lon"), number(n.location.lon)},
                                  {QStringLiteral("distance_km"), number(n.distanceKm)}});
  QJsonObject o{{QStringLiteral("index"), g.index}, {QStringLiteral("fused"), g.fused}};
  if (g.neighbours.empty()) {
    o.insert(QStringLiteral("estimate"), QJsonValue(QJsonValue::Null));
  } else {
    o.insert(QStringLiteral("estimate"), QJsonObject{{QStringLiteral("lat"), number(g.estimate.lat)},
                                                     {QStringLiteral("lon"), number(g.estimate.lon)}});
    o.insert(QStringLiteral("density"), number(g.density));
  }
  o.insert(QStringLiteral("zero_shot_estimate"),
           g.zeroShotEstimate
               ? QJsonValue(QJsonObject{{QStringLiteral("lat"), number(g.zeroShotEstimate->lat)},
                                        {QStringLiteral("lon"), number(g.zeroShotEstimate->lon)},
                                        {QStringLiteral("label"), g.zeroShotLabel}})
               : QJsonValue(QJsonValue::Null));
  o.insert(QStringLiteral("neighbours"), neighbours);
  return o;
}

GalleryEvidence galleryFromJson(const QJsonObject &o) {
  GalleryEvidence g;
  g.index = o.value(QStringLiteral("index")).toString();
  g.fused = o.value(QStringLiteral("fused")).toBool();
  if (const auto p = readPoint(o.value(QStringLiteral("estimate")).toObject()))
    g.estimate = *p;
  g.density = o.value(QStringLiteral("density")).toDouble();
  const QJsonObject zeroShot = o.value(QStringLiteral("zero_shot_estimate")).toObject();
  g.zeroShotEstimate = readPoint(zeroShot);
  g.zeroShotLabel = zeroShot.value(QStringLiteral("label")).toString();
  for (const QJsonValue &v : o.value(QStringLiteral("neighbours")).toArray()) {
    const QJsonObject n = v.toObject();
    const auto at = readPoint(n);
    if (!at)
      continue;
    GalleryNeighbour neighbour;
    neighbour.path = n.value(QStringLiteral("path")).toString();
    neighbour.sha256 = n.value(QStringLiteral("sha256")).toString();
    neighbour.score = n.value(QStringLiteral("score")).toDouble();
    neighbour.weight = n.value(QStringLiteral("weight")).toDouble();
    neighbour.location = *at;
    neighbour.distanceKm = n.value(QStringLiteral("distance_km")).toDouble();
    g.neighbours.push_back(std::move(neighbour));
  }
  return g;
}

} // namespace streetlens
