#pragma once
// MapMarkers: the point layer of the map — top-k city markers, the estimate, EXIF ground truth
// points, the reference gallery's estimate and neighbours, the analyst's ground-truth pins and the
// great-circle links between EXIF point and estimate — built from results as an immutable MarkerSet, with
// hit-testing and tooltip text. Build on any thread; the set is shared read-only between the GUI thread and
// render jobs.
#include "core/analysis/Annotation.h"
#include "core/analysis/GeoResult.h"
#include "core/geo/GeoBounds.h"
#include "ui/map/MapViewport.h"

#include <QColor>
#include <QString>
#include <vector>

namespace streetlens::gazetteer {
class Gazetteer;
}

namespace streetlens::ui {

// How several selected images are shown.
enum class MultiImageMode {
  Combined, // one combined heatmap / shading, the top cities of the average
  PerImage  // one marker per image at its estimate (plus its EXIF point)
};

struct MapMarker {
  // Truth: the analyst's ground-truth pin; Gallery: the reference gallery's estimate; GalleryPhoto:
  // one of its neighbours (a gallery photo at its position).
  enum class Kind { City, Estimate, Exif, Image, Truth, Gallery, GalleryPhoto };
  Kind kind = Kind::City;
  geo::GeoPoint location;
  QString title;           // "Paris" / file name
  QString detail;          // "Île-de-France, France"
  double probability = -1; // < 0: not a probability marker
  int rank = 0;            // 1 = most probable city
  int imageIndex = -1;     // index into the results given to buildMarkers
  QColor color;            // a photo's colour under a task colouring (invalid: the style's)
};

// An EXIF point joined to its image's estimate along a great circle.
struct MapLink {
  geo::GeoPoint exif;
  geo::GeoPoint estimate;
  double km = 0.0;
  int imageIndex = -1;
};

struct MarkerSet {
  std::vector<MapMarker> markers; // in painting order (later on top)
  std::vector<MapLink> links;
  int imageCount = 0; // results shown (failed ones not counted)

  bool isEmpty() const { return markers.empty() && links.empty(); }
  // Where each marker is drawn in `vp` (see markerPixels).
  std::vector<QPointF> pixels(const MapViewport &vp, std::vector<QPointF> *anchors = nullptr) const;
  // Index of the top-most marker within radiusPx of `pixel` (where it is drawn), nearest first;
  // -1 when none.
  int hitTest(const MapViewport &vp, QPointF pixel, double radiusPx = 9.0) const;
  // Multi-line tooltip: title, detail, probability ("Probability: 23.4 %"), kind.
  QString toolTip(int index) const;
  // Box around every marker and link end (empty when there are none).
  geo::GeoBounds bounds() const;
};

// Builds the markers for the given results (failed ones skipped). topK cities are shown;
// `gaz` (may be null) resolves region and country names for the details; `annotations` (may be
// null) adds the analyst's ground-truth pin of each result that has one.
MarkerSet buildMarkers(const std::vector<ImageResult> &results, MultiImageMode mode, int topK,
                       const gazetteer::Gazetteer *gaz, const AnnotationMap *annotations = nullptr);

// Pixel position of each marker: where its location projects, except that markers of images
// (EXIF points, per-image estimates) falling on one spot are spread on a small ring around it, so
// that each stays visible and clickable. `anchors` (optional) gets the projected positions.
std::vector<QPointF> markerPixels(const MapViewport &vp, const std::vector<MapMarker> &markers,
                                  std::vector<QPointF> *anchors = nullptr);

// "23.4 %" (one decimal below 10 %, "<0.1 %" for tiny values).
QString formatProbability(double p);

} // namespace streetlens::ui
