// engine_bench: seconds per image and per prompt of StreetCLIP's real towers (ViT-L/14-336 image
// tower, 12-layer text tower) built with random weights (no files needed), in fp32 and bf16, next
// to the matrix-multiply peak of this CPU measured in the same run. Prints one table; the
// numbers go to docs/PERFORMANCE.md. Usage: engine_bench [--images N] [--prompts N] [--reps N] [--threads N]
// [--labels TOKENIZER_DIR] [--python-peer PYTHON]
//        engine_bench --device cuda[:N] --tokenizer TOKENIZER_DIR [--reps N] [--prompts N] [--frames N]
//                     [--batches N] [--batch N] [--gemm-size N]
// The second form measures a CUDA GPU instead (bench/EngineBenchCuda.cpp: fp16 and bf16 at the
// automatic batch size against the card's measured matrix-multiply peak; the GPU kit runs it);
// with --device cpu it runs that same report on the CPU, small, as the GPU kit's dry run.
//
// Runs on any x86-64 CPU: it prints the CPU's vector extensions and the route each dtype takes;
// bf16 is skipped, with the reason, where the engine would not run it (no native bf16: the engine
// runs fp32 for --precision bf16 there). STREETLENS_CPU_BF16=native forces LibTorch's emulated bf16
// for a measurement. A failing row prints its error and the rest goes on; the exit status is 0.
//
// --python-peer runs bench/python_peer.py (OpenAI CLIP's image tower in PyTorch eager, fp32: the
// route users would otherwise take) with the same images, reps and threads, in this same run.
//
// engine_bench --weights FILE --pixels FILE --embeds-out PREFIX [--images N] [--reps N] [--threads N]
// is bench/peers.sh's StreetLens route (issue #24): the image tower with the vision weights of FILE
// (a .safetensors in Hugging Face key names: vision_model.*, visual_projection.weight) read through
// the project's own safetensors reader, the first N images of FILE's "pixel_values", fp32 and bf16
// (where the engine runs bf16), each against its GEMM peak measured in the same run; writes
// PREFIX.fp32.f32 / PREFIX.bf16.f32 (the embeddings, raw little-endian float32) and prints one
// JSON line last.
#include "bench/EngineBenchCuda.h"
#include "core/clip/ClipModel.h"
#include "core/clip/DenseOps.h"
#include "core/clip/DeviceSelection.h"
#include "core/clip/MixedPrecision.h"
#include "core/clip/TorchEngine.h"
#include "core/model/ClipConfig.h"
#include "core/weights/Safetensors.h"
#ifndef STREETLENS_ENGINE_ONLY
#include "core/analysis/GeoAnalyzer.h"
#endif

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <torch/torch.h>
#include <torch/version.h>

using namespace streetlens;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// Best-of-reps GFLOP/s of an n x n x n matrix product in the given dtype: the faster of LibTorch's
// matmul (its BLAS for fp32, oneDNN for bf16) and oneDNN's inner product called directly, so the
// peak is the best this LibTorch can do on this CPU, whichever library the towers use.
double gemmPeak(torch::ScalarType dtype, int n, int reps) {
  auto a = torch::randn({n, n}).to(dtype), b = torch::randn({n, n}).to(dtype);
  auto timeBest = [&](auto &&product) {
    product(); // warm-up
    double best = 1e30;
    for (int i = 0; i < reps; ++i) {
      const auto t0 = Clock::now();
      product();
      best = std::min(best, seconds(t0, Clock::now()));
    }
    return 2.0 * n * n * double(n) / best / 1e9;
  };
  double peak = timeBest([&] { return torch::mm(a, b); });
  // oneDNN's bf16 inner product throws on CPUs without AVX-512 BW/VL/DQ: then torch::mm is the peak.
  if (at::hasMKLDNN() && (dtype == torch::kFloat || clip::bf16LinearUsesOneDnn()))
    peak = std::max(peak,
                    timeBest([&] { return at::mkldnn_linear(a.to_mkldnn(), b, c10::nullopt).to_dense(); }));
  return peak;
}

// Multiply-adds of one forward pass of a pre-LN transformer tower.
double towerFlops(int layers, int tokens, int width, int intermediate) {
  const double L = tokens, D = width, I = intermediate;
  const double perLayer = 4 * L * D * D + 2 * L * D * I + 2 * L * L * D;
  return 2.0 * layers * perLayer;
}

// A float32 tensor of a validated .safetensors file (copied: the map dies with the file).
torch::Tensor readF32(const SafetensorsFile &file, const QString &name) {
  const TensorInfo *t = file.find(name);
  if (!t || t->dtype != DType::F32 || !file.data(*t))
    throw std::runtime_error(qPrintable(QStringLiteral("%1: no float32 tensor %2").arg(file.path(), name)));
  auto out = torch::empty(std::vector<int64_t>(t->shape.begin(), t->shape.end()), torch::kFloat);
  std::memcpy(out.data_ptr(), file.data(*t), t->byteSize());
  return out;
}

// bench/peers.sh's StreetLens route (see the top of this file). Returns the exit status.
int runPeerRoute(const ClipConfig &cfg, const QString &weightsPath, const QString &pixelsPath,
                 const QString &embedsOut, int images, int reps) {
  QString err;
  auto weights = SafetensorsFile::open(weightsPath, &err);
  auto pixelFile = weights ? SafetensorsFile::open(pixelsPath, &err) : nullptr;
  if (!pixelFile) {
    std::fprintf(stderr, "engine_bench: %s\n", qPrintable(err));
    return 1;
  }
  auto pixels = readF32(*pixelFile, QStringLiteral("pixel_values"));
  pixels = pixels.narrow(0, 0, std::min<int64_t>(images, pixels.size(0))).contiguous();
  const int batch = int(pixels.size(0));
  QJsonArray rows;
  QJsonObject peaks;
  for (auto dtype : {torch::kFloat, torch::kBFloat16}) {
    const QString name = dtype == torch::kFloat ? QStringLiteral("fp32") : QStringLiteral("bf16");
    QString why;
    if (dtype == torch::kBFloat16 && !clip::cpuBf16Usable(&why)) {
      std::fprintf(stderr, "engine_bench: bf16 skipped: %s\n", qPrintable(why));
      continue;
    }
    double peak = gemmPeak(dtype, 2048, 10);
    clip::ClipModel model(cfg);
    int copied = 0;
    for (auto &item : model->named_parameters(true)) {
      const QString key = QString::fromStdString(item.key());
      if (!key.startsWith(QLatin1String("vision_model.")) &&
          !key.startsWith(QLatin1String("visual_projection.")))
        continue;
      auto t = readF32(*weights, key);
      if (t.sizes() != item.value().sizes())
        throw std::runtime_error(qPrintable(QStringLiteral("%1: wrong shape").arg(key)));
      item.value().copy_(t);
      ++copied;
    }
    model->to(clip::mixedPrecision().fp32Residual ? torch::kFloat : dtype); // as TorchEngine does
    model->prepareForInference(dtype);
    torch::Tensor embeds;
    model->imageEmbeds(pixels); // warm-up at the timed batch
    double best = 1e30;
    for (int r = 0; r < std::max(1, reps); ++r) {
      const auto t0 = Clock::now();
      embeds = model->imageEmbeds(pixels);
      best = std::min(best, seconds(t0, Clock::now()) / batch);
    }
    peak = std::max(peak, gemmPeak(dtype, 2048, 10));
    peaks[name] = peak;
    const QString path = embedsOut + QLatin1Char('.') + name + QStringLiteral(".f32");
    const auto out = embeds.to(torch::kFloat).contiguous();
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) ||
        f.write(static_cast<const char *>(out.data_ptr()), qint64(out.numel() * 4)) != out.numel() * 4) {
      std::fprintf(stderr, "engine_bench: cannot write %s\n", qPrintable(path));
      return 1;
    }
    std::fprintf(stderr, "  StreetLens (LibTorch %s) %s: %.3f s/image, %d tensors loaded\n", TORCH_VERSION,
                 qPrintable(name), best, copied);
    rows.append(
        QJsonObject{{QStringLiteral("route"), QStringLiteral("StreetLens, LibTorch %1").arg(TORCH_VERSION)},
                    {QStringLiteral("dtype"), name},
                    {QStringLiteral("s_per_image"), best},
                    {QStringLiteral("embeds"), path},
                    {QStringLiteral("how"), clip::routeText(torch::kCPU, dtype)}});
  }
  const QJsonObject result{
      {QStringLiteral("process"), QStringLiteral("streetlens-libtorch-%1").arg(TORCH_VERSION)},
      {QStringLiteral("torch"), QStringLiteral(TORCH_VERSION)},
      {QStringLiteral("threads"), torch::get_num_threads()},
      {QStringLiteral("batch"), batch},
      {QStringLiteral("cpu"), clip::cpuIsaSummary()},
      {QStringLiteral("gemm_peak"), peaks},
      {QStringLiteral("routes"), rows}};
  std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  QCoreApplication app(argc, argv);
  int images = 2, prompts = 64, reps = 2, threads = 0;
  QString pythonPeer;                         // --python-peer /usr/bin/python3 (needs `import torch`)
  QString weightsPath, pixelsPath, embedsOut; // --weights/--pixels/--embeds-out: bench/peers.sh's route
  QString tokenizerDir; // --labels DIR: a folder with vocab.json + merges.txt (e.g. the tiny-clip fixture's
                        // model/)
  bench::CudaBenchOptions cuda; // --device cuda[:N] (empty device: the CPU report)
  cuda.device.clear();
  const QStringList args = app.arguments();
  for (int i = 1; i + 1 < args.size(); i += 2) {
    if (args[i] == "--images")
      images = args[i + 1].toInt();
    else if (args[i] == "--prompts")
      prompts = args[i + 1].toInt();
    else if (args[i] == "--reps")
      reps = args[i + 1].toInt();
    else if (args[i] == "--threads")
      threads = args[i + 1].toInt();
    else if (args[i] == "--labels")
      tokenizerDir = args[i + 1];
    else if (args[i] == "--weights")
      weightsPath = args[i + 1];
    else if (args[i] == "--pixels")
      pixelsPath = args[i + 1];
    else if (args[i] == "--embeds-out")
      embedsOut = args[i + 1];
    else if (args[i] == "--python-peer")
      pythonPeer = args[i + 1];
    else if (args[i] == "--device")
      cuda.device = args[i + 1];
    else if (args[i] == "--tokenizer")
      cuda.tokenizerDir = args[i + 1];
    else if (args[i] == "--frames")
      cuda.frames = args[i + 1].toInt();
    else if (args[i] == "--batches")
      cuda.batchesPerRep = std::max(1, args[i + 1].toInt());
    else if (args[i] == "--batch")
      cuda.batch = std::max(0, args[i + 1].toInt());
    else if (args[i] == "--gemm-size")
      cuda.gemmSize = std::max(64, args[i + 1].toInt());
  }
  torch::set_num_threads(threads > 0 ? threads : std::max(1, QThread::idealThreadCount()));
  torch::manual_seed(0);
  c10::InferenceMode guard;
  const ClipConfig cfg = streetClipConfig();
  const auto &v = cfg.vision;
  const int tokens = v.numPositions();
  const double imageFlops = towerFlops(v.numLayers, tokens, v.hiddenSize, v.intermediateSize) +
                            2.0 * (tokens - 1) * v.numChannels * v.patchSize * v.patchSize * v.hiddenSize;
  const int promptLen = 12; // "A Street View photo from Paris." is 9-12 tokens with bos/eos
  const double textFlops =
      towerFlops(cfg.text.numLayers, promptLen, cfg.text.hiddenSize, cfg.text.intermediateSize);

  if (!weightsPath.isEmpty() || !pixelsPath.isEmpty() || !embedsOut.isEmpty()) {
    if (weightsPath.isEmpty() || pixelsPath.isEmpty() || embedsOut.isEmpty()) {
      std::fprintf(stderr, "engine_bench: --weights, --pixels and --embeds-out go together\n");
      return 2;
    }
    try {
      return runPeerRoute(cfg, weightsPath, pixelsPath, embedsOut, images, reps);
    } catch (const std::exception &e) {
      std::fprintf(stderr, "engine_bench: %s\n", qPrintable(QString::fromUtf8(e.what()).section('\n', 0, 0)));
      return 1;
    }
  }
  if (!cuda.device.isEmpty()) {
    if ((!cuda.device.startsWith(QLatin1String("cuda")) && cuda.device != QLatin1String("cpu")) ||
        cuda.tokenizerDir.isEmpty()) {
      std::fprintf(stderr, "engine_bench: --device takes cpu, cuda or cuda:N, and needs --tokenizer DIR "
                           "(a folder with vocab.json and merges.txt)\n");
      return 2;
    }
    cuda.imageFlops = imageFlops;
    cuda.reps = std::max(1, reps);
    if (args.contains(QStringLiteral("--prompts")))
      cuda.prompts = std::max(1, prompts);
    return bench::runCudaBench(cuda);
  }
  std::printf("StreetCLIP towers with random weights; threads=%d\n", torch::get_num_threads());
  std::printf(
      "CPU: %s; %s\n", qPrintable(clip::cpuIsaSummary()),
      qPrintable(clip::chooseDevice(QStringLiteral("cpu"), QStringLiteral("fp32"), nullptr)->deviceName));
  std::printf("image tower: %.1f GFLOP per image; text tower: %.2f GFLOP per %d-token prompt\n\n",
              imageFlops / 1e9, textFlops / 1e9, promptLen);
  std::printf("%-6s %12s %14s %12s %14s %12s %10s\n", "dtype", "GEMM GFLOP/s", "s/image", "img GFLOP/s",
              "% of GEMM peak", "ms/prompt", "prompt %");
  double fp32Peak = 0, fp32Seconds = 0, bf16Seconds = 0;
  QStringList routes;
  for (auto dtype : {torch::kFloat, torch::kBFloat16}) {
    const char *name = dtype == torch::kFloat ? "fp32" : "bf16";
    QString why;
    if (dtype == torch::kBFloat16 && !clip::cpuBf16Usable(&why)) {
      routes << QStringLiteral("bf16: skipped — %1; the engine runs fp32 for --precision bf16 here").arg(why);
      std::printf("%-6s skipped: %s\n", name, qPrintable(why));
      continue;
    }
    routes << QStringLiteral("%1: %2").arg(QLatin1String(name), clip::routeText(torch::kCPU, dtype));
    try {
      // Best of 10 before and 10 after the towers: a neighbour's burst on a shared host lowers a
      // peak, never raises it, so the maximum is the one to compare against.
      double peak = gemmPeak(dtype, 2048, 10);
      clip::ClipModel model(cfg);
      model->to(clip::mixedPrecision().fp32Residual ? torch::kFloat : dtype); // as TorchEngine does
      model->prepareForInference(dtype);
      auto pixels = torch::randn({images, 3, v.imageSize, v.imageSize});
      model->imageEmbeds(pixels.narrow(0, 0, 1)); // warm-up
      double best = 1e30;
      for (int r = 0; r < reps; ++r) {
        const auto t0 = Clock::now();
        model->imageEmbeds(pixels);
        best = std::min(best, seconds(t0, Clock::now()) / images);
      }
      auto ids = torch::randint(0, 49405, {prompts, promptLen}, torch::kLong);
      ids.select(1, promptLen - 1).fill_(49407);
      model->textEmbeds(ids.narrow(0, 0, 4));
      double bestText = 1e30;
      for (int r = 0; r < reps; ++r) {
        const auto t0 = Clock::now();
        model->textEmbeds(ids);
        bestText = std::min(bestText, seconds(t0, Clock::now()) / prompts);
      }
      peak = std::max(peak, gemmPeak(dtype, 2048, 10));
      (dtype == torch::kFloat ? fp32Seconds : bf16Seconds) = best;
      if (dtype == torch::kFloat)
        fp32Peak = peak;
      const double imgRate = imageFlops / best / 1e9, textRate = textFlops / bestText / 1e9;
      std::printf("%-6s %12.1f %14.3f %12.1f %13.1f%% %12.2f %9.1f%%\n", name, peak, best, imgRate,
                  100.0 * imgRate / peak, bestText * 1e3, 100.0 * textRate / peak);
    } catch (const std::exception &e) {
      std::printf("%-6s failed: %s\n", name, qPrintable(QString::fromUtf8(e.what()).section('\n', 0, 0)));
    }
    std::fflush(stdout);
  }
  std::printf("\nroutes:\n");
  for (const QString &r : routes)
    std::printf("  %s\n", qPrintable(r));
  std::fflush(stdout);

  if (!pythonPeer.isEmpty()) {
    QProcess py;
    py.start(pythonPeer, {QStringLiteral(STREETLENS_PEER_SCRIPT), QStringLiteral("--images"),
                          QString::number(images), QStringLiteral("--reps"), QString::number(reps),
                          QStringLiteral("--threads"), QString::number(torch::get_num_threads())});
    py.waitForFinished(-1);
    const auto out =
        QJsonDocument::fromJson(py.readAllStandardOutput().trimmed().split('\n').last()).object();
    const double s = out.value(QStringLiteral("seconds_per_image")).toDouble();
    if (py.exitCode() != 0 || s <= 0) {
      std::printf("\npython peer failed: %s\n", py.readAllStandardError().right(400).constData());
    } else {
      const double rate = imageFlops / s / 1e9;
      std::printf("\npython fp32 peer (PyTorch %s eager, OpenAI CLIP code, %d threads): %.3f s/image, "
                  "%.1f GFLOP/s = %.1f%% of the fp32 GEMM peak\n",
                  qPrintable(out.value(QStringLiteral("torch")).toString()),
                  out.value(QStringLiteral("threads")).toInt(), s, rate, 100.0 * rate / fp32Peak);
      std::printf("StreetLens vs the peer: fp32 %.1fx faster", s / fp32Seconds);
      if (bf16Seconds > 0)
        std::printf(", bf16 %.1fx faster", s / bf16Seconds);
      std::printf("\n");
    }
    std::fflush(stdout);
  }

#ifndef STREETLENS_ENGINE_ONLY
  // The whole default label set (countries, regions, 30 cities per country) through the real
  // pipeline (tokenizer, length-sorted batches padded to their longest prompt, GeoAnalyzer), in
  // the precision "auto" picks here.
  if (!tokenizerDir.isEmpty()) {
    EngineOptions opts;
    opts.device = QStringLiteral("cpu");
    opts.precision = QStringLiteral("auto");
    opts.threads = threads;
    QString err;
    auto engine = TorchEngine::createRandom(cfg, tokenizerDir, opts, &err);
    auto gaz = gazetteer::Gazetteer::load(QStringLiteral(":/gazetteer"), &err);
    if (!engine || !gaz) {
      std::printf("label set: %s\n", qPrintable(err));
      return 1;
    }
    QTemporaryDir cache;
    GeoAnalyzer analyzer(*engine, gaz, AnalysisSettings{}, cache.path());
    int labelPrompts = 0;
    const auto t0 = Clock::now();
    const bool ok = analyzer.prepare(
        [&](int done, int total, const QString &) {
          if (done == total)
            labelPrompts += total;
          return true;
        },
        &err);
    const double s = seconds(t0, Clock::now());
    std::printf("\nfull default label set, %s: %d prompts in %.1f s (%.2f ms/prompt)%s\n",
                qPrintable(engine->info().precision), labelPrompts, s, 1e3 * s / std::max(1, labelPrompts),
                ok ? "" : qPrintable(QStringLiteral(" FAILED: ") + err));
    const auto t1 = Clock::now();
    GeoAnalyzer again(*engine, gaz, AnalysisSettings{}, cache.path());
    again.prepare({}, &err);
    std::printf("second start with the cache: %.2f s\n", seconds(t1, Clock::now()));
  }
#else
  if (!tokenizerDir.isEmpty())
    std::printf(
        "\n--labels: the full label set needs the gazetteer, which the engine-only build leaves out\n");
#endif
  return 0;
}
