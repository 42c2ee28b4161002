#pragma once
// One photo's patch explanation end to end, shared by `streetlens-cli explain`, `predict
// --explain` and the app's worker: preprocess the decoded photo for the engine, explain, and write
// grid.json and the overlay PNG. Runs on the engine's thread (it calls the engine).
#include "core/analysis/AnalysisSettings.h"
#include "core/analysis/EmbeddingEngine.h"
#include "core/analysis/GeoResult.h"
#include "core/imageio/RgbImage.h"

#include <QImage>

namespace streetlens {

// The request for `labels` (the first is explained against all, or against "" when alone), each
// put through `templ` ("{}" = the label; empty: verbatim).
ExplainRequest explainRequestFor(ExplainMethod method, const QStringList &labels, const QString &templ);

// Which list of a result a place comes from.
enum class PlaceLevel { Country, Region, City, Label };

// The places of `level` in the result (countries, regions, cities or custom labels).
const std::vector<PlaceProbability> &placesOf(const ImageResult &r, PlaceLevel level);

// The request for place `index` of `level`: its prompt (the level's first template of `settings`,
// names from the result) against the prompts of the level's `others` most probable other places.
// The label is the place's name.
ExplainRequest placeExplainRequest(const ImageResult &r, const AnalysisSettings &settings, PlaceLevel level,
                                   int index, ExplainMethod method, int others = 9);

// The place the estimate stands for: the top city, else region, else country, else custom label.
PlaceLevel estimateLevel(const ImageResult &r);

// Preprocesses `photo` with the engine's config and explains it.
std::optional<PatchGrid> explainPhoto(EmbeddingEngine &engine, const RgbImage &photo,
                                      const ExplainRequest &request, const ExplainControl &control,
                                      QString *error);

// A deep copy of the raster as a QImage (RGB888).
QImage toQImage(const RgbImage &img);

// Writes grid.json (compact JSON of patchGridToJson). False and *error naming the file on failure.
bool writeGridJson(const PatchGrid &grid, const QString &path, QString *error);
// Writes the overlay (photo size) as PNG. False and *error naming the file on failure.
bool writeOverlayPng(const QImage &photo, const PatchGrid &grid, const ClipImageConfig &cfg, double opacity,
                     const QString &path, QString *error);

} // namespace streetlens
