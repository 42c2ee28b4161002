#include "core/export/AccuracySummary.h"

#include "core/export/ExportCommon.h"
#include "core/geo/GeoScore.h"

#include <algorithm>

namespace streetlens::exporting {

AccuracySummary summarizeAccuracy(const std::vector<ImageResult> &results, const ExportOptions &opt) {
  AccuracySummary s;
  s.images = static_cast<int>(results.size());
  std::vector<double> errors;
  for (const ImageResult &r : results) {
    if (r.status == ImageStatus::Done)
      ++s.succeeded;
    else if (r.status == ImageStatus::Failed)
      ++s.failed;
    if (r.status != ImageStatus::Done || !r.estimate)
      continue;
    const VisibleExif exif = visibleExif(r, opt);
    if (exif.errorKm)
      errors.push_back(*exif.errorKm);
  }
  s.withTruth = static_cast<int>(errors.size());
  if (errors.empty())
    return s;
  std::sort(errors.begin(), errors.end());
  const std::size_t n = errors.size();
  s.medianKm = (n % 2 == 1) ? errors[n / 2] : 0.5 * (errors[n / 2 - 1] + errors[n / 2]);
  double score = 0.0;
  for (double e : errors)
    score += geo::geoScore(e);
  s.meanGeoScore = score / static_cast<double>(n);
  for (std::size_t t = 0; t < kAccuracyThresholdsKm.size(); ++t) {
    const auto within =
        std::upper_bound(errors.begin(), errors.end(), kAccuracyThresholdsKm[t]) - errors.begin();
    s.withinPercent[t] = 100.0 * static_cast<double>(within) / static_cast<double>(n);
  }
  return s;
}

} // namespace streetlens::exporting
