#include "core/analysis/Posterior.h"

#include "core/analysis/ConfidenceRegions.h"
#include "core/gazetteer/CommonNames.h"
#include "core/gazetteer/Gazetteer.h"
#include "core/geo/GreatCircle.h"

#include <QLocale>
#include <cmath>

namespace streetlens {

namespace {

void cut(std::vector<PlaceProbability> &v, size_t keep) {
  if (v.size() > keep)
    v.resize(keep);
}

std::optional<geo::GeoPoint> expectedPoint(const std::vector<PlaceProbability> &cities) {
  std::vector<geo::GeoPoint> pts;
  std::vector<double> w;
  for (const auto &c : cities)
    if (c.location) {
      pts.push_back(*c.location);
      w.push_back(c.probability);
    }
  return geo::sphericalMean(pts, w);
}

} // namespace

QString expectedLocationLabel(const gazetteer::Gazetteer *gaz, geo::GeoPoint p) {
  const gazetteer::City *best = nullptr;
  double bestKm = 0;
  if (gaz)
    for (const auto &c : gaz->cities()) {
      const double d = geo::haversineKm(p, c.location);
      if (!best || d < bestKm) {
        best = &c;
        bestKm = d;
      }
    }
  if (!best)
    return QStringLiteral("expected location");
  PlaceProbability city;
  city.name = best->name;
  city.region = best->regionCode;
  city.country = best->countryCode;
  const QString where = cityLabel(gaz, city);
  if (bestKm < 1.0)
    return QStringLiteral("expected location, at %1").arg(where);
  return QStringLiteral("expected location, %1 km from %2")
      .arg(QLocale::c().toString(std::round(bestKm), 'f', 0), where);
}

void finishPosterior(std::vector<PlaceLeaf> leaves, const gazetteer::Gazetteer *gaz,
                     const PosteriorOptions &o, ImageResult &out) {
  out.constraintMass.reset();
  out.constraintEmpty = false;
  out.confidenceRegions.clear();
  out.uncertain = false;
  if (o.constraint && !o.constraint->constraint().isEmpty()) {
    double before = 0, after = 0;
    for (PlaceLeaf &l : leaves) {
      before += l.mass;
      l.mass *= o.constraint->weight(l);
      after += l.mass;
    }
    const double share = before > 0 ? after / before : 0.0;
    out.constraintMass = share;
    if (!(share >= o.minConstraintMass)) {
      out.constraintEmpty = true;
      out.countries.clear();
      out.regions.clear();
      out.cities.clear();
      out.estimate.reset();
      out.estimateLabel = QStringLiteral("nothing inside the constraint (%1 % of the model's probability)")
                              .arg(QLocale::c().toString(100.0 * share, 'g', 2));
      out.uncertain = true;
      return;
    }
  }
  setLevelsFromLeaves(leaves, gaz, out);
  std::optional<geo::GeoPoint> mean;
  if (o.rule == EstimateRule::Expected)
    mean = expectedPoint(out.cities); // every scored city, before the cut
  cut(out.countries, o.keepPerLevel);
  cut(out.regions, o.keepPerLevel);
  cut(out.cities, o.keepPerLevel);
  switch (o.rule) {
  case EstimateRule::Descent:
    estimateByDescent(gaz, out);
    break;
  case EstimateRule::TopCountryCity:
    estimateTopCountryCity(gaz, out);
    break;
  case EstimateRule::TopCity:
    if (!out.cities.empty() && out.cities.front().location) {
      out.estimate = out.cities.front().location;
      out.estimateLabel = cityLabel(gaz, out.cities.front());
    } else {
      estimateByDescent(gaz, out);
    }
    break;
  case EstimateRule::Expected:
    if (mean) {
      out.estimate = mean;
      out.estimateLabel = expectedLocationLabel(gaz, *mean);
    } else {
      estimateByDescent(gaz, out);
    }
    break;
  }
  if (!o.regions)
    return;
  out.confidenceRegions = confidenceRegions(
      out, gaz,
      o.constraint && o.constraint->constraint().hasAreas() ? &o.constraint->constraint() : nullptr);
  const ConfidenceRegion *r90 = regionAtLevel(out, 0.9);
  if (o.uncertainAreaKm2 > 0 && r90 && r90->areaKm2 > o.uncertainAreaKm2) {
    out.uncertain = true;
    if (!out.countries.empty() && o.rule != EstimateRule::Expected)
      out.estimateLabel = QStringLiteral("uncertain: most likely %1 (%2 %)")
                              .arg(out.countries.front().name,
                                   QLocale::c().toString(100.0 * out.countries.front().probability, 'f', 1));
  }
}

ImageResult reapplyPosterior(const ImageResult &result, const gazetteer::Gazetteer *gaz,
                             const PosteriorOptions &o) {
  ImageResult out = result;
  if (result.status != ImageStatus::Done || !result.labels.empty())
    return out;
  finishPosterior(placeLeaves(result), gaz, o, out);
  if (out.estimate && out.exifLocation)
    out.errorKm = geo::haversineKm(*out.estimate, *out.exifLocation);
  else
    out.errorKm.reset();
  return out;
}

} // namespace streetlens
