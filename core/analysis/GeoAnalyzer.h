#pragma once
// GeoAnalyzer: turns images into ImageResults with an EmbeddingEngine and the gazetteer — the
// paper's hierarchy (country, then regions and top cities of the likely countries), a flat mode,
// an expected-location mode and custom candidate lists. Text embeddings of label sets come from
// a LabelEmbeddingCache (disk), so they are computed once per (model, template, labels).
// Lives on the analysis worker thread, like the engine it uses.
#include "core/analysis/AnalysisSettings.h"
#include "core/analysis/EmbeddingEngine.h"
#include "core/analysis/GeoResult.h"
#include "core/gazetteer/Gazetteer.h"
#include "core/imageio/ImageLoader.h"

#include <functional>
#include <memory>

namespace streetlens {

class LabelEmbeddingCache;

class GeoAnalyzer {
public:
  // done / total prompts embedded so far; return false to cancel.
  using Progress = std::function<bool(int done, int total, const QString &what)>;

  GeoAnalyzer(EmbeddingEngine &engine, std::shared_ptr<const gazetteer::Gazetteer> gazetteer,
              AnalysisSettings settings, QString cacheDir);
  ~GeoAnalyzer();

  // Embeds (or loads from the cache) every label the settings need. Must succeed before analyze.
  bool prepare(const Progress &progress, QString *error);

  // Loads, preprocesses, embeds and scores one image file. Never throws; failures come back as
  // a Failed result with a message naming the file.
  ImageResult analyzeFile(const QString &path, const ImageLimits &limits = {});
  // Scores already loaded images (batching the forward pass).
  std::vector<ImageResult> analyzeLoaded(const std::vector<LoadedImage> &images, const QStringList &paths);
  // Scores one projected image embedding (the part after the engine).
  void score(const float *imageEmbedding, ImageResult &out) const;
  // EXIF ground truth of a result: location, altitude, time, country and the estimate's error.
  void fillExif(const ExifInfo &exif, ImageResult &out) const;

  const AnalysisSettings &settings() const { return settings_; }
  // Identifies model + settings (stored with each result; a change means results are stale).
  QString settingsKey() const;
  // Label sets this analyzer found in the disk cache / had to embed (one per level and template).
  int cacheHits() const;
  int cacheMisses() const;

private:
  struct Level; // one label set: names + normalised text embeddings
  // score(): one function per mode (GeoAnalyzer.cpp), sharing the steps below.
  std::vector<float> query(const float *imageEmbedding) const;
  void scoreCustom(const std::vector<float> &x, ImageResult &out) const;
  void scoreFlat(const std::vector<float> &x, ImageResult &out) const;
  void scoreHierarchical(const std::vector<float> &x, ImageResult &out) const;
  void scoreExpected(const std::vector<float> &x, ImageResult &out) const;
  void hierarchy(const std::vector<float> &x, ImageResult &out) const;
  void collectPlaces(const std::vector<double> &pCountry, const std::vector<double> &pRegion,
                     const std::vector<double> &pCity, ImageResult &out) const;
  void cutToKept(ImageResult &out) const;
  void estimateAtTopPlace(ImageResult &out) const;
  QString cityLabel(const PlaceProbability &city) const;
  bool embedLevel(Level &level, const QStringList &templates, const Progress &progress, QString *error);

  EmbeddingEngine &engine_;
  std::shared_ptr<const gazetteer::Gazetteer> gaz_;
  AnalysisSettings settings_;
  std::unique_ptr<LabelEmbeddingCache> cache_;
  std::unique_ptr<Level> countries_, regions_, cities_, custom_;
  int cacheHits_ = 0, cacheMisses_ = 0;
};

} // namespace streetlens
