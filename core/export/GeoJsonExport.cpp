#include "core/export/GeoJsonExport.h"

#include "core/analysis/ConfidenceRegions.h"
#include "core/export/ExportCommon.h"

#include <QJsonArray>
#include <QJsonObject>
#include <cmath>

namespace streetlens::exporting {

namespace {

QJsonValue orNull(const std::optional<double> &v) {
  return v && std::isfinite(*v) ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonObject pointFeature(geo::GeoPoint p, QJsonObject properties) {
  return QJsonObject{
      {QStringLiteral("type"), QStringLiteral("Feature")},
      {QStringLiteral("geometry"), QJsonObject{{QStringLiteral("type"), QStringLiteral("Point")},
                                               {QStringLiteral("coordinates"), QJsonArray{p.lon, p.lat}}}},
      {QStringLiteral("properties"), properties}};
}

void putTop(QJsonObject &props, const QString &prefix, const std::vector<PlaceProbability> &places,
            bool withCode) {
  const PlaceProbability *p = places.empty() ? nullptr : &places.front();
  if (withCode)
    props.insert(prefix + QStringLiteral("_code"), p ? QJsonValue(p->code) : QJsonValue(QJsonValue::Null));
  props.insert(prefix + QStringLiteral("_name"), p ? QJsonValue(p->name) : QJsonValue(QJsonValue::Null));
  props.insert(prefix + QStringLiteral("_probability"),
               p ? QJsonValue(p->probability) : QJsonValue(QJsonValue::Null));
}

} // namespace

QJsonDocument resultsToGeoJson(const std::vector<ImageResult> &results, const ExportOptions &opt) {
  QJsonArray features;
  for (const ImageResult &r : results) {
    if (!r.estimate || !r.estimate->isValid())
      continue;
    const VisibleExif exif = visibleExif(r, opt);

    QJsonObject props{{QStringLiteral("kind"), QStringLiteral("estimate")},
                      {QStringLiteral("path"), r.path},
                      {QStringLiteral("sha256"), r.sha256},
                      {QStringLiteral("status"), statusName(r.status)},
                      {QStringLiteral("label"), r.estimateLabel}};
    putTop(props, QStringLiteral("country"), r.countries, true);
    putTop(props, QStringLiteral("region"), r.regions, true);
    putTop(props, QStringLiteral("city"), r.cities, false);
    props.insert(QStringLiteral("exif_country"),
                 exif.location ? QJsonValue(exif.country) : QJsonValue(QJsonValue::Null));
    props.insert(QStringLiteral("error_km"), orNull(exif.errorKm));
    props.insert(QStringLiteral("uncertain"), r.uncertain);
    const Annotation *note = annotationOf(r, opt);
    if (note) {
      props.insert(QStringLiteral("verdict"), verdictName(note->verdict));
      props.insert(QStringLiteral("note"), note->note);
      props.insert(QStringLiteral("truth_error_km"), orNull(note->truthErrorKm(r.estimate)));
    }
    for (const TaskCell &c : taskCells(r, taskColumnsOf(std::vector<ImageResult>{r})))
      props.insert(c.key, c.probability ? QJsonValue(*c.probability) : QJsonValue(c.label));
    if (r.gallery)
      for (const GalleryCell &c : galleryCells(r))
        props.insert(c.key, c.number && std::isfinite(*c.number)      ? QJsonValue(*c.number)
                            : c.key == QLatin1String("gallery_fused") ? QJsonValue(r.gallery->fused)
                            : !c.text.isEmpty()                       ? QJsonValue(c.text)
                                                                      : QJsonValue(QJsonValue::Null));
    features.append(pointFeature(*r.estimate, props));

    // The confidence regions as outlined areas (one MultiPolygon per level).
    for (const ConfidenceRegion &region : r.confidenceRegions)
      features.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("Feature")},
                                  {QStringLiteral("geometry"), regionGeometryToGeoJson(region)},
                                  {QStringLiteral("properties"),
                                   QJsonObject{{QStringLiteral("kind"), QStringLiteral("confidence_region")},
                                               {QStringLiteral("path"), r.path},
                                               {QStringLiteral("sha256"), r.sha256},
                                               {QStringLiteral("level"), region.level},
                                               {QStringLiteral("area_km2"), region.areaKm2}}}});

    if (opt.geojsonIncludeCities) {
      int rank = 0;
      for (const PlaceProbability &c : topEntries(r.cities, opt.topK)) {
        ++rank;
        if (!c.location || !c.location->isValid())
          continue;
        features.append(pointFeature(
            *c.location, QJsonObject{{QStringLiteral("kind"), QStringLiteral("city")},
                                     {QStringLiteral("path"), r.path},
                                     {QStringLiteral("sha256"), r.sha256},
                                     {QStringLiteral("rank"), rank},
                                     {QStringLiteral("name"), c.name},
                                     {QStringLiteral("country"), c.country},
                                     {QStringLiteral("region"), c.region},
                                     {QStringLiteral("population"), static_cast<double>(c.population)},
                                     {QStringLiteral("probability"), c.probability}}));
      }
    }

    if (r.gallery && !r.gallery->neighbours.empty()) { // the gallery's estimate and neighbours
      const GalleryEvidence &g = *r.gallery;
      features.append(
          pointFeature(g.estimate, QJsonObject{{QStringLiteral("kind"), QStringLiteral("gallery_estimate")},
                                               {QStringLiteral("path"), r.path},
                                               {QStringLiteral("sha256"), r.sha256},
                                               {QStringLiteral("index"), g.index},
                                               {QStringLiteral("density"), g.density},
                                               {QStringLiteral("fused"), g.fused}}));
      int rank = 0;
      for (const GalleryNeighbour &n : g.neighbours)
        features.append(pointFeature(
            n.location, QJsonObject{{QStringLiteral("kind"), QStringLiteral("gallery_neighbour")},
                                    {QStringLiteral("path"), r.path},
                                    {QStringLiteral("sha256"), r.sha256},
                                    {QStringLiteral("rank"), ++rank},
                                    {QStringLiteral("neighbour_path"), n.path},
                                    {QStringLiteral("neighbour_sha256"), n.sha256},
                                    {QStringLiteral("score"), n.score},
                                    {QStringLiteral("weight"), n.weight},
                                    {QStringLiteral("distance_km"), n.distanceKm}}));
    }

    if (exif.location)
      features.append(
          pointFeature(*exif.location, QJsonObject{{QStringLiteral("kind"), QStringLiteral("exif")},
                                                   {QStringLiteral("path"), r.path},
                                                   {QStringLiteral("sha256"), r.sha256},
                                                   {QStringLiteral("country"), exif.country},
                                                   {QStringLiteral("altitude"), orNull(exif.altitude)},
                                                   {QStringLiteral("error_km"), orNull(exif.errorKm)}}));

    if (note && note->truth) // the analyst's ground-truth pin
      features.append(pointFeature(
          *note->truth,
          QJsonObject{{QStringLiteral("kind"), QStringLiteral("truth")},
                      {QStringLiteral("path"), r.path},
                      {QStringLiteral("sha256"), r.sha256},
                      {QStringLiteral("verdict"), verdictName(note->verdict)},
                      {QStringLiteral("note"), note->note},
                      {QStringLiteral("truth_error_km"), orNull(note->truthErrorKm(r.estimate))}}));
  }
  return QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("FeatureCollection")},
                                   {QStringLiteral("features"), features}});
}

QJsonArray sitesToGeoJsonFeatures(const std::vector<SiteResult> &sites, const ExportOptions &opt) {
  Q_UNUSED(opt); // a site carries no EXIF
  QJsonArray features;
  for (const SiteResult &site : sites) {
    const ImageResult &r = site.posterior;
    if (!r.estimate || !r.estimate->isValid())
      continue;
    QJsonObject props{{QStringLiteral("kind"), QStringLiteral("site")},
                      {QStringLiteral("name"), site.name},
                      {QStringLiteral("members"), QJsonArray::fromStringList(site.members)},
                      {QStringLiteral("status"), statusName(r.status)},
                      {QStringLiteral("label"), r.estimateLabel}};
    putTop(props, QStringLiteral("country"), r.countries, true);
    putTop(props, QStringLiteral("region"), r.regions, true);
    putTop(props, QStringLiteral("city"), r.cities, false);
    props.insert(QStringLiteral("uncertain"), r.uncertain);
    features.append(pointFeature(*r.estimate, props));
    for (const ConfidenceRegion &region : r.confidenceRegions)
      features.append(
          QJsonObject{{QStringLiteral("type"), QStringLiteral("Feature")},
                      {QStringLiteral("geometry"), regionGeometryToGeoJson(region)},
                      {QStringLiteral("properties"),
                       QJsonObject{{QStringLiteral("kind"), QStringLiteral("site_confidence_region")},
                                   {QStringLiteral("site"), site.name},
                                   {QStringLiteral("level"), region.level},
                                   {QStringLiteral("area_km2"), region.areaKm2}}}});
  }
  return features;
}

} // namespace streetlens::exporting
