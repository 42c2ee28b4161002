#pragma once
// MapRenderer: renders a map as a pure function of a MapViewport and a MapScene — no widget (it is
// part of streetlens_map, Qt Gui only), so report exports and the CLI reuse it. The static pass,
// bottom to top: sea, land, raster tiles, choropleth, coastlines and borders, graticule, heatmap,
// labels — the heavy part that MapRenderJob runs on a worker thread; the overlay pass (areas, markers,
// legend) is light. Stateless; any thread (QPainter on a QImage).
#include "ui/map/MapScene.h"
#include "ui/map/MapViewport.h"

#include <QImage>
#include <atomic>
#include <vector>

class QPainter;

namespace streetlens::ui {

class MapRenderer {
public:
  // Colour of a country with probability p when the largest country probability is maxP
  // (transparent below 0.1 %).
  static QColor choroplethColor(double p, double maxP, const MapStyle &style);
  // Alpha of the shading for a probability that is `fraction` of the largest one.
  static double choroplethAlpha(double fraction);

  // Paints the static layers over the whole viewport. `heatmap` is a ready raster made with
  // scene.heatmapStepPx for this viewport, or null to rasterise here. Returns false when
  // `cancel` was set (the painting is then incomplete).
  static bool paintStatic(QPainter &p, const MapViewport &vp, const MapScene &scene,
                          const QImage *heatmap = nullptr, const std::atomic<bool> *cancel = nullptr);
  // Where country names must not go: the marker labels and symbols and the legend.
  static std::vector<QRectF> countryLabelKeepOut(const MapViewport &vp, const MapScene &scene);
  static void paintOverlay(QPainter &p, const MapViewport &vp, const MapScene &scene,
                           int highlightMarker = -1);

  // The static layers as an opaque image of the viewport's size (null when cancelled).
  static QImage renderStatic(const MapViewport &vp, const MapScene &scene,
                             const std::atomic<bool> *cancel = nullptr);
  // The complete map (static + overlay), e.g. for PNG export and reports.
  static QImage renderToImage(const MapViewport &vp, const MapScene &scene);
};

} // namespace streetlens::ui
