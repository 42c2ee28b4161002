#include "core/analysis/GeoConstraint.h"

#include "core/gazetteer/Gazetteer.h"
#include "core/geo/GreatCircle.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <algorithm>
#include <cmath>

namespace streetlens {

namespace {

bool inAny(const QVector<geo::GeoMultiPolygon> &areas, geo::GeoPoint p) {
  return std::any_of(areas.begin(), areas.end(),
                     [&](const geo::GeoMultiPolygon &a) { return a.contains(p); });
}

// The point `km` from `from` along `bearingDeg` on the sphere.
geo::GeoPoint destination(geo::GeoPoint from, double bearingDeg, double km) {
  const double d = km / geo::kEarthRadiusKm, b = geo::degToRad(bearingDeg);
  const double lat1 = geo::degToRad(from.lat), lon1 = geo::degToRad(from.lon);
  const double lat2 = std::asin(std::sin(lat1) * std::cos(d) + std::cos(lat1) * std::sin(d) * std::cos(b));
  const double lon2 = lon1 + std::atan2(std::sin(b) * std::sin(d) * std::cos(lat1),
                                        std::cos(d) - std::sin(lat1) * std::sin(lat2));
  return {geo::radToDeg(lat2), geo::normalizeLongitude(geo::radToDeg(lon2))};
}

// GeoJSON linear ring [[lon, lat], ...] -> GeoRing.
std::optional<geo::GeoRing> ringFromJson(const QJsonArray &coords, QString *why) {
  QVector<geo::GeoPoint> pts;
  for (const QJsonValue &v : coords) {
    const QJsonArray xy = v.toArray();
    if (xy.size() < 2 || !xy[0].isDouble() || !xy[1].isDouble()) {
      *why = QStringLiteral("a position is not [longitude, latitude]");
      return std::nullopt;
    }
    const geo::GeoPoint p{xy[1].toDouble(), xy[0].toDouble()};
    if (!p.isValid()) {
      *why = QStringLiteral("position [%1, %2] is out of range").arg(p.lon).arg(p.lat);
      return std::nullopt;
    }
    pts.push_back(p);
  }
  geo::GeoRing ring = geo::GeoRing::fromPoints(pts);
  if (ring.isEmpty()) {
    *why = QStringLiteral("a ring has fewer than three distinct positions");
    return std::nullopt;
  }
  return ring;
}

std::optional<geo::GeoPolygon> polygonFromJson(const QJsonArray &rings, QString *why) {
  QVector<geo::GeoRing> out;
  for (const QJsonValue &r : rings) {
    auto ring = ringFromJson(r.toArray(), why);
    if (!ring)
      return std::nullopt;
    out.push_back(*ring);
  }
  if (out.isEmpty()) {
    *why = QStringLiteral("a polygon has no rings");
    return std::nullopt;
  }
  return geo::GeoPolygon(out);
}

bool addGeometry(const QJsonObject &g, QVector<geo::GeoMultiPolygon> &out, QString *why) {
  const QString type = g.value(QStringLiteral("type")).toString();
  const QJsonArray coords = g.value(QStringLiteral("coordinates")).toArray();
  if (type == QLatin1String("Polygon")) {
    auto poly = polygonFromJson(coords, why);
    if (!poly)
      return false;
    out.push_back(geo::GeoMultiPolygon({*poly}));
    return true;
  }
  if (type == QLatin1String("MultiPolygon")) {
    QVector<geo::GeoPolygon> polys;
    for (const QJsonValue &p : coords) {
      auto poly = polygonFromJson(p.toArray(), why);
      if (!poly)
        return false;
      polys.push_back(*poly);
    }
    if (polys.isEmpty()) {
      *why = QStringLiteral("a MultiPolygon has no polygons");
      return false;
    }
    out.push_back(geo::GeoMultiPolygon(polys));
    return true;
  }
  if (type == QLatin1String("GeometryCollection")) {
    for (const QJsonValue &sub : g.value(QStringLiteral("geometries")).toArray())
      if (!addGeometry(sub.toObject(), out, why))
        return false;
    return true;
  }
  *why = type.isEmpty() ? QStringLiteral("a geometry without a type")
                        : QStringLiteral("a %1 is not an area (use Polygon or MultiPolygon)").arg(type);
  return false;
}

} // namespace

bool GeoConstraint::isEmpty() const {
  return countries.isEmpty() && excludeCountries.isEmpty() && regions.isEmpty() && excludeRegions.isEmpty() &&
         !hasAreas();
}

bool GeoConstraint::allowsPoint(geo::GeoPoint p) const {
  if (!within.isEmpty() || !near.isEmpty()) {
    const bool in = inAny(within, p) || std::any_of(near.begin(), near.end(), [&](const GeoCircle &c) {
                      return geo::haversineKm(c.centre, p) <= c.radiusKm;
                    });
    if (!in)
      return false;
  }
  if (!std::all_of(sunBands.begin(), sunBands.end(), [&](const geo::SunBand &b) { return b.contains(p); }))
    return false;
  return !inAny(exclude, p);
}

bool GeoConstraint::allowsPlace(const QString &country, const QString &region) const {
  const QString c = country.toUpper(), r = region.toUpper();
  if (!countries.isEmpty() && !countries.contains(c))
    return false;
  if (excludeCountries.contains(c))
    return false;
  if (!r.isEmpty()) {
    if (!regions.isEmpty() && !regions.contains(r))
      return false;
    if (excludeRegions.contains(r))
      return false;
  } else if (!regions.isEmpty()) {
    // A place without a known region passes a region list only in a country the list names.
    return std::any_of(regions.begin(), regions.end(),
                       [&](const QString &code) { return code.startsWith(c + '.'); });
  }
  return true;
}

QString GeoConstraint::describe() const {
  QStringList parts;
  if (!countries.isEmpty())
    parts << QStringLiteral("countries %1").arg(countries.join(QStringLiteral(", ")));
  if (!excludeCountries.isEmpty())
    parts << QStringLiteral("not countries %1").arg(excludeCountries.join(QStringLiteral(", ")));
  if (!regions.isEmpty())
    parts << QStringLiteral("regions %1").arg(regions.join(QStringLiteral(", ")));
  if (!excludeRegions.isEmpty())
    parts << QStringLiteral("not regions %1").arg(excludeRegions.join(QStringLiteral(", ")));
  parts << sources;
  for (const geo::SunBand &b : sunBands)
    parts << b.describe();
  return parts.join(QStringLiteral("; "));
}

std::optional<QVector<geo::GeoMultiPolygon>> parseGeoJsonAreas(const QByteArray &text, const QString &source,
                                                               QString *error) {
  QJsonParseError pe{};
  const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
  if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
    *error = QStringLiteral("%1: not GeoJSON (%2 at byte %3)")
                 .arg(source,
                      pe.error != QJsonParseError::NoError ? pe.errorString() : QStringLiteral("no object"))
                 .arg(pe.offset);
    return std::nullopt;
  }
  const QJsonObject root = doc.object();
  const QString type = root.value(QStringLiteral("type")).toString();
  QVector<geo::GeoMultiPolygon> out;
  QString why;
  if (type == QLatin1String("FeatureCollection")) {
    const QJsonArray features = root.value(QStringLiteral("features")).toArray();
    for (qsizetype i = 0; i < features.size(); ++i) {
      const QJsonObject f = features[i].toObject();
      if (!f.value(QStringLiteral("geometry")).isObject()) {
        *error = QStringLiteral("%1: feature %2 has no geometry").arg(source).arg(i + 1);
        return std::nullopt;
      }
      if (!addGeometry(f.value(QStringLiteral("geometry")).toObject(), out, &why)) {
        *error = QStringLiteral("%1: feature %2: %3").arg(source).arg(i + 1).arg(why);
        return std::nullopt;
      }
    }
  } else if (type == QLatin1String("Feature")) {
    if (!root.value(QStringLiteral("geometry")).isObject() ||
        !addGeometry(root.value(QStringLiteral("geometry")).toObject(), out, &why)) {
      *error = QStringLiteral("%1: %2").arg(
          source, why.isEmpty() ? QStringLiteral("the feature has no geometry") : why);
      return std::nullopt;
    }
  } else if (!addGeometry(root, out, &why)) {
    *error = QStringLiteral("%1: %2").arg(source, why);
    return std::nullopt;
  }
  if (out.isEmpty()) {
    *error = QStringLiteral("%1: no Polygon or MultiPolygon in the file").arg(source);
    return std::nullopt;
  }
  return out;
}

std::optional<GeoCircle> parseCircle(const QString &text, QString *error) {
  const QStringList parts = text.split(QLatin1Char(','));
  bool ok[3] = {false, false, false};
  if (parts.size() == 3) {
    const GeoCircle c{{parts[0].trimmed().toDouble(&ok[0]), parts[1].trimmed().toDouble(&ok[1])},
                      parts[2].trimmed().toDouble(&ok[2])};
    if (ok[0] && ok[1] && ok[2] && c.centre.isValid() && c.radiusKm > 0 && std::isfinite(c.radiusKm))
      return c;
  }
  *error = QStringLiteral("'%1' is not LAT,LON,KM (latitude -90..90, longitude -180..180, radius > 0 km)")
               .arg(text);
  return std::nullopt;
}

std::optional<QStringList> parseCountryList(const QString &text, const gazetteer::Gazetteer *gaz,
                                            QString *error) {
  QStringList out;
  for (const QString &raw : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    const QString code = raw.trimmed().toUpper();
    if (code.isEmpty())
      continue;
    if (gaz) {
      const auto *c = gaz->country(code);
      if (!c) {
        *error = QStringLiteral("'%1' is not an ISO 3166-1 country code").arg(raw.trimmed());
        return std::nullopt;
      }
      out << c->code2;
    } else {
      out << code;
    }
  }
  return out;
}

ConstraintWeights::ConstraintWeights(GeoConstraint constraint,
                                     std::shared_ptr<const gazetteer::Gazetteer> gaz)
    : m_constraint(std::move(constraint)), m_gaz(std::move(gaz)) {}

double ConstraintWeights::weight(const PlaceLeaf &leaf) const {
  const PlaceProbability &p = leaf.place;
  switch (leaf.kind) {
  case PlaceLeaf::Kind::City:
    if (!m_constraint.allowsPlace(p.country, p.region))
      return 0.0;
    return !m_constraint.hasAreas() || (p.location && m_constraint.allowsPoint(*p.location)) ? 1.0 : 0.0;
  case PlaceLeaf::Kind::Region:
    if (!m_constraint.allowsPlace(p.country, p.code))
      return 0.0;
    return m_constraint.hasAreas() ? regionShare(p) : 1.0;
  case PlaceLeaf::Kind::Country:
    if (!m_constraint.allowsPlace(p.code, {}))
      return 0.0;
    return m_constraint.hasAreas() ? countryShare(p) : 1.0;
  }
  return 0.0;
}

// Quadrature of a spherical Gaussian: the centre and 6 rings of 16 points; each ring stands for
// the Gaussian's mass in its annulus.
double ConstraintWeights::regionShare(const PlaceProbability &region) const {
  {
    std::lock_guard lock(m_mutex);
    if (auto it = m_regionCache.constFind(region.code); it != m_regionCache.constEnd())
      return *it;
  }
  std::optional<geo::GeoPoint> centre = region.location;
  if (!centre && m_gaz)
    if (const auto *r = m_gaz->region(region.code))
      centre = r->center;
  double share = 0.0;
  if (centre) {
    const double s = kRegionSigmaKm;
    auto massWithin = [s](double r) { return 1.0 - std::exp(-(r * r) / (2 * s * s)); }; // planar Rayleigh
    const double edges[] = {0.0, 0.25 * s, 0.75 * s, 1.25 * s, 1.75 * s, 2.5 * s, 4.0 * s};
    double kept = 0.0, total = 0.0;
    for (int k = 0; k + 1 < int(std::size(edges)); ++k) {
      const double m = massWithin(edges[k + 1]) - massWithin(edges[k]);
      const double radius = k == 0 ? 0.0 : 0.5 * (edges[k] + edges[k + 1]);
      const int n = k == 0 ? 1 : 16;
      for (int i = 0; i < n; ++i) {
        const geo::GeoPoint q = k == 0 ? *centre : destination(*centre, 360.0 * i / n, radius);
        kept += m_constraint.allowsPoint(q) ? m / n : 0.0;
      }
      total += m;
    }
    share = total > 0 ? kept / total : 0.0;
  }
  std::lock_guard lock(m_mutex);
  m_regionCache.insert(region.code, share);
  return share;
}

// 0 or 1 when the bounds alone decide (outside every within area / clear of every exclusion); else -1.
int ConstraintWeights::quickCountryShare(const geo::GeoBounds &b) const {
  const GeoConstraint &k = m_constraint;
  auto touches = [&](const QVector<geo::GeoMultiPolygon> &areas) {
    return std::any_of(areas.begin(), areas.end(), [&](const auto &a) { return a.bounds().intersects(b); });
  };
  const bool nearTouches = std::any_of(k.near.begin(), k.near.end(), [&](const GeoCircle &c) {
    return geo::GeoBounds(c.centre.lat, c.centre.lon, c.centre.lat, c.centre.lon)
        .expandedKm(c.radiusKm)
        .intersects(b);
  });
  const bool hasWithin = !k.within.isEmpty() || !k.near.isEmpty();
  if (hasWithin && !touches(k.within) && !nearTouches)
    return 0;
  if (!hasWithin && !touches(k.exclude) && k.sunBands.isEmpty()) // a sun band has no bounding box
    return 1;
  return -1;
}

double ConstraintWeights::countryShare(const PlaceProbability &country) const {
  {
    std::lock_guard lock(m_mutex);
    if (auto it = m_countryCache.constFind(country.code); it != m_countryCache.constEnd())
      return *it;
  }
  const gazetteer::Country *gc = m_gaz ? m_gaz->country(country.code) : nullptr;
  double share = 0.0;
  if (!gc || gc->borders.isEmpty()) {
    const std::optional<geo::GeoPoint> p = gc ? std::optional(gc->representativePoint) : country.location;
    share = p && m_constraint.allowsPoint(*p) ? 1.0 : 0.0;
  } else if (const int quick = quickCountryShare(gc->borders.bounds()); quick >= 0) {
    share = quick;
  } else {
    // Area-weighted cells whose centre lies in the borders; about 20,000 cells over the bounds.
    const geo::GeoBounds &b = gc->borders.bounds();
    const double cell = std::max(0.1, std::sqrt(b.widthDeg() * b.heightDeg() / 20000.0));
    const int rows = std::max(1, int(std::ceil(b.heightDeg() / cell)));
    const int cols = std::max(1, int(std::ceil(b.widthDeg() / cell)));
    double kept = 0.0, total = 0.0;
    for (int r = 0; r < rows; ++r) {
      const double lat = b.south() + (r + 0.5) * b.heightDeg() / rows;
      const double w = std::cos(geo::degToRad(lat));
      for (int c = 0; c < cols; ++c) {
        const geo::GeoPoint q{lat, geo::normalizeLongitude(b.west() + (c + 0.5) * b.widthDeg() / cols)};
        if (!gc->borders.contains(q))
          continue;
        total += w;
        if (m_constraint.allowsPoint(q))
          kept += w;
      }
    }
    share = total > 0 ? kept / total : (m_constraint.allowsPoint(gc->representativePoint) ? 1.0 : 0.0);
  }
  std::lock_guard lock(m_mutex);
  m_countryCache.insert(country.code, share);
  return share;
}

} // namespace streetlens
