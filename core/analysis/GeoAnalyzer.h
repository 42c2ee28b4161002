#pragma once
// GeoAnalyzer: turns images into ImageResults with an EmbeddingEngine and the gazetteer — a
// coherent hierarchy (countries; within each, one softmax over its regions and cities), the
// paper's hierarchy (country, then its largest cities), a flat mode, an expected-location mode
// and custom candidate lists; each result then goes through Posterior (constraint, estimate,
// confidence regions). Text embeddings of label sets come from
// a LabelEmbeddingCache (disk), so they are computed once per (model, template, labels).
// Lives on the analysis worker thread, like the engine it uses.
#include "core/analysis/AnalysisSettings.h"
#include "core/analysis/EmbeddingEngine.h"
#include "core/analysis/GeoResult.h"
#include "core/analysis/Posterior.h"
#include "core/gazetteer/Gazetteer.h"
#include "core/imageio/ImageLoader.h"

#include <functional>
#include <memory>

namespace streetlens {

class LabelEmbeddingCache;
class SceneTaskScorer;

class GeoAnalyzer {
public:
  // done / total prompts embedded so far; return false to cancel.
  using Progress = std::function<bool(int done, int total, const QString &what)>;

  GeoAnalyzer(EmbeddingEngine &engine, std::shared_ptr<const gazetteer::Gazetteer> gazetteer,
              AnalysisSettings settings, QString cacheDir);
  ~GeoAnalyzer();

  // Embeds (or loads from the cache) every label the settings need — places, scene tasks and clue
  // questions — and checks the settings' probes against the model. Must succeed before analyze.
  bool prepare(const Progress &progress, QString *error);

  // Loads, preprocesses, embeds and scores one image file. Never throws; failures come back as
  // a Failed result with a message naming the file.
  ImageResult analyzeFile(const QString &path, const ImageLimits &limits = {});
  // Scores already loaded images (batching the forward pass).
  std::vector<ImageResult> analyzeLoaded(const std::vector<LoadedImage> &images, const QStringList &paths);
  // Scores one projected image embedding (the part after the engine): location, tasks, clues.
  void score(const float *imageEmbedding, ImageResult &out) const;
  // EXIF ground truth of a result: location, altitude, time, country and the estimate's error.
  void fillExif(const ExifInfo &exif, ImageResult &out) const;

  const AnalysisSettings &settings() const { return settings_; }
  // What the analyst knows about where the photos were taken (null: nothing). Applied to every
  // result scored afterwards; not part of settingsKey() (results keep what the model said).
  void setConstraint(std::shared_ptr<const ConstraintWeights> constraint) {
    constraint_ = std::move(constraint);
  }
  const std::shared_ptr<const ConstraintWeights> &constraint() const { return constraint_; }
  // A 90 % region larger than this makes a result "uncertain" (<= 0: never).
  void setUncertainAreaKm2(double km2) { uncertainAreaKm2_ = km2; }
  double uncertainAreaKm2() const { return uncertainAreaKm2_; }
  // What score() hands to Posterior for the settings' mode (site fusion and re-applied
  // constraints use the same).
  PosteriorOptions posteriorOptions() const;
  // The mode's estimate rule and list length, without constraint (what the app re-applies with).
  static PosteriorOptions posteriorOptionsFor(const AnalysisSettings &settings);
  // Identifies model + settings (stored with each result; a change means results are stale).
  QString settingsKey() const;
  // Label sets this analyzer found in the disk cache / had to embed (one per level and template).
  int cacheHits() const;
  int cacheMisses() const;

private:
  struct Level; // one label set: names + normalised text embeddings
  bool prepareLevels(const Progress &progress, QString *error);
  void scoreLocation(const float *imageEmbedding, ImageResult &out) const;
  // score(): one function per mode (GeoAnalyzer.cpp), sharing the steps below.
  std::vector<float> query(const float *imageEmbedding) const;
  void scoreCustom(const std::vector<float> &x, ImageResult &out) const;
  void scoreFlat(const std::vector<float> &x, ImageResult &out) const;
  void scoreHierarchical(const std::vector<float> &x, ImageResult &out) const;
  void scoreExpected(const std::vector<float> &x, ImageResult &out) const;
  void scorePaper(const std::vector<float> &x, ImageResult &out) const;
  std::vector<PlaceLeaf> coherentLeaves(const std::vector<float> &x) const;
  std::vector<double> logits(const Level &level, const std::vector<int> &rows,
                             const std::vector<float> &x) const;
  bool embedLevel(Level &level, const QStringList &templates, const Progress &progress, QString *error);

  EmbeddingEngine &engine_;
  std::shared_ptr<const gazetteer::Gazetteer> gaz_;
  AnalysisSettings settings_;
  std::unique_ptr<LabelEmbeddingCache> cache_;
  std::unique_ptr<Level> countries_, regions_, cities_, custom_;
  std::unique_ptr<SceneTaskScorer> tasks_, clues_;
  int cacheHits_ = 0, cacheMisses_ = 0;
  std::shared_ptr<const ConstraintWeights> constraint_;
  double uncertainAreaKm2_ = PosteriorOptions().uncertainAreaKm2;
};

} // namespace streetlens
