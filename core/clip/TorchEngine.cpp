#include "core/clip/TorchEngine.h"

#include "core/analysis/Occlusion.h"
#include "core/clip/ClipModel.h"
#include "core/clip/DeviceSelection.h"
#include "core/clip/MixedPrecision.h"
#include "core/clip/Rollout.h"
#include "core/clip/TorchCompat.h"
#include "core/clip/WeightLoader.h"
#include "core/model/BatchSizing.h"
#include "core/model/ModelFolder.h"
#include "core/model/ModelHash.h"

#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <algorithm>
#include <numeric>

namespace streetlens {

struct TorchEngine::Impl {
  ModelFolder folder;
  ClipConfig config;
  ClipImageConfig imageConfig;
  std::optional<ClipTokenizer> tokenizer;
  clip::ClipModel model{nullptr};
  EngineOptions options;
  clip::DeviceChoice device;
  EngineInfo info;
  float logitScale = 1.0f;
  QStringList notices;
  int imageBatch = 8; // options.batchSize, or what "auto" chose for the device

  // Runs fn(batchTensorRange) over [0, n) in batches, halving the batch after an out-of-memory
  // error and, on CUDA at batch 1, moving the model to the CPU and going on there.
  template <typename Fn> bool runBatched(int n, int batch, Fn &&fn, QString *error);
  void moveTo(const clip::DeviceChoice &choice);
  // embedPixels with `batch` images per forward pass.
  EmbeddingMatrix embedPixels(const float *pixels, int count, int batch, QString *error);
  // The rollout's tensors for one image (texts embedded through embedTexts of `engine`).
  std::optional<clip::RolloutTensors> rollout(TorchEngine &engine, const float *pixels,
                                              const ExplainRequest &request, const ExplainControl &control,
                                              QString *error);
  void simulateOom(int64_t batch) const {
    if (options.simulateOomAboveBatch > 0 && batch > options.simulateOomAboveBatch)
      throw std::runtime_error("simulated: DefaultCPUAllocator: can't allocate memory (out of memory)");
  }
};

namespace {
QString firstLine(const char *what) {
  return QString::fromUtf8(what).section(QLatin1Char('\n'), 0, 0);
}

QByteArray readFile(const QString &path, QString *error) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) {
    *error = QStringLiteral("%1: cannot open (%2)").arg(path, f.errorString());
    return {};
  }
  if (f.size() > (16 << 20)) {
    *error = QStringLiteral("%1: too large for a configuration file").arg(path);
    return {};
  }
  return f.readAll();
}
} // namespace

void TorchEngine::Impl::moveTo(const clip::DeviceChoice &choice) {
  torch::NoGradGuard ng;
  // Mixed precision (clip/MixedPrecision.h): the model lives in fp32 and only the encoders'
  // matrix-product weights are held in the compute dtype, once each.
  model->to(choice.device, clip::mixedPrecision().fp32Residual ? torch::kFloat : choice.dtype);
  model->prepareForInference(choice.dtype);
  device = choice;
  info.device = choice.deviceText;
  info.deviceName = choice.deviceName;
  info.precision = choice.precisionText;
  info.route = choice.route;
  if (!choice.notice.isEmpty())
    notices << choice.notice;
  imageBatch = options.batchSize > 0 ? options.batchSize : 8;
  if (options.batchSize <= 0 && choice.device.is_cuda()) {
    const qint64 freeBytes = clip::freeDeviceMemory(choice.device);
    if (freeBytes > 0) {
      imageBatch = batchSizeForMemory(freeBytes, config.vision, int(c10::elementSize(choice.dtype)));
      notices << QStringLiteral("batch size %1 chosen from %2 GiB free on %3")
                     .arg(imageBatch)
                     .arg(double(freeBytes) / double(1ll << 30), 0, 'f', 1)
                     .arg(choice.deviceName);
    }
  }
}

template <typename Fn> bool TorchEngine::Impl::runBatched(int n, int batch, Fn &&fn, QString *error) {
  int start = 0;
  batch = std::max(1, batch);
  while (start < n) {
    const int count = std::min(batch, n - start);
    try {
      simulateOom(count);
      fn(start, count);
      start += count;
    } catch (const std::exception &e) {
      if (!clip::compat::isOutOfMemory(e)) {
        *error = QStringLiteral("inference failed: %1").arg(firstLine(e.what()));
        return false;
      }
      if (count > 1) {
        batch = count / 2;
        notices << QStringLiteral("out of memory with a batch of %1 on %2; continuing with %3")
                       .arg(count)
                       .arg(info.device)
                       .arg(batch);
        continue;
      }
      if (device.device.is_cuda()) {
        notices << QStringLiteral("out of GPU memory even for one input; continuing on the CPU");
        moveTo(clip::chooseDevice(QStringLiteral("cpu"), QStringLiteral("auto"), nullptr).value());
        continue;
      }
      *error = QStringLiteral("out of memory even for a single input on %1: close other programs or use a "
                              "smaller model")
                   .arg(info.device);
      return false;
    }
  }
  return true;
}

TorchEngine::TorchEngine() : d(std::make_unique<Impl>()) {}
TorchEngine::~TorchEngine() = default;

std::unique_ptr<TorchEngine> TorchEngine::createRandom(const ClipConfig &config, const QString &tokenizerDir,
                                                       const EngineOptions &options, QString *error) {
  std::unique_ptr<TorchEngine> e(new TorchEngine());
  Impl &d = *e->d;
  d.config = config;
  d.options = options;
  d.imageConfig.shortestEdge = d.imageConfig.cropHeight = d.imageConfig.cropWidth = config.vision.imageSize;
  d.tokenizer = ClipTokenizer::load(tokenizerDir + QStringLiteral("/vocab.json"),
                                    tokenizerDir + QStringLiteral("/merges.txt"), error);
  const auto choice = clip::chooseDevice(options.device, options.precision, error);
  if (!d.tokenizer || !choice)
    return nullptr;
  torch::set_num_threads(options.threads > 0 ? options.threads : std::max(1, QThread::idealThreadCount()));
  torch::manual_seed(0);
  d.model = clip::ClipModel(config);
  d.logitScale = 100.0f;
  d.moveTo(*choice);
  d.info.modelName = QStringLiteral("random weights");
  d.info.modelHash = QStringLiteral("random-0");
  d.info.embedDim = config.projectionDim;
  d.info.imageSize = config.vision.imageSize;
  d.info.patchSize = config.vision.patchSize;
  d.info.threads = torch::get_num_threads();
  return e;
}

std::unique_ptr<TorchEngine> TorchEngine::load(const QString &modelPath, const EngineOptions &options,
                                               QString *error) {
  QString err;
  auto fail = [&](const QString &msg) -> std::unique_ptr<TorchEngine> {
    if (error)
      *error = msg;
    return nullptr;
  };
  const auto folder = resolveModelFolder(modelPath, &err);
  if (!folder)
    return fail(err);
  std::unique_ptr<TorchEngine> e(new TorchEngine());
  Impl &d = *e->d;
  d.folder = *folder;
  d.options = options;

  const QByteArray cfgJson = readFile(folder->configPath, &err);
  if (!err.isEmpty())
    return fail(err);
  const auto cfg = parseClipConfig(cfgJson, folder->configPath, &err);
  if (!cfg)
    return fail(err);
  d.config = *cfg;
  if (!folder->preprocessorPath.isEmpty()) {
    const QByteArray pre = readFile(folder->preprocessorPath, &err);
    if (!err.isEmpty())
      return fail(err);
    const auto ic = parsePreprocessorConfig(pre, &err);
    if (!ic)
      return fail(QStringLiteral("%1: %2").arg(folder->preprocessorPath, err));
    d.imageConfig = *ic;
  } else {
    d.imageConfig.shortestEdge = d.imageConfig.cropHeight = d.imageConfig.cropWidth =
        d.config.vision.imageSize;
  }
  if (d.imageConfig.cropHeight != d.config.vision.imageSize ||
      d.imageConfig.cropWidth != d.config.vision.imageSize)
    return fail(QStringLiteral("%1: crop size %2x%3 does not match the vision tower's image_size %4")
                    .arg(folder->preprocessorPath)
                    .arg(d.imageConfig.cropWidth)
                    .arg(d.imageConfig.cropHeight)
                    .arg(d.config.vision.imageSize));
  d.tokenizer = ClipTokenizer::load(folder->vocabPath, folder->mergesPath, &err);
  if (!d.tokenizer)
    return fail(err);
  if (d.tokenizer->vocabSize() > d.config.text.vocabSize)
    return fail(QStringLiteral("%1: %2 tokens but the text tower has only %3 embeddings")
                    .arg(folder->vocabPath)
                    .arg(d.tokenizer->vocabSize())
                    .arg(d.config.text.vocabSize));

  const auto choice = clip::chooseDevice(options.device, options.precision, &err);
  if (!choice)
    return fail(err);
  // LibTorch's default (cpuinfo's physical core count) comes out as 1 on some virtual machines;
  // use every core the process may run on unless the user chose a number.
  torch::set_num_threads(options.threads > 0 ? options.threads : std::max(1, QThread::idealThreadCount()));

  try {
    torch::NoGradGuard ng;
    d.model = clip::ClipModel(d.config);
    if (!clip::loadWeights(*d.model, *folder, &err))
      return fail(err);
    d.logitScale = std::exp(d.model->logit_scale.item<float>());
    d.moveTo(*choice);
  } catch (const std::exception &ex) {
    return fail(
        QStringLiteral("%1: cannot build the model (%2)").arg(folder->weightsPath, firstLine(ex.what())));
  }

  EngineInfo &info = d.info;
  info.modelName = folder->name;
  info.modelDir = folder->dir;
  info.weightsFile = QFileInfo(folder->weightsPath).absoluteFilePath();
  info.weightsFormat = weightsFormatName(folder->format);
  info.modelHash = cachedSha256OfFile(folder->weightsPath);
  info.embedDim = d.config.projectionDim;
  info.imageSize = d.config.vision.imageSize;
  info.patchSize = d.config.vision.patchSize;
  info.threads = torch::get_num_threads();
  return e;
}

EngineInfo TorchEngine::info() const {
  return d->info;
}
const ClipImageConfig &TorchEngine::imageConfig() const {
  return d->imageConfig;
}
float TorchEngine::logitScale() const {
  return d->logitScale;
}
const ClipTokenizer &TorchEngine::tokenizer() const {
  return *d->tokenizer;
}

int TorchEngine::imageBatchSize() const {
  return d->imageBatch;
}

QStringList TorchEngine::takeNotices() {
  QStringList n;
  n.swap(d->notices);
  return n;
}

EmbeddingMatrix TorchEngine::embedPixels(const float *pixels, int count, QString *error) {
  return d->embedPixels(pixels, count, d->imageBatch, error);
}

EmbeddingMatrix TorchEngine::Impl::embedPixels(const float *pixels, int count, int batch, QString *error) {
  EmbeddingMatrix out;
  if (count <= 0)
    return out;
  const int H = imageConfig.cropHeight, W = imageConfig.cropWidth;
  const int64_t perImage = int64_t(3) * H * W;
  out.rows = count;
  out.cols = config.projectionDim;
  out.data.resize(size_t(count) * out.cols);
  c10::InferenceMode guard;
  const bool ok = runBatched(
      count, batch,
      [&](int start, int n) {
        auto x =
            torch::from_blob(const_cast<float *>(pixels) + start * perImage, {n, 3, H, W}, torch::kFloat);
        auto emb = model->imageEmbeds(x.to(device.device)).to(torch::kCPU, torch::kFloat).contiguous();
        std::memcpy(out.row(start), emb.data_ptr<float>(), sizeof(float) * size_t(n) * out.cols);
      },
      error);
  return ok ? out : EmbeddingMatrix{};
}

EmbeddingMatrix TorchEngine::embedTexts(const QStringList &texts, QString *error) {
  std::vector<std::vector<int64_t>> ids;
  ids.reserve(texts.size());
  for (const QString &t : texts)
    ids.push_back(d->tokenizer->encode(t, d->config.text.maxPositions));
  return embedTokenIds(ids, error);
}

EmbeddingMatrix TorchEngine::embedTokenIds(const std::vector<std::vector<int64_t>> &ids, QString *error) {
  EmbeddingMatrix out;
  const int n = int(ids.size());
  if (n == 0)
    return out;
  for (const auto &row : ids) {
    if (row.empty() || int(row.size()) > d->config.text.maxPositions) {
      *error = QStringLiteral("a token sequence has %1 ids; the text tower takes 1 to %2")
                   .arg(row.size())
                   .arg(d->config.text.maxPositions);
      return {};
    }
    for (int64_t id : row)
      if (id < 0 || id >= d->config.text.vocabSize) {
        *error = QStringLiteral("token id %1 is outside the vocabulary (0..%2)")
                     .arg(id)
                     .arg(d->config.text.vocabSize - 1);
        return {};
      }
  }
  out.rows = n;
  out.cols = d->config.projectionDim;
  out.data.resize(size_t(n) * out.cols);
  // Longest first, so each batch is padded only to its own longest row (not to 77).
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return ids[a].size() > ids[b].size(); });
  const int64_t pad = d->tokenizer->padId();
  c10::InferenceMode guard;
  const bool ok = d->runBatched(
      n, std::max(1, d->imageBatch * 4),
      [&](int start, int count) {
        const int64_t L = int64_t(ids[order[start]].size());
        auto t = torch::full({count, L}, pad, torch::kLong);
        auto acc = t.accessor<int64_t, 2>();
        for (int i = 0; i < count; ++i) {
          const auto &row = ids[order[start + i]];
          for (size_t j = 0; j < row.size(); ++j)
            acc[i][int64_t(j)] = row[j];
        }
        auto emb = d->model->textEmbeds(t.to(d->device.device)).to(torch::kCPU, torch::kFloat).contiguous();
        for (int i = 0; i < count; ++i)
          std::memcpy(out.row(order[start + i]), emb.data_ptr<float>() + int64_t(i) * out.cols,
                      sizeof(float) * out.cols);
      },
      error);
  return ok ? out : EmbeddingMatrix{};
}

std::optional<clip::RolloutTensors> TorchEngine::Impl::rollout(TorchEngine &engine, const float *pixels,
                                                               const ExplainRequest &request,
                                                               const ExplainControl &control,
                                                               QString *error) {
  const QStringList prompts = normalizedPrompts(request);
  if (request.target < 0 || request.target >= prompts.size()) {
    *error = QStringLiteral("the explained label is not among the prompts");
    return std::nullopt;
  }
  if (control.isCancelled()) {
    *error = explainCancelledError();
    return std::nullopt;
  }
  const EmbeddingMatrix texts = engine.embedTexts(prompts, error);
  if (texts.isEmpty())
    return std::nullopt;
  control.report(1, 3);
  if (control.isCancelled()) {
    *error = explainCancelledError();
    return std::nullopt;
  }
  const int H = imageConfig.cropHeight, W = imageConfig.cropWidth;
  try {
    auto t = torch::from_blob(const_cast<float *>(texts.data.data()), {texts.rows, texts.cols}, torch::kFloat)
                 .clone();
    t = (t / t.norm(2, -1, true)).to(device.device);
    const auto x =
        torch::from_blob(const_cast<float *>(pixels), {1, 3, H, W}, torch::kFloat).to(device.device);
    auto r = clip::rolloutTensors(*model, x, t, logitScale, request.target, control, 1, 3);
    if (!r)
      *error = explainCancelledError();
    return r;
  } catch (const std::exception &e) {
    *error = QStringLiteral("explanation failed: %1").arg(firstLine(e.what()));
    return std::nullopt;
  }
}

std::optional<PatchGrid> TorchEngine::explain(const float *pixels, const ExplainRequest &request,
                                              const ExplainControl &control, QString *error) {
  QString err;
  std::optional<PatchGrid> grid;
  if (request.method == ExplainMethod::Occlusion) {
    const EmbeddingMatrix texts = embedTexts(normalizedPrompts(request), &err);
    if (!texts.isEmpty())
      grid = occlusionGrid(
          pixels, d->imageConfig, d->config.vision.patchSize, texts, d->logitScale, request,
          [this](const float *px, int n, QString *e) { return d->embedPixels(px, n, n, e); }, control, &err);
  } else if (const auto r = d->rollout(*this, pixels, request, control, &err)) {
    PatchGrid g;
    g.method = ExplainMethod::Rollout;
    g.label = request.label;
    g.rows = d->config.vision.imageSize / d->config.vision.patchSize;
    g.cols = g.rows;
    g.values = clip::rolloutClsRow(*r);
    g.targetProbability = std::exp(r->targetLogProb);
    grid = std::move(g);
  }
  if (!grid && error)
    *error = err;
  return grid;
}

std::optional<TorchEngine::RolloutTrace>
TorchEngine::rolloutTrace(const float *pixels, const ExplainRequest &request, QString *error) {
  const auto r = d->rollout(*this, pixels, request, ExplainControl(), error);
  if (!r)
    return std::nullopt;
  RolloutTrace t;
  t.heads = int(r->probs.front().size(0));
  t.tokens = int(r->probs.front().size(1));
  t.targetLogProb = r->targetLogProb;
  for (size_t l = 0; l < r->probs.size(); ++l) {
    const float *p = r->probs[l].data_ptr<float>(), *g = r->grads[l].data_ptr<float>();
    t.probs.emplace_back(p, p + r->probs[l].numel());
    t.grads.emplace_back(g, g + r->grads[l].numel());
  }
  return t;
}

} // namespace streetlens
