#pragma once
// ProbabilityField: where a photo was probably taken, as probability mass on a regular
// latitude/longitude grid (row 0 is the northernmost band, column 0 starts at lon -180). Built
// from one ImageResult, or several (their average), by placing spherical Gaussian kernels on the
// candidate places: each city keeps its probability, each region the part of its probability that
// its listed cities do not explain, each country the part that its regions and cities do not
// explain. A country's unexplained mass is spread over its territory when a gazetteer with borders
// is given (area weighted), otherwise a wide kernel sits on its representative point. The field
// is normalised to sum 1 (or is all zero when nothing had a location). Deterministic.
// Immutable value after build(); const methods are safe from any thread.
#include "core/analysis/GeoResult.h"
#include "core/geo/GeoPoint.h"
#include "core/geo/GeoPolygon.h"

#include <QString>
#include <span>
#include <vector>

namespace streetlens::gazetteer {
class Gazetteer;
}

namespace streetlens {

class ProbabilityField {
public:
  struct Options {
    double cellDeg = 0.5;           // grid step in degrees; 180 / cellDeg must be a whole number
    double citySigmaKm = 40.0;      // a city of one million; scaled to 25..75 km by population
    double regionSigmaKm = 150.0;   // regions (admin-1)
    double countrySigmaKm = 400.0;  // countries without borders in the gazetteer (micro-states)
    double smallCountryKm2 = 4.0e4; // below this area a country's mass becomes a kernel instead
  };

  // A Gaussian on the sphere: weight exp(-d^2 / (2 sigma^2)) of the great-circle distance d.
  struct Kernel {
    geo::GeoPoint centre;
    double sigmaKm = 50.0;
    double mass = 0.0;
  };

  ProbabilityField() = default; // empty: no cells

  // An all-zero grid. Returns an empty field when cellDeg does not divide 180 (or is <= 0).
  static ProbabilityField zeros(double cellDeg);
  // The field of one result. `gaz` (may be null) supplies country borders, region centres and
  // city populations; places without a location and without a gazetteer entry are skipped.
  static ProbabilityField fromResult(const ImageResult &result, const gazetteer::Gazetteer *gaz,
                                     const Options &options);
  // The average of the (normalised) fields of several results; failed/empty ones are skipped.
  static ProbabilityField fromResults(std::span<const ImageResult> results, const gazetteer::Gazetteer *gaz,
                                      const Options &options);
  // One piece of a result's mass: a kernel, or (spreadCountry non-empty) a country's mass spread
  // over its borders (kernel.centre is then its representative point, kernel.sigmaKm 0).
  struct Component {
    Kernel kernel;
    QString spreadCountry; // alpha-2
  };
  // The pieces fromResult places, in order (cities, regions, countries, custom labels).
  static std::vector<Component> components(const ImageResult &result, const gazetteer::Gazetteer *gaz,
                                           const Options &options);
  // City sigma for a population (25 km for small towns, 75 km for the largest metropolises).
  static double citySigmaKm(qint64 population, const Options &options);

  // Adds `mass` spread by a spherical Gaussian (truncated at 4 sigma, renormalised so the grid
  // receives exactly `mass`; a kernel narrower than a cell lands in its cell).
  void addKernel(const Kernel &kernel);
  // Adds `mass` over the cells whose centre lies in the country's borders, weighted by cell area.
  // Returns false (adding nothing) when those cells cover less than minAreaKm2 (or nothing);
  // *areaKm2 (optional) receives the area they cover either way.
  bool addCountrySpread(const geo::GeoMultiPolygon &borders, double mass, double minAreaKm2 = 0.0,
                        double *areaKm2 = nullptr);
  // Scales so the cells sum to 1; an all-zero field stays zero.
  void normalize();
  // this = this * (1 - w) + other * w; both must have the same grid.
  void blend(const ProbabilityField &other, double w);

  bool isEmpty() const { return m_mass.empty(); }
  double cellDeg() const { return m_cellDeg; }
  int rows() const { return m_rows; }
  int cols() const { return m_cols; }
  double mass(int row, int col) const { return m_mass[static_cast<size_t>(row) * m_cols + col]; }
  const std::vector<double> &masses() const { return m_mass; }
  double total() const;
  // Probability per 10,000 km^2 (a 100 km x 100 km square) in a cell.
  double density(int row, int col) const;
  // Largest density() of any cell (kept up to date by every mutating method).
  double maxDensity() const { return m_maxDensity; }
  // Bilinear interpolation of density() between cell centres (longitude wraps; 0 off the grid).
  double sampleDensity(geo::GeoPoint p) const;

  geo::GeoPoint cellCenter(int row, int col) const;
  // Cell containing p (lat 90 belongs to row 0, lon 180 to column 0); {-1, -1} when empty.
  std::pair<int, int> cellAt(geo::GeoPoint p) const;
  // Area of the cells of a row in km^2.
  double cellAreaKm2(int row) const { return m_rowArea[static_cast<size_t>(row)]; }

private:
  void updateMax();

  double m_cellDeg = 0.0;
  int m_rows = 0, m_cols = 0;
  std::vector<double> m_mass;    // rows * cols, row-major
  std::vector<double> m_rowArea; // km^2 per cell, per row
  double m_maxDensity = 0.0;
};

} // namespace streetlens
