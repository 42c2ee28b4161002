// Few-shot probe training time (issue 19: "well under a second for hundreds of photos"): synthetic
// 768-dimensional embeddings (StreetCLIP's size) in overlapping Gaussian clusters, the whole
// training of trainLinearProbe — 5 strengths × k-fold cross-validation + the final fit.
// Usage: probe_bench [repeats]. Prints one line per case: photos, classes, seconds, cv accuracy.
#include "core/analysis/LinearProbe.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>
#include <cmath>

using namespace streetlens;

int main(int argc, char **argv) {
  QCoreApplication app(argc, argv);
  const int repeats = argc > 1 ? std::max(1, atoi(argv[1])) : 3;
  QTextStream out(stdout);
  out << "photos classes seconds(best of " << repeats << ") cv_accuracy\n";
  for (const auto &[n, classes] :
       {std::pair{50, 2}, std::pair{200, 2}, std::pair{300, 5}, std::pair{500, 2}}) {
    QRandomGenerator rng(1);
    auto gauss = [&] {
      const double u1 = std::max(rng.generateDouble(), 1e-12), u2 = rng.generateDouble();
      return std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
    };
    std::vector<std::vector<double>> centres(static_cast<size_t>(classes), std::vector<double>(768));
    for (auto &c : centres)
      for (double &x : c)
        x = gauss();
    std::vector<ProbeSample> samples;
    for (int i = 0; i < n; ++i) {
      ProbeSample s;
      const int c = i % classes;
      s.label = QStringLiteral("c%1").arg(c);
      for (int k = 0; k < 768; ++k)
        s.embedding.push_back(float(centres[size_t(c)][size_t(k)] + 1.5 * gauss()));
      samples.push_back(std::move(s));
    }
    double best = 1e9, acc = 0;
    for (int r = 0; r < repeats; ++r) {
      QElapsedTimer t;
      t.start();
      QString err;
      const auto probe = trainLinearProbe(samples, {}, &err);
      best = std::min(best, t.nsecsElapsed() / 1e9);
      if (!probe) {
        out << "error: " << err << "\n";
        return 1;
      }
      acc = probe->probe->cvAccuracy;
    }
    out << n << " " << classes << " " << QString::number(best, 'f', 3) << " " << QString::number(acc, 'f', 3)
        << "\n";
    out.flush();
  }
  return 0;
}
