#pragma once
// GeoConstraint: what the analyst already knows about where a photo was taken — countries and
// regions to keep or exclude, areas (GeoJSON polygons, a rectangle or polygon drawn on the map, a
// circle) to keep it within or out of, and sun bands (core/geo/SunBand.h: where the sun stood at a
// shadow's measured elevation at the photo's moment). The constrained posterior is the model's distribution
// times the constraint, renormalised (core/analysis/Posterior.h). ConstraintWeights turns a
// constraint into the share of each leaf's mass (PlaceHierarchy) that the constraint keeps.
// GeoConstraint is a plain value; ConstraintWeights is immutable apart from a mutex-guarded cache,
// so one instance may be shared by threads.
#include "core/analysis/PlaceHierarchy.h"
#include "core/geo/GeoPolygon.h"
#include "core/geo/SunBand.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <memory>
#include <mutex>
#include <optional>

namespace streetlens::gazetteer {
class Gazetteer;
}

namespace streetlens {

struct GeoCircle {
  geo::GeoPoint centre;
  double radiusKm = 0.0;
};

struct GeoConstraint {
  QStringList countries, excludeCountries; // ISO alpha-2, upper case; empty countries = all
  QStringList regions, excludeRegions;     // region codes "US.CA", upper case; empty regions = all
  QVector<geo::GeoMultiPolygon> within;    // keep only what lies in one of these areas (or circles)
  QVector<GeoCircle> near;                 // also "within" areas
  QVector<geo::GeoMultiPolygon> exclude;   // drop what lies in any of these
  QVector<geo::SunBand> sunBands;          // keep only what lies in every one of these
  QStringList sources;                     // human-readable description of each part, in order

  bool isEmpty() const;
  bool hasAreas() const {
    return !within.isEmpty() || !near.isEmpty() || !exclude.isEmpty() || !sunBands.isEmpty();
  }
  // The area part: inside a within area or circle (when there are any), in every sun band and in no
  // excluded area.
  bool allowsPoint(geo::GeoPoint p) const;
  // The code part: country and region lists (region "" passes the region lists).
  bool allowsPlace(const QString &country, const QString &region) const;
  // One line, e.g. "countries HU, AT; within balkans.geojson (2 areas); near 47.5,19.0 50 km"; each
  // sun band's description follows the sources.
  QString describe() const;
};

// Polygon and MultiPolygon geometries of a GeoJSON text (a geometry, a Feature, a FeatureCollection
// or a GeometryCollection; coordinates [lon, lat]). Anything else — a Point, a LineString, a
// Feature without geometry, coordinates out of range, a ring of fewer than three points — is an
// error naming `source` and the feature.
std::optional<QVector<geo::GeoMultiPolygon>> parseGeoJsonAreas(const QByteArray &text, const QString &source,
                                                               QString *error);
// "LAT,LON,KM" (the CLI's --near).
std::optional<GeoCircle> parseCircle(const QString &text, QString *error);
// Upper-cased ISO alpha-2 codes from "hu, at"; unknown codes are an error when `gaz` is given.
std::optional<QStringList> parseCountryList(const QString &text, const gazetteer::Gazetteer *gaz,
                                            QString *error);

class ConstraintWeights {
public:
  // Kernel widths of residual region mass: the ProbabilityField's (150 km).
  static constexpr double kRegionSigmaKm = 150.0;

  ConstraintWeights(GeoConstraint constraint, std::shared_ptr<const gazetteer::Gazetteer> gaz);
  const GeoConstraint &constraint() const { return m_constraint; }
  // Share of a leaf's mass the constraint keeps, in [0, 1]: a city by its point; the residual of a
  // region by the share of a 150 km Gaussian at its centre that lies in the allowed area; the
  // residual of a country by the allowed share of its territory (area-weighted cells of 0.25
  // degrees; micro-states by their representative point).
  double weight(const PlaceLeaf &leaf) const;

private:
  double regionShare(const PlaceProbability &region) const;
  double countryShare(const PlaceProbability &country) const;
  int quickCountryShare(const geo::GeoBounds &bounds) const;

  GeoConstraint m_constraint;
  std::shared_ptr<const gazetteer::Gazetteer> m_gaz;
  mutable std::mutex m_mutex;
  mutable QHash<QString, double> m_regionCache, m_countryCache;
};

} // namespace streetlens
