#include "core/imageio/ClipImageProcessor.h"

#include "core/imageio/PillowResize.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace streetlens {

namespace {

constexpr int kMaxSide = 8192; // sanity bound for sizes read from a config

bool setError(QString *error, const QString &msg) {
  if (error)
    *error = msg;
  return false;
}

QString resampleName(int r) {
  switch (r) {
  case 0:
    return QStringLiteral("nearest");
  case 1:
    return QStringLiteral("lanczos");
  case 2:
    return QStringLiteral("bilinear");
  case 3:
    return QStringLiteral("bicubic");
  case 4:
    return QStringLiteral("box");
  case 5:
    return QStringLiteral("hamming");
  default:
    return QStringLiteral("unknown");
  }
}

bool readBool(const QJsonObject &o, const char *key, bool &out, QString *error) {
  const QJsonValue v = o.value(QLatin1String(key));
  if (v.isUndefined() || v.isNull())
    return true;
  if (!v.isBool())
    return setError(error, QStringLiteral("\"%1\" must be true or false").arg(QLatin1String(key)));
  out = v.toBool();
  return true;
}

bool toSide(const QJsonValue &v, int &out) {
  if (!v.isDouble())
    return false;
  const double d = v.toDouble();
  if (!(d >= 1 && d <= kMaxSide) || d != std::floor(d))
    return false;
  out = int(d);
  return true;
}

// A "size"/"crop_size" value: int N, [H, W], {"shortest_edge": N} or {"height": H, "width": W}.
// shortest > 0 for the shortest-edge form; otherwise h, w > 0.
struct SizeSpec {
  int shortest = 0, h = 0, w = 0;
};

bool readSize(const QJsonValue &v, const char *key, bool intIsSquare, SizeSpec &out, QString *error) {
  const QString name = QLatin1String(key);
  const QString bad = QStringLiteral("\"%1\" must be a positive integer (at most %2), [height, width], "
                                     "{\"shortest_edge\": N} or {\"height\": H, \"width\": W}")
                          .arg(name)
                          .arg(kMaxSide);
  if (v.isDouble()) {
    int n = 0;
    if (!toSide(v, n))
      return setError(error, bad);
    if (intIsSquare)
      out.h = out.w = n;
    else
      out.shortest = n;
    return true;
  }
  if (v.isArray()) {
    const QJsonArray a = v.toArray();
    if (a.size() != 2 || !toSide(a[0], out.h) || !toSide(a[1], out.w))
      return setError(error, bad);
    return true;
  }
  if (v.isObject()) {
    const QJsonObject o = v.toObject();
    if (o.contains(QLatin1String("longest_edge")))
      return setError(error, QStringLiteral("\"%1\" with \"longest_edge\" is not supported").arg(name));
    if (o.contains(QLatin1String("shortest_edge"))) {
      if (!toSide(o.value(QLatin1String("shortest_edge")), out.shortest))
        return setError(error, bad);
      return true;
    }
    if (o.contains(QLatin1String("height")) && o.contains(QLatin1String("width"))) {
      if (!toSide(o.value(QLatin1String("height")), out.h) || !toSide(o.value(QLatin1String("width")), out.w))
        return setError(error, bad);
      return true;
    }
  }
  return setError(error, bad);
}

bool readTriple(const QJsonObject &o, const char *key, bool nonZero, std::array<float, 3> &out,
                QString *error) {
  const QJsonValue v = o.value(QLatin1String(key));
  if (v.isUndefined() || v.isNull())
    return true;
  const QString bad = QStringLiteral("\"%1\" must be a number or a list of 3 numbers%2")
                          .arg(QLatin1String(key), nonZero ? QStringLiteral(", none zero") : QString());
  std::array<double, 3> d{};
  if (v.isDouble()) {
    d.fill(v.toDouble());
  } else if (v.isArray() && v.toArray().size() == 3) {
    const QJsonArray a = v.toArray();
    for (int i = 0; i < 3; ++i) {
      if (!a[i].isDouble())
        return setError(error, bad);
      d[i] = a[i].toDouble();
    }
  } else {
    return setError(error, bad);
  }
  for (int i = 0; i < 3; ++i) {
    if (!std::isfinite(d[i]) || (nonZero && d[i] == 0.0))
      return setError(error, bad);
    out[i] = float(d[i]); // numpy: np.array(mean, dtype=float32)
  }
  return true;
}

int floorDiv2(int v) {
  return v >= 0 ? v / 2 : -((-v + 1) / 2);
}

// HF image_transforms.center_crop on uint8 HWC: floor offsets; zero padding (centred, ceil) when the
// image is smaller than the crop.
RgbImage centerCrop(const RgbImage &img, int ch, int cw) {
  const int oh = img.height, ow = img.width;
  int top = floorDiv2(oh - ch), left = floorDiv2(ow - cw);
  const RgbImage *src = &img;
  RgbImage padded;
  int nh = oh, nw = ow;
  if (top < 0 || top + ch > oh || left < 0 || left + cw > ow) {
    nh = std::max(ch, oh);
    nw = std::max(cw, ow);
    const int topPad = (nh - oh + 1) / 2, leftPad = (nw - ow + 1) / 2;
    padded = RgbImage::allocate(nw, nh);
    for (int y = 0; y < oh; ++y)
      std::memcpy(padded.at(leftPad, y + topPad), img.at(0, y), std::size_t(ow) * 3u);
    top += topPad;
    left += leftPad;
    src = &padded;
  }
  const int y0 = std::max(0, top), y1 = std::min(nh, top + ch);
  const int x0 = std::max(0, left), x1 = std::min(nw, left + cw);
  RgbImage out = RgbImage::allocate(x1 - x0, y1 - y0);
  for (int y = y0; y < y1; ++y)
    std::memcpy(out.at(0, y - y0), src->at(x0, y), std::size_t(x1 - x0) * 3u);
  return out;
}

} // namespace

std::optional<ClipImageConfig> parsePreprocessorConfig(const QByteArray &json, QString *error) {
  QJsonParseError perr;
  const QJsonDocument doc = QJsonDocument::fromJson(json, &perr);
  if (perr.error != QJsonParseError::NoError) {
    setError(error, QStringLiteral("invalid JSON: %1 at offset %2").arg(perr.errorString()).arg(perr.offset));
    return std::nullopt;
  }
  if (!doc.isObject()) {
    setError(error, QStringLiteral("preprocessor config must be a JSON object"));
    return std::nullopt;
  }
  const QJsonObject o = doc.object();
  ClipImageConfig cfg;
  if (!readBool(o, "do_resize", cfg.doResize, error) ||
      !readBool(o, "do_center_crop", cfg.doCenterCrop, error) ||
      !readBool(o, "do_rescale", cfg.doRescale, error) ||
      !readBool(o, "do_normalize", cfg.doNormalize, error) ||
      !readBool(o, "do_convert_rgb", cfg.doConvertRgb, error))
    return std::nullopt;

  if (const QJsonValue v = o.value(QLatin1String("size")); !v.isUndefined() && !v.isNull()) {
    SizeSpec s;
    if (!readSize(v, "size", /*intIsSquare=*/false, s, error))
      return std::nullopt;
    cfg.shortestEdge = s.shortest > 0 ? s.shortest : cfg.shortestEdge;
    cfg.resizeHeight = s.shortest > 0 ? 0 : s.h;
    cfg.resizeWidth = s.shortest > 0 ? 0 : s.w;
  }
  if (const QJsonValue v = o.value(QLatin1String("crop_size")); !v.isUndefined() && !v.isNull()) {
    SizeSpec s;
    if (!readSize(v, "crop_size", /*intIsSquare=*/true, s, error))
      return std::nullopt;
    if (s.shortest > 0) {
      setError(error, QStringLiteral("\"crop_size\" must give a height and a width, not \"shortest_edge\""));
      return std::nullopt;
    }
    cfg.cropHeight = s.h;
    cfg.cropWidth = s.w;
  }
  if (const QJsonValue v = o.value(QLatin1String("rescale_factor")); !v.isUndefined() && !v.isNull()) {
    if (!v.isDouble() || !(v.toDouble() > 0) || !std::isfinite(v.toDouble())) {
      setError(error, QStringLiteral("\"rescale_factor\" must be a positive number"));
      return std::nullopt;
    }
    cfg.rescaleFactor = v.toDouble();
  }
  if (!readTriple(o, "image_mean", false, cfg.mean, error) ||
      !readTriple(o, "image_std", true, cfg.std, error))
    return std::nullopt;
  if (const QJsonValue v = o.value(QLatin1String("resample")); !v.isUndefined() && !v.isNull()) {
    if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble())) {
      setError(error, QStringLiteral("\"resample\" must be an integer (3 = bicubic)"));
      return std::nullopt;
    }
    const double r = v.toDouble();
    if (r != 3) {
      const int ri = (r >= 0 && r <= 5) ? int(r) : -1;
      setError(error, QStringLiteral("\"resample\" %1 (%2) is not supported; only 3 (bicubic)")
                          .arg(r)
                          .arg(resampleName(ri)));
      return std::nullopt;
    }
  }
  return cfg;
}

std::pair<int, int> clipResizedSize(int width, int height, const ClipImageConfig &cfg) {
  if (width <= 0 || height <= 0)
    return {0, 0};
  if (!cfg.doResize)
    return {width, height};
  if (cfg.resizeHeight > 0 && cfg.resizeWidth > 0)
    return {cfg.resizeWidth, cfg.resizeHeight};
  if (cfg.shortestEdge <= 0)
    return {0, 0};
  const qint64 s = cfg.shortestEdge;
  const qint64 shortSide = std::min(width, height), longSide = std::max(width, height);
  // Python int(s * long / short): exact for these magnitudes, i.e. floor of the rational.
  const qint64 newLong = s * longSide / shortSide;
  if (newLong > 0x7fffffff)
    return {0, 0};
  return width <= height ? std::pair<int, int>{int(s), int(newLong)}
                         : std::pair<int, int>{int(newLong), int(s)};
}

std::vector<float> clipPreprocess(const RgbImage &rgb, const ClipImageConfig &cfg) {
  if (rgb.isNull())
    return {};
  RgbImage img;
  const RgbImage *cur = &rgb;
  if (cfg.doCenterCrop && (cfg.cropHeight <= 0 || cfg.cropWidth <= 0))
    return {};
  if (cfg.doResize) {
    const auto [w, h] = clipResizedSize(rgb.width, rgb.height, cfg);
    if (w <= 0 || h <= 0)
      return {};
    if (cfg.doCenterCrop) {
      // Resample only what the centre crop keeps (bit-identical, see resizeBicubicPillowRegion): a
      // side longer than the crop is cut to the crop's floor-offset window here, so centerCrop
      // below leaves it alone; a shorter side is kept whole and padded there as before.
      const int ww = std::min(w, cfg.cropWidth), wh = std::min(h, cfg.cropHeight);
      img = resizeBicubicPillowRegion(rgb, w, h, floorDiv2(w - ww), floorDiv2(h - wh), ww, wh);
    } else {
      img = resizeBicubicPillow(rgb, w, h);
    }
    cur = &img;
  }
  if (cfg.doCenterCrop) {
    img = centerCrop(*cur, cfg.cropHeight, cfg.cropWidth);
    cur = &img;
  }
  const int w = cur->width, h = cur->height;
  const std::size_t plane = std::size_t(w) * std::size_t(h);
  std::vector<float> out(plane * 3u);
  for (int c = 0; c < 3; ++c) {
    float *dst = out.data() + plane * std::size_t(c);
    const float mean = cfg.mean[c], stdv = cfg.std[c];
    for (int y = 0; y < h; ++y) {
      const uint8_t *row = cur->at(0, y);
      for (int x = 0; x < w; ++x) {
        const uint8_t p = row[x * 3 + c];
        // HF rescale: float64 multiply, then cast to float32; normalise: two float32 operations.
        float v = cfg.doRescale ? float(double(p) * cfg.rescaleFactor) : float(p);
        if (cfg.doNormalize)
          v = (v - mean) / stdv;
        dst[std::size_t(y) * std::size_t(w) + std::size_t(x)] = v;
      }
    }
  }
  return out;
}

} // namespace streetlens
