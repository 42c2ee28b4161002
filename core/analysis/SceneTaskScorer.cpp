#include "core/analysis/SceneTaskScorer.h"

#include "core/analysis/LabelEmbeddingCache.h"
#include "core/analysis/ZeroShot.h"

#include <algorithm>
#include <cmath>

namespace streetlens {

std::vector<double> softmax(std::vector<double> logits) {
  if (logits.empty())
    return logits;
  const double mx = *std::max_element(logits.begin(), logits.end());
  double sum = 0;
  for (double &l : logits)
    sum += (l = std::exp(l - mx));
  for (double &l : logits)
    l /= sum;
  return logits;
}

bool SceneTaskScorer::prepare(EmbeddingEngine &engine, const LabelEmbeddingCache &cache,
                              const QVector<SceneTask> &tasks, const Progress &progress, QString *error) {
  prepared_.clear();
  hits_ = misses_ = 0;
  scale_ = engine.logitScale();
  const EngineInfo info = engine.info();
  for (const SceneTask &task : tasks) {
    Prepared p{task, {}};
    if (task.probe) {
      if (task.probe->modelSha256 != info.modelHash) {
        if (error)
          *error =
              QStringLiteral("%1: the probe \"%2\" was trained for another model (%3…; this one is %4…). "
                             "Train it again with this model.")
                  .arg(task.source, task.name, task.probe->modelSha256.left(12), info.modelHash.left(12));
        return false;
      }
      if (info.embedDim > 0 && task.probe->dim != info.embedDim) {
        if (error)
          *error =
              QStringLiteral("%1: the probe \"%2\" expects %3-dimensional embeddings; this model makes %4.")
                  .arg(task.source, task.name)
                  .arg(task.probe->dim)
                  .arg(info.embedDim);
        return false;
      }
      prepared_.push_back(std::move(p));
      continue;
    }
    // All prompts of the task in one list (label-major), so one cache entry holds the task.
    QStringList prompts;
    const int perLabel = std::max<int>(1, int(task.templates.size()));
    for (int l = 0; l < task.labels.size(); ++l)
      prompts << task.prompts(l);
    bool hit = false;
    auto emb = embedPromptsCached(
        engine, cache, prompts,
        [&](int done, int total) { return !progress || progress(done, total, task.name); }, &hit, error);
    if (!emb) {
      if (error && *error != QLatin1String("cancelled"))
        *error = QStringLiteral("task \"%1\": %2").arg(task.name, *error);
      return false;
    }
    ++(hit ? hits_ : misses_);
    normalizeRows(*emb);
    p.labels.rows = int(task.labels.size());
    p.labels.cols = emb->cols;
    p.labels.data.assign(size_t(p.labels.rows) * size_t(p.labels.cols), 0.0f);
    for (int l = 0; l < p.labels.rows; ++l)
      for (int k = 0; k < perLabel; ++k) {
        const float *src = emb->row(l * perLabel + k);
        float *dst = p.labels.row(l);
        for (int c = 0; c < emb->cols; ++c)
          dst[c] += src[c];
      }
    normalizeRows(p.labels);
    prepared_.push_back(std::move(p));
  }
  return true;
}

std::vector<TaskOutcome> SceneTaskScorer::score(const float *x, int dim) const {
  double norm = 0;
  for (int k = 0; k < dim; ++k)
    norm += double(x[k]) * x[k];
  norm = std::sqrt(norm);
  const double inv = norm > 0 ? 1.0 / norm : 0.0;
  std::vector<TaskOutcome> out;
  out.reserve(prepared_.size());
  for (const Prepared &p : prepared_) {
    if (p.task.probe && p.task.probe->dim != dim)
      continue; // refused in prepare() for engines that report their size
    const int n = int(p.task.labels.size());
    std::vector<double> logits(static_cast<size_t>(n), 0.0);
    for (int l = 0; l < n; ++l) {
      double dot = 0;
      if (p.task.probe) {
        const double *w = p.task.probe->weights.data() + size_t(l) * size_t(dim);
        for (int k = 0; k < dim; ++k)
          dot += w[k] * x[k];
        logits[size_t(l)] = dot * inv + p.task.probe->bias[size_t(l)];
      } else {
        const float *t = p.labels.row(l);
        for (int k = 0; k < dim && k < p.labels.cols; ++k)
          dot += double(t[k]) * x[k];
        logits[size_t(l)] = double(scale_) * dot * inv;
      }
    }
    out.push_back({p.task.name, p.task.question, p.task.labels, softmax(std::move(logits))});
  }
  return out;
}

} // namespace streetlens
