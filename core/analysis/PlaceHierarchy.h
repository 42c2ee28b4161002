#pragma once
// PlaceHierarchy: a result's probability as a partition into leaves, and back. The leaves are
// each listed city, the part of each listed region that its listed cities do not explain
// ("elsewhere in the region") and the part of each listed country that its regions and cities do
// not explain. Rebuilding the level lists from leaves makes the levels agree by construction:
// every city <= its region <= its country, and each level sums to its parent. Constraints
// (GeoConstraint) and site fusion (SiteFusion) act on leaves. Pure functions on values; any thread.
#include "core/analysis/GeoResult.h"

#include <vector>

namespace streetlens::gazetteer {
class Gazetteer;
}

namespace streetlens {

struct PlaceLeaf {
  enum class Kind { City, Region, Country };
  Kind kind = Kind::City;
  PlaceProbability place; // the city / region / country entry (its probability is not used)
  double mass = 0.0;      // the leaf's own mass (never negative)
};

// The leaves of a result's country/region/city lists. Every listed region and country gives a
// leaf (mass 0 when fully explained), so rebuilding keeps them. Incoherent input (a region below
// the sum of its cities, as results of StreetLens before 0.5 could be) is read as "no residual".
std::vector<PlaceLeaf> placeLeaves(const ImageResult &r);

// Rebuilds r.countries, r.regions and r.cities from leaves, normalised to the leaves' total mass
// (all levels empty when it is 0), sorted by probability. A city whose region has no leaf counts
// to its country only; a place whose country has no leaf gets a country entry from `gaz` (or a
// bare code). Leaves with equal keys are merged.
void setLevelsFromLeaves(const std::vector<PlaceLeaf> &leaves, const gazetteer::Gazetteer *gaz,
                         ImageResult &r);

// The estimate by descent, so that it agrees with the lists shown: the top country, its top
// region, that region's top city (a country without listed regions: its top city; a region without
// listed cities: the region's centre). Sets r.estimate and r.estimateLabel ("City, Region, Country").
void estimateByDescent(const gazetteer::Gazetteer *gaz, ImageResult &r);
// The paper's estimate: the top country's top city (regions are not consulted).
void estimateTopCountryCity(const gazetteer::Gazetteer *gaz, ImageResult &r);

// "City, Region, Country" for a city entry (names from the gazetteer where it knows them).
QString cityLabel(const gazetteer::Gazetteer *gaz, const PlaceProbability &city);

} // namespace streetlens
