#include "ui/map/HeatmapRasterizer.h"

#include "core/geo/WebMercator.h"

#include <QPainter>
#include <algorithm>
#include <cmath>
#include <vector>

namespace streetlens::ui {

namespace {
constexpr double kCutoff = 0.001; // below this fraction of the maximum: transparent
}

double HeatmapRasterizer::rampPosition(double density, double maxDensity) {
  if (!(maxDensity > 0.0) || !(density > 0.0))
    return 0.0;
  const double t = 1.0 + std::log10(std::min(1.0, density / maxDensity)) / kDecades;
  return std::max(0.0, t);
}

double HeatmapRasterizer::densityAt(double t, double maxDensity) {
  const double c = std::clamp(t, 0.0, 1.0);
  return maxDensity * std::pow(10.0, (c - 1.0) * kDecades);
}

QImage HeatmapRasterizer::rasterize(const MapViewport &vp, const ProbabilityField &field,
                                    const ColorRamp &ramp, double opacity, int stepPx, double maxDensity,
                                    const std::atomic<bool> *cancel) {
  stepPx = std::max(1, stepPx);
  const int w = (vp.size().width() + stepPx - 1) / stepPx;
  const int h = (vp.size().height() + stepPx - 1) / stepPx;
  QImage img(std::max(1, w), std::max(1, h), QImage::Format_ARGB32_Premultiplied);
  img.fill(Qt::transparent);
  if (field.isEmpty())
    return img;
  const double maxD = maxDensity > 0.0 ? maxDensity : field.maxDensity();
  if (!(maxD > 0.0))
    return img;
  // Longitudes of the sample columns (constant down a column in Mercator).
  std::vector<double> lons(static_cast<size_t>(w));
  for (int i = 0; i < w; ++i)
    lons[static_cast<size_t>(i)] = vp.pixelToGeo(QPointF((i + 0.5) * stepPx, 0.0)).lon;
  for (int j = 0; j < h; ++j) {
    if (cancel && cancel->load(std::memory_order_relaxed))
      return {};
    const double py = (j + 0.5) * stepPx;
    const double wy = vp.pixelToWorld(QPointF(0.0, py)).y();
    if (wy < 0.0 || wy > 1.0)
      continue;
    const double lat = geo::mercator::fromWorld(QPointF(0.0, wy)).lat;
    auto *line = reinterpret_cast<QRgb *>(img.scanLine(j));
    for (int i = 0; i < w; ++i) {
      const double d = field.sampleDensity({lat, lons[static_cast<size_t>(i)]});
      if (d <= kCutoff * maxD)
        continue;
      line[i] = ramp.heatArgbPremultiplied(rampPosition(d, maxD), opacity);
    }
  }
  return img;
}

void HeatmapRasterizer::paint(QPainter &p, const QImage &raster, int stepPx) {
  if (raster.isNull())
    return;
  p.save();
  p.resetTransform();
  p.setRenderHint(QPainter::SmoothPixmapTransform, true);
  const double step = std::max(1, stepPx);
  p.drawImage(QRectF(0, 0, raster.width() * step, raster.height() * step), raster);
  p.restore();
}

} // namespace streetlens::ui
