// explain_bench: the cost of patch explanations (issue 20) at StreetCLIP's real size (ViT-L/14-336,
// random weights: TorchEngine::createRandom), measured in one run against the forward passes they
// are judged by (docs/PERFORMANCE.md):
//   rollout   one image, two labels   vs  one forward pass of one image   (target: <= 3x)
//   occlusion one image, W x W windows vs  one batched forward of one window row, times the rows
//                                          (target: <= 1x, i.e. no cost beyond those forwards)
// Usage: explain_bench --tokenizer DIR [--reps N] [--threads N] [--window N] [--precision fp32|auto]
// DIR is a folder with vocab.json and merges.txt (e.g. the tiny-clip fixture's model/). Times are
// the best of --reps runs after one warm-up (occlusion: one run; it is long).
#include "core/clip/TorchEngine.h"
#include "core/model/ClipConfig.h"

#include <QCoreApplication>
#include <QThread>
#include <chrono>
#include <cstdio>
#include <random>

using namespace streetlens;
using Clock = std::chrono::steady_clock;

namespace {
double seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

template <typename Fn> double bestOf(int reps, Fn &&fn) {
  fn(); // warm-up
  double best = 1e30;
  for (int i = 0; i < reps; ++i) {
    const auto t0 = Clock::now();
    fn();
    best = std::min(best, seconds(t0, Clock::now()));
  }
  return best;
}
} // namespace

int main(int argc, char **argv) {
  QCoreApplication app(argc, argv);
  QString tokenizerDir, precision = QStringLiteral("fp32");
  int reps = 2, threads = 0, window = 4;
  const QStringList args = app.arguments();
  for (int i = 1; i + 1 < args.size(); i += 2) {
    if (args[i] == "--tokenizer")
      tokenizerDir = args[i + 1];
    else if (args[i] == "--reps")
      reps = std::max(1, args[i + 1].toInt());
    else if (args[i] == "--threads")
      threads = args[i + 1].toInt();
    else if (args[i] == "--window")
      window = std::max(1, args[i + 1].toInt());
    else if (args[i] == "--precision")
      precision = args[i + 1];
  }
  if (tokenizerDir.isEmpty()) {
    std::fprintf(stderr,
                 "explain_bench: --tokenizer DIR (a folder with vocab.json and merges.txt) is needed\n");
    return 2;
  }
  const ClipConfig cfg = streetClipConfig();
  const int grid = cfg.vision.imageSize / cfg.vision.patchSize;
  const int windowsPerRow = (grid + window - 1) / window, windowRows = windowsPerRow;
  EngineOptions opts;
  opts.device = QStringLiteral("cpu");
  opts.precision = precision;
  opts.threads = threads;
  opts.batchSize = windowsPerRow; // plain embedPixels below: one row's windows in one forward
  QString err;
  auto engine = TorchEngine::createRandom(cfg, tokenizerDir, opts, &err);
  if (!engine) {
    std::fprintf(stderr, "explain_bench: %s\n", qPrintable(err));
    return 1;
  }
  const EngineInfo info = engine->info();
  std::printf("ViT-L/14-%d (random weights), %s, %d threads, %s\n", cfg.vision.imageSize,
              qPrintable(info.precision), info.threads, qPrintable(info.deviceName));

  const size_t perImage = size_t(3) * size_t(cfg.vision.imageSize) * size_t(cfg.vision.imageSize);
  std::vector<float> pixels(perImage * size_t(windowsPerRow));
  std::mt19937 rng(7);
  std::normal_distribution<float> normal(0.0f, 1.0f);
  for (auto &p : pixels)
    p = normal(rng);

  const double forward1 = bestOf(reps, [&] { engine->embedPixels(pixels.data(), 1, &err); });
  std::printf("one forward pass, 1 image:                 %8.2f s\n", forward1);

  ExplainRequest req;
  req.method = ExplainMethod::Rollout;
  req.prompts = QStringList{QStringLiteral("A Street View photo in Hungary."),
                            QStringLiteral("A Street View photo in Austria.")};
  req.label = QStringLiteral("Hungary");
  bool ok = true;
  const double rollout =
      bestOf(reps, [&] { ok = ok && engine->explain(pixels.data(), req, {}, &err).has_value(); });
  std::printf("rollout, 1 image, 2 labels:                %8.2f s  = %.2f x one forward (target <= 3)%s\n",
              rollout, rollout / forward1, ok ? "" : qPrintable(QStringLiteral("  FAILED: ") + err));

  const double rowForward = bestOf(reps, [&] { engine->embedPixels(pixels.data(), windowsPerRow, &err); });
  std::printf("one batched forward of a row, %2d images:   %8.2f s\n", windowsPerRow, rowForward);
  req.method = ExplainMethod::Occlusion;
  req.occlusionWindow = req.occlusionStride = window;
  const auto t0 = Clock::now();
  const bool occOk = engine->explain(pixels.data(), req, {}, &err).has_value();
  const double occlusion = seconds(t0, Clock::now());
  std::printf(
      "occlusion, %dx%d-patch windows, stride %d, %d rows x %d: %.2f s = %.2f x (%d row forwards)%s\n",
      window, window, window, windowRows, windowsPerRow, occlusion, occlusion / (windowRows * rowForward),
      windowRows, occOk ? "" : qPrintable(QStringLiteral("  FAILED: ") + err));
  std::printf("  (it also embeds the unaltered image once: %.2f x (row forwards + one 1-image forward))\n",
              occlusion / (windowRows * rowForward + forward1));
  return 0;
}
