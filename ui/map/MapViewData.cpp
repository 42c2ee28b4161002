// MapView: data (results -> layer snapshots), layer switches, actions and export.
#include "core/gazetteer/Gazetteer.h"
#include "ui/map/MapExportDialog.h"
#include "ui/map/MapRenderer.h"
#include "ui/map/MapView.h"
#include "ui/map/PointPickOverlay.h"
#include "ui/map/ReportMap.h"
#include "ui/map/TileSource.h"

#include <QActionGroup>
#include <QDateTime>
#include <QDir>
#include <QFontMetricsF>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QToolBar>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

namespace streetlens::ui {

void MapView::setGazetteer(std::shared_ptr<const gazetteer::Gazetteer> gazetteer, const QString &language) {
  m_gaz = std::move(gazetteer);
  m_language = language;
  m_basemap = m_gaz ? BasemapData::build(*m_gaz, language) : nullptr;
  rebuildResultLayers();
}

void MapView::setResults(const std::vector<ImageResult> &results) {
  m_results = results;
  m_selectedCountry.clear();
  rebuildResultLayers();
}

void MapView::setMultiImageMode(MultiImageMode mode) {
  if (mode == m_mode)
    return;
  m_mode = mode;
  if (m_perImageAction)
    m_perImageAction->setChecked(mode == MultiImageMode::PerImage);
  rebuildResultLayers();
}

void MapView::setTopK(int k) {
  m_topK = std::max(1, k);
  rebuildResultLayers();
}

void MapView::setColorRamp(ColorRamp::Kind kind) {
  m_ramp = ColorRamp(kind);
  scheduleRender();
}

void MapView::setFieldOptions(const ProbabilityField::Options &options) {
  m_fieldOptions = options;
  rebuildResultLayers();
}

void MapView::setAnnotations(const AnnotationMap &annotations) {
  m_annotations = annotations;
  rebuildResultLayers();
}

void MapView::startPointPick(const QString &hint) {
  if (!m_pick) {
    m_pick = new PointPickOverlay(this);
    connect(m_pick, &PointPickOverlay::picked, this, &MapView::pointPicked);
    connect(m_pick, &PointPickOverlay::cancelled, this, &MapView::pickCancelled);
  }
  m_pick->start(hint);
}

bool MapView::isPickingPoint() const {
  return m_pick && m_pick->isPicking();
}

void MapView::setConstraint(const GeoConstraint &constraint) {
  m_constraint = constraint;
  update(); // the overlay pass draws it
}

void MapView::setMarkerColoring(const MarkerColoring &coloring) {
  if (coloring == m_coloring)
    return;
  m_coloring = coloring;
  rebuildColoringMenu();
  rebuildResultLayers();
}

void MapView::setColoringChoices(const QVector<MarkerColoring> &tasks) {
  m_coloringChoices = tasks;
  // A colouring by a task no longer chosen goes; one whose task is still there is kept.
  const auto still = std::find_if(tasks.begin(), tasks.end(),
                                  [this](const MarkerColoring &c) { return c.task == m_coloring.task; });
  if (m_coloring.isActive() &&
      (still == tasks.end() || (!m_coloring.label.isEmpty() && !still->labels.contains(m_coloring.label))))
    setMarkerColoring({});
  rebuildColoringMenu();
}

void MapView::rebuildColoringMenu() {
  if (!m_coloringMenu)
    return;
  m_coloringMenu->clear();
  auto *group = new QActionGroup(m_coloringMenu);
  const auto add = [&](QMenu *menu, const QString &text, const MarkerColoring &c) {
    QAction *a = menu->addAction(text);
    a->setCheckable(true);
    a->setChecked(c == m_coloring);
    group->addAction(a);
    connect(a, &QAction::triggered, this, [this, c] { setMarkerColoring(c); });
  };
  add(m_coloringMenu, tr("Usual colours"), {});
  for (const MarkerColoring &task : m_coloringChoices) {
    QMenu *sub = m_coloringMenu->addMenu(task.task);
    sub->setToolTip(task.title);
    add(sub, tr("Top answer"), task);
    sub->addSeparator();
    for (const QString &label : task.labels) {
      MarkerColoring c = task;
      c.label = label;
      add(sub, tr("Probability of \"%1\"").arg(label), c);
    }
  }
  m_coloringMenu->setEnabled(!m_coloringChoices.isEmpty());
}

void MapView::rebuildResultLayers() {
  // Coloured by a task: one marker per photo, so each shows its answer.
  const MultiImageMode mode = m_coloring.isActive() ? MultiImageMode::PerImage : m_mode;
  ResultLayers layers = buildResultLayers(m_results, mode, m_topK, m_gaz.get(), &m_annotations);
  if (m_coloring.isActive()) {
    auto coloured = std::make_shared<MarkerSet>(*layers.markers);
    applyColoring(*coloured, m_results, m_coloring);
    layers.markers = std::move(coloured);
    m_markerLegend = std::make_shared<const MarkerLegend>(coloringLegend(m_coloring));
  } else {
    m_markerLegend.reset();
  }
  m_markers = layers.markers;
  m_regions = layers.areas;
  m_countryProbs = layers.countryProbabilities;
  m_hoverMarker = -1;

  // The field is computed off the GUI thread; stale generations are dropped.
  const int generation = ++m_fieldGeneration;
  m_field.reset();
  if (!wantsProbabilityField(layers, mode)) {
    scheduleRender();
    update();
    return;
  }
  if (m_fieldWatcher.isRunning()) {
    m_fieldDirty = true; // onFieldReady starts the latest request
    scheduleRender();
    return;
  }
  ++m_fieldRunning;
  auto gazKeep = m_gaz;
  const std::vector<ImageResult> results = m_results;
  const ProbabilityField::Options options = m_fieldOptions;
  m_fieldWatcher.setProperty("generation", generation);
  m_fieldWatcher.setFuture(QtConcurrent::run(
      [results, gazKeep, options]() { return buildProbabilityField(results, gazKeep.get(), options); }));
  scheduleRender();
  update();
}

void MapView::onFieldReady() {
  --m_fieldRunning;
  const int generation = m_fieldWatcher.property("generation").toInt();
  if (m_fieldDirty) {
    m_fieldDirty = false;
    rebuildResultLayers();
    return;
  }
  if (generation == m_fieldGeneration) {
    m_field = m_fieldWatcher.result();
    scheduleRender();
  }
}

void MapView::setLayerVisible(MapLayer layer, bool visible) {
  if (m_layers.testFlag(layer) == visible)
    return;
  m_layers.setFlag(layer, visible);
  if (QAction *a = layerAction(layer))
    a->setChecked(visible);
  if (layer == MapLayer::Tiles)
    m_tiles->setEnabled(visible);
  update();
  scheduleRender();
}

void MapView::setTileSource(const QString &urlTemplate, const QString &cacheDir, const QString &attribution) {
  m_tiles->setSource(urlTemplate, cacheDir, attribution);
  scheduleRender();
}

void MapView::setOnlineTilesEnabled(bool on) {
  setLayerVisible(MapLayer::Tiles, on);
}

bool MapView::onlineTilesEnabled() const {
  return m_layers.testFlag(MapLayer::Tiles);
}

bool MapView::isTilesOffline() const {
  return onlineTilesEnabled() && m_tiles->isOffline();
}

QString MapView::offlineText() const {
  return isTilesOffline() ? tr("Online tiles unavailable (offline) — showing the built-in map") : QString();
}

MapScene MapView::scene() const {
  MapScene s;
  s.basemap = m_basemap;
  s.field = m_field;
  s.countryProbabilities = m_countryProbs;
  s.markers = m_markers;
  s.markerLegend = m_markerLegend;
  auto areas = std::make_shared<AreaSet>(AreaSet::fromConstraint(m_constraint));
  if (m_regions)
    areas->regions = m_regions->regions;
  s.areas = std::move(areas);
  s.layers = m_layers;
  s.ramp = m_ramp;
  s.style = m_style;
  s.tileAttribution = m_tiles->attribution();
  s.statusText = offlineText();
  if (m_toolBar && m_toolBar->isVisible()) // marker labels keep clear of the toolbar
    s.reservedAreas.push_back(QRectF(m_toolBar->geometry()).adjusted(-4, -4, 4, 4));
  return s;
}

QImage MapView::renderToImage(QSize size) const {
  MapViewport vp = m_viewport;
  vp.setSize(size);
  vp.setCenterWorld(m_viewport.centerWorld());
  MapScene s = scene();
  s.statusText.clear();
  s.reservedAreas.clear(); // no toolbar in an image
  if (s.has(MapLayer::Tiles)) {
    std::vector<TileKey> keys;
    for (const TilePlacement &t : tilesFor(vp, tileZoomFor(vp.zoom())))
      keys.push_back(t.key);
    s.tiles = m_tiles->snapshot(keys);
  }
  return MapRenderer::renderToImage(vp, s);
}

bool MapView::savePng(const QString &path, QString *error) const {
  const QImage img = renderToImage(size());
  if (img.isNull() || !img.save(path, "PNG")) {
    if (error)
      *error = tr("Could not write the map image %1").arg(path);
    return false;
  }
  return true;
}

QImage MapView::renderExportImage(double scale, const QString &title) const {
  scale = std::clamp(scale, 0.5, 8.0);
  MapViewport vp = m_viewport;
  vp.setSize(size());
  vp.setCenterWorld(m_viewport.centerWorld());
  MapScene s = scene();
  s.statusText.clear();
  s.reservedAreas.clear();
  s.layers.setFlag(MapLayer::Legend, true);
  if (s.has(MapLayer::Tiles)) {
    std::vector<TileKey> keys;
    for (const TilePlacement &t : tilesFor(vp, tileZoomFor(vp.zoom())))
      keys.push_back(t.key);
    s.tiles = m_tiles->snapshot(keys);
  }
  // The same area at more pixels: painted through the device pixel ratio, so that lines, text and
  // symbols keep their size relative to the map and come out sharp.
  QImage map(QSize(int(vp.size().width() * scale), int(vp.size().height() * scale)),
             QImage::Format_ARGB32_Premultiplied);
  if (map.isNull())
    return {};
  map.setDevicePixelRatio(scale);
  {
    QPainter p(&map);
    MapRenderer::paintStatic(p, vp, s);
    MapRenderer::paintOverlay(p, vp, s);
  }
  const int band = kExportTitleBand;
  QImage out(QSize(map.width(), int((vp.size().height() + band) * scale)),
             QImage::Format_ARGB32_Premultiplied);
  if (out.isNull())
    return {};
  out.setDevicePixelRatio(scale);
  out.fill(Qt::white);
  QPainter p(&out);
  p.setRenderHint(QPainter::Antialiasing);
  p.setRenderHint(QPainter::TextAntialiasing);
  QFont titleFont(m_style.fontFamily);
  titleFont.setPointSizeF(12.5);
  titleFont.setBold(true);
  p.setFont(titleFont);
  p.setPen(m_style.panelText);
  const int w = vp.size().width();
  p.drawText(QRectF(12, 4, w - 24, 24), Qt::AlignLeft | Qt::AlignVCenter,
             QFontMetricsF(titleFont).elidedText(title.isEmpty() ? tr("StreetLens map") : title,
                                                 Qt::ElideRight, w - 24));
  QFont small(m_style.fontFamily);
  small.setPointSizeF(8.5);
  p.setFont(small);
  p.setPen(QColor(0x55, 0x55, 0x55));
  p.drawText(QRectF(12, 26, w - 24, 16), Qt::AlignLeft | Qt::AlignVCenter,
             tr("StreetLens · %1 · locations are estimates, not proof")
                 .arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat)));
  p.drawImage(QPointF(0, band), map);
  p.setPen(QPen(QColor(0, 0, 0, 60), 1));
  p.drawLine(QPointF(0, band - 0.5), QPointF(w, band - 0.5));
  return out;
}

bool MapView::saveExportPng(const QString &path, double scale, const QString &title, QString *error) const {
  const QImage img = renderExportImage(scale, title);
  if (img.isNull() || !img.save(path, "PNG")) {
    if (error)
      *error = tr("Could not write the map image %1").arg(path);
    return false;
  }
  return true;
}

void MapView::setExportDefaults(std::function<QString()> folder, std::function<QString()> title) {
  m_exportFolder = std::move(folder);
  m_exportTitle = std::move(title);
}

void MapView::saveMapAsPng() {
  const QString folder = m_exportFolder ? m_exportFolder() : QDir::homePath();
  const QString title = m_exportTitle ? m_exportTitle() : QStringLiteral("StreetLens");
  // Window-modal, opened with open(): no nested event loop.
  auto *dialog = new MapExportDialog(this, folder, title, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->open();
}

QList<QAction *> MapView::viewActions() const {
  return {m_zoomInAction, m_zoomOutAction, m_fitAction, m_resetAction, m_saveAction};
}

void MapView::buildActions() {
  auto make = [this](const QString &text, const QString &tip, auto slot) {
    auto *a = new QAction(text, this);
    a->setToolTip(tip);
    connect(a, &QAction::triggered, this, slot);
    return a;
  };
  m_zoomInAction = make(QStringLiteral("+"), tr("Zoom in (+)"), &MapView::zoomIn);
  m_zoomOutAction = make(QStringLiteral("−"), tr("Zoom out (−)"), &MapView::zoomOut);
  m_fitAction = make(tr("Fit"), tr("Fit the map to the results (F)"), &MapView::fitToResults);
  m_resetAction = make(tr("World"), tr("Show the whole world (Home)"), &MapView::resetView);
  m_saveAction = make(tr("PNG"), tr("Save the map as a PNG image"), &MapView::saveMapAsPng);

  m_layerMenu = new QMenu(tr("Layers"), this);
  const std::pair<MapLayer, QString> layers[] = {
      {MapLayer::Heatmap, tr("Probability heatmap")},   {MapLayer::Regions, tr("Confidence regions")},
      {MapLayer::Constraint, tr("Constraint areas")},   {MapLayer::Choropleth, tr("Country shading")},
      {MapLayer::Markers, tr("Markers and EXIF line")}, {MapLayer::Borders, tr("Country borders")},
      {MapLayer::Labels, tr("Country names")},          {MapLayer::Graticule, tr("Graticule")},
      {MapLayer::Legend, tr("Legend and scale")},       {MapLayer::Tiles, tr("Online tiles")}};
  for (const auto &[layer, text] : layers) {
    if (layer == MapLayer::Tiles)
      m_layerMenu->addSeparator();
    QAction *a = m_layerMenu->addAction(text);
    a->setCheckable(true);
    a->setChecked(m_layers.testFlag(layer));
    const MapLayer l = layer;
    connect(a, &QAction::toggled, this, [this, l](bool on) { setLayerVisible(l, on); });
    m_layerActions.insert(static_cast<unsigned>(layer), a);
  }
  m_layerMenu->addSeparator();
  m_perImageAction = m_layerMenu->addAction(tr("One marker per image"));
  m_perImageAction->setCheckable(true);
  m_perImageAction->setToolTip(tr("Several images: one marker each instead of the combined heatmap"));
  connect(m_perImageAction, &QAction::toggled, this,
          [this](bool on) { setMultiImageMode(on ? MultiImageMode::PerImage : MultiImageMode::Combined); });
  m_coloringMenu = m_layerMenu->addMenu(tr("Colour photos by"));
  m_coloringMenu->setToolTip(tr("Colour each photo's marker by its answer to a scene task"));
  rebuildColoringMenu();

  m_toolBar = new QToolBar(this);
  m_toolBar->setIconSize(QSize(16, 16));
  m_toolBar->setStyleSheet(QStringLiteral("QToolBar { background: rgba(255,255,255,215); border: 1px solid "
                                          "rgba(0,0,0,50); border-radius: 4px; }"));
  m_toolBar->addActions({m_zoomInAction, m_zoomOutAction, m_fitAction, m_resetAction});
  auto *layersButton = new QToolButton(m_toolBar);
  layersButton->setText(tr("Layers"));
  layersButton->setMenu(m_layerMenu);
  layersButton->setPopupMode(QToolButton::InstantPopup);
  m_toolBar->addWidget(layersButton);
  m_toolBar->addAction(m_saveAction);
  m_toolBar->adjustSize();
}

} // namespace streetlens::ui
