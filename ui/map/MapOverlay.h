#pragma once
// MapOverlay: the light layers painted on top of the cached static image on every frame (on the
// GUI thread for the widget, in the caller's thread for exports): markers and EXIF links, the
// legend with the heatmap scale, the scale bar, attribution and status text. Free functions.
#include "ui/map/MapScene.h"
#include "ui/map/MapViewport.h"

#include <QRectF>
#include <vector>

class QPainter;

namespace streetlens::ui {

// Markers and links. `highlight` (index into markers, or -1) gets a ring.
void paintMarkers(QPainter &p, const MapViewport &vp, const MapScene &scene, int highlight = -1);
// Legend (bottom left), scale bar and attribution (bottom right), status text (top centre).
void paintLegend(QPainter &p, const MapViewport &vp, const MapScene &scene);
// The areas the legend layer takes (legend panel, scale bar, attribution, status text); none when
// the layer is off. Marker and country labels keep clear of them.
std::vector<QRectF> legendAreas(const MapViewport &vp, const MapScene &scene);
// "1000 km"-style nice length no longer than maxPx at the view centre; returns the bar length in px.
double scaleBarLength(const MapViewport &vp, double maxPx, double *km);

} // namespace streetlens::ui
