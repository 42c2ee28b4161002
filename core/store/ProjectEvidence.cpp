// ProjectStore's evidence records — the "sites" and "constraint" JSON in the meta table, written
// and parsed only here — and the fusion of stored sites shared by the app and the CLI.
#include "core/store/ProjectEvidence.h"

#include "core/store/ResultJson.h"

#include <QHash>
#include <QJsonDocument>
#include <cmath>

namespace streetlens::store {

namespace {

QJsonArray ringToJson(const geo::GeoRing &ring) {
  QJsonArray pts;
  // Rings are unwrapped (longitudes may leave [-180, 180]); GeoJSON wants them in range, and the
  // parser unwraps them again.
  auto wrap = [](double lon) { return std::remainder(lon, 360.0); };
  for (const geo::GeoPoint &p : ring.points())
    pts.append(QJsonArray{wrap(p.lon), p.lat});
  if (!ring.points().isEmpty())
    pts.append(QJsonArray{wrap(ring.points().front().lon), ring.points().front().lat});
  return pts;
}

QJsonObject areaToJson(const geo::GeoMultiPolygon &area) {
  QJsonArray polys;
  for (const geo::GeoPolygon &poly : area.polygons()) {
    QJsonArray rings;
    for (const geo::GeoRing &ring : poly.rings())
      rings.append(ringToJson(ring));
    polys.append(rings);
  }
  return {{QStringLiteral("type"), QStringLiteral("MultiPolygon")}, {QStringLiteral("coordinates"), polys}};
}

QJsonArray areasToJson(const QVector<geo::GeoMultiPolygon> &areas) {
  QJsonArray out;
  for (const geo::GeoMultiPolygon &a : areas)
    out.append(areaToJson(a));
  return out;
}

std::optional<QVector<geo::GeoMultiPolygon>> areasFromJson(const QJsonValue &v, QString *error) {
  QVector<geo::GeoMultiPolygon> out;
  for (const QJsonValue &g : v.toArray()) {
    const QByteArray text = QJsonDocument(g.toObject()).toJson(QJsonDocument::Compact);
    auto areas = parseGeoJsonAreas(text, QStringLiteral("the project's constraint"), error);
    if (!areas)
      return std::nullopt;
    out += *areas;
  }
  return out;
}

QStringList stringList(const QJsonValue &v) {
  QStringList out;
  for (const QJsonValue &e : v.toArray())
    out << e.toString();
  return out;
}

} // namespace

QJsonObject constraintToJson(const GeoConstraint &c) {
  QJsonArray bands; // the sun bands by their observation (the band is recomputed from it)
  for (const geo::SunBand &band : c.sunBands) {
    const geo::SunObservation &o = band.observation();
    QJsonObject b{{QStringLiteral("time"), o.time.toString(Qt::ISODateWithMs)},
                  {QStringLiteral("time_source"), o.timeSource},
                  {QStringLiteral("elevation_deg"), o.elevationDeg},
                  {QStringLiteral("tolerance_deg"), o.toleranceDeg},
                  {QStringLiteral("azimuth_tolerance_deg"), o.azimuthToleranceDeg}};
    if (o.shadowRatio)
      b.insert(QStringLiteral("shadow_ratio"), *o.shadowRatio);
    if (o.shadowAzimuthDeg)
      b.insert(QStringLiteral("shadow_azimuth_deg"), *o.shadowAzimuthDeg);
    bands.append(b);
  }
  QJsonArray near;
  for (const GeoCircle &circle : c.near)
    near.append(QJsonObject{{QStringLiteral("lat"), circle.centre.lat},
                            {QStringLiteral("lon"), circle.centre.lon},
                            {QStringLiteral("km"), circle.radiusKm}});
  return {{QStringLiteral("countries"), QJsonArray::fromStringList(c.countries)},
          {QStringLiteral("exclude_countries"), QJsonArray::fromStringList(c.excludeCountries)},
          {QStringLiteral("regions"), QJsonArray::fromStringList(c.regions)},
          {QStringLiteral("exclude_regions"), QJsonArray::fromStringList(c.excludeRegions)},
          {QStringLiteral("within"), areasToJson(c.within)},
          {QStringLiteral("near"), near},
          {QStringLiteral("exclude"), areasToJson(c.exclude)},
          {QStringLiteral("sun_bands"), bands},
          {QStringLiteral("sources"), QJsonArray::fromStringList(c.sources)}};
}

std::optional<GeoConstraint> constraintFromJson(const QJsonObject &o, QString *error) {
  QString ignored;
  if (!error)
    error = &ignored;
  GeoConstraint c;
  c.countries = stringList(o.value(QStringLiteral("countries")));
  c.excludeCountries = stringList(o.value(QStringLiteral("exclude_countries")));
  c.regions = stringList(o.value(QStringLiteral("regions")));
  c.excludeRegions = stringList(o.value(QStringLiteral("exclude_regions")));
  auto within = areasFromJson(o.value(QStringLiteral("within")), error);
  auto exclude = within ? areasFromJson(o.value(QStringLiteral("exclude")), error) : std::nullopt;
  if (!within || !exclude)
    return std::nullopt;
  c.within = *within;
  c.exclude = *exclude;
  for (const QJsonValue &v : o.value(QStringLiteral("near")).toArray()) {
    const QJsonObject n = v.toObject();
    const double lat = n.value(QStringLiteral("lat")).toDouble(NAN),
                 lon = n.value(QStringLiteral("lon")).toDouble(NAN),
                 km = n.value(QStringLiteral("km")).toDouble(NAN);
    if (!(std::abs(lat) <= 90 && std::abs(lon) <= 180 && km > 0)) {
      *error = QStringLiteral("the project's constraint has a circle out of range");
      return std::nullopt;
    }
    c.near.push_back({{lat, lon}, km});
  }
  for (const QJsonValue &v : o.value(QStringLiteral("sun_bands")).toArray()) {
    const QJsonObject b = v.toObject();
    geo::SunObservation obs;
    obs.time = QDateTime::fromString(b.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    obs.timeSource = b.value(QStringLiteral("time_source")).toString();
    obs.elevationDeg = b.value(QStringLiteral("elevation_deg")).toDouble(NAN);
    obs.toleranceDeg = b.value(QStringLiteral("tolerance_deg")).toDouble(NAN);
    obs.azimuthToleranceDeg = b.value(QStringLiteral("azimuth_tolerance_deg")).toDouble(10.0);
    if (b.value(QStringLiteral("shadow_ratio")).isDouble())
      obs.shadowRatio = b.value(QStringLiteral("shadow_ratio")).toDouble();
    if (b.value(QStringLiteral("shadow_azimuth_deg")).isDouble())
      obs.shadowAzimuthDeg = b.value(QStringLiteral("shadow_azimuth_deg")).toDouble();
    if (!obs.time.isValid() || !(std::abs(obs.elevationDeg) <= 90) || !(obs.toleranceDeg > 0)) {
      *error = QStringLiteral(
          "the project's constraint has a sun band without a valid time, elevation or tolerance");
      return std::nullopt;
    }
    c.sunBands.push_back(geo::SunBand(obs));
  }
  c.sources = stringList(o.value(QStringLiteral("sources")));
  return c;
}

QJsonArray sitesToJson(const std::vector<StoredSite> &sites) {
  QJsonArray out;
  for (const StoredSite &s : sites)
    out.append(QJsonObject{{QStringLiteral("name"), s.name},
                           {QStringLiteral("members"), QJsonArray::fromStringList(s.members)}});
  return out;
}

std::vector<StoredSite> sitesFromJson(const QJsonArray &array) {
  std::vector<StoredSite> out;
  for (const QJsonValue &v : array) {
    const QJsonObject o = v.toObject();
    StoredSite s{o.value(QStringLiteral("name")).toString(), stringList(o.value(QStringLiteral("members")))};
    if (!s.name.isEmpty())
      out.push_back(std::move(s));
  }
  return out;
}

std::vector<StoredSite> ProjectStore::sites() const {
  const QJsonDocument doc = QJsonDocument::fromJson(meta(QStringLiteral("sites")).toUtf8());
  return sitesFromJson(doc.object().value(QStringLiteral("sites")).toArray());
}

bool ProjectStore::setSites(const std::vector<StoredSite> &sites, QString *error) {
  const QJsonObject o{{QStringLiteral("sites"), sitesToJson(sites)}};
  return setMeta(QStringLiteral("sites"), QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)),
                 error);
}

std::optional<GeoConstraint> ProjectStore::constraint() const {
  const QJsonDocument doc = QJsonDocument::fromJson(meta(QStringLiteral("constraint")).toUtf8());
  if (!doc.isObject())
    return std::nullopt;
  return constraintFromJson(doc.object(), nullptr);
}

bool ProjectStore::setConstraint(const GeoConstraint &constraint, QString *error) {
  return setMeta(
      QStringLiteral("constraint"),
      QString::fromUtf8(QJsonDocument(constraintToJson(constraint)).toJson(QJsonDocument::Compact)), error);
}

std::vector<SiteResult> fuseStoredSites(const std::vector<StoredSite> &sites,
                                        const std::vector<ImageResult> &results,
                                        const gazetteer::Gazetteer *gaz, const PosteriorOptions &options) {
  QHash<QString, const ImageResult *> bySha;
  for (const ImageResult &r : results)
    bySha.insert(r.sha256, &r);
  std::vector<SiteResult> out;
  for (const StoredSite &s : sites) {
    std::vector<const ImageResult *> members;
    for (const QString &sha : s.members)
      if (const ImageResult *r = bySha.value(sha))
        members.push_back(r);
    out.push_back(fuseSite(s.name, members, gaz, options));
  }
  return out;
}

} // namespace streetlens::store
