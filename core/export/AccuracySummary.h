#pragma once
// Accuracy of a set of results against their EXIF ground truth, as the paper reports it: the
// share within 1/25/200/750/2,500 km, the median error and the mean GeoScore. Pure, any thread.
#include "core/analysis/GeoResult.h"
#include "core/export/ExportTypes.h"

#include <array>
#include <vector>

namespace streetlens::exporting {

inline constexpr std::array<double, 5> kAccuracyThresholdsKm{1.0, 25.0, 200.0, 750.0, 2500.0};

struct AccuracySummary {
  int images = 0;    // all results
  int succeeded = 0; // status ok
  int failed = 0;    // status error
  int withTruth = 0; // ok, with an estimate and (visible) EXIF GPS: the evaluated ones
  std::array<double, kAccuracyThresholdsKm.size()> withinPercent{}; // % of withTruth with error <= km
  double medianKm = 0.0;
  double meanGeoScore = 0.0;
};

// With opt.includeExifGps == false nothing counts as ground truth (withTruth == 0).
AccuracySummary summarizeAccuracy(const std::vector<ImageResult> &results, const ExportOptions &opt);

} // namespace streetlens::exporting
