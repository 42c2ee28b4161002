#include "core/analysis/Occlusion.h"

#include <algorithm>
#include <cmath>

namespace streetlens {

std::array<float, 3> occlusionFill(const ClipImageConfig &cfg) {
  if (cfg.doNormalize)
    return {0.0f, 0.0f, 0.0f}; // (mean - mean) / std
  const double unit = cfg.doRescale ? 255.0 * cfg.rescaleFactor : 255.0;
  return {float(cfg.mean[0] * unit), float(cfg.mean[1] * unit), float(cfg.mean[2] * unit)};
}

std::vector<int> occlusionStarts(int grid, int window, int stride) {
  std::vector<int> starts;
  if (window < 1 || stride < 1 || window > grid)
    return starts;
  for (int s = 0; s + window <= grid; s += stride)
    starts.push_back(s);
  if (starts.back() + window < grid)
    starts.push_back(grid - window);
  return starts;
}

double zeroShotProbability(const float *image, int dim, const EmbeddingMatrix &texts, float scale,
                           int target) {
  double in = 0;
  for (int k = 0; k < dim; ++k)
    in += double(image[k]) * image[k];
  in = std::sqrt(in);
  std::vector<double> logits(size_t(texts.rows));
  for (int t = 0; t < texts.rows; ++t) {
    double dot = 0, tn = 0;
    for (int k = 0; k < dim; ++k) {
      dot += double(image[k]) * texts.row(t)[k];
      tn += double(texts.row(t)[k]) * texts.row(t)[k];
    }
    const double den = in * std::sqrt(tn);
    logits[size_t(t)] = den > 0 ? double(scale) * dot / den : 0.0;
  }
  const double mx = *std::max_element(logits.begin(), logits.end());
  double sum = 0;
  for (double l : logits)
    sum += std::exp(l - mx);
  return std::exp(logits[size_t(target)] - mx) / sum;
}

std::optional<PatchGrid> occlusionGrid(const float *pixels, const ClipImageConfig &cfg, int patchSize,
                                       const EmbeddingMatrix &texts, float logitScale,
                                       const ExplainRequest &request, const EmbedImagesFn &embed,
                                       const ExplainControl &control, QString *error) {
  auto fail = [&](const QString &msg) -> std::optional<PatchGrid> {
    if (error)
      *error = msg;
    return std::nullopt;
  };
  const int H = cfg.cropHeight, W = cfg.cropWidth, p = patchSize;
  if (p <= 0 || H % p != 0 || W % p != 0)
    return fail(
        QStringLiteral("the input %1 x %2 is not a whole number of %3-pixel patches").arg(W).arg(H).arg(p));
  if (texts.rows < 2 || request.target < 0 || request.target >= texts.rows)
    return fail(QStringLiteral("explanation needs a target among at least two prompts"));
  const int rows = H / p, cols = W / p;
  const auto rowStarts = occlusionStarts(rows, request.occlusionWindow, request.occlusionStride);
  const auto colStarts = occlusionStarts(cols, request.occlusionWindow, request.occlusionStride);
  if (rowStarts.empty() || colStarts.empty())
    return fail(QStringLiteral("occlusion window %1 / stride %2 does not fit a %3 x %4 patch grid")
                    .arg(request.occlusionWindow)
                    .arg(request.occlusionStride)
                    .arg(rows)
                    .arg(cols));
  const size_t plane = size_t(H) * size_t(W), perImage = 3 * plane;
  const int total = int(rowStarts.size()) + 1;
  if (control.isCancelled())
    return fail(explainCancelledError());

  const EmbeddingMatrix base = embed(pixels, 1, error);
  if (base.rows != 1)
    return std::nullopt;
  const double p0 = zeroShotProbability(base.row(0), base.cols, texts, logitScale, request.target);
  control.report(1, total);

  const auto fill = occlusionFill(cfg);
  const int win = request.occlusionWindow * p;
  std::vector<double> sum(size_t(rows) * size_t(cols), 0.0);
  std::vector<int> count(sum.size(), 0);
  std::vector<float> batch(perImage * colStarts.size());
  for (size_t ri = 0; ri < rowStarts.size(); ++ri) {
    if (control.isCancelled())
      return fail(explainCancelledError());
    const int y0 = rowStarts[ri] * p;
    for (size_t ci = 0; ci < colStarts.size(); ++ci) {
      float *img = batch.data() + ci * perImage;
      std::copy(pixels, pixels + perImage, img);
      const int x0 = colStarts[ci] * p;
      for (int c = 0; c < 3; ++c)
        for (int y = y0; y < y0 + win; ++y)
          std::fill_n(img + size_t(c) * plane + size_t(y) * size_t(W) + size_t(x0), size_t(win),
                      fill[size_t(c)]);
    }
    const EmbeddingMatrix emb = embed(batch.data(), int(colStarts.size()), error);
    if (emb.rows != int(colStarts.size()))
      return std::nullopt;
    for (size_t ci = 0; ci < colStarts.size(); ++ci) {
      const double drop =
          p0 - zeroShotProbability(emb.row(int(ci)), emb.cols, texts, logitScale, request.target);
      for (int r = rowStarts[ri]; r < rowStarts[ri] + request.occlusionWindow; ++r)
        for (int c = colStarts[ci]; c < colStarts[ci] + request.occlusionWindow; ++c) {
          sum[size_t(r) * size_t(cols) + size_t(c)] += drop;
          ++count[size_t(r) * size_t(cols) + size_t(c)];
        }
    }
    control.report(int(ri) + 2, total);
  }
  PatchGrid g;
  g.method = ExplainMethod::Occlusion;
  g.label = request.label;
  g.rows = rows;
  g.cols = cols;
  g.targetProbability = p0;
  g.values.resize(sum.size());
  for (size_t i = 0; i < sum.size(); ++i)
    g.values[i] = count[i] > 0 ? float(sum[i] / count[i]) : 0.0f;
  return g;
}

} // namespace streetlens
