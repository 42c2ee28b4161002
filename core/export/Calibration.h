#pragma once
// Calibration of results against ground truth, for `eval`: whether the truth lies in each
// confidence region (coverage: a well-calibrated 90 % region holds it about 90 % of the time), the
// regions' areas, and the expected calibration error of the top country's probability (ten equal
// bins: ECE = sum_b n_b / N * |accuracy_b - mean confidence_b|). Pure, any thread.
#include "core/analysis/GeoResult.h"

#include <QMap>
#include <QString>
#include <array>
#include <optional>
#include <vector>

namespace streetlens::gazetteer {
class Gazetteer;
}

namespace streetlens::exporting {

inline constexpr std::array<double, 3> kCoverageLevels{0.5, 0.9, 0.99};

// One evaluated photo.
struct CalibrationRow {
  std::array<bool, 3> inside{};    // truth inside the 50 / 90 / 99 % region
  std::array<double, 3> areaKm2{}; // their areas
  bool hasRegions = false;
  QString trueCountry, topCountry; // alpha-2 ("" when unknown)
  QString trueContinent;           // "Europe", ... of the true country ("" when unknown)
  double topCountryP = 0.0;
};

// Row of a Done result with an estimate against `truth`; nullopt otherwise.
std::optional<CalibrationRow> calibrationRow(const ImageResult &r, geo::GeoPoint truth,
                                             const gazetteer::Gazetteer *gaz);

struct CalibrationSummary {
  int n = 0;                        // rows
  int withRegions = 0;              // rows with confidence regions
  std::array<double, 3> coverage{}; // share of withRegions whose truth is inside
  std::array<double, 3> meanAreaKm2{};
  double countryEce = 0.0; // over rows with a known true country
  int withCountry = 0;
};

CalibrationSummary summarizeCalibration(const std::vector<CalibrationRow> &rows);

// The StreetCLIP model card's published zero-shot IM2GPS accuracy (% within 25/200/750/2500 km;
// the card gives no 1 km figure), drawn beside ours in the plot.
inline constexpr std::array<double, 4> kPaperKm{25.0, 200.0, 750.0, 2500.0};
inline constexpr std::array<double, 4> kPaperIm2gpsPercent{28.3, 45.1, 74.7, 88.2};

// The cumulative share of photos against error in km (log axis, 1 .. 20,000 km) with the paper's
// points; written as PNG or SVG by the extension of `path`. False with *error naming the file.
bool writeAccuracyPlot(const std::vector<double> &errorsKm, const QString &path, QString *error);

} // namespace streetlens::exporting
