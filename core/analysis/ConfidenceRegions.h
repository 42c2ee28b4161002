#pragma once
// ConfidenceRegions: the smallest set of cells of a result's probability field that holds 50 %,
// 90 % and 99 % of its mass (highest-density regions), with their areas and outlines.
//
// The field is built on two grids so that a city-level answer gives a city-sized region without a
// dense world grid: broad mass (what regions and countries hold beyond their listed cities) on
// 0.5-degree cells, narrow mass (each listed city: a Gaussian of 5..25 km by population; custom
// labels with coordinates: 10 km) on 0.1-degree cells, kept sparse. A 0.5-degree cell that holds
// narrow mass, or that an area constraint cuts, is split into its 25 fine cells, each carrying its
// area share of the broad mass. Cells are ranked by density (mass / area) and taken until the
// level is reached; the set's area is that of its cells. Outlines are traced on the fine grid
// (regions up to 300,000 km^2) or the coarse one (a coarse cell with any fine cell of the set is
// in: the outline may exceed the area by a cell's width), as GeoJSON-style MultiPolygons.
// Pure function on values; runs on the analysis thread (or any thread).
#include "core/analysis/GeoResult.h"

#include <QJsonArray>
#include <QJsonObject>
#include <vector>

namespace streetlens::gazetteer {
class Gazetteer;
}

namespace streetlens {

struct GeoConstraint;

struct ConfidenceRegionOptions {
  std::vector<double> levels{0.5, 0.9, 0.99};
  double coarseDeg = 0.5;
  double fineDeg = 0.1;      // must divide coarseDeg
  double citySigmaKm = 10.0; // a city of one million; scaled by population^(1/4), clamped:
  double citySigmaMinKm = 5.0;
  double citySigmaMaxKm = 25.0;
  double labelSigmaKm = 10.0;   // custom labels with coordinates
  double regionSigmaKm = 150.0; // residual region mass
  double fineOutlineMaxKm2 = 3.0e5;
};

// The regions of `result` (its lists, renormalised). `constraint` (may be null) masks cells whose
// centre it does not allow. Empty when the result has no located mass.
std::vector<ConfidenceRegion> confidenceRegions(const ImageResult &result, const gazetteer::Gazetteer *gaz,
                                                const GeoConstraint *constraint = nullptr,
                                                const ConfidenceRegionOptions &options = {});

// The highest-density set of cells: cells ranked by mass / area (descending; ties by index) and
// taken until they hold at least `level` of the total mass. Returns the ranking and how many of
// it each level takes (levels ascending).
struct DensityCell {
  double mass = 0.0, areaKm2 = 0.0;
};
struct DensitySets {
  std::vector<size_t> order;  // cell indices by density
  std::vector<size_t> counts; // per level: cells taken from the front of order
};
DensitySets highestDensitySets(const std::vector<DensityCell> &cells, const std::vector<double> &levels);

// The region at `level` (e.g. 0.9) of a result, or null.
const ConfidenceRegion *regionAtLevel(const ImageResult &result, double level);
// True when p lies inside the region's outline.
bool regionContains(const ConfidenceRegion &region, geo::GeoPoint p);

// GeoJSON: a region's outline as a MultiPolygon geometry (positions [lon, lat], rings closed),
// and the list [{"level", "area_km2", "geometry"}] of the CLI JSON and project files.
QJsonObject regionGeometryToGeoJson(const ConfidenceRegion &region);
QJsonArray confidenceRegionsToJson(const std::vector<ConfidenceRegion> &regions);
std::vector<ConfidenceRegion> confidenceRegionsFromJson(const QJsonArray &array);

} // namespace streetlens
