// map_bench: how fast the map renders. Prints a table with
//   - frames per second panning over the whole basemap, rendered from scratch each frame
//     (MapRenderer::renderStatic: land, borders, coasts, graticule, labels) and as the widget pans
//     (cached static image moved + markers/legend overlay);
//   - milliseconds to build a world ProbabilityField and to rasterise it as a world heatmap.
// `map_bench --screenshots DIR` writes DIR/map-world.png and DIR/map-region.png instead.
// Runs with QT_QPA_PLATFORM=offscreen (set here when unset).
#include "core/analysis/ProbabilityField.h"
#include "core/gazetteer/Gazetteer.h"
#include "core/geo/GreatCircle.h"
#include "ui/map/HeatmapRasterizer.h"
#include "ui/map/MapOverlay.h"
#include "ui/map/MapRenderer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QPainter>
#include <cstdio>

using namespace streetlens;
using namespace streetlens::ui;

namespace {

PlaceProbability city(const gazetteer::Gazetteer &gaz, const QString &cc, const QString &name, double p) {
  PlaceProbability out;
  for (const gazetteer::City *c : gaz.citiesOf(cc)) {
    if (c->name == name || c->asciiName == name) {
      out.code = QString::number(c->geonameId);
      out.name = c->name;
      out.country = cc;
      out.region = c->regionCode;
      out.location = c->location;
      out.population = c->population;
      break;
    }
  }
  out.probability = p;
  return out;
}

PlaceProbability place(const QString &code, const QString &name, const QString &cc, double p) {
  PlaceProbability out;
  out.code = code;
  out.name = name;
  out.country = cc;
  out.probability = p;
  return out;
}

// A plausible StreetCLIP answer for a photo taken in Annecy: France first, the Alps region, Lyon.
ImageResult syntheticResult(const gazetteer::Gazetteer &gaz) {
  ImageResult r;
  r.path = QStringLiteral("annecy-street.jpg");
  r.status = ImageStatus::Done;
  r.countries = {place("FR", "France", "FR", 0.62), place("CH", "Switzerland", "CH", 0.17),
                 place("IT", "Italy", "IT", 0.08), place("BE", "Belgium", "BE", 0.05),
                 place("ES", "Spain", "ES", 0.04)};
  r.regions = {place("FR.84", "Auvergne-Rhône-Alpes", "FR", 0.36), place("CH.GE", "Geneva", "CH", 0.09),
               place("FR.11", "Île-de-France", "FR", 0.08),
               place("FR.93", "Provence-Alpes-Côte d'Azur", "FR", 0.06),
               place("IT.09", "Piedmont", "IT", 0.03)};
  r.cities = {city(gaz, "FR", "Lyon", 0.19), city(gaz, "FR", "Grenoble", 0.09),
              city(gaz, "CH", "Genève", 0.07), city(gaz, "FR", "Paris", 0.06),
              city(gaz, "FR", "Chambéry", 0.04)};
  r.estimate = r.cities.front().location;
  r.estimateLabel = QStringLiteral("Lyon, Auvergne-Rhône-Alpes, France");
  r.exifLocation = geo::GeoPoint{45.8992, 6.1294}; // Annecy old town
  r.errorKm = geo::haversineKm(*r.exifLocation, *r.estimate);
  return r;
}

// An uncertain answer (a street in South America or Iberia): a wide, multi-modal field.
ImageResult uncertainResult(const gazetteer::Gazetteer &gaz) {
  ImageResult r;
  r.path = QStringLiteral("street-unknown.jpg");
  r.status = ImageStatus::Done;
  r.countries = {place("BR", "Brazil", "BR", 0.38),       place("AR", "Argentina", "AR", 0.17),
                 place("PT", "Portugal", "PT", 0.12),     place("MX", "Mexico", "MX", 0.08),
                 place("ES", "Spain", "ES", 0.06),        place("ZA", "South Africa", "ZA", 0.05),
                 place("US", "United States", "US", 0.04)};
  r.cities = {city(gaz, "BR", "São Paulo", 0.14),   city(gaz, "AR", "Buenos Aires", 0.09),
              city(gaz, "PT", "Lisbon", 0.06),      city(gaz, "BR", "Curitiba", 0.05),
              city(gaz, "MX", "Guadalajara", 0.03), city(gaz, "BR", "Porto Alegre", 0.03)};
  r.estimate = r.cities.front().location;
  r.estimateLabel = QStringLiteral("São Paulo, Brazil");
  return r;
}

MapScene sceneFor(const gazetteer::Gazetteer &gaz, std::shared_ptr<const BasemapData> basemap,
                  const std::vector<ImageResult> &results) {
  MapScene s;
  s.basemap = std::move(basemap);
  ProbabilityField::Options opt;
  s.field = std::make_shared<const ProbabilityField>(ProbabilityField::fromResults(results, &gaz, opt));
  auto probs = std::make_shared<QHash<QString, double>>();
  for (const auto &c : results.front().countries)
    probs->insert(c.code, c.probability);
  s.countryProbabilities = probs;
  s.markers = std::make_shared<const MarkerSet>(buildMarkers(results, MultiImageMode::Combined, 5, &gaz));
  return s;
}

int screenshots(const gazetteer::Gazetteer &gaz, const QString &dir) {
  QDir().mkpath(dir);
  const auto basemap = BasemapData::build(gaz);
  const MapScene worldScene = sceneFor(gaz, basemap, {uncertainResult(gaz)});
  const MapScene regionScene = sceneFor(gaz, basemap, {syntheticResult(gaz)});
  MapViewport world({0, 0}, 1, QSize(1400, 820));
  world.reset();
  world.setCenter({10.0, -20.0});
  MapViewport region({0, 0}, 1, QSize(1400, 820));
  region.fitBounds(regionScene.markers->bounds().expandedKm(120.0), 40.0, 9.0);
  const bool ok = MapRenderer::renderToImage(world, worldScene).save(dir + "/map-world.png") &&
                  MapRenderer::renderToImage(region, regionScene).save(dir + "/map-region.png");
  std::printf("%s %s/map-world.png and %s/map-region.png\n", ok ? "wrote" : "FAILED to write",
              qPrintable(dir), qPrintable(dir));
  return ok ? 0 : 1;
}

} // namespace

int main(int argc, char **argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication app(argc, argv);
  QString error;
  const auto gaz =
      gazetteer::Gazetteer::load(QStringLiteral(STREETLENS_SOURCE_DIR "/resources/gazetteer"), &error);
  if (!gaz) {
    std::fprintf(stderr, "map_bench: %s\n", qPrintable(error));
    return 1;
  }
  const QStringList args = app.arguments();
  const int shotIdx = static_cast<int>(args.indexOf(QStringLiteral("--screenshots")));
  if (shotIdx >= 0)
    return screenshots(*gaz, shotIdx + 1 < args.size() ? args[shotIdx + 1] : QStringLiteral("."));
  const int frames = 60;

  QElapsedTimer t;
  t.start();
  const auto basemap = BasemapData::build(*gaz);
  const double buildMs = t.nsecsElapsed() / 1e6;
  const std::vector<ImageResult> results{syntheticResult(*gaz)};
  MapScene s = sceneFor(*gaz, basemap, results);

  std::printf("map_bench: %d countries, %d border vertices, view 1280x800, %d frames per row\n",
              static_cast<int>(basemap->countries().size()), basemap->vertexCount(), frames);
  std::printf("| %-52s | %10s | %8s |\n", "case", "ms/frame", "fps");
  std::printf("|%s|%s|%s|\n", QByteArray(54, '-').constData(), QByteArray(12, '-').constData(),
              QByteArray(10, '-').constData());
  auto row = [](const char *name, double ms) {
    std::printf("| %-52s | %10.2f | %8.1f |\n", name, ms, 1000.0 / ms);
  };

  // Pan across the whole world at several zooms, rendering the static layers from scratch.
  for (double zoom : {2.0, 4.0, 6.0}) {
    MapViewport vp({20, 0}, zoom, QSize(1280, 800));
    MapScene basemapOnly = s;
    basemapOnly.layers = kDefaultLayers & ~MapLayers(MapLayer::Heatmap) & ~MapLayers(MapLayer::Choropleth);
    t.restart();
    for (int i = 0; i < frames; ++i) {
      vp.panByPixels({-1280.0 * 4 / frames, 0.0});
      const QImage img = MapRenderer::renderStatic(vp, basemapOnly);
      Q_UNUSED(img);
    }
    const QByteArray name =
        QByteArray("pan, full basemap re-render, zoom ") + QByteArray::number(zoom, 'f', 0);
    row(name.constData(), t.nsecsElapsed() / 1e6 / frames);
  }
  {
    // What the widget does while dragging: the cached static image moved, plus the overlay.
    MapViewport vp({20, 0}, 2.0, QSize(1280, 800));
    MapViewport cacheVp = vp;
    cacheVp.setSize(QSize(1280 + 384, 800 + 384));
    const QImage cache = MapRenderer::renderStatic(cacheVp, s);
    QImage frame(vp.size(), QImage::Format_ARGB32_Premultiplied);
    t.restart();
    for (int i = 0; i < frames * 4; ++i) {
      vp.panByPixels({-3.0, 0.0});
      QPainter p(&frame);
      p.fillRect(frame.rect(), s.style.sea);
      p.drawImage(vp.worldToPixel(cacheVp.pixelToWorld({0, 0})), cache);
      MapRenderer::paintOverlay(p, vp, s);
    }
    row("pan, cached image + markers/legend (widget drag)", t.nsecsElapsed() / 1e6 / (frames * 4));
  }
  {
    MapViewport vp({20, 0}, 2.0, QSize(1280, 800));
    t.restart();
    for (int i = 0; i < 10; ++i) {
      vp.panByPixels({-40.0, 0.0});
      const QImage img = MapRenderer::renderToImage(vp, s);
      Q_UNUSED(img);
    }
    row("full map with heatmap + choropleth + overlay, zoom 2", t.nsecsElapsed() / 1e6 / 10);
  }

  std::printf("\n| %-52s | %10s |\n", "heatmap step", "ms");
  std::printf("|%s|%s|\n", QByteArray(54, '-').constData(), QByteArray(12, '-').constData());
  std::printf("| %-52s | %10.2f |\n", "build basemap from the gazetteer (once)", buildMs);
  for (double cell : {1.0, 0.5, 0.25}) {
    ProbabilityField::Options opt;
    opt.cellDeg = cell;
    t.restart();
    const int reps = 3;
    for (int i = 0; i < reps; ++i) {
      const ProbabilityField f = ProbabilityField::fromResults(results, gaz.get(), opt);
      Q_UNUSED(f);
    }
    const QByteArray name =
        QByteArray("build ProbabilityField, world grid ") + QByteArray::number(cell, 'f', 2) + " deg";
    std::printf("| %-52s | %10.2f |\n", name.constData(), t.nsecsElapsed() / 1e6 / reps);
  }
  const ProbabilityField field = ProbabilityField::fromResults(results, gaz.get(), {});
  for (int step : {1, 2, 4}) {
    MapViewport vp({20, 0}, 2.0, QSize(1280, 800));
    vp.reset();
    t.restart();
    const int reps = 10;
    for (int i = 0; i < reps; ++i) {
      const QImage img = HeatmapRasterizer::rasterize(vp, field, s.ramp, 0.78, step);
      Q_UNUSED(img);
    }
    const QByteArray name =
        QByteArray("rasterise world heatmap 1280x800, step ") + QByteArray::number(step) + " px";
    std::printf("| %-52s | %10.2f |\n", name.constData(), t.nsecsElapsed() / 1e6 / reps);
  }
  return 0;
}
