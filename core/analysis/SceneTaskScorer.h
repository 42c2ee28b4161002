#pragma once
// SceneTaskScorer: answers a set of scene tasks (or clue questions) from one image embedding, with
// no further forward pass. prepare() embeds each zero-shot task's prompts once (through the label
// cache) and ensembles them as CLIP does — the L2-normalised embeddings of a label's prompts are
// averaged and the mean normalised again — and checks that each probe was trained for this model.
// score(): zero-shot logits exp(logit_scale)·cos, probes W·x̂ + b; softmax over the task's labels.
// Lives on the analysis worker thread with the engine (score() is const and any thread after).
#include "core/analysis/EmbeddingEngine.h"
#include "core/analysis/SceneTask.h"

#include <functional>

namespace streetlens {

class LabelEmbeddingCache;

class SceneTaskScorer {
public:
  using Progress = std::function<bool(int done, int total, const QString &what)>;

  // False with *error naming the task when a probe belongs to another model or embedding size.
  bool prepare(EmbeddingEngine &engine, const LabelEmbeddingCache &cache, const QVector<SceneTask> &tasks,
               const Progress &progress, QString *error);
  std::vector<TaskOutcome> score(const float *imageEmbedding, int dim) const;
  bool isEmpty() const { return prepared_.empty(); }
  int cacheHits() const { return hits_; }
  int cacheMisses() const { return misses_; }

private:
  struct Prepared {
    SceneTask task;
    EmbeddingMatrix labels; // zero-shot: one normalised, ensembled row per label
  };
  std::vector<Prepared> prepared_;
  float scale_ = 1.0f;
  int hits_ = 0, misses_ = 0;
};

// Softmax in double precision (the shared last step of tasks and probes).
std::vector<double> softmax(std::vector<double> logits);

} // namespace streetlens
