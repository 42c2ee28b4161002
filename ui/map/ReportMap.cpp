#include "ui/map/ReportMap.h"

#include "core/gazetteer/Gazetteer.h"
#include "ui/map/MapRenderer.h"

#include <QMutex>
#include <QMutexLocker>
#include <algorithm>
#include <span>

namespace streetlens::ui {

namespace {
constexpr double kFitMarginKm = 40.0;
constexpr double kFitMaxZoom = 9.0;
constexpr double kFitMarginPx = 48.0;
constexpr double kCountryShareToShow = 0.25;
constexpr double kWidestCountryDeg = 90.0;

// The box of a country's main part (the polygon holding its label point), so that overseas
// territories (French Guiana, Hawaii) do not pull the view across oceans.
geo::GeoBounds mainPartBounds(const gazetteer::Country &c) {
  for (const geo::GeoPolygon &p : c.borders.polygons())
    if (p.bounds().contains(c.representativePoint) && p.contains(c.representativePoint))
      return p.bounds();
  return c.bounds();
}
} // namespace

ResultLayers buildResultLayers(const std::vector<ImageResult> &results, MultiImageMode mode, int topK,
                               const gazetteer::Gazetteer *gaz, const AnnotationMap *annotations) {
  ResultLayers out;
  out.markers =
      std::make_shared<const MarkerSet>(buildMarkers(results, mode, std::max(1, topK), gaz, annotations));
  auto probs = std::make_shared<QHash<QString, double>>();
  for (const ImageResult &r : results) {
    if (r.status == ImageStatus::Failed)
      continue;
    ++out.usable;
    for (const PlaceProbability &c : r.countries)
      (*probs)[c.code.toUpper()] += c.probability;
  }
  for (double &v : *probs)
    v /= std::max(1, out.usable);
  out.countryProbabilities = std::move(probs);
  if (out.usable == 1) {
    auto areas = std::make_shared<AreaSet>();
    for (const ImageResult &r : results)
      if (r.status != ImageStatus::Failed)
        areas->regions = r.confidenceRegions;
    out.areas = std::move(areas);
  }
  return out;
}

bool wantsProbabilityField(const ResultLayers &layers, MultiImageMode mode) {
  return layers.usable > 0 && !(mode == MultiImageMode::PerImage && layers.usable > 1);
}

std::shared_ptr<const ProbabilityField> buildProbabilityField(const std::vector<ImageResult> &results,
                                                              const gazetteer::Gazetteer *gaz,
                                                              const ProbabilityField::Options &options) {
  return std::make_shared<const ProbabilityField>(
      ProbabilityField::fromResults(std::span<const ImageResult>(results), gaz, options));
}

geo::GeoBounds resultViewBounds(const ResultLayers &layers, const gazetteer::Gazetteer *gaz) {
  geo::GeoBounds b = layers.markers ? layers.markers->bounds() : geo::GeoBounds();
  if (layers.countryProbabilities && gaz) {
    for (auto it = layers.countryProbabilities->cbegin(); it != layers.countryProbabilities->cend(); ++it) {
      const gazetteer::Country *c = gaz->country(it.key());
      if (!c || it.value() < kCountryShareToShow)
        continue;
      const geo::GeoBounds main = mainPartBounds(*c);
      if (!main.isEmpty() && main.widthDeg() < kWidestCountryDeg)
        b = b.united(main);
    }
  }
  return b.isEmpty() ? b : b.expandedKm(kFitMarginKm);
}

void fitViewportToResults(MapViewport &vp, const ResultLayers &layers, const gazetteer::Gazetteer *gaz) {
  const geo::GeoBounds b = resultViewBounds(layers, gaz);
  if (b.isEmpty()) {
    vp.reset();
    return;
  }
  // Small images (thumbnails) keep proportionally smaller margins.
  const double margin = std::min(kFitMarginPx, std::min(vp.size().width(), vp.size().height()) / 8.0);
  vp.fitBounds(b, margin, kFitMaxZoom);
}

std::shared_ptr<const BasemapData> cachedBasemap(const std::shared_ptr<const gazetteer::Gazetteer> &gaz) {
  if (!gaz)
    return nullptr;
  static QMutex mutex;
  static std::weak_ptr<const gazetteer::Gazetteer> cachedFor;
  static std::shared_ptr<const BasemapData> cached;
  QMutexLocker lock(&mutex);
  if (!cached || cachedFor.lock() != gaz) {
    cached = BasemapData::build(*gaz, QStringLiteral("en"));
    cachedFor = gaz;
  }
  return cached;
}

MapScene buildResultScene(const std::vector<ImageResult> &results,
                          const std::shared_ptr<const gazetteer::Gazetteer> &gaz, int topK) {
  const ResultLayers layers = buildResultLayers(results, MultiImageMode::Combined, topK, gaz.get());
  MapScene s;
  s.basemap = cachedBasemap(gaz);
  s.markers = layers.markers;
  s.countryProbabilities = layers.countryProbabilities;
  s.areas = layers.areas;
  if (wantsProbabilityField(layers, MultiImageMode::Combined))
    s.field = buildProbabilityField(results, gaz.get(), ProbabilityField::Options());
  s.layers = kDefaultLayers;
  s.layers.setFlag(MapLayer::Tiles, false);
  return s;
}

QImage renderResultMap(const ImageResult &result, std::shared_ptr<const gazetteer::Gazetteer> gaz,
                       QSize size) {
  if (size.isEmpty())
    return {};
  const std::vector<ImageResult> results{result};
  const MapScene scene = buildResultScene(results, gaz);
  MapViewport vp;
  vp.setSize(size);
  ResultLayers layers;
  layers.markers = scene.markers;
  layers.countryProbabilities = scene.countryProbabilities;
  layers.areas = scene.areas;
  layers.usable = result.status == ImageStatus::Failed ? 0 : 1;
  fitViewportToResults(vp, layers, gaz.get());
  return MapRenderer::renderToImage(vp, scene);
}

} // namespace streetlens::ui
