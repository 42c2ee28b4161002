#include "core/analysis/ConfidenceRegions.h"

#include "core/analysis/CellOutline.h"
#include "core/analysis/GeoConstraint.h"
#include "core/analysis/PlaceHierarchy.h"
#include "core/analysis/ProbabilityField.h"
#include "core/gazetteer/Gazetteer.h"
#include "core/geo/GreatCircle.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace streetlens {

namespace {

constexpr double kKmPerDegree = geo::kEarthRadiusKm * geo::kPi / 180.0;

// Area in km^2 of a cell of `deg` in grid row `row` (row 0 starts at lat 90).
double rowAreaKm2(int row, double deg) {
  const double north = geo::degToRad(90.0 - row * deg), south = geo::degToRad(90.0 - (row + 1) * deg);
  return geo::kEarthRadiusKm * geo::kEarthRadiusKm * geo::degToRad(deg) * (std::sin(north) - std::sin(south));
}

int wrap(int i, int n) {
  const int m = i % n;
  return m < 0 ? m + n : m;
}

// Narrow mass on the fine grid, sparse: fine cell index -> mass.
class FineMass {
public:
  FineMass(double deg) : m_deg(deg), m_rows(int(std::lround(180.0 / deg))), m_cols(2 * m_rows) {}
  int rows() const { return m_rows; }
  int cols() const { return m_cols; }
  const std::unordered_map<uint32_t, double> &cells() const { return m_cells; }
  double total() const {
    double t = 0;
    for (const auto &[i, m] : m_cells)
      t += m;
    return t;
  }

  // A spherical Gaussian truncated at 3 sigma, renormalised so the grid gets exactly `mass`.
  void addKernel(geo::GeoPoint centre, double sigmaKm, double mass) {
    const int cr = std::clamp(int(std::floor((90.0 - centre.lat) / m_deg)), 0, m_rows - 1);
    const int cc = wrap(int(std::floor((geo::normalizeLongitude(centre.lon) + 180.0) / m_deg)), m_cols);
    const double reachDeg = 3.0 * sigmaKm / kKmPerDegree;
    const int r0 = std::clamp(int(std::floor((90.0 - (centre.lat + reachDeg)) / m_deg)), 0, m_rows - 1);
    const int r1 = std::clamp(int(std::floor((90.0 - (centre.lat - reachDeg)) / m_deg)), 0, m_rows - 1);
    std::vector<std::pair<uint32_t, double>> w;
    double sum = 0;
    for (int r = r0; r <= r1; ++r) {
      const double lat = 90.0 - (r + 0.5) * m_deg;
      const double cosLat = std::max(std::cos(geo::degToRad(lat)), 1e-6);
      const int reachCols = std::min(m_cols / 2, int(std::ceil(reachDeg / cosLat / m_deg)) + 1);
      const double area = rowAreaKm2(r, m_deg);
      for (int dc = -reachCols; dc <= reachCols; ++dc) {
        const int c = wrap(cc + dc, m_cols);
        const double d = geo::haversineKm(centre, {lat, -180.0 + (c + 0.5) * m_deg});
        const double v = std::exp(-(d * d) / (2 * sigmaKm * sigmaKm)) * area;
        if (v > 1e-12) {
          w.emplace_back(uint32_t(r) * uint32_t(m_cols) + uint32_t(c), v);
          sum += v;
        }
      }
    }
    if (!(sum > 0)) {
      m_cells[uint32_t(cr) * uint32_t(m_cols) + uint32_t(cc)] += mass;
      return;
    }
    for (const auto &[i, v] : w)
      m_cells[i] += mass * v / sum;
  }

private:
  double m_deg;
  int m_rows, m_cols;
  std::unordered_map<uint32_t, double> m_cells;
};

struct Unit {
  double density, mass, area;
  uint32_t coarse; // coarse cell index
  int child;       // -1: the whole coarse cell; else 0..k*k-1
};

double citySigma(qint64 population, const ConfidenceRegionOptions &o) {
  const double pop = std::max<double>(1.0, double(population));
  return std::clamp(o.citySigmaKm * std::pow(pop / 1.0e6, 0.25), o.citySigmaMinKm, o.citySigmaMaxKm);
}

} // namespace

std::vector<ConfidenceRegion> confidenceRegions(const ImageResult &result, const gazetteer::Gazetteer *gaz,
                                                const GeoConstraint *constraint,
                                                const ConfidenceRegionOptions &o) {
  std::vector<ConfidenceRegion> out;
  if (result.status == ImageStatus::Failed)
    return out;
  const int k = int(std::lround(o.coarseDeg / o.fineDeg));
  ProbabilityField coarse = ProbabilityField::zeros(o.coarseDeg);
  FineMass fine(o.fineDeg);
  if (coarse.isEmpty() || k < 1 || fine.rows() != coarse.rows() * k)
    return out;
  const ProbabilityField::Options fieldOptions;
  // Custom labels: their own kernels only (their countries are sums of the labels).
  const std::vector<PlaceLeaf> leaves =
      result.labels.empty() ? placeLeaves(result) : std::vector<PlaceLeaf>{};
  for (const PlaceLeaf &leaf : leaves) {
    if (!(leaf.mass > 0))
      continue;
    const PlaceProbability &p = leaf.place;
    switch (leaf.kind) {
    case PlaceLeaf::Kind::City: {
      std::optional<geo::GeoPoint> loc = p.location;
      qint64 pop = p.population;
      bool ok = false;
      if (const auto *gc = gaz ? gaz->city(p.code.toLongLong(&ok)) : nullptr) {
        loc = loc ? loc : gc->location;
        pop = pop > 0 ? pop : gc->population;
      }
      if (loc)
        fine.addKernel(*loc, citySigma(pop, o), leaf.mass);
      break;
    }
    case PlaceLeaf::Kind::Region: {
      std::optional<geo::GeoPoint> loc = p.location;
      if (!loc && gaz)
        if (const auto *gr = gaz->region(p.code))
          loc = gr->center;
      if (loc)
        coarse.addKernel({*loc, o.regionSigmaKm, leaf.mass});
      break;
    }
    case PlaceLeaf::Kind::Country: {
      const gazetteer::Country *gc = gaz ? gaz->country(p.code) : nullptr;
      double area = 0;
      if (gc && !gc->borders.isEmpty() &&
          coarse.addCountrySpread(gc->borders, leaf.mass, fieldOptions.smallCountryKm2, &area))
        break;
      const std::optional<geo::GeoPoint> loc = gc ? std::optional(gc->representativePoint) : p.location;
      const double sigma =
          gc ? std::clamp(std::sqrt(std::max(area, 0.0)) / 2.0, 50.0, fieldOptions.countrySigmaKm)
             : fieldOptions.countrySigmaKm;
      if (loc)
        coarse.addKernel({*loc, sigma, leaf.mass});
      break;
    }
    }
  }
  for (const auto &l : result.labels)
    if (l.location && l.probability > 0)
      fine.addKernel(*l.location, o.labelSigmaKm, l.probability);

  // Coarse cells to split: those holding narrow mass, and those an area constraint may cut.
  std::unordered_map<uint32_t, std::vector<std::pair<int, double>>> split; // coarse -> (child, fine mass)
  const int fcols = fine.cols();
  auto coarseOf = [&](uint32_t f, int *child) {
    const int fr = int(f / uint32_t(fcols)), fc = int(f % uint32_t(fcols));
    *child = (fr % k) * k + (fc % k);
    return uint32_t(fr / k) * uint32_t(coarse.cols()) + uint32_t(fc / k);
  };
  for (const auto &[f, m] : fine.cells()) {
    int child = 0;
    split[coarseOf(f, &child)].emplace_back(child, m);
  }
  const bool areas = constraint && constraint->hasAreas();
  QVector<geo::GeoBounds> areaBounds;
  if (areas) {
    for (const auto &a : constraint->within)
      areaBounds << a.bounds();
    for (const auto &a : constraint->exclude)
      areaBounds << a.bounds();
    for (const auto &c : constraint->near)
      areaBounds
          << geo::GeoBounds(c.centre.lat, c.centre.lon, c.centre.lat, c.centre.lon).expandedKm(c.radiusKm);
  }

  std::vector<Unit> units;
  const int crows = coarse.rows(), ccols = coarse.cols();
  for (int r = 0; r < crows; ++r) {
    const double cArea = coarse.cellAreaKm2(r);
    for (int c = 0; c < ccols; ++c) {
      const uint32_t ci = uint32_t(r) * uint32_t(ccols) + uint32_t(c);
      const double m = coarse.mass(r, c);
      auto it = split.find(ci);
      bool cut = false;
      if (areas && m > 0) {
        const geo::GeoPoint centre = coarse.cellCenter(r, c);
        const double h = o.coarseDeg / 2;
        const geo::GeoBounds cell(centre.lat - h, centre.lon - h, centre.lat + h, centre.lon + h);
        cut = std::any_of(areaBounds.begin(), areaBounds.end(),
                          [&](const auto &b) { return b.intersects(cell); });
      }
      if (it == split.end() && !cut) {
        if (m > 0 && (!areas || constraint->allowsPoint(coarse.cellCenter(r, c))))
          units.push_back({m / cArea, m, cArea, ci, -1});
        continue;
      }
      std::vector<double> childMass(size_t(k * k), 0.0);
      if (it != split.end())
        for (const auto &[child, fm] : it->second)
          childMass[size_t(child)] += fm;
      for (int child = 0; child < k * k; ++child) {
        const int fr = r * k + child / k, fc = c * k + child % k;
        const double fArea = rowAreaKm2(fr, o.fineDeg);
        const double mass = m * fArea / cArea + childMass[size_t(child)];
        if (!(mass > 0))
          continue;
        if (areas &&
            !constraint->allowsPoint({90.0 - (fr + 0.5) * o.fineDeg, -180.0 + (fc + 0.5) * o.fineDeg}))
          continue;
        units.push_back({mass / fArea, mass, fArea, ci, child});
      }
    }
  }
  std::vector<DensityCell> densityCells(units.size());
  double total = 0;
  for (size_t i = 0; i < units.size(); ++i) {
    densityCells[i] = {units[i].mass, units[i].area};
    total += units[i].mass;
  }
  if (!(total > 0))
    return out;
  const DensitySets sets = highestDensitySets(densityCells, o.levels);
  for (size_t li = 0; li < o.levels.size(); ++li) {
    const double level = o.levels[li];
    const size_t taken = sets.counts[li];
    double cum = 0, area = 0;
    for (size_t i = 0; i < taken; ++i) {
      cum += units[sets.order[i]].mass;
      area += units[sets.order[i]].area;
    }
    ConfidenceRegion region;
    region.level = level;
    region.areaKm2 = area;
    region.mass = std::min(1.0, cum / total);
    // The outline: fine cells for small regions, coarse ones for large ones (a split cell counts
    // when any of its fine cells is in, so outlines of higher levels contain those of lower ones).
    const bool useFine = area <= o.fineOutlineMaxKm2;
    const double deg = useFine ? o.fineDeg : o.coarseDeg;
    int rMin = INT32_MAX, rMax = -1, cMin = INT32_MAX, cMax = -1;
    std::vector<std::pair<int, int>> cells;
    std::unordered_map<uint32_t, int> childCount;
    for (size_t i = 0; i < taken; ++i) {
      const Unit &u = units[sets.order[i]];
      const int cr = int(u.coarse / uint32_t(ccols)), cc = int(u.coarse % uint32_t(ccols));
      if (useFine) {
        if (u.child < 0) {
          for (int ch = 0; ch < k * k; ++ch)
            cells.emplace_back(cr * k + ch / k, cc * k + ch % k);
        } else {
          cells.emplace_back(cr * k + u.child / k, cc * k + u.child % k);
        }
      } else if (u.child < 0 || ++childCount[u.coarse] == 1) {
        cells.emplace_back(cr, cc);
      }
    }
    for (const auto &[r, c] : cells) {
      rMin = std::min(rMin, r), rMax = std::max(rMax, r), cMin = std::min(cMin, c), cMax = std::max(cMax, c);
    }
    if (!cells.empty()) {
      const int h = rMax - rMin + 1, w = cMax - cMin + 1;
      std::vector<uint8_t> bits(size_t(h) * size_t(w), 0);
      for (const auto &[r, c] : cells)
        bits[size_t(r - rMin) * size_t(w) + size_t(c - cMin)] = 1;
      region.polygons = outlineCells(bits, h, w, rMin, cMin, deg);
    }
    out.push_back(std::move(region));
  }
  return out;
}

DensitySets highestDensitySets(const std::vector<DensityCell> &cells, const std::vector<double> &levels) {
  DensitySets s;
  s.order.resize(cells.size());
  std::iota(s.order.begin(), s.order.end(), size_t(0));
  auto density = [&](size_t i) { return cells[i].areaKm2 > 0 ? cells[i].mass / cells[i].areaKm2 : 0.0; };
  std::stable_sort(s.order.begin(), s.order.end(),
                   [&](size_t a, size_t b) { return density(a) > density(b); });
  double total = 0;
  for (const DensityCell &c : cells)
    total += c.mass;
  size_t taken = 0;
  double cum = 0;
  for (double level : levels) {
    while (taken < s.order.size() && cum < level * total * (1 - 1e-12))
      cum += cells[s.order[taken++]].mass;
    s.counts.push_back(taken);
  }
  return s;
}

const ConfidenceRegion *regionAtLevel(const ImageResult &result, double level) {
  for (const ConfidenceRegion &r : result.confidenceRegions)
    if (std::abs(r.level - level) < 1e-9)
      return &r;
  return nullptr;
}

bool regionContains(const ConfidenceRegion &region, geo::GeoPoint p) {
  for (const auto &poly : region.polygons) {
    QVector<geo::GeoRing> rings;
    for (const auto &ring : poly)
      rings.push_back(geo::GeoRing::fromPoints(ring));
    if (geo::GeoPolygon(rings).contains(p))
      return true;
  }
  return false;
}

namespace {
double rounded(double v) {
  return std::round(v * 1e6) / 1e6;
}
} // namespace

QJsonObject regionGeometryToGeoJson(const ConfidenceRegion &region) {
  QJsonArray polys;
  for (const auto &poly : region.polygons) {
    QJsonArray rings;
    for (const auto &ring : poly) {
      QJsonArray pts;
      for (const auto &p : ring)
        pts.append(QJsonArray{rounded(p.lon), rounded(p.lat)});
      if (!ring.isEmpty())
        pts.append(QJsonArray{rounded(ring.front().lon), rounded(ring.front().lat)});
      rings.append(pts);
    }
    polys.append(rings);
  }
  return {{QStringLiteral("type"), QStringLiteral("MultiPolygon")}, {QStringLiteral("coordinates"), polys}};
}

QJsonArray confidenceRegionsToJson(const std::vector<ConfidenceRegion> &regions) {
  QJsonArray out;
  for (const ConfidenceRegion &r : regions)
    out.append(QJsonObject{{QStringLiteral("level"), r.level},
                           {QStringLiteral("area_km2"), std::round(r.areaKm2 * 10) / 10},
                           {QStringLiteral("mass"), rounded(r.mass)},
                           {QStringLiteral("geometry"), regionGeometryToGeoJson(r)}});
  return out;
}

std::vector<ConfidenceRegion> confidenceRegionsFromJson(const QJsonArray &array) {
  std::vector<ConfidenceRegion> out;
  for (const QJsonValue &v : array) {
    const QJsonObject o = v.toObject();
    ConfidenceRegion r;
    r.level = o.value(QStringLiteral("level")).toDouble();
    r.areaKm2 = o.value(QStringLiteral("area_km2")).toDouble();
    r.mass = o.value(QStringLiteral("mass")).toDouble();
    for (const QJsonValue &poly :
         o.value(QStringLiteral("geometry")).toObject().value(QStringLiteral("coordinates")).toArray()) {
      QVector<QVector<geo::GeoPoint>> rings;
      for (const QJsonValue &ring : poly.toArray()) {
        QVector<geo::GeoPoint> pts;
        for (const QJsonValue &pt : ring.toArray())
          pts.push_back({pt.toArray().at(1).toDouble(), pt.toArray().at(0).toDouble()});
        if (pts.size() > 1 && pts.front() == pts.back())
          pts.pop_back();
        rings.push_back(pts);
      }
      r.polygons.push_back(rings);
    }
    out.push_back(std::move(r));
  }
  return out;
}

} // namespace streetlens
