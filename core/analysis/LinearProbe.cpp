#include "core/analysis/LinearProbe.h"

#include "core/analysis/SceneTaskScorer.h"

#include <QHash>
#include <algorithm>
#include <cmath>
#include <functional>

namespace streetlens {

namespace {

using Matrix = std::vector<double>; // row-major

struct Fit {
  Matrix a; // m x classes: W = Aᵀ X over the training rows
  std::vector<double> b;
};

// Largest eigenvalue of the symmetric positive semi-definite m x m matrix (power iteration).
double largestEigenvalue(const Matrix &k, int m) {
  std::vector<double> v(static_cast<size_t>(m), 1.0 / std::sqrt(double(std::max(m, 1)))),
      w(static_cast<size_t>(m));
  double lambda = 0;
  for (int it = 0; it < 50; ++it) {
    double norm = 0;
    for (int i = 0; i < m; ++i) {
      double s = 0;
      for (int j = 0; j < m; ++j)
        s += k[size_t(i) * size_t(m) + size_t(j)] * v[size_t(j)];
      w[size_t(i)] = s;
      norm += s * s;
    }
    norm = std::sqrt(norm);
    if (norm == 0)
      return 0;
    for (int i = 0; i < m; ++i)
      v[size_t(i)] = w[size_t(i)] / norm;
    lambda = norm;
  }
  return lambda;
}

// Softmax probabilities (m x classes) of logits K·A + b.
Matrix probabilities(const Matrix &k, int m, const Matrix &a, const std::vector<double> &b, int classes) {
  Matrix p(static_cast<size_t>(m) * size_t(classes));
  std::vector<double> row(static_cast<size_t>(classes));
  for (int i = 0; i < m; ++i) {
    std::fill(row.begin(), row.end(), 0.0);
    const double *ki = k.data() + size_t(i) * size_t(m);
    for (int j = 0; j < m; ++j) {
      const double kij = ki[j];
      const double *aj = a.data() + size_t(j) * size_t(classes);
      for (int c = 0; c < classes; ++c)
        row[size_t(c)] += kij * aj[c];
    }
    for (int c = 0; c < classes; ++c)
      row[size_t(c)] += b[size_t(c)];
    const std::vector<double> s = softmax(row);
    std::copy(s.begin(), s.end(), p.begin() + qsizetype(i) * classes);
  }
  return p;
}

// Minimises (1/m) Σ −log p(y_i) + (λ/2)‖W‖² over W = Aᵀ X and b, with Nesterov's constant-momentum
// method for strongly convex functions and gradient-based restarts: step 1/L, L = ½·(λmax(K)/m + 1)
// + λ bounds the curvature (the softmax Hessian is at most ½·I; the bias adds 1 to each sample's
// squared norm). Starts from `x` (a warm start along the strength path). Stops when the gradient
// with respect to W and b is below 1e-6 in norm (‖Xᵀg‖ ≤ √λmax(K)·‖g‖).
Fit fit(const Matrix &k, int m, const std::vector<int> &y, int classes, double lambda, double eigenK, Fit x) {
  const double l = 0.5 * (eigenK / m + 1.0) + lambda;
  const double eta = 1.0 / l;
  const double kappa = l / lambda;
  const double beta = (std::sqrt(kappa) - 1) / (std::sqrt(kappa) + 1);
  const size_t n = size_t(m) * size_t(classes);
  if (x.a.size() != n)
    x = Fit{Matrix(n, 0.0), std::vector<double>(static_cast<size_t>(classes), 0.0)};
  Fit prev = x, look = x;
  Matrix g(n);
  std::vector<double> gb(static_cast<size_t>(classes));
  for (int it = 0; it < 5000; ++it) {
    const Matrix p = probabilities(k, m, look.a, look.b, classes);
    std::fill(gb.begin(), gb.end(), 0.0);
    double gNorm = 0, bNorm = 0;
    for (int i = 0; i < m; ++i)
      for (int c = 0; c < classes; ++c) {
        const size_t idx = size_t(i) * size_t(classes) + size_t(c);
        const double r = (p[idx] - (y[size_t(i)] == c ? 1.0 : 0.0)) / m;
        g[idx] = r + lambda * look.a[idx];
        gNorm += g[idx] * g[idx];
        gb[size_t(c)] += r;
      }
    for (double v : gb)
      bNorm += v * v;
    if (std::sqrt(gNorm * eigenK + bNorm) < 1e-6)
      return look;
    prev = x;
    double progress = 0; // < g, x_new - x_old > > 0: momentum points uphill, restart it
    for (size_t i = 0; i < n; ++i) {
      x.a[i] = look.a[i] - eta * g[i];
      progress += g[i] * (x.a[i] - prev.a[i]);
    }
    for (int c = 0; c < classes; ++c) {
      x.b[size_t(c)] = look.b[size_t(c)] - eta * gb[size_t(c)];
      progress += gb[size_t(c)] * (x.b[size_t(c)] - prev.b[size_t(c)]);
    }
    const double momentum = progress > 0 ? 0.0 : beta;
    for (size_t i = 0; i < n; ++i)
      look.a[i] = x.a[i] + momentum * (x.a[i] - prev.a[i]);
    for (int c = 0; c < classes; ++c)
      look.b[size_t(c)] = x.b[size_t(c)] + momentum * (x.b[size_t(c)] - prev.b[size_t(c)]);
  }
  return x;
}

Matrix subMatrix(const Matrix &k, int n, const std::vector<int> &rows, const std::vector<int> &cols) {
  Matrix out(rows.size() * cols.size());
  for (size_t i = 0; i < rows.size(); ++i)
    for (size_t j = 0; j < cols.size(); ++j)
      out[i * cols.size() + j] = k[size_t(rows[i]) * size_t(n) + size_t(cols[j])];
  return out;
}

} // namespace

double majorityChance(const std::vector<ProbeSample> &samples) {
  QHash<QString, int> counts;
  int best = 0;
  for (const ProbeSample &s : samples)
    best = std::max(best, ++counts[s.label]);
  return samples.empty() ? 0.0 : double(best) / double(samples.size());
}

std::optional<SceneTask> trainLinearProbe(const std::vector<ProbeSample> &samples, const ProbeTraining &opt,
                                          QString *error) {
  auto fail = [&](const QString &what) {
    if (error)
      *error = what;
    return std::nullopt;
  };
  QStringList classes;
  std::vector<int> y;
  QHash<QString, int> perClass;
  for (const ProbeSample &s : samples) {
    if (s.label.trimmed().isEmpty())
      return fail(QStringLiteral("a photo has an empty class"));
    if (!classes.contains(s.label))
      classes << s.label;
    y.push_back(int(classes.indexOf(s.label)));
    ++perClass[s.label];
  }
  if (classes.size() < 2)
    return fail(QStringLiteral("a probe needs photos of at least two classes (got %1)").arg(classes.size()));
  int smallest = int(samples.size());
  for (auto it = perClass.cbegin(); it != perClass.cend(); ++it) {
    if (it.value() < 2)
      return fail(
          QStringLiteral("the class \"%1\" has only one photo; each class needs at least two").arg(it.key()));
    smallest = std::min(smallest, it.value());
  }
  const int n = int(samples.size());
  const int dim = int(samples.front().embedding.size());
  // Normalised embeddings and their Gram matrix.
  Matrix x(static_cast<size_t>(n) * size_t(dim));
  for (int i = 0; i < n; ++i) {
    const std::vector<float> &e = samples[size_t(i)].embedding;
    if (int(e.size()) != dim || dim == 0)
      return fail(QStringLiteral("the embeddings have different sizes (%1 and %2)").arg(dim).arg(e.size()));
    double norm = 0;
    for (float v : e)
      norm += double(v) * v;
    norm = norm > 0 ? 1.0 / std::sqrt(norm) : 0.0;
    for (int k = 0; k < dim; ++k)
      x[size_t(i) * size_t(dim) + size_t(k)] = e[size_t(k)] * norm;
  }
  Matrix gram(static_cast<size_t>(n) * size_t(n));
  for (int i = 0; i < n; ++i)
    for (int j = i; j < n; ++j) {
      double s = 0;
      const double *xi = x.data() + size_t(i) * size_t(dim), *xj = x.data() + size_t(j) * size_t(dim);
      for (int k = 0; k < dim; ++k)
        s += xi[k] * xj[k];
      gram[size_t(i) * size_t(n) + size_t(j)] = gram[size_t(j) * size_t(n) + size_t(i)] = s;
    }
  // Stratified folds: the i-th photo of a class goes to fold i mod k.
  const int folds = std::clamp(opt.folds, 2, smallest);
  std::vector<int> fold(static_cast<size_t>(n));
  {
    QHash<int, int> seen;
    for (int i = 0; i < n; ++i)
      fold[size_t(i)] = seen[y[size_t(i)]]++ % folds;
  }
  const int nc = int(classes.size());
  // Strengths from the strongest down, each fit warm-started from the previous one.
  std::vector<double> lambdas = opt.lambdas;
  std::sort(lambdas.begin(), lambdas.end(), std::greater<>());
  std::vector<double> loss(lambdas.size(), 0.0);
  std::vector<std::vector<int>> predicted(lambdas.size(), std::vector<int>(static_cast<size_t>(n), 0));
  for (int f = 0; f < folds; ++f) {
    std::vector<int> train, held, yTrain;
    for (int i = 0; i < n; ++i)
      (fold[size_t(i)] == f ? held : train).push_back(i);
    for (int i : train)
      yTrain.push_back(y[size_t(i)]);
    const Matrix k = subMatrix(gram, n, train, train);
    const int m = int(train.size());
    const double eigenK = largestEigenvalue(k, m);
    const Matrix cross = subMatrix(gram, n, held, train);
    Fit model;
    for (size_t li = 0; li < lambdas.size(); ++li) {
      model = fit(k, m, yTrain, nc, lambdas[li], eigenK, std::move(model));
      for (size_t h = 0; h < held.size(); ++h) {
        std::vector<double> logits(model.b);
        for (size_t j = 0; j < train.size(); ++j)
          for (int c = 0; c < nc; ++c)
            logits[size_t(c)] += cross[h * train.size() + j] * model.a[j * size_t(nc) + size_t(c)];
        const std::vector<double> pr = softmax(logits);
        const int truth = y[size_t(held[h])];
        loss[li] -= std::log(std::max(pr[size_t(truth)], 1e-300));
        predicted[li][size_t(held[h])] = int(std::max_element(pr.begin(), pr.end()) - pr.begin());
      }
    }
  }
  size_t best = 0; // lowest held-out log-loss; ties go to the stronger regularisation
  for (size_t li = 1; li < lambdas.size(); ++li)
    if (loss[li] < loss[best] - 1e-12)
      best = li;
  const double bestLambda = lambdas[best];
  const std::vector<int> &bestPredicted = predicted[best];
  ProbeWeights p;
  p.modelSha256 = opt.modelSha256;
  p.dim = dim;
  p.lambda = bestLambda;
  p.folds = folds;
  p.samples = n;
  p.chance = majorityChance(samples);
  p.confusion.assign(size_t(nc), std::vector<int>(size_t(nc), 0));
  int correct = 0;
  for (int i = 0; i < n; ++i) {
    ++p.confusion[size_t(y[size_t(i)])][size_t(bestPredicted[size_t(i)])];
    correct += bestPredicted[size_t(i)] == y[size_t(i)];
  }
  p.cvAccuracy = double(correct) / n;
  Fit all;
  const double eigenAll = largestEigenvalue(gram, n);
  for (size_t li = 0; li <= best; ++li)
    all = fit(gram, n, y, nc, lambdas[li], eigenAll, std::move(all));
  p.weights.assign(size_t(nc) * size_t(dim), 0.0);
  for (int i = 0; i < n; ++i)
    for (int c = 0; c < nc; ++c) {
      const double a = all.a[size_t(i) * size_t(nc) + size_t(c)];
      for (int k = 0; k < dim; ++k)
        p.weights[size_t(c) * size_t(dim) + size_t(k)] += a * x[size_t(i) * size_t(dim) + size_t(k)];
    }
  p.bias = all.b;
  SceneTask t;
  t.name = sceneTaskNameFrom(opt.name);
  if (t.name.isEmpty())
    t.name = QStringLiteral("probe");
  t.question = opt.question;
  t.labels = classes;
  t.probe = std::move(p);
  return t;
}

} // namespace streetlens
