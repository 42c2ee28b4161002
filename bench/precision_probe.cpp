// precision_probe: where bf16 loses accuracy against fp32, layer by layer, and what each way of
// mixing precisions costs in speed. Runs the same weights and inputs in fp32 and in bf16 under
// each clip::MixedPrecision policy (everything bf16, as before #14; fp32 residual stream with bf16
// attention products — the default —; with fp32 attention products; with an fp32 GELU too)
// and prints, per policy, the relative error of the image tower's residual stream after each
// layer, the lowest image and text embedding cosine, the largest logit difference and s/image.
//   precision_probe --fixture DIR     the tiny-clip fixture (its model, reference pixels, token ids)
//   precision_probe --real-size       random weights at StreetCLIP's sizes (ViT-L/14-336, 12-layer text)
//   [--images N] [--reps N] [--threads N] [--policy I]   (I: only the I-th policy of the table, from 0)
// Only meaningful where bf16 runs natively (the engine runs fp32 elsewhere); it says so and exits 0.
#include "core/clip/ClipModel.h"
#include "core/clip/DeviceSelection.h"
#include "core/clip/MixedPrecision.h"
#include "core/clip/WeightLoader.h"
#include "core/model/ClipConfig.h"
#include "core/model/ModelFolder.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QtEndian>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <torch/torch.h>

using namespace streetlens;
using Clock = std::chrono::steady_clock;

namespace {

struct Inputs {
  torch::Tensor pixels; // [N, 3, S, S] fp32
  torch::Tensor ids;    // [M, L] int64, every row of the same length
};

struct Run {
  std::vector<torch::Tensor> layers; // image tower residual stream after each layer, fp32
  torch::Tensor image, text;         // projected embeddings, fp32
  double secondsPerImage = 0;
  double logitScale = 100; // exp(logit_scale) of the loaded weights; 100 for random ones
};

struct Source {
  ClipConfig config;
  std::optional<ModelFolder> folder; // empty: random weights (seed 0)
};

clip::ClipModel buildModel(const Source &src, torch::ScalarType dtype) {
  torch::NoGradGuard ng;
  torch::manual_seed(0);
  clip::ClipModel model(src.config);
  QString err;
  if (src.folder && !clip::loadWeights(*model, *src.folder, &err))
    throw std::runtime_error(err.toStdString());
  model->to(clip::mixedPrecision().fp32Residual ? torch::kFloat : dtype); // as TorchEngine does
  model->prepareForInference(dtype);
  return model;
}

Run run(const Source &src, torch::ScalarType dtype, const Inputs &in, int reps) {
  c10::InferenceMode guard;
  auto model = buildModel(src, dtype);
  Run r;
  if (src.folder)
    r.logitScale = std::exp(double(model->logit_scale.item<float>()));
  model->vision_model->encoder->layerObserver = [&](int, const torch::Tensor &x) {
    r.layers.push_back(x.to(torch::kFloat).clone());
  };
  r.image = model->imageEmbeds(in.pixels).to(torch::kFloat);
  model->vision_model->encoder->layerObserver = nullptr;
  r.text = model->textEmbeds(in.ids).to(torch::kFloat);
  double best = 1e30;
  for (int i = 0; i < reps; ++i) {
    const auto t0 = Clock::now();
    model->imageEmbeds(in.pixels);
    best = std::min(best, std::chrono::duration<double>(Clock::now() - t0).count());
  }
  r.secondsPerImage = best / double(in.pixels.size(0));
  return r;
}

double relError(const torch::Tensor &got, const torch::Tensor &ref) {
  return ((got - ref).norm() / ref.norm()).item<double>();
}
double lowestCosine(const torch::Tensor &a, const torch::Tensor &b) {
  return torch::cosine_similarity(a, b, 1).min().item<double>();
}
torch::Tensor logits(const Run &r, double scale) {
  auto i = r.image / r.image.norm(2, 1, true), t = r.text / r.text.norm(2, 1, true);
  return scale * torch::matmul(i, t.t());
}

Inputs fixtureInputs(const QString &dir, QString *err) {
  QFile f(dir + QStringLiteral("/expected.json"));
  if (!f.open(QIODevice::ReadOnly)) {
    *err = dir + QStringLiteral("/expected.json: cannot open");
    return {};
  }
  const QJsonObject exp = QJsonDocument::fromJson(f.readAll()).object();
  std::vector<torch::Tensor> images;
  for (const auto &im : exp.value(QStringLiteral("images")).toArray()) {
    QFile p(dir + QStringLiteral("/pixels/") + im.toObject().value(QStringLiteral("pixels")).toString());
    if (!p.open(QIODevice::ReadOnly)) {
      *err = p.fileName() + QStringLiteral(": cannot open");
      return {};
    }
    const QByteArray b = p.readAll();
    std::vector<float> v(size_t(b.size() / 4));
    for (size_t i = 0; i < v.size(); ++i)
      v[i] = qFromLittleEndian<float>(b.constData() + i * 4);
    const int64_t side = int64_t(std::lround(std::sqrt(double(v.size()) / 3)));
    images.push_back(torch::from_blob(v.data(), {1, 3, side, side}, torch::kFloat).clone());
  }
  // Token rows padded with eos-pooling intact: each row separately would change the batch shape,
  // so the probe uses the rows of the longest length only when lengths differ.
  std::vector<std::vector<int64_t>> rows;
  size_t longest = 0;
  for (const auto &l : exp.value(QStringLiteral("labels")).toArray()) {
    std::vector<int64_t> row;
    for (const auto &x : l.toObject().value(QStringLiteral("input_ids")).toArray())
      row.push_back(x.toInteger());
    longest = std::max(longest, row.size());
    rows.push_back(row);
  }
  std::vector<torch::Tensor> idRows;
  for (const auto &row : rows)
    if (row.size() == longest)
      idRows.push_back(torch::tensor(row, torch::kLong).unsqueeze(0));
  Inputs in;
  in.pixels = torch::cat(images, 0);
  in.ids = torch::cat(idRows, 0);
  return in;
}

} // namespace

int main(int argc, char **argv) {
  QCoreApplication app(argc, argv);
  const QStringList args = app.arguments();
  QString fixture;
  bool realSize = false;
  int images = 2, reps = 2, threads = 0, only = -1;
  for (int i = 1; i < args.size(); ++i) {
    const bool hasValue = i + 1 < args.size();
    if (args[i] == QLatin1String("--fixture") && hasValue)
      fixture = args[++i];
    else if (args[i] == QLatin1String("--real-size"))
      realSize = true;
    else if (args[i] == QLatin1String("--images") && hasValue)
      images = args[++i].toInt();
    else if (args[i] == QLatin1String("--reps") && hasValue)
      reps = args[++i].toInt();
    else if (args[i] == QLatin1String("--threads") && hasValue)
      threads = args[++i].toInt();
    else if (args[i] == QLatin1String("--policy") && hasValue)
      only = args[++i].toInt();
  }
  if (fixture.isEmpty() == !realSize) {
    std::fprintf(
        stderr, "usage: precision_probe --fixture DIR | --real-size [--images N] [--reps N] [--threads N]\n");
    return 2;
  }
  torch::set_num_threads(threads > 0 ? threads : std::max(1, QThread::idealThreadCount()));
  QString why;
  std::printf("CPU: %s; threads=%d\n", qPrintable(clip::cpuIsaSummary()), torch::get_num_threads());
  if (!clip::cpuBf16Usable(&why)) {
    std::printf("bf16 is not run here (%s): the engine runs fp32 for --precision bf16; nothing to probe\n",
                qPrintable(why));
    return 0;
  }
  Source src;
  Inputs in;
  QString err;
  if (realSize) {
    src.config = streetClipConfig();
    const int64_t S = src.config.vision.imageSize;
    torch::manual_seed(1);
    in.pixels = torch::randn({images, 3, S, S});
    in.ids = torch::randint(0, 49405, {4, 12}, torch::kLong);
    in.ids.select(1, 11).fill_(49407);
  } else {
    src.folder = resolveModelFolder(fixture + QStringLiteral("/model"), &err);
    QFile cfg(src.folder ? src.folder->configPath : QString());
    const auto parsed = src.folder && cfg.open(QIODevice::ReadOnly)
                            ? parseClipConfig(cfg.readAll(), cfg.fileName(), &err)
                            : std::nullopt;
    if (parsed)
      in = fixtureInputs(fixture, &err);
    if (!parsed || !in.pixels.defined()) {
      std::fprintf(stderr, "precision_probe: %s\n", qPrintable(err));
      return 1;
    }
    src.config = *parsed;
  }
  const Run ref = run(src, torch::kFloat, in, reps);
  std::printf("fp32 reference: %.3f s/image\n\n", ref.secondsPerImage);

  struct Variant {
    const char *name;
    clip::MixedPrecision policy;
  };
  const Variant variants[] = {{"all bf16 (before #14)", {false, false, false}},
                              {"fp32 residual, bf16 attention (default)", {true, false, false}},
                              {"fp32 residual + fp32 attention", {true, true, false}},
                              {"fp32 residual + fp32 attention + GELU", {true, true, true}}};
  const auto defaults = clip::mixedPrecision();
  const int n = int(ref.layers.size());
  std::printf(
      "| policy | image residual rel. error after layer 1 / %d / %d / %d | image cos >= | text cos >= | "
      "max |logit diff| | s/image | vs fp32 |\n|---|---|---|---|---|---|---|\n",
      std::max(1, n / 2), std::max(1, 3 * n / 4), n);
  for (int vi = 0; vi < int(std::size(variants)); ++vi) {
    if (only >= 0 && vi != only)
      continue;
    const Variant &v = variants[vi];
    clip::setMixedPrecision(v.policy);
    try {
      const Run r = run(src, torch::kBFloat16, in, reps);
      auto layerErr = [&](int i) { return relError(r.layers[size_t(i)], ref.layers[size_t(i)]); };
      const double logitDiff =
          (logits(r, ref.logitScale) - logits(ref, ref.logitScale)).abs().max().item<double>();
      std::printf("| %s | %.2e / %.2e / %.2e / %.2e | %.6f | %.6f | %.3f | %.3f | %.2fx |\n", v.name,
                  layerErr(0), layerErr(std::max(0, n / 2 - 1)), layerErr(std::max(0, 3 * n / 4 - 1)),
                  layerErr(n - 1), lowestCosine(r.image, ref.image), lowestCosine(r.text, ref.text),
                  logitDiff, r.secondsPerImage, ref.secondsPerImage / r.secondsPerImage);
    } catch (const std::exception &e) {
      std::printf("| %s | failed: %s |\n", v.name,
                  QString::fromUtf8(e.what()).section('\n', 0, 0).toUtf8().constData());
    }
    std::fflush(stdout);
  }
  clip::setMixedPrecision(defaults);
  return 0;
}
