#include "core/analysis/ZeroShot.h"

#include <algorithm>
#include <cmath>

namespace streetlens {

void normalizeRows(EmbeddingMatrix &m) {
  for (int i = 0; i < m.rows; ++i) {
    float *r = m.row(i);
    double ss = 0;
    for (int j = 0; j < m.cols; ++j)
      ss += double(r[j]) * r[j];
    const double n = std::sqrt(ss);
    if (n > 0)
      for (int j = 0; j < m.cols; ++j)
        r[j] = float(r[j] / n);
  }
}

EmbeddingMatrix zeroShotLogits(const EmbeddingMatrix &images, const EmbeddingMatrix &texts, float scale) {
  EmbeddingMatrix a = images, b = texts;
  normalizeRows(a);
  normalizeRows(b);
  EmbeddingMatrix out;
  out.rows = a.rows;
  out.cols = b.rows;
  out.data.assign(size_t(out.rows) * out.cols, 0.f);
  const int dim = std::min(a.cols, b.cols);
  for (int i = 0; i < a.rows; ++i)
    for (int t = 0; t < b.rows; ++t) {
      double dot = 0;
      const float *x = a.row(i), *y = b.row(t);
      for (int k = 0; k < dim; ++k)
        dot += double(x[k]) * y[k];
      out.row(i)[t] = float(dot * scale);
    }
  return out;
}

EmbeddingMatrix softmaxRows(const EmbeddingMatrix &logits) {
  EmbeddingMatrix out = logits;
  for (int i = 0; i < out.rows; ++i) {
    float *r = out.row(i);
    if (out.cols == 0)
      continue;
    const float mx = *std::max_element(r, r + out.cols);
    double sum = 0;
    for (int j = 0; j < out.cols; ++j)
      sum += std::exp(double(r[j]) - mx);
    for (int j = 0; j < out.cols; ++j)
      r[j] = float(std::exp(double(r[j]) - mx) / sum);
  }
  return out;
}

QString applyTemplate(const QString &templ, const QString &label) {
  if (templ.isEmpty())
    return label;
  QString s = templ;
  return s.replace(QStringLiteral("{}"), label);
}

} // namespace streetlens
