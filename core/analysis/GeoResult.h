#pragma once
// The result of geolocating one image: probabilities per level, the estimate, the EXIF ground
// truth and the error. Plain value, copied between the worker and the GUI thread; stored by
// core/store and written by core/export.
#include "core/analysis/SceneTask.h"
#include "core/geo/GeoPoint.h"

#include <QDateTime>
#include <QString>
#include <QVector>
#include <optional>
#include <vector>

namespace streetlens {

// One candidate place at one level with its probability (joint over the hierarchy).
struct PlaceProbability {
  QString code;    // country alpha-2 / region code "US.CA" / city GeoNames id; custom labels: the label
  QString name;    // display name (English, or the label for custom candidate lists)
  QString country; // alpha-2 ("" for custom labels without a country)
  QString region;  // region code (cities) or ""
  std::optional<geo::GeoPoint> location;
  qint64 population = 0;
  double probability = 0.0;
};

// The smallest set of probability-field cells holding `level` of the mass (a highest-density
// region), as a GeoJSON-style MultiPolygon on lon/lat: polygons -> rings (first the outer ring,
// counter-clockwise; then holes, clockwise) -> vertices (not repeated at the end).
struct ConfidenceRegion {
  double level = 0.0;   // 0.5, 0.9, 0.99
  double areaKm2 = 0.0; // of the cells in the set
  double mass = 0.0;    // mass the set holds (>= level, up to one cell more)
  QVector<QVector<QVector<geo::GeoPoint>>> polygons;
};

enum class ImageStatus { Queued, Running, Done, Failed };
QString imageStatusName(ImageStatus s); // "queued", "running", "ok", "error" as in the CLI schema

// Everything computed for one image.
struct ImageResult {
  QString path;
  QString sha256; // of the file bytes: the identity of an image in a project
  ImageStatus status = ImageStatus::Queued;
  QString error; // set when Failed, names the problem
  int width = 0, height = 0;

  std::vector<PlaceProbability> countries; // sorted by probability, descending
  std::vector<PlaceProbability> regions;
  std::vector<PlaceProbability> cities;
  std::vector<PlaceProbability> labels; // custom candidate list (when used)

  std::optional<geo::GeoPoint> estimate;
  QString estimateLabel; // e.g. "Paris, Île-de-France, France"

  // 50 / 90 / 99 % regions of the probability field (core/analysis/ConfidenceRegions.h); empty
  // for custom labels without coordinates and for results stored before they existed.
  std::vector<ConfidenceRegion> confidenceRegions;
  // The 90 % region is larger than the analyst's threshold: no city is presented as the answer.
  bool uncertain = false;
  // Share of the model's probability inside the analyst's constraint (core/analysis/GeoConstraint.h)
  // before renormalising; unset when no constraint was applied. constraintEmpty: too little was
  // inside to renormalise (the lists are then empty and there is no estimate).
  std::optional<double> constraintMass;
  bool constraintEmpty = false;

  std::optional<geo::GeoPoint> exifLocation;
  std::optional<double> exifAltitude;
  QDateTime exifTime;
  QString exifCountry;           // alpha-2 by point-in-polygon, "" when at sea / unknown
  std::optional<double> errorKm; // great-circle distance estimate <-> EXIF point

  // Scene tasks (issue 19) and clue readings (issue 20) answered from the same image embedding,
  // in the order of the settings' task and clue lists.
  std::vector<TaskOutcome> tasks;
  std::vector<TaskOutcome> clues;

  QDateTime analyzedAt;
  QString settingsKey; // hash of the settings/model that produced it
};

} // namespace streetlens
