#include "core/analysis/ExplanationOverlay.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace streetlens {

QRectF modelInputRect(int width, int height, const ClipImageConfig &cfg) {
  const QRectF whole(0, 0, width, height);
  if (width <= 0 || height <= 0)
    return whole;
  const auto [rw, rh] =
      cfg.doResize ? clipResizedSize(width, height, cfg) : std::pair<int, int>(width, height);
  if (!cfg.doCenterCrop || rw <= 0 || rh <= 0)
    return whole;
  // ClipImageProcessor's crop: floor offsets (negative when the crop pads a small side).
  const double left = std::floor((rw - cfg.cropWidth) / 2.0), top = std::floor((rh - cfg.cropHeight) / 2.0);
  const double sx = double(width) / rw, sy = double(height) / rh;
  return QRectF(left * sx, top * sy, cfg.cropWidth * sx, cfg.cropHeight * sy);
}

std::vector<float> displayStrengths(const PatchGrid &g) {
  std::vector<float> s(g.values.size(), 0.0f);
  float mx = 0;
  for (float v : g.values)
    if (std::isfinite(v))
      mx = std::max(mx, v);
  if (mx <= 0)
    return s;
  for (size_t i = 0; i < s.size(); ++i)
    s[i] = std::isfinite(g.values[i]) ? std::clamp(g.values[i] / mx, 0.0f, 1.0f) : 0.0f;
  return s;
}

namespace {
QColor ramp(float t) {
  // dark red (0) -> orange (0.5) -> light yellow (1)
  struct Stop {
    float t;
    int r, g, b;
  };
  static const Stop stops[] = {{0.0f, 120, 0, 30}, {0.5f, 240, 110, 20}, {1.0f, 255, 245, 140}};
  for (int i = 1; i < 3; ++i)
    if (t <= stops[i].t) {
      const float u = (t - stops[i - 1].t) / (stops[i].t - stops[i - 1].t);
      auto mix = [u](int a, int b) { return int(std::lround(a + (b - a) * u)); };
      return QColor(mix(stops[i - 1].r, stops[i].r), mix(stops[i - 1].g, stops[i].g),
                    mix(stops[i - 1].b, stops[i].b));
    }
  return QColor(stops[2].r, stops[2].g, stops[2].b);
}
} // namespace

QImage explanationHeatmap(const PatchGrid &g, double opacity) {
  if (!g.isValid())
    return {};
  const auto s = displayStrengths(g);
  QImage img(g.cols, g.rows, QImage::Format_ARGB32);
  const double o = std::clamp(opacity, 0.0, 1.0);
  for (int r = 0; r < g.rows; ++r)
    for (int c = 0; c < g.cols; ++c) {
      const float t = s[size_t(r) * size_t(g.cols) + size_t(c)];
      QColor col = ramp(t);
      col.setAlphaF(float(o * t));
      img.setPixelColor(c, r, col);
    }
  return img;
}

void paintExplanation(QPainter &p, const QRectF &photo, const QRectF &target, const PatchGrid &g,
                      double opacity) {
  const QImage heat = explanationHeatmap(g, opacity);
  if (heat.isNull())
    return;
  p.save();
  QPainterPath outside;
  outside.addRect(photo);
  QPainterPath inside;
  inside.addRect(target);
  p.fillPath(outside.subtracted(inside),
             QColor(0, 0, 0, int(std::lround(110 * std::clamp(opacity, 0.0, 1.0)))));
  p.setRenderHint(QPainter::SmoothPixmapTransform, true);
  p.drawImage(target, heat);
  p.restore();
}

QImage renderExplanationOverlay(const QImage &photo, const PatchGrid &g, const ClipImageConfig &cfg,
                                double opacity) {
  QImage out = photo.convertToFormat(QImage::Format_RGB32);
  if (out.isNull())
    return out;
  QPainter p(&out);
  paintExplanation(p, QRectF(out.rect()), modelInputRect(out.width(), out.height(), cfg), g, opacity);
  return out;
}

} // namespace streetlens
