#pragma once
// Small helpers shared by the export writers: status names of the CLI schema, exact number
// formatting, top-k slicing and the privacy-filtered view of the EXIF ground truth.
// Pure functions, any thread.
#include "core/analysis/AnalysisSettings.h"
#include "core/analysis/GeoResult.h"
#include "core/export/ExportTypes.h"

#include <QLocale>
#include <QString>
#include <span>

namespace streetlens::exporting {

// "queued", "running", "ok", "error" (the `status` values of the predict schema).
QString statusName(ImageStatus s);
// Inverse of statusName; empty for unknown names.
std::optional<ImageStatus> statusFromName(const QString &name);

// Shortest decimal text that reads back to exactly the same double ("48.8566", "0.1", "1e-07").
QString formatNumber(double v);
// 0.625 -> "62.5%" (one decimal, C locale).
QString formatPercent(double p);
// Fixed decimals for humans ("48.856600" with decimals = 6).
QString formatFixed(double v, int decimals);

// A distance for people, the one spelling of the app, the reports (PDF, HTML) and the KML
// descriptions: a whole number of km with the locale's digit grouping ("13,835 km" in English,
// "13.835 km" in German), one decimal below 10 km ("8.4 km"). Empty for a value that is not finite.
// Data fields (CSV, JSON, error_km) keep the exact number instead.
QString formatDistanceKm(double km, const QLocale &locale = QLocale());

// The first min(topK, size) entries (all when topK <= 0).
std::span<const PlaceProbability> topEntries(const std::vector<PlaceProbability> &places, int topK);

// The EXIF ground truth as far as the options allow it to be exported.
struct VisibleExif {
  std::optional<geo::GeoPoint> location;
  std::optional<double> altitude;
  QString country;
  std::optional<double> errorKm; // stored error, else computed from estimate and location
};
VisibleExif visibleExif(const ImageResult &r, const ExportOptions &opt);

// A copy of r without what the options withhold (EXIF GPS point, altitude, country, error);
// what report callbacks such as ReportContext::renderMap get to see.
ImageResult privacyFiltered(const ImageResult &r, const ExportOptions &opt);

// The record an export carries for an image without an analysis result — it failed (unreadable,
// not an image, the engine refused it) or was not analysed yet: path, SHA-256, status and error,
// nothing else. Exports list such images (CSV and JSON rows with status "error", the reports'
// failure table) and count them ("163 (158 analysed, 5 failed)"); the app and `streetlens-cli
// report` build them here, so that both export the same images. An empty error of a failed image
// becomes "failed".
ImageResult unanalysedResult(const QString &path, const QString &sha256, ImageStatus status,
                             const QString &error);

// The analyst's annotation of r under the options (null when none).
const Annotation *annotationOf(const ImageResult &r, const ExportOptions &opt);

// File name part of a path (the path itself when it has no separator).
QString displayName(const QString &path);

// The task and clue columns of a run's settings (in their order), or of results (first seen order).
std::vector<TaskColumns> taskColumnsOf(const AnalysisSettings &settings);
std::vector<TaskColumns> taskColumnsOf(const std::vector<ImageResult> &results);
// One result's values under csvHeader(opt)'s task and clue column names (ExportTypes.h): the top
// label as text, probabilities as numbers; both empty where the result lacks that task.
struct TaskCell {
  QString key;
  QString label;
  std::optional<double> probability;
};
std::vector<TaskCell> taskCells(const ImageResult &r, const std::vector<TaskColumns> &columns);

// The reference gallery's summary (issue 21; docs/EXPORTS.md): the CSV columns csvHeader(opt)
// appends when ExportOptions::galleryColumns, also GeoJSON properties and KML ExtendedData.
//   gallery_lat, gallery_lon        the gallery estimate (the mode of the neighbours' density)
//   gallery_density                 the density there, in (0, 1]
//   gallery_fused                   true when the lists and estimate are the fused ones
//   gallery_zero_shot_lat/lon       the model's estimate before fusion
//   gallery_zero_shot_km            great-circle km from that estimate to the gallery estimate
//   gallery_neighbours              how many neighbours
//   gallery_nearest_path/score/km   the most similar gallery photo, its cosine similarity, its km
//                                   from the gallery estimate
QStringList galleryColumnNames();
// One result's values in galleryColumnNames() order: numbers exact, "true"/"false" for
// gallery_fused, the path as text; all absent (nullopt number, empty text) without evidence.
struct GalleryCell {
  QString key;
  std::optional<double> number;
  QString text; // gallery_fused, gallery_nearest_path
};
std::vector<GalleryCell> galleryCells(const ImageResult &r);
bool anyGallery(const std::vector<ImageResult> &results);

} // namespace streetlens::exporting
