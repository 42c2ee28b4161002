#include "core/analysis/ProbabilityField.h"

#include "core/analysis/PlaceHierarchy.h"
#include "core/gazetteer/Gazetteer.h"
#include "core/geo/GreatCircle.h"

#include <QHash>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace streetlens {

namespace {

constexpr double kKmPerDegree = geo::kEarthRadiusKm * geo::kPi / 180.0;
constexpr double kDensityAreaKm2 = 1.0e4; // density() is per 100 km x 100 km
constexpr double kTruncateSigmas = 4.0;

int wrapIndex(int i, int n) {
  const int m = i % n;
  return m < 0 ? m + n : m;
}

} // namespace

ProbabilityField ProbabilityField::zeros(double cellDeg) {
  ProbabilityField f;
  if (!(cellDeg > 0.0) || !std::isfinite(cellDeg))
    return f;
  const double rows = 180.0 / cellDeg;
  const long rounded = std::lround(rows);
  if (rounded < 1 || std::abs(rows - static_cast<double>(rounded)) > 1e-9 || rounded > 100000)
    return f;
  f.m_cellDeg = cellDeg;
  f.m_rows = static_cast<int>(rounded);
  f.m_cols = 2 * f.m_rows;
  f.m_mass.assign(static_cast<size_t>(f.m_rows) * f.m_cols, 0.0);
  f.m_rowArea.resize(static_cast<size_t>(f.m_rows));
  const double dLon = geo::degToRad(cellDeg);
  const double r2 = geo::kEarthRadiusKm * geo::kEarthRadiusKm;
  for (int r = 0; r < f.m_rows; ++r) {
    const double north = geo::degToRad(90.0 - r * cellDeg);
    const double south = geo::degToRad(90.0 - (r + 1) * cellDeg);
    f.m_rowArea[static_cast<size_t>(r)] = r2 * dLon * (std::sin(north) - std::sin(south));
  }
  return f;
}

double ProbabilityField::citySigmaKm(qint64 population, const Options &options) {
  // sigma grows with the fourth root of the population: 1e6 -> citySigmaKm, clamped to 25..75 km.
  const double pop = std::max<double>(1.0, static_cast<double>(population));
  const double s = options.citySigmaKm * std::pow(pop / 1.0e6, 0.25);
  return std::clamp(s, 25.0, 75.0);
}

std::vector<ProbabilityField::Component> ProbabilityField::components(const ImageResult &result,
                                                                      const gazetteer::Gazetteer *gaz,
                                                                      const Options &options) {
  std::vector<Component> out;
  if (result.status == ImageStatus::Failed)
    return out;
  auto add = [&out](geo::GeoPoint p, double sigma, double mass, const QString &spread = {}) {
    if (mass > 0.0 && std::isfinite(mass) && p.isValid())
      out.push_back({{p, sigma, mass}, spread});
  };

  // The result's leaves (PlaceHierarchy): each city, what each region's cities do not explain,
  // what each country's regions and cities do not explain. Custom labels carry their own mass
  // (their countries are sums of the labels).
  const std::vector<PlaceLeaf> leaves =
      result.labels.empty() ? placeLeaves(result) : std::vector<PlaceLeaf>{};
  for (const PlaceLeaf &leaf : leaves) {
    const PlaceProbability &p = leaf.place;
    switch (leaf.kind) {
    case PlaceLeaf::Kind::City: {
      std::optional<geo::GeoPoint> loc = p.location;
      qint64 population = p.population;
      bool ok = false;
      if (const gazetteer::City *gc = gaz ? gaz->city(p.code.toLongLong(&ok)) : nullptr; gc && ok) {
        if (!loc)
          loc = gc->location;
        if (population <= 0)
          population = gc->population;
      }
      if (loc)
        add(*loc, citySigmaKm(population, options), leaf.mass);
      break;
    }
    case PlaceLeaf::Kind::Region: {
      std::optional<geo::GeoPoint> loc = p.location;
      if (!loc && gaz)
        if (const gazetteer::Region *gr = gaz->region(p.code))
          loc = gr->center;
      if (loc)
        add(*loc, options.regionSigmaKm, leaf.mass);
      break;
    }
    case PlaceLeaf::Kind::Country: {
      // Spread over the territory where the gazetteer has borders.
      const gazetteer::Country *gc = gaz ? gaz->country(p.code) : nullptr;
      if (gc && !gc->borders.isEmpty()) {
        add(gc->representativePoint, 0.0, leaf.mass, gc->code2);
        break;
      }
      std::optional<geo::GeoPoint> loc = p.location;
      if (!loc && gc)
        loc = gc->representativePoint;
      if (loc)
        add(*loc, gc ? 50.0 : options.countrySigmaKm, leaf.mass);
      break;
    }
    }
  }

  // Custom candidate labels with coordinates.
  for (const auto &l : result.labels) {
    if (l.location)
      add(*l.location, options.citySigmaKm, l.probability);
  }
  if (out.empty() && result.estimate)
    add(*result.estimate, options.citySigmaKm, 1.0);
  return out;
}

ProbabilityField ProbabilityField::fromResult(const ImageResult &result, const gazetteer::Gazetteer *gaz,
                                              const Options &options) {
  ProbabilityField f = zeros(options.cellDeg);
  if (f.isEmpty())
    return f;
  for (const Component &c : components(result, gaz, options)) {
    if (!c.spreadCountry.isEmpty()) {
      const gazetteer::Country *gc = gaz ? gaz->country(c.spreadCountry) : nullptr;
      double area = 0.0;
      if (gc && f.addCountrySpread(gc->borders, c.kernel.mass, options.smallCountryKm2, &area))
        continue;
      // Too small for the grid: a kernel about as wide as the country.
      const double sigma = std::clamp(std::sqrt(std::max(area, 0.0)) / 2.0, 50.0, options.countrySigmaKm);
      f.addKernel({c.kernel.centre, sigma, c.kernel.mass});
      continue;
    }
    f.addKernel(c.kernel);
  }
  f.normalize();
  return f;
}

ProbabilityField ProbabilityField::fromResults(std::span<const ImageResult> results,
                                               const gazetteer::Gazetteer *gaz, const Options &options) {
  ProbabilityField sum = zeros(options.cellDeg);
  int used = 0;
  for (const ImageResult &r : results) {
    const ProbabilityField one = fromResult(r, gaz, options);
    if (one.isEmpty() || one.total() <= 0.0)
      continue;
    ++used;
    sum.blend(one, 1.0 / used); // running mean
  }
  sum.normalize();
  return sum;
}

void ProbabilityField::addKernel(const Kernel &k) {
  if (isEmpty() || !(k.mass > 0.0) || !k.centre.isValid())
    return;
  const auto [cr, cc] = cellAt(k.centre);
  const double sigma = k.sigmaKm;
  if (!(sigma > 0.0)) {
    m_mass[static_cast<size_t>(cr) * m_cols + cc] += k.mass;
    m_maxDensity = std::max(m_maxDensity, density(cr, cc));
    return;
  }
  const double reachDeg = kTruncateSigmas * sigma / kKmPerDegree;
  const int r0 =
      std::clamp(static_cast<int>(std::floor((90.0 - (k.centre.lat + reachDeg)) / m_cellDeg)), 0, m_rows - 1);
  const int r1 =
      std::clamp(static_cast<int>(std::floor((90.0 - (k.centre.lat - reachDeg)) / m_cellDeg)), 0, m_rows - 1);
  std::vector<std::pair<size_t, double>> weights;
  double sum = 0.0;
  const double twoSigma2 = 2.0 * sigma * sigma;
  for (int r = r0; r <= r1; ++r) {
    // Longitude reach at the row edge nearer the pole (widest in degrees).
    const double edgeLat = std::max(std::abs(90.0 - r * m_cellDeg), std::abs(90.0 - (r + 1) * m_cellDeg));
    const double cosLat = std::cos(geo::degToRad(std::min(edgeLat, 90.0)));
    int c0 = 0, count = m_cols;
    if (cosLat > 1e-9) {
      const double lonReach = reachDeg / cosLat + m_cellDeg;
      if (lonReach < 180.0) {
        c0 = static_cast<int>(std::floor((k.centre.lon - lonReach + 180.0) / m_cellDeg));
        count = std::min(m_cols, static_cast<int>(std::ceil(2.0 * lonReach / m_cellDeg)) + 1);
      }
    }
    for (int i = 0; i < count; ++i) {
      const int c = wrapIndex(c0 + i, m_cols);
      const double d = geo::haversineKm(k.centre, cellCenter(r, c));
      const double w = std::exp(-(d * d) / twoSigma2) * m_rowArea[static_cast<size_t>(r)];
      if (w > 0.0) {
        weights.emplace_back(static_cast<size_t>(r) * m_cols + c, w);
        sum += w;
      }
    }
  }
  if (!(sum > 0.0)) { // narrower than a cell and between centres: the cell gets it all
    m_mass[static_cast<size_t>(cr) * m_cols + cc] += k.mass;
    m_maxDensity = std::max(m_maxDensity, density(cr, cc));
    return;
  }
  for (const auto &[idx, w] : weights) {
    m_mass[idx] += k.mass * w / sum;
    const int r = static_cast<int>(idx / m_cols);
    m_maxDensity = std::max(m_maxDensity, density(r, static_cast<int>(idx % m_cols)));
  }
}

bool ProbabilityField::addCountrySpread(const geo::GeoMultiPolygon &borders, double mass, double minAreaKm2,
                                        double *areaKm2) {
  if (areaKm2)
    *areaKm2 = 0.0;
  if (isEmpty() || borders.isEmpty())
    return false;
  // Rasterise the borders onto the grid (aliased fill: a cell is in when its centre is inside).
  QImage mask(m_cols, m_rows, QImage::Format_Grayscale8);
  mask.fill(0);
  QPainterPath path;
  path.setFillRule(Qt::OddEvenFill);
  for (const geo::GeoPolygon &poly : borders.polygons()) {
    for (const geo::GeoRing &ring : poly.rings()) {
      const auto &pts = ring.points();
      if (pts.size() < 3)
        continue;
      path.moveTo((pts[0].lon + 180.0) / m_cellDeg, (90.0 - pts[0].lat) / m_cellDeg);
      for (qsizetype i = 1; i < pts.size(); ++i)
        path.lineTo((pts[i].lon + 180.0) / m_cellDeg, (90.0 - pts[i].lat) / m_cellDeg);
      path.closeSubpath();
    }
  }
  {
    QPainter p(&mask);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(Qt::NoPen);
    p.setBrush(Qt::white);
    for (int shift : {-1, 0, 1}) // unwrapped rings may leave [-180, 180]
      p.drawPath(path.translated(shift * m_cols, 0));
  }
  std::vector<size_t> cells;
  double area = 0.0;
  for (int r = 0; r < m_rows; ++r) {
    const uchar *line = mask.constScanLine(r);
    for (int c = 0; c < m_cols; ++c) {
      if (line[c] > 127) {
        cells.push_back(static_cast<size_t>(r) * m_cols + c);
        area += m_rowArea[static_cast<size_t>(r)];
      }
    }
  }
  if (areaKm2)
    *areaKm2 = area;
  if (cells.empty() || area <= 0.0 || area < minAreaKm2)
    return false;
  for (size_t idx : cells) {
    const int r = static_cast<int>(idx / m_cols);
    m_mass[idx] += mass * m_rowArea[static_cast<size_t>(r)] / area;
    m_maxDensity = std::max(m_maxDensity, density(r, static_cast<int>(idx % m_cols)));
  }
  return true;
}

void ProbabilityField::normalize() {
  const double t = total();
  if (t > 0.0) {
    for (double &m : m_mass)
      m /= t;
  }
  updateMax();
}

void ProbabilityField::blend(const ProbabilityField &other, double w) {
  if (other.m_mass.size() != m_mass.size() || other.m_cellDeg != m_cellDeg)
    return;
  for (size_t i = 0; i < m_mass.size(); ++i)
    m_mass[i] = m_mass[i] * (1.0 - w) + other.m_mass[i] * w;
  updateMax();
}

double ProbabilityField::total() const {
  double t = 0.0;
  for (double m : m_mass)
    t += m;
  return t;
}

double ProbabilityField::density(int row, int col) const {
  return mass(row, col) / m_rowArea[static_cast<size_t>(row)] * kDensityAreaKm2;
}

double ProbabilityField::sampleDensity(geo::GeoPoint p) const {
  if (isEmpty() || !std::isfinite(p.lat) || !std::isfinite(p.lon))
    return 0.0;
  const double fr = (90.0 - std::clamp(p.lat, -90.0, 90.0)) / m_cellDeg - 0.5;
  const double fc = (geo::normalizeLongitude(p.lon) + 180.0) / m_cellDeg - 0.5;
  const int r0 = static_cast<int>(std::floor(fr));
  const int c0 = static_cast<int>(std::floor(fc));
  const double tr = fr - r0, tc = fc - c0;
  auto at = [this](int r, int c) { return density(std::clamp(r, 0, m_rows - 1), wrapIndex(c, m_cols)); };
  const double top = at(r0, c0) * (1.0 - tc) + at(r0, c0 + 1) * tc;
  const double bottom = at(r0 + 1, c0) * (1.0 - tc) + at(r0 + 1, c0 + 1) * tc;
  return top * (1.0 - tr) + bottom * tr;
}

geo::GeoPoint ProbabilityField::cellCenter(int row, int col) const {
  return {90.0 - (row + 0.5) * m_cellDeg, -180.0 + (col + 0.5) * m_cellDeg};
}

std::pair<int, int> ProbabilityField::cellAt(geo::GeoPoint p) const {
  if (isEmpty())
    return {-1, -1};
  const int r = std::clamp(static_cast<int>(std::floor((90.0 - p.lat) / m_cellDeg)), 0, m_rows - 1);
  const int c =
      wrapIndex(static_cast<int>(std::floor((geo::normalizeLongitude(p.lon) + 180.0) / m_cellDeg)), m_cols);
  return {r, c};
}

void ProbabilityField::updateMax() {
  m_maxDensity = 0.0;
  for (int r = 0; r < m_rows; ++r) {
    for (int c = 0; c < m_cols; ++c)
      m_maxDensity = std::max(m_maxDensity, density(r, c));
  }
}

} // namespace streetlens
