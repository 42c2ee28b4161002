#include "ui/map/MapRenderer.h"

#include "ui/map/HeatmapRasterizer.h"
#include "ui/map/MapOverlay.h"
#include "ui/map/MarkerLabels.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

namespace streetlens::ui {

namespace {
bool cancelled(const std::atomic<bool> *cancel) {
  return cancel && cancel->load(std::memory_order_relaxed);
}
} // namespace

std::vector<QRectF> MapRenderer::countryLabelKeepOut(const MapViewport &vp, const MapScene &scene) {
  // Country names give way to the markers, their labels and the legend. The estimate's and EXIF
  // points' labels may sit on either side of their marker (the overlay is placed in the widget's
  // frame, which is smaller than a render's), so both sides are kept free for them.
  std::vector<QRectF> out = legendAreas(vp, scene);
  if (!scene.markers || !scene.has(MapLayer::Markers))
    return out;
  for (const MarkerLabel &l : layoutMarkerLabels(vp, scene)) {
    out.push_back(l.rect);
    if (l.kind == MarkerLabel::Kind::Estimate || l.kind == MarkerLabel::Kind::Exif) {
      const QPointF at = l.marker >= 0 ? scene.markers->pixels(vp)[size_t(l.marker)] : l.rect.center();
      out.push_back(QRectF(2 * at.x() - l.rect.right(), l.rect.top(), l.rect.width(), l.rect.height()));
    }
  }
  const std::vector<QPointF> at = scene.markers->pixels(vp);
  for (size_t i = 0; i < at.size(); ++i) {
    const double r = markerRadius(scene.markers->markers[i]) + 2.0;
    out.emplace_back(at[i] - QPointF(r, r), QSizeF(2 * r, 2 * r));
  }
  return out;
}

double MapRenderer::choroplethAlpha(double fraction) {
  return 0.06 + 0.34 * std::sqrt(std::clamp(fraction, 0.0, 1.0));
}

QColor MapRenderer::choroplethColor(double p, double maxP, const MapStyle &style) {
  if (!(maxP > 0.0) || !(p >= 0.001))
    return Qt::transparent;
  QColor c = style.choroplethHigh;
  c.setAlphaF(static_cast<float>(choroplethAlpha(p / maxP)));
  return c;
}

bool MapRenderer::paintStatic(QPainter &p, const MapViewport &vp, const MapScene &scene,
                              const QImage *heatmap, const std::atomic<bool> *cancel) {
  const MapStyle &st = scene.style;
  p.save();
  p.setRenderHint(QPainter::Antialiasing, true);
  p.fillRect(QRectF(QPointF(0, 0), QSizeF(vp.size())), st.sea);
  const BasemapData *base = scene.basemap.get();
  if (base)
    base->paintLand(p, vp, st);
  if (scene.has(MapLayer::Tiles) && !scene.tiles.isEmpty())
    paintTiles(p, tilesFor(vp, tileZoomFor(vp.zoom())), scene.tiles);
  if (cancelled(cancel)) {
    p.restore();
    return false;
  }
  if (base && scene.has(MapLayer::Choropleth) && scene.countryProbabilities) {
    double maxP = 0.0;
    for (double v : *scene.countryProbabilities)
      maxP = std::max(maxP, v);
    std::vector<std::pair<int, QColor>> fills;
    for (auto it = scene.countryProbabilities->cbegin(); it != scene.countryProbabilities->cend(); ++it) {
      const QColor c = choroplethColor(it.value(), maxP, st);
      if (c.alpha() > 0)
        fills.emplace_back(base->indexOf(it.key()), c);
    }
    base->paintCountryFills(p, vp, fills);
  }
  if (base)
    base->paintLines(p, vp, st, scene.has(MapLayer::Borders));
  if (scene.has(MapLayer::Graticule))
    BasemapData::paintGraticule(p, vp, st);
  if (cancelled(cancel)) {
    p.restore();
    return false;
  }
  if (scene.has(MapLayer::Heatmap) && scene.field && !scene.field->isEmpty()) {
    if (heatmap) {
      HeatmapRasterizer::paint(p, *heatmap, scene.heatmapStepPx);
    } else {
      const QImage raster = HeatmapRasterizer::rasterize(vp, *scene.field, scene.ramp, st.heatmapOpacity,
                                                         scene.heatmapStepPx, 0.0, cancel);
      if (raster.isNull()) {
        p.restore();
        return false;
      }
      HeatmapRasterizer::paint(p, raster, scene.heatmapStepPx);
    }
  }
  if (base && scene.has(MapLayer::Labels))
    base->paintLabels(p, vp, st, countryLabelKeepOut(vp, scene));
  p.restore();
  return !cancelled(cancel);
}

void MapRenderer::paintOverlay(QPainter &p, const MapViewport &vp, const MapScene &scene,
                               int highlightMarker) {
  if (scene.areas && (scene.has(MapLayer::Regions) || scene.has(MapLayer::Constraint)))
    paintAreas(p, vp, *scene.areas, scene.style, scene.has(MapLayer::Regions),
               scene.has(MapLayer::Constraint));
  if (scene.has(MapLayer::Markers))
    paintMarkers(p, vp, scene, highlightMarker);
  if (scene.has(MapLayer::Legend))
    paintLegend(p, vp, scene);
}

QImage MapRenderer::renderStatic(const MapViewport &vp, const MapScene &scene,
                                 const std::atomic<bool> *cancel) {
  QImage img(vp.size(), QImage::Format_ARGB32_Premultiplied);
  if (img.isNull())
    return img;
  QPainter p(&img);
  if (!paintStatic(p, vp, scene, nullptr, cancel))
    return {};
  return img;
}

QImage MapRenderer::renderToImage(const MapViewport &vp, const MapScene &scene) {
  QImage img = renderStatic(vp, scene);
  if (img.isNull())
    return img;
  QPainter p(&img);
  paintOverlay(p, vp, scene);
  return img;
}

} // namespace streetlens::ui
