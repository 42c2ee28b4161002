#include "core/export/JsonExport.h"

#include "core/analysis/ConfidenceRegions.h"
#include "core/analysis/GalleryJson.h"
#include "core/export/ExportCommon.h"

#include <QJsonArray>
#include <cmath>

namespace streetlens::exporting {

namespace {

QJsonValue number(double v) {
  return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonValue latValue(const std::optional<geo::GeoPoint> &p) {
  return p ? number(p->lat) : QJsonValue(QJsonValue::Null);
}

QJsonValue lonValue(const std::optional<geo::GeoPoint> &p) {
  return p ? number(p->lon) : QJsonValue(QJsonValue::Null);
}

std::optional<geo::GeoPoint> readPoint(const QJsonObject &o) {
  const QJsonValue lat = o.value(QStringLiteral("lat"));
  const QJsonValue lon = o.value(QStringLiteral("lon"));
  if (!lat.isDouble() || !lon.isDouble())
    return std::nullopt;
  return geo::GeoPoint{lat.toDouble(), lon.toDouble()};
}

std::vector<PlaceProbability> readPlaces(const QJsonValue &v, bool isCountry) {
  std::vector<PlaceProbability> out;
  const QJsonArray arr = v.toArray();
  out.reserve(static_cast<std::size_t>(arr.size()));
  for (const QJsonValue &e : arr) {
    const QJsonObject o = e.toObject();
    PlaceProbability p;
    p.code = o.value(QStringLiteral("code")).toString();
    p.name = o.value(QStringLiteral("name")).toString();
    p.country = isCountry ? p.code : o.value(QStringLiteral("country")).toString();
    p.region = o.value(QStringLiteral("region")).toString();
    p.location = readPoint(o);
    p.population = static_cast<qint64>(o.value(QStringLiteral("population")).toDouble(0.0));
    p.probability = o.value(QStringLiteral("probability")).toDouble(0.0);
    out.push_back(std::move(p));
  }
  return out;
}

} // namespace

QJsonObject resultToJson(const ImageResult &r, const ExportOptions &opt) {
  QJsonObject o;
  o.insert(QStringLiteral("path"), r.path);
  o.insert(QStringLiteral("sha256"), r.sha256);
  o.insert(QStringLiteral("status"), statusName(r.status));
  o.insert(QStringLiteral("error"), r.error.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.error));

  QJsonArray countries;
  for (const PlaceProbability &p : topEntries(r.countries, opt.topK))
    countries.append(QJsonObject{{QStringLiteral("code"), p.code},
                                 {QStringLiteral("name"), p.name},
                                 {QStringLiteral("probability"), number(p.probability)}});
  o.insert(QStringLiteral("countries"), countries);

  QJsonArray regions;
  for (const PlaceProbability &p : topEntries(r.regions, opt.topK))
    regions.append(QJsonObject{{QStringLiteral("code"), p.code},
                               {QStringLiteral("name"), p.name},
                               {QStringLiteral("country"), p.country},
                               {QStringLiteral("lat"), latValue(p.location)},
                               {QStringLiteral("lon"), lonValue(p.location)},
                               {QStringLiteral("probability"), number(p.probability)}});
  o.insert(QStringLiteral("regions"), regions);

  QJsonArray cities;
  for (const PlaceProbability &p : topEntries(r.cities, opt.topK))
    cities.append(QJsonObject{{QStringLiteral("name"), p.name},
                              {QStringLiteral("country"), p.country},
                              {QStringLiteral("region"), p.region},
                              {QStringLiteral("lat"), latValue(p.location)},
                              {QStringLiteral("lon"), lonValue(p.location)},
                              {QStringLiteral("population"), static_cast<double>(p.population)},
                              {QStringLiteral("probability"), number(p.probability)}});
  o.insert(QStringLiteral("cities"), cities);

  if (r.estimate)
    o.insert(QStringLiteral("estimate"), QJsonObject{{QStringLiteral("lat"), number(r.estimate->lat)},
                                                     {QStringLiteral("lon"), number(r.estimate->lon)},
                                                     {QStringLiteral("label"), r.estimateLabel}});
  else
    o.insert(QStringLiteral("estimate"), QJsonValue(QJsonValue::Null));

  const VisibleExif exif = visibleExif(r, opt);
  if (exif.location)
    o.insert(QStringLiteral("exif"), QJsonObject{{QStringLiteral("lat"), number(exif.location->lat)},
                                                 {QStringLiteral("lon"), number(exif.location->lon)},
                                                 {QStringLiteral("country"), exif.country}});
  else
    o.insert(QStringLiteral("exif"), QJsonValue(QJsonValue::Null));
  o.insert(QStringLiteral("error_km"), exif.errorKm ? number(*exif.errorKm) : QJsonValue(QJsonValue::Null));
  if (r.status == ImageStatus::Done) {
    o.insert(QStringLiteral("confidence_regions"), confidenceRegionsToJson(r.confidenceRegions));
    o.insert(QStringLiteral("uncertain"), r.uncertain);
    if (r.constraintMass)
      o.insert(QStringLiteral("constraint"),
               QJsonObject{{QStringLiteral("mass_inside"), number(*r.constraintMass)},
                           {QStringLiteral("empty"), r.constraintEmpty}});
    if (r.gallery)
      o.insert(QStringLiteral("gallery"), galleryToJson(*r.gallery));
  }
  if (!r.tasks.empty())
    o.insert(QStringLiteral("tasks"), outcomesToJson(r.tasks));
  if (!r.clues.empty())
    o.insert(QStringLiteral("clues"), outcomesToJson(r.clues));
  if (const Annotation *a = annotationOf(r, opt)) {
    QJsonObject ann = annotationToJson(*a);
    if (const auto km = a->truthErrorKm(r.estimate))
      ann.insert(QStringLiteral("truth_error_km"), number(*km));
    o.insert(QStringLiteral("annotation"), ann);
  }
  return o;
}

QJsonObject siteToJson(const SiteResult &site, const ExportOptions &opt) {
  ExportOptions noExif = opt;
  noExif.includeExifGps = false;
  QJsonObject r = resultToJson(site.posterior, noExif);
  QJsonObject o{{QStringLiteral("name"), site.name},
                {QStringLiteral("members"), QJsonArray::fromStringList(site.members)}};
  for (const char *key : {"status", "error", "countries", "regions", "cities", "estimate",
                          "confidence_regions", "uncertain", "constraint"})
    if (r.contains(QLatin1String(key)))
      o.insert(QLatin1String(key), r.value(QLatin1String(key)));
  if (!o.contains(QStringLiteral("confidence_regions"))) // a site without an analysed photo
    o.insert(QStringLiteral("confidence_regions"), QJsonArray());
  if (!o.contains(QStringLiteral("uncertain")))
    o.insert(QStringLiteral("uncertain"), true);
  return o;
}

QJsonDocument resultsToJson(const std::vector<ImageResult> &results, const QJsonObject &model,
                            const ExportOptions &opt) {
  QJsonArray arr;
  for (const ImageResult &r : results)
    arr.append(resultToJson(r, opt));
  return QJsonDocument(QJsonObject{{QStringLiteral("model"), model}, {QStringLiteral("results"), arr}});
}

std::optional<ImageResult> resultFromJson(const QJsonObject &o) {
  const QJsonValue path = o.value(QStringLiteral("path"));
  if (!path.isString())
    return std::nullopt;
  const auto status = statusFromName(o.value(QStringLiteral("status")).toString());
  if (!status)
    return std::nullopt;
  ImageResult r;
  r.path = path.toString();
  r.sha256 = o.value(QStringLiteral("sha256")).toString();
  r.status = *status;
  r.error = o.value(QStringLiteral("error")).toString();
  r.countries = readPlaces(o.value(QStringLiteral("countries")), true);
  r.regions = readPlaces(o.value(QStringLiteral("regions")), false);
  r.cities = readPlaces(o.value(QStringLiteral("cities")), false);
  const QJsonObject estimate = o.value(QStringLiteral("estimate")).toObject();
  r.estimate = readPoint(estimate);
  r.estimateLabel = estimate.value(QStringLiteral("label")).toString();
  const QJsonObject exif = o.value(QStringLiteral("exif")).toObject();
  r.exifLocation = readPoint(exif);
  r.exifCountry = exif.value(QStringLiteral("country")).toString();
  const QJsonValue err = o.value(QStringLiteral("error_km"));
  if (err.isDouble())
    r.errorKm = err.toDouble();
  r.confidenceRegions = confidenceRegionsFromJson(o.value(QStringLiteral("confidence_regions")).toArray());
  r.uncertain = o.value(QStringLiteral("uncertain")).toBool();
  const QJsonObject constraint = o.value(QStringLiteral("constraint")).toObject();
  if (constraint.contains(QStringLiteral("mass_inside"))) {
    r.constraintMass = constraint.value(QStringLiteral("mass_inside")).toDouble();
    r.constraintEmpty = constraint.value(QStringLiteral("empty")).toBool();
  }
  if (o.value(QStringLiteral("gallery")).isObject())
    r.gallery = galleryFromJson(o.value(QStringLiteral("gallery")).toObject());
  return r;
}

} // namespace streetlens::exporting
