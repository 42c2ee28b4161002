#pragma once
// GeoGuessr-style score used by the StreetCLIP paper: 5000 * exp(-d / 1492.7 km).
// Pure function, any thread.
#include <algorithm>
#include <cmath>

namespace streetlens::geo {

inline constexpr double kGeoScoreMax = 5000.0;
inline constexpr double kGeoScoreScaleKm = 1492.7;

// Score for an error of `km` kilometres (negative distances count as 0).
inline double geoScore(double km) {
  return kGeoScoreMax * std::exp(-std::max(0.0, km) / kGeoScoreScaleKm);
}

} // namespace streetlens::geo
