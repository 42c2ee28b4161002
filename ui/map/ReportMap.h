#pragma once
// ReportMap: turning results into map layers — markers, averaged country probabilities, the
// probability field, the box to fit — shared by the interactive MapView and by the widget-free
// map images of exports (renderResultMap). Stateless functions; any thread that has a
// QGuiApplication in the process (fonts for labels). The basemap built for a gazetteer is cached
// (one entry, guarded by a mutex) so a report of many images builds it once.
#include "core/analysis/GeoResult.h"
#include "core/analysis/ProbabilityField.h"
#include "core/geo/GeoBounds.h"
#include "ui/map/MapScene.h"
#include "ui/map/MapViewport.h"

#include <QHash>
#include <QImage>
#include <QSize>
#include <memory>
#include <vector>

namespace streetlens::gazetteer {
class Gazetteer;
}

namespace streetlens::ui {

// The result-dependent layers of a MapScene except the probability field (cheap to build).
struct ResultLayers {
  std::shared_ptr<const MarkerSet> markers;
  std::shared_ptr<const QHash<QString, double>> countryProbabilities; // alpha-2 (upper case) -> mean
  std::shared_ptr<const AreaSet> areas; // the confidence regions when exactly one result is usable
  int usable = 0;                       // results that are not failed
};

// Markers (top-k cities, estimate, EXIF points and links) and the country probabilities averaged
// over the results that did not fail. `gaz` may be null.
// `annotations` (may be null) adds the analyst's ground-truth pins.
ResultLayers buildResultLayers(const std::vector<ImageResult> &results, MultiImageMode mode, int topK,
                               const gazetteer::Gazetteer *gaz, const AnnotationMap *annotations = nullptr);

// Whether the scene shows a probability field for these layers: one or more usable results in
// the combined mode, exactly one in the per-image mode.
bool wantsProbabilityField(const ResultLayers &layers, MultiImageMode mode);

// The heatmap field of the results (the heavy part: run it off the GUI thread for many results).
std::shared_ptr<const ProbabilityField> buildProbabilityField(const std::vector<ImageResult> &results,
                                                              const gazetteer::Gazetteer *gaz,
                                                              const ProbabilityField::Options &options);

// The box a view of these layers should show: every marker and link end, the countries that hold
// at least a quarter of the probability (their main part, when not wider than 90 degrees), grown
// by 40 km. Empty when there is nothing to show.
geo::GeoBounds resultViewBounds(const ResultLayers &layers, const gazetteer::Gazetteer *gaz);

// Fits `vp` (its size already set) to resultViewBounds; the whole world when they are empty.
void fitViewportToResults(MapViewport &vp, const ResultLayers &layers, const gazetteer::Gazetteer *gaz);

// The offline basemap of a gazetteer in English, built once and cached for the last gazetteer
// asked for (null for a null gazetteer).
std::shared_ptr<const BasemapData> cachedBasemap(const std::shared_ptr<const gazetteer::Gazetteer> &gaz);

// A complete scene (basemap, field, country shading, markers, default layers without online
// tiles) for the results.
MapScene buildResultScene(const std::vector<ImageResult> &results,
                          const std::shared_ptr<const gazetteer::Gazetteer> &gaz, int topK = 5);

// The map image of one result for reports: heatmap, country shading, top cities, estimate, EXIF
// point and line, legend; fitted to the result. No widget involved: callable from a worker
// thread. A null gazetteer gives a map without basemap; a null image only for an empty size.
QImage renderResultMap(const ImageResult &result, std::shared_ptr<const gazetteer::Gazetteer> gaz,
                       QSize size);

} // namespace streetlens::ui
