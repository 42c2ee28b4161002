// engine_bench --device cuda[:N]: StreetCLIP's real towers (random weights) on a CUDA GPU, in fp16
// and bf16, at the batch size the engine chooses itself from the card's free memory. For each dtype:
//   - the card's matrix-multiply peak, measured in the same run (8192^3 torch::mm, best of 10);
//   - the image tower alone on device-resident pixels (ClipModel::imageEmbeds) and its share of
//     that peak;
//   - the engine as the app uses it (TorchEngine::embedPixels: host float pixels in, host
//     embeddings out, with the copies and the automatic batch);
//   - the text tower through the engine (tokenizer included), ms per prompt;
// then real-sized decoded frames (4032 x 3024 RGB) through the CLIP preprocessing on every core
// and the engine: frames per second from RGB to embedding. JPEG decoding is not in it (the
// engine-only build of the GPU kit has no decoder). Runs on the main thread; prints one report.
// With --device cpu the same report runs on the CPU, small (the GPU kit's dry run, tools/gpu/dry-run.sh):
// it proves the code, not the speed.
#include "bench/EngineBenchCuda.h"

#include "core/clip/ClipModel.h"
#include "core/clip/MixedPrecision.h"
#include "core/clip/TorchEngine.h"
#include "core/imageio/ClipImageProcessor.h"
#include "core/model/ClipConfig.h"

#include <QRandomGenerator>
#include <QThread>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>
#include <torch/torch.h>

namespace streetlens::bench {

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// Waits for the device's queued work (timings of CUDA work end here).
void sync(const torch::Device &device) {
  if (device.is_cuda())
    torch::cuda::synchronize(device.index() < 0 ? -1 : device.index());
}

// Best-of-reps TFLOP/s of an n x n x n matrix product on the device.
double gemmPeak(const torch::Device &device, torch::ScalarType dtype, int n, int reps) {
  auto opts = torch::TensorOptions().device(device).dtype(dtype);
  auto a = torch::randn({n, n}, opts), b = torch::randn({n, n}, opts);
  for (int i = 0; i < 3; ++i)
    torch::mm(a, b);
  sync(device);
  double best = 1e30;
  for (int i = 0; i < reps; ++i) {
    const auto t0 = Clock::now();
    torch::mm(a, b);
    sync(device);
    best = std::min(best, seconds(t0, Clock::now()));
  }
  return 2.0 * n * n * double(n) / best / 1e12;
}

std::vector<float> noisePixels(int images, int size) {
  std::vector<float> px(size_t(images) * 3 * size * size);
  QRandomGenerator rng(3);
  for (float &v : px)
    v = float(rng.generateDouble() * 4 - 2);
  return px;
}

// A decoded camera frame: smooth colour gradients with noise (what a resampler sees in a photo).
RgbImage cameraFrame(int w, int h, int seed) {
  RgbImage img = RgbImage::allocate(w, h);
  QRandomGenerator rng{quint32(seed)};
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      uint8_t *p = img.at(x, y);
      p[0] = uint8_t((x * 255 / w + rng.bounded(16)) & 0xff);
      p[1] = uint8_t((y * 255 / h + rng.bounded(16)) & 0xff);
      p[2] = uint8_t(((x + y) * 127 / (w + h) + 64 + rng.bounded(16)) & 0xff);
    }
  return img;
}

} // namespace

int runCudaBench(const CudaBenchOptions &o) {
  if (o.device.startsWith(QLatin1String("cuda")) && !torch::cuda::is_available()) {
    std::printf("engine_bench --device %s: this LibTorch sees no CUDA device\n", qPrintable(o.device));
    return 1;
  }
  const ClipConfig cfg = streetClipConfig();
  const auto &v = cfg.vision;
  const double imageFlops = o.imageFlops;
  const torch::Device device(o.device.toStdString());
  std::printf("StreetCLIP towers with random weights on %s; LibTorch %s; GEMM %d^3\n", qPrintable(o.device),
              TORCH_VERSION, o.gemmSize);
  std::printf("image tower: %.1f GFLOP per image\n\n", imageFlops / 1e9);
  std::printf("%-5s %10s %6s %12s %10s %12s %12s %10s\n", "dtype", "GEMM TFLOP", "batch", "tower img/s",
              "% of peak", "engine img/s", "engine TFLOP", "ms/prompt");
  double frameEngineRate = 0;
  std::unique_ptr<TorchEngine> frameEngine; // the first dtype that ran (fp16 on a GPU)
  for (const char *name : {"fp16", "bf16"}) {
    const torch::ScalarType dtype =
        QLatin1String(name) == QLatin1String("fp16") ? torch::kHalf : torch::kBFloat16;
    try {
      c10::InferenceMode guard;
      double peak = gemmPeak(device, dtype, o.gemmSize, 10);
      EngineOptions opts;
      opts.device = o.device;
      opts.precision = QString::fromLatin1(name);
      opts.batchSize = o.batch;
      QString err;
      auto engine = TorchEngine::createRandom(cfg, o.tokenizerDir, opts, &err);
      if (!engine) {
        std::printf("%-5s failed: %s\n", name, qPrintable(err));
        continue;
      }
      for (const QString &n : engine->takeNotices())
        std::printf("      notice: %s\n", qPrintable(n));
      const int batch = engine->imageBatchSize();

      // The tower alone, pixels already on the card, at the engine's batch size.
      double towerBest = 1e30;
      {
        clip::ClipModel model(cfg);
        model->to(device, clip::mixedPrecision().fp32Residual ? torch::kFloat : dtype); // as TorchEngine does
        model->prepareForInference(dtype);
        auto pixels =
            torch::randn({batch, 3, v.imageSize, v.imageSize}, torch::TensorOptions().device(device));
        model->imageEmbeds(pixels);
        sync(device);
        for (int r = 0; r < o.reps; ++r) {
          const auto t0 = Clock::now();
          for (int k = 0; k < o.batchesPerRep; ++k)
            model->imageEmbeds(pixels);
          sync(device);
          towerBest = std::min(towerBest, seconds(t0, Clock::now()) / (double(batch) * o.batchesPerRep));
        }
      }

      // The engine: host pixels in, host embeddings out.
      const int images = batch * o.batchesPerRep;
      const std::vector<float> host = noisePixels(images, v.imageSize);
      if (engine->embedPixels(host.data(), batch, &err).isEmpty())
        throw std::runtime_error(err.toStdString());
      double engineBest = 1e30;
      for (int r = 0; r < o.reps; ++r) {
        const auto t0 = Clock::now();
        if (engine->embedPixels(host.data(), images, &err).isEmpty())
          throw std::runtime_error(err.toStdString());
        engineBest = std::min(engineBest, seconds(t0, Clock::now()) / images);
      }
      for (const QString &n : engine->takeNotices())
        std::printf("      notice: %s\n", qPrintable(n));

      QStringList prompts;
      for (int i = 0; i < o.prompts; ++i)
        prompts << QStringLiteral("A Street View photo from place number %1.").arg(i);
      engine->embedTexts(prompts.mid(0, 8), &err);
      const auto t0 = Clock::now();
      const bool textOk = !engine->embedTexts(prompts, &err).isEmpty();
      const double perPrompt = seconds(t0, Clock::now()) / o.prompts;

      peak = std::max(peak, gemmPeak(device, dtype, o.gemmSize, 10));
      const double towerRate = 1.0 / towerBest, engineRate = 1.0 / engineBest;
      std::printf("%-5s %10.4g %6d %12.4g %9.1f%% %12.4g %12.4g %10s\n", name, peak, batch, towerRate,
                  100.0 * imageFlops * towerRate / 1e12 / peak, engineRate, imageFlops * engineRate / 1e12,
                  textOk ? qPrintable(QString::number(perPrompt * 1e3, 'f', 3)) : "failed");
      std::printf("      route: %s\n", qPrintable(engine->info().route));
      std::fflush(stdout);
      if (!frameEngine) {
        frameEngineRate = engineRate;
        frameEngine = std::move(engine);
      }
    } catch (const std::exception &e) {
      std::printf("%-5s failed: %s\n", name, qPrintable(QString::fromUtf8(e.what()).section('\n', 0, 0)));
    }
  }

  // Decoded real-sized frames -> CLIP preprocessing on every core -> the engine.
  if (frameEngine && o.frames > 0) {
    const int frames = o.frames, threads = std::max(1, QThread::idealThreadCount());
    std::vector<RgbImage> decoded;
    for (int i = 0; i < std::min(frames, 4); ++i)
      decoded.push_back(cameraFrame(4032, 3024, i));
    const ClipImageConfig &ic = frameEngine->imageConfig();
    const size_t perImage = size_t(3) * ic.cropHeight * ic.cropWidth;
    std::vector<float> pixels(perImage * frames);
    const auto t0 = Clock::now();
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
      pool.emplace_back([&, t] {
        for (int i = t; i < frames; i += threads) {
          const auto px = clipPreprocess(decoded[size_t(i) % decoded.size()], ic);
          std::copy(px.begin(), px.end(), pixels.begin() + std::ptrdiff_t(perImage * i));
        }
      });
    for (auto &th : pool)
      th.join();
    const auto t1 = Clock::now();
    QString err;
    const bool ok = !frameEngine->embedPixels(pixels.data(), frames, &err).isEmpty();
    const auto t2 = Clock::now();
    const double pre = seconds(t0, t1), gpu = seconds(t1, t2);
    std::printf("\n4032x3024 RGB frames -> embeddings (%s, %d frames, preprocessing on %d threads): "
                "preprocessing %.3g frames/s, engine %.3g images/s, both in turn %.3g frames/s%s\n",
                qPrintable(frameEngine->info().precision), frames, threads, frames / pre, frames / gpu,
                frames / (pre + gpu), ok ? "" : qPrintable(QStringLiteral(" FAILED: ") + err));
    std::printf("(the engine's own rate above, %.3g images/s, is what preprocessing must keep up with; "
                "JPEG decoding is not measured here: the engine-only build has no decoder)\n",
                frameEngineRate);
  }
  return 0;
}

} // namespace streetlens::bench
