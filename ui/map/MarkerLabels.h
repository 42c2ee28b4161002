#pragma once
// MarkerLabels: where the map's marker labels go — the estimate (named after the place it is),
// EXIF points (named after their photo when several are shown), distances and cities by rank —
// each at the first free spot beside its marker that lies inside the view and clear of the
// legend, the scale bar and any other reserved area; a label without room is left out. Pure
// functions of a viewport and a scene (no painting),
// shared by the overlay painter, the static pass (country names keep clear of these labels) and
// the tests. Any thread.
#include "ui/map/MapScene.h"
#include "ui/map/MapViewport.h"

#include <QColor>
#include <QFont>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <vector>

namespace streetlens::ui {

struct MarkerLabel {
  enum class Kind { Estimate, Exif, Distance, City };
  Kind kind = Kind::City;
  QRectF rect; // in pixels of the viewport
  QString text;
  QFont font;
  QColor colour;
  int marker = -1; // index into scene.markers->markers (-1 for distances)
};

// The map's font in `style` at `pt` points.
QFont mapFont(const MapStyle &style, double pt, bool bold = false);
// "12.3 km" / "1,234 km" in the interface locale.
QString formatKm(double km);
// The great-circle line of a link in pixels (the copy of the world nearest its EXIF point).
QPolygonF linkPixels(const MapViewport &vp, const MapLink &link);

// Radius in pixels of a marker's symbol.
double markerRadius(const MapMarker &m);

// The labels of the scene's markers in priority order: estimate, EXIF points, distances, cities
// by rank. `reserved` areas (e.g. a toolbar over the map) are kept free as well.
std::vector<MarkerLabel> layoutMarkerLabels(const MapViewport &vp, const MapScene &scene,
                                            const std::vector<QRectF> &reserved = {});

// The text of the estimate's label: "<city> <p> · estimate" when the estimate is a city of the
// result (the most probable one at that place), else "Estimate".
QString estimateLabelText(const MarkerSet &set, const MapMarker &estimate);

} // namespace streetlens::ui
