#include "core/store/ResultJson.h"

#include "core/analysis/ConfidenceRegions.h"
#include "core/analysis/GalleryJson.h"

#include <QJsonValue>

namespace streetlens::store {

QJsonArray placesToJson(const std::vector<PlaceProbability> &places) {
  QJsonArray array;
  for (const PlaceProbability &p : places) {
    QJsonObject o{{QStringLiteral("code"), p.code},
                  {QStringLiteral("name"), p.name},
                  {QStringLiteral("p"), p.probability}};
    if (!p.country.isEmpty())
      o.insert(QStringLiteral("country"), p.country);
    if (!p.region.isEmpty())
      o.insert(QStringLiteral("region"), p.region);
    if (p.location) {
      o.insert(QStringLiteral("lat"), p.location->lat);
      o.insert(QStringLiteral("lon"), p.location->lon);
    }
    if (p.population > 0)
      o.insert(QStringLiteral("population"), p.population);
    array.append(o);
  }
  return array;
}

std::vector<PlaceProbability> placesFromJson(const QJsonArray &array) {
  std::vector<PlaceProbability> out;
  out.reserve(static_cast<size_t>(array.size()));
  for (const QJsonValue &v : array) {
    const QJsonObject o = v.toObject();
    PlaceProbability p;
    p.code = o.value(QStringLiteral("code")).toString();
    p.name = o.value(QStringLiteral("name")).toString();
    p.country = o.value(QStringLiteral("country")).toString();
    p.region = o.value(QStringLiteral("region")).toString();
    p.probability = o.value(QStringLiteral("p")).toDouble();
    p.population = o.value(QStringLiteral("population")).toInteger();
    if (o.contains(QStringLiteral("lat")) && o.contains(QStringLiteral("lon")))
      p.location =
          geo::GeoPoint{o.value(QStringLiteral("lat")).toDouble(), o.value(QStringLiteral("lon")).toDouble()};
    out.push_back(std::move(p));
  }
  return out;
}

QJsonObject levelsToJson(const ImageResult &r) {
  QJsonObject o;
  o.insert(QStringLiteral("countries"), placesToJson(r.countries));
  o.insert(QStringLiteral("regions"), placesToJson(r.regions));
  o.insert(QStringLiteral("cities"), placesToJson(r.cities));
  if (!r.labels.empty())
    o.insert(QStringLiteral("labels"), placesToJson(r.labels));
  if (!r.confidenceRegions.empty())
    o.insert(QStringLiteral("confidence_regions"), confidenceRegionsToJson(r.confidenceRegions));
  if (r.uncertain)
    o.insert(QStringLiteral("uncertain"), true);
  if (!r.tasks.empty())
    o.insert(QStringLiteral("tasks"), outcomesToJson(r.tasks));
  if (!r.clues.empty())
    o.insert(QStringLiteral("clues"), outcomesToJson(r.clues));
  if (r.gallery) // the reference gallery's neighbours and estimate (issue 21)
    o.insert(QStringLiteral("gallery"), galleryToJson(*r.gallery));
  if (r.constraintMass) {
    o.insert(QStringLiteral("constraint_mass"), *r.constraintMass);
    o.insert(QStringLiteral("constraint_empty"), r.constraintEmpty);
  }
  return o;
}

void levelsFromJson(const QJsonObject &obj, ImageResult &r) {
  r.countries = placesFromJson(obj.value(QStringLiteral("countries")).toArray());
  r.regions = placesFromJson(obj.value(QStringLiteral("regions")).toArray());
  r.cities = placesFromJson(obj.value(QStringLiteral("cities")).toArray());
  r.labels = placesFromJson(obj.value(QStringLiteral("labels")).toArray());
  r.confidenceRegions = confidenceRegionsFromJson(obj.value(QStringLiteral("confidence_regions")).toArray());
  r.uncertain = obj.value(QStringLiteral("uncertain")).toBool();
  if (obj.contains(QStringLiteral("constraint_mass")))
    r.constraintMass = obj.value(QStringLiteral("constraint_mass")).toDouble();
  r.constraintEmpty = obj.value(QStringLiteral("constraint_empty")).toBool();
  r.tasks = outcomesFromJson(obj.value(QStringLiteral("tasks")).toObject());
  r.clues = outcomesFromJson(obj.value(QStringLiteral("clues")).toObject());
  r.gallery.reset();
  if (obj.value(QStringLiteral("gallery")).isObject())
    r.gallery = galleryFromJson(obj.value(QStringLiteral("gallery")).toObject());
}

} // namespace streetlens::store
