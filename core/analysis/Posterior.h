#pragma once
// Posterior: from a result's leaves (PlaceHierarchy) to what is shown and exported — the analyst's
// constraint applied (the model's distribution times the constraint, renormalised; "empty" when
// too little of the model's mass is inside), the coherent level lists cut to what is kept, the
// estimate, the confidence regions and the "uncertain" verdict. One function serves GeoAnalyzer
// (all leaves of a fresh result), a constraint re-applied to a stored result, and site fusion.
// Pure functions; any thread (ConstraintWeights is shareable).
#include "core/analysis/GeoConstraint.h"
#include "core/analysis/PlaceHierarchy.h"

#include <memory>

namespace streetlens {

enum class EstimateRule {
  Descent,        // top country -> its top region -> that region's top city
  TopCountryCity, // the paper: the top country's top city
  TopCity,        // flat: the most probable city
  Expected,       // the probability-weighted spherical mean of every city
};

struct PosteriorOptions {
  EstimateRule rule = EstimateRule::Descent;
  size_t keepPerLevel = 50;
  std::shared_ptr<const ConstraintWeights> constraint; // null: none
  // Below this share of the model's mass inside the constraint the result says so instead of
  // renormalising what is left.
  double minConstraintMass = 1e-3;
  // A 90 % region larger than this (km^2) makes the result "uncertain"; <= 0 never.
  double uncertainAreaKm2 = 5.0e4;
  bool regions = true; // compute confidence regions
};

// Fills out.countries/regions/cities, estimate, confidenceRegions, uncertain and the constraint
// fields from `leaves` (out's other fields are kept).
void finishPosterior(std::vector<PlaceLeaf> leaves, const gazetteer::Gazetteer *gaz,
                     const PosteriorOptions &options, ImageResult &out);

// `result` under another constraint (or none): its listed places times the constraint. For
// results made with a constraint, pass the unconstrained one.
ImageResult reapplyPosterior(const ImageResult &result, const gazetteer::Gazetteer *gaz,
                             const PosteriorOptions &options);

// "expected location, 41 km from Touba, Diourbel, Senegal": the nearest gazetteer city to p.
QString expectedLocationLabel(const gazetteer::Gazetteer *gaz, geo::GeoPoint p);

} // namespace streetlens
