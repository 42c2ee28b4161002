#pragma once
// MapScene: everything a map render needs besides the viewport — immutable layer snapshots
// (basemap, probability field, country probabilities, markers, tile images), which layers are on,
// the colour ramp and the style. Cheap to copy (shared pointers and implicitly shared images), so
// the GUI thread hands a copy to each render job, as QGIS does with its layer renderers.
#include "core/analysis/ProbabilityField.h"
#include "ui/map/AreaLayer.h"
#include "ui/map/BasemapData.h"
#include "ui/map/ColorRamp.h"
#include "ui/map/MapMarkers.h"
#include "ui/map/MapStyle.h"
#include "ui/map/TaskColoring.h"
#include "ui/map/TileSource.h"

#include <QFlags>
#include <QHash>
#include <QImage>
#include <QRectF>
#include <QString>
#include <memory>
#include <vector>

namespace streetlens::ui {

enum class MapLayer : unsigned {
  Tiles = 0x1,   // online XYZ raster tiles (off by default)
  Borders = 0x2, // country borders (coastlines are always drawn)
  Graticule = 0x4,
  Labels = 0x8,      // country names
  Choropleth = 0x10, // countries shaded by probability
  Heatmap = 0x20,
  Markers = 0x40,     // cities, estimate, EXIF points and lines
  Legend = 0x80,      // legend, scale bar, attribution
  Regions = 0x100,    // confidence regions (50 / 90 / 99 %) of the result in view
  Constraint = 0x200, // the analyst's areas (kept, excluded, circles)
};
Q_DECLARE_FLAGS(MapLayers, MapLayer)
Q_DECLARE_OPERATORS_FOR_FLAGS(MapLayers)

inline constexpr MapLayers kDefaultLayers =
    MapLayers(MapLayer::Borders) | MapLayer::Graticule | MapLayer::Labels | MapLayer::Choropleth |
    MapLayer::Heatmap | MapLayer::Markers | MapLayer::Legend | MapLayer::Regions | MapLayer::Constraint;

struct MapScene {
  std::shared_ptr<const BasemapData> basemap;
  std::shared_ptr<const ProbabilityField> field;
  std::shared_ptr<const QHash<QString, double>> countryProbabilities; // alpha-2 -> probability
  std::shared_ptr<const MarkerSet> markers;
  std::shared_ptr<const AreaSet> areas;             // confidence regions and constraint areas (may be null)
  std::shared_ptr<const MarkerLegend> markerLegend; // the photos' colouring by a task (may be null)
  QHash<TileKey, QImage> tiles;                     // images available for the viewport being rendered
  MapLayers layers = kDefaultLayers;
  ColorRamp ramp{ColorRamp::Kind::Magma};
  MapStyle style;
  int heatmapStepPx = 2;
  QString attribution = QStringLiteral("Borders: Natural Earth · Places: GeoNames");
  QString tileAttribution;           // shown when tiles are on
  QString statusText;                // e.g. "Online tiles unavailable (offline)"
  std::vector<QRectF> reservedAreas; // pixels kept free of marker labels (e.g. a toolbar over the map)

  bool has(MapLayer l) const { return layers.testFlag(l); }
  double countryProbability(const QString &code2) const {
    return countryProbabilities ? countryProbabilities->value(code2.toUpper(), 0.0) : 0.0;
  }
};

} // namespace streetlens::ui
