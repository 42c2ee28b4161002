#pragma once
// Options and context shared by every export format, and the format enumeration with its
// name/extension lookups. Plain values, any thread.
#include "core/analysis/Annotation.h"
#include "core/analysis/GeoResult.h"
#include "core/analysis/SiteFusion.h"

#include <QDateTime>
#include <QImage>
#include <QSize>
#include <QString>
#include <functional>
#include <optional>

namespace streetlens::exporting {

// The CSV columns of one scene task or clue question (issues 19, 20): "task:<name>" (the top label)
// and "task:<name>:<label>" (each label's probability); a clue: "clue:<name>" and "clue:<name>:p"
// (the top label's probability).
struct TaskColumns {
  bool clue = false;
  QString name;
  QStringList labels;
  bool operator==(const TaskColumns &) const = default;
};

// What goes into an export.
struct ExportOptions {
  // Privacy: false leaves the EXIF GPS point out of every format, together with everything that
  // reveals it (EXIF altitude and country, error_km, GeoScore, the accuracy summary of reports).
  bool includeExifGps = true;
  // Entries per level (countries, regions, cities) written to JSON/GeoJSON/reports; <= 0: all.
  int topK = 5;
  // GeoJSON: also write the top-k cities of each image as Point features.
  bool geojsonIncludeCities = false;
  // The analyst's verdicts, notes and ground-truth pins by image SHA-256 (the project's); every
  // format writes them (the pin is the analyst's statement, so the privacy option keeps it).
  AnnotationMap annotations;
  // CSV: the task and clue columns, in order (a streamed CSV's header comes before any result:
  // taskColumnsOf(settings)). Empty: taken from the results (taskColumnsOf(results)).
  std::vector<TaskColumns> taskColumns;
  // CSV: the reference gallery's columns (galleryColumnNames(), after the task columns) — set
  // before streaming when a gallery is in use (predict --gallery); resultsToCsv and exportToBytes
  // also add them when any result carries gallery evidence.
  bool galleryColumns = false;
};

// Everything a report needs besides the results.
struct ReportContext {
  QString projectName;
  QDateTime created;
  QString modelName, modelSha256, precision, device;
  QString settingsSummary; // free text, one setting per line
  // Renders the map (heatmap and markers) of one result at the given pixel size. May be empty:
  // then reports carry no map image. Called from the exporting thread.
  std::function<QImage(const ImageResult &, QSize)> renderMap;
  // Patch explanations (issue 20) of one result drawn on its report photo (`photo`, EXIF
  // orientation applied, scaled): each an image of the photo's size and a caption. May be empty:
  // then reports carry none (`predict --explain` sets it). Called from the exporting thread.
  std::function<QList<QPair<QImage, QString>>(const ImageResult &, const QImage &photo)> renderExplanations;
  // The analyst's sites (issue 17), fused: every format carries them after the photos — JSON a
  // top-level "sites" (siteToJson), GeoJSON "site" and "site_confidence_region" features, KML a
  // folder per site, CSV a row per site whose path is "site:<name>", the reports a section each.
  std::vector<SiteResult> sites;
};

enum class ExportFormat { Csv, Json, GeoJson, Kml, Html, Pdf };

// "csv", "json", "geojson", "kml", "html", "pdf" (case-insensitive); empty for anything else.
std::optional<ExportFormat> exportFormatFromName(const QString &name);
// From the extension of a file name: .csv .json .geojson .kml .html/.htm .pdf (case-insensitive).
std::optional<ExportFormat> exportFormatFromPath(const QString &path);
// The lower-case name accepted by exportFormatFromName.
QString exportFormatName(ExportFormat fmt);
// The usual file extension without the dot ("csv", ..., "html", "pdf").
QString exportFormatExtension(ExportFormat fmt);

} // namespace streetlens::exporting
