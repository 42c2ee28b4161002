#include "core/model/ClipConfig.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <cmath>

namespace streetlens {
namespace {

// Reads an integer key when present; records a type error otherwise.
bool readInt(const QJsonObject &o, const char *key, int &out, QString &err) {
  const QJsonValue v = o.value(QLatin1String(key));
  if (v.isUndefined() || v.isNull())
    return true;
  const double d = v.toDouble(std::nan(""));
  if (!v.isDouble() || std::floor(d) != d || d < 0 || d > 1e9) {
    err = QStringLiteral("\"%1\" must be a non-negative integer").arg(QLatin1String(key));
    return false;
  }
  out = static_cast<int>(d);
  return true;
}

bool readInt64(const QJsonObject &o, const char *key, int64_t &out, QString &err) {
  int v = static_cast<int>(out);
  if (!readInt(o, key, v, err))
    return false;
  out = v;
  return true;
}

bool readDouble(const QJsonObject &o, const char *key, double &out, QString &err) {
  const QJsonValue v = o.value(QLatin1String(key));
  if (v.isUndefined() || v.isNull())
    return true;
  if (!v.isDouble()) {
    err = QStringLiteral("\"%1\" must be a number").arg(QLatin1String(key));
    return false;
  }
  out = v.toDouble();
  return true;
}

bool readString(const QJsonObject &o, const char *key, QString &out, QString &err) {
  const QJsonValue v = o.value(QLatin1String(key));
  if (v.isUndefined() || v.isNull())
    return true;
  if (!v.isString()) {
    err = QStringLiteral("\"%1\" must be a string").arg(QLatin1String(key));
    return false;
  }
  out = v.toString();
  return true;
}

// Merges `over` into `base` key by key (the *_config_dict override rule of CLIPConfig.__init__).
QJsonObject merged(QJsonObject base, const QJsonObject &over) {
  for (auto it = over.begin(); it != over.end(); ++it)
    base.insert(it.key(), it.value());
  return base;
}

bool parseText(const QJsonObject &o, ClipTextConfig &t, QString &err) {
  return readInt(o, "hidden_size", t.hiddenSize, err) &&
         readInt(o, "intermediate_size", t.intermediateSize, err) &&
         readInt(o, "num_hidden_layers", t.numLayers, err) &&
         readInt(o, "num_attention_heads", t.numHeads, err) && readInt(o, "vocab_size", t.vocabSize, err) &&
         readInt(o, "max_position_embeddings", t.maxPositions, err) &&
         readDouble(o, "layer_norm_eps", t.layerNormEps, err) &&
         readString(o, "hidden_act", t.hiddenAct, err) && readInt64(o, "bos_token_id", t.bosTokenId, err) &&
         readInt64(o, "eos_token_id", t.eosTokenId, err) && readInt64(o, "pad_token_id", t.padTokenId, err);
}

bool parseVision(const QJsonObject &o, ClipVisionConfig &v, QString &err) {
  return readInt(o, "hidden_size", v.hiddenSize, err) &&
         readInt(o, "intermediate_size", v.intermediateSize, err) &&
         readInt(o, "num_hidden_layers", v.numLayers, err) &&
         readInt(o, "num_attention_heads", v.numHeads, err) &&
         readInt(o, "num_channels", v.numChannels, err) && readInt(o, "image_size", v.imageSize, err) &&
         readInt(o, "patch_size", v.patchSize, err) && readDouble(o, "layer_norm_eps", v.layerNormEps, err) &&
         readString(o, "hidden_act", v.hiddenAct, err);
}

QString checkAct(const QString &act, const char *tower) {
  if (act == QLatin1String("quick_gelu") || act == QLatin1String("gelu"))
    return {};
  return QStringLiteral("%1 hidden_act \"%2\" is not supported (quick_gelu or gelu)")
      .arg(QLatin1String(tower), act);
}

} // namespace

QString ClipConfig::validate() const {
  auto positive = [](int v) { return v > 0; };
  if (!positive(text.hiddenSize) || !positive(text.numHeads) || !positive(text.numLayers) ||
      !positive(text.intermediateSize) || !positive(text.vocabSize) || !positive(text.maxPositions))
    return QStringLiteral("text_config sizes must be positive");
  if (!positive(vision.hiddenSize) || !positive(vision.numHeads) || !positive(vision.numLayers) ||
      !positive(vision.intermediateSize) || !positive(vision.patchSize) || !positive(vision.imageSize) ||
      !positive(vision.numChannels))
    return QStringLiteral("vision_config sizes must be positive");
  if (projectionDim <= 0)
    return QStringLiteral("projection_dim must be positive");
  if (text.hiddenSize % text.numHeads != 0)
    return QStringLiteral("text hidden_size %1 is not divisible by num_attention_heads %2")
        .arg(text.hiddenSize)
        .arg(text.numHeads);
  if (vision.hiddenSize % vision.numHeads != 0)
    return QStringLiteral("vision hidden_size %1 is not divisible by num_attention_heads %2")
        .arg(vision.hiddenSize)
        .arg(vision.numHeads);
  if (vision.imageSize % vision.patchSize != 0)
    return QStringLiteral("vision image_size %1 is not a multiple of patch_size %2")
        .arg(vision.imageSize)
        .arg(vision.patchSize);
  if (vision.imageSize > 4096 || text.maxPositions > 4096 || vision.hiddenSize > 16384 ||
      text.hiddenSize > 16384 || vision.numLayers > 256 || text.numLayers > 256)
    return QStringLiteral("sizes are implausibly large for a CLIP model");
  if (QString e = checkAct(text.hiddenAct, "text"); !e.isEmpty())
    return e;
  return checkAct(vision.hiddenAct, "vision");
}

std::optional<ClipConfig> parseClipConfig(const QByteArray &json, const QString &sourceName, QString *error) {
  auto fail = [&](const QString &what) -> std::optional<ClipConfig> {
    if (error)
      *error = QStringLiteral("%1: %2").arg(sourceName, what);
    return std::nullopt;
  };
  QJsonParseError pe{};
  const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
  if (pe.error != QJsonParseError::NoError)
    return fail(QStringLiteral("invalid JSON at offset %1 (%2)").arg(pe.offset).arg(pe.errorString()));
  if (!doc.isObject())
    return fail(QStringLiteral("expected a JSON object"));
  const QJsonObject root = doc.object();

  ClipConfig cfg;
  QString err;
  const QString modelType = root.value(QLatin1String("model_type")).toString();
  if (!modelType.isEmpty() && modelType != QLatin1String("clip"))
    return fail(QStringLiteral("model_type is \"%1\", expected \"clip\"").arg(modelType));
  if (!readInt(root, "projection_dim", cfg.projectionDim, err) ||
      !readDouble(root, "logit_scale_init_value", cfg.logitScaleInit, err))
    return fail(err);

  auto objectAt = [&](const char *key, QJsonObject &out) -> bool {
    const QJsonValue v = root.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
      return true;
    if (!v.isObject()) {
      err = QStringLiteral("\"%1\" must be an object").arg(QLatin1String(key));
      return false;
    }
    out = v.toObject();
    return true;
  };
  QJsonObject textObj, visionObj, textDict, visionDict;
  if (!objectAt("text_config", textObj) || !objectAt("vision_config", visionObj) ||
      !objectAt("text_config_dict", textDict) || !objectAt("vision_config_dict", visionDict))
    return fail(err);
  textObj = merged(textObj, textDict);
  visionObj = merged(visionObj, visionDict);
  if (!parseText(textObj, cfg.text, err))
    return fail(QStringLiteral("text_config: ") + err);
  if (!parseVision(visionObj, cfg.vision, err))
    return fail(QStringLiteral("vision_config: ") + err);
  if (const QString v = cfg.validate(); !v.isEmpty())
    return fail(v);
  return cfg;
}

ClipConfig streetClipConfig() {
  ClipConfig c;
  c.projectionDim = 768;
  c.text.hiddenSize = 768;
  c.text.intermediateSize = 3072;
  c.text.numLayers = 12;
  c.text.numHeads = 12;
  c.text.bosTokenId = 0; // StreetCLIP's legacy config values
  c.text.eosTokenId = 2;
  c.text.padTokenId = 1;
  c.vision.hiddenSize = 1024;
  c.vision.intermediateSize = 4096;
  c.vision.numLayers = 24;
  c.vision.numHeads = 16;
  c.vision.imageSize = 336;
  c.vision.patchSize = 14;
  return c;
}

} // namespace streetlens
