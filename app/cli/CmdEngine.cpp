// streetlens-cli tokenize | preprocess | embed | classify: the engine-level contract that other
// tools (and the parity tests) depend on. Output names are fixed; see docs/CLI.md.
#include "app/cli/CliCommon.h"
#include "core/analysis/ZeroShot.h"
#include "core/imageio/ImageLoader.h"
#include "core/model/ModelFolder.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>
#include <QtEndian>

namespace streetlens::cli {
namespace {

QJsonArray toJson(const float *v, int n) {
  QJsonArray a;
  for (int i = 0; i < n; ++i)
    a.append(double(v[i]));
  return a;
}

QJsonArray idsJson(const std::vector<int64_t> &ids) {
  QJsonArray a;
  for (int64_t id : ids)
    a.append(qint64(id));
  return a;
}

std::optional<ClipImageConfig> imageConfigOf(const ModelFolder &m, QString *error) {
  if (m.preprocessorPath.isEmpty())
    return ClipImageConfig{};
  QFile f(m.preprocessorPath);
  if (!f.open(QIODevice::ReadOnly)) {
    *error = QStringLiteral("%1: cannot open (%2)").arg(m.preprocessorPath, f.errorString());
    return std::nullopt;
  }
  auto cfg = parsePreprocessorConfig(f.read(16 << 20), error);
  if (!cfg)
    *error = QStringLiteral("%1: %2").arg(m.preprocessorPath, *error);
  return cfg;
}

// Loads and preprocesses one image; prints a per-file error and returns false on failure.
bool pixelsOf(const QString &path, const ClipImageConfig &cfg, std::vector<float> &out) {
  QString err;
  const auto img = loadImage(path, ImageLimits{}, &err);
  if (!img) {
    printError(err);
    return false;
  }
  out = clipPreprocess(img->image, cfg);
  return true;
}

} // namespace

int cmdTokenize(const QStringList &args) {
  QCommandLineParser p;
  p.addOption({QStringLiteral("model"), QStringLiteral("Model folder (vocab.json + merges.txt)."),
               QStringLiteral("DIR")});
  p.addPositionalArgument(QStringLiteral("TEXT"), QStringLiteral("Texts to tokenise."),
                          QStringLiteral("TEXT..."));
  if (int rc =
          parseOrExit(p, QStringLiteral("tokenize"),
                      QStringLiteral("Prints {\"input_ids\": [[...], ...]}: CLIP token ids with bos/eos, "
                                     "truncated to 77, no padding."),
                      args);
      rc >= 0)
    return rc;
  QString err;
  const auto folder = resolveModelFolder(p.value(QStringLiteral("model")), &err);
  if (!folder) {
    printError(err);
    return ModelError;
  }
  const auto tok = ClipTokenizer::load(folder->vocabPath, folder->mergesPath, &err);
  if (!tok) {
    printError(err);
    return ModelError;
  }
  QJsonArray rows;
  for (const QString &t : p.positionalArguments())
    rows.append(idsJson(tok->encode(t, 77)));
  printJson(QJsonDocument(QJsonObject{{QStringLiteral("input_ids"), rows}}));
  return Ok;
}

int cmdPreprocess(const QStringList &args) {
  QCommandLineParser p;
  p.addOption({QStringLiteral("model"), QStringLiteral("Model folder (preprocessor_config.json)."),
               QStringLiteral("DIR")});
  p.addOption({QStringLiteral("out"), QStringLiteral("Output file: float32 little-endian CHW pixel_values."),
               QStringLiteral("FILE")});
  p.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("The image."));
  if (int rc =
          parseOrExit(p, QStringLiteral("preprocess"),
                      QStringLiteral("Writes the pixel_values CLIPImageProcessor computes for IMAGE."), args);
      rc >= 0)
    return rc;
  if (p.positionalArguments().size() != 1 || !p.isSet(QStringLiteral("out"))) {
    printError(QStringLiteral("preprocess needs exactly one IMAGE and --out FILE"));
    return Usage;
  }
  QString err;
  const auto folder = resolveModelFolder(p.value(QStringLiteral("model")), &err);
  const auto cfg = folder ? imageConfigOf(*folder, &err) : std::nullopt;
  if (!cfg) {
    printError(err);
    return ModelError;
  }
  std::vector<float> px;
  if (!pixelsOf(p.positionalArguments().first(), *cfg, px))
    return SomeInputsFailed;
  QByteArray bytes(qsizetype(px.size() * 4), Qt::Uninitialized);
  for (size_t i = 0; i < px.size(); ++i)
    qToLittleEndian<float>(px[i], bytes.data() + i * 4);
  QSaveFile out(p.value(QStringLiteral("out")));
  if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
    printError(QStringLiteral("%1: cannot write (%2)").arg(out.fileName(), out.errorString()));
    return SomeInputsFailed;
  }
  return Ok;
}

int cmdEmbed(const QStringList &args) {
  QCommandLineParser p;
  addEngineOptions(p);
  p.addOption(
      {QStringLiteral("image"), QStringLiteral("An image to embed (repeatable)."), QStringLiteral("PATH")});
  p.addOption(
      {QStringLiteral("text"), QStringLiteral("A text to embed (repeatable)."), QStringLiteral("STRING")});
  if (int rc = parseOrExit(
          p, QStringLiteral("embed"),
          QStringLiteral("Prints projected (not normalised) image and text embeddings as JSON."), args);
      rc >= 0)
    return rc;
  int code = 0;
  auto engine = loadEngine(p, &code);
  if (!engine)
    return code;
  int failed = 0;
  QJsonArray images, texts;
  QStringList okPaths;
  std::vector<float> batch;
  for (const QString &path : p.values(QStringLiteral("image"))) {
    std::vector<float> px;
    if (!pixelsOf(path, engine->imageConfig(), px)) {
      ++failed;
      continue;
    }
    okPaths << path;
    batch.insert(batch.end(), px.begin(), px.end());
  }
  if (!okPaths.isEmpty()) {
    QString err;
    const EmbeddingMatrix m = engine->embedPixels(batch.data(), int(okPaths.size()), &err);
    if (m.isEmpty()) {
      printError(err);
      return SomeInputsFailed;
    }
    for (int i = 0; i < m.rows; ++i)
      images.append(QJsonObject{{QStringLiteral("path"), okPaths[i]},
                                {QStringLiteral("embedding"), toJson(m.row(i), m.cols)}});
  }
  const QStringList textList = p.values(QStringLiteral("text"));
  if (!textList.isEmpty()) {
    QString err;
    const EmbeddingMatrix m = engine->embedTexts(textList, &err);
    if (m.isEmpty()) {
      printError(err);
      return SomeInputsFailed;
    }
    for (int i = 0; i < m.rows; ++i)
      texts.append(QJsonObject{{QStringLiteral("text"), textList[i]},
                               {QStringLiteral("embedding"), toJson(m.row(i), m.cols)}});
  }
  for (const QString &n : engine->takeNotices())
    printError(n);
  printJson(QJsonDocument(QJsonObject{{QStringLiteral("images"), images}, {QStringLiteral("texts"), texts}}));
  return failed ? SomeInputsFailed : Ok;
}

int cmdClassify(const QStringList &args) {
  QCommandLineParser p;
  addEngineOptions(p);
  p.addOption(
      {QStringLiteral("label"), QStringLiteral("A candidate label (repeatable)."), QStringLiteral("L")});
  p.addOption({QStringLiteral("labels-file"), QStringLiteral("UTF-8 file with one label per line."),
               QStringLiteral("F")});
  p.addOption({QStringLiteral("template"),
               QStringLiteral("Prompt template with {} for the label, e.g. "
                              "\"A Street View photo in {}.\""),
               QStringLiteral("T")});
  p.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("Images to classify."),
                          QStringLiteral("IMAGE..."));
  if (int rc = parseOrExit(
          p, QStringLiteral("classify"),
          QStringLiteral("Zero-shot classification: softmax over the labels of CLIP's scaled "
                         "cosine similarities. Labels are used verbatim unless --template is given."),
          args);
      rc >= 0)
    return rc;
  QStringList labels = p.values(QStringLiteral("label"));
  if (p.isSet(QStringLiteral("labels-file"))) {
    QFile f(p.value(QStringLiteral("labels-file")));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
      printError(QStringLiteral("%1: cannot open (%2)").arg(f.fileName(), f.errorString()));
      return Usage;
    }
    for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n')))
      if (!line.trimmed().isEmpty())
        labels << line.trimmed();
  }
  const QString templ = p.value(QStringLiteral("template"));
  if (!templ.isEmpty() && !templ.contains(QStringLiteral("{}"))) {
    printError(QStringLiteral("--template must contain {} where the label goes"));
    return Usage;
  }
  if (labels.isEmpty() || p.positionalArguments().isEmpty()) {
    printError(QStringLiteral("classify needs at least one --label (or --labels-file) and one IMAGE"));
    return Usage;
  }
  int code = 0;
  auto engine = loadEngine(p, &code);
  if (!engine)
    return code;
  QStringList prompts;
  for (const QString &l : labels)
    prompts << applyTemplate(templ, l);
  QString err;
  const EmbeddingMatrix textEmb = engine->embedTexts(prompts, &err);
  if (textEmb.isEmpty()) {
    printError(err);
    return ModelError;
  }
  int failed = 0;
  QJsonArray results;
  for (const QString &path : p.positionalArguments()) {
    std::vector<float> px;
    if (!pixelsOf(path, engine->imageConfig(), px)) {
      ++failed;
      continue;
    }
    const EmbeddingMatrix img = engine->embedPixels(px.data(), 1, &err);
    if (img.isEmpty()) {
      printError(QStringLiteral("%1: %2").arg(path, err));
      ++failed;
      continue;
    }
    const EmbeddingMatrix logits = zeroShotLogits(img, textEmb, engine->logitScale());
    const EmbeddingMatrix probs = softmaxRows(logits);
    results.append(QJsonObject{{QStringLiteral("path"), path},
                               {QStringLiteral("logits"), toJson(logits.row(0), logits.cols)},
                               {QStringLiteral("probs"), toJson(probs.row(0), probs.cols)}});
  }
  for (const QString &n : engine->takeNotices())
    printError(n);
  printJson(QJsonDocument(QJsonObject{{QStringLiteral("labels"), QJsonArray::fromStringList(labels)},
                                      {QStringLiteral("results"), results}}));
  return failed ? SomeInputsFailed : Ok;
}

} // namespace streetlens::cli
