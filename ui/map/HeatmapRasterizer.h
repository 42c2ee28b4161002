#pragma once
// HeatmapRasterizer: turns a ProbabilityField into a translucent image for one viewport, as QGIS's
// heatmap renderer does on a reduced grid: every `stepPx` x `stepPx` block of the view samples the
// field's density (bilinear) at its centre, maps it through a colour ramp on a square-root scale
// (so that wide, low regions stay visible next to sharp city peaks) and the result is drawn
// scaled up with smoothing. Pure functions; run them on a worker thread (they check `cancel`
// once per row and return a null image when it is set).
#include "core/analysis/ProbabilityField.h"
#include "ui/map/ColorRamp.h"
#include "ui/map/MapViewport.h"

#include <QImage>
#include <atomic>

class QPainter;

namespace streetlens::ui {

class HeatmapRasterizer {
public:
  static constexpr double kDecades = 3.0;
  // Ramp position of a density given the scale's maximum: 1 + log10(density / max) / kDecades,
  // clamped to [0, 1] (0 at a thousandth of the maximum and below).
  static double rampPosition(double density, double maxDensity);
  // Inverse of rampPosition: the density shown at ramp position t.
  static double densityAt(double t, double maxDensity);

  // ceil(width / stepPx) x ceil(height / stepPx) premultiplied ARGB image; pixel (i, j) shows the
  // density at view pixel ((i + 0.5) * stepPx, (j + 0.5) * stepPx). maxDensity <= 0 uses the
  // field's maximum. Transparent where the density is at or below 0.1 % of the maximum.
  static QImage rasterize(const MapViewport &vp, const ProbabilityField &field, const ColorRamp &ramp,
                          double opacity, int stepPx = 2, double maxDensity = 0.0,
                          const std::atomic<bool> *cancel = nullptr);
  // Draws a rasterize() image made with stepPx over the view (scaled up with smoothing).
  static void paint(QPainter &p, const QImage &raster, int stepPx);
};

} // namespace streetlens::ui
