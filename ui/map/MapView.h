#pragma once
// MapView: the interactive map widget — offline basemap, country shading, probability heatmap,
// city/estimate/EXIF markers and optional online tiles for the selected image(s). Owns its
// MapViewport, the layer snapshots (MapScene), a MapRenderJob that renders the static layers off
// the GUI thread (the last image is reused, shifted and scaled, while the next one renders, as
// QGIS's canvas does) and a TileFetcher. Drag pans; wheel, +/- and double-click zoom anchored at
// the cursor; arrows pan; clicking a country or marker reports its probability. GUI thread only.
#include "core/analysis/GeoResult.h"
#include "core/analysis/ProbabilityField.h"
#include "ui/map/MapRenderJob.h"
#include "ui/map/MapScene.h"
#include "ui/map/MapViewport.h"
#include "ui/map/TaskColoring.h"

#include <QFutureWatcher>
#include <QHash>
#include <QImage>
#include <QTimer>
#include <QWidget>
#include <functional>
#include <memory>
#include <vector>

class QAction;
class QMenu;
class QToolBar;

namespace streetlens::gazetteer {
class Gazetteer;
}

namespace streetlens::ui {

class TileFetcher;
class PointPickOverlay;

class MapView : public QWidget {
  Q_OBJECT
public:
  explicit MapView(QWidget *parent = nullptr);
  ~MapView() override;

  // The basemap, names (in `language`) and places come from the gazetteer. Builds the basemap.
  void setGazetteer(std::shared_ptr<const gazetteer::Gazetteer> gazetteer,
                    const QString &language = QStringLiteral("en"));
  // The selected image(s). Failed results are ignored. Does not move the view (see fitToResults).
  void setResults(const std::vector<ImageResult> &results);
  void clearResults() { setResults({}); }
  const std::vector<ImageResult> &results() const { return m_results; }

  void setMultiImageMode(MultiImageMode mode);
  MultiImageMode multiImageMode() const { return m_mode; }
  void setTopK(int k);
  void setColorRamp(ColorRamp::Kind kind);
  void setFieldOptions(const ProbabilityField::Options &options);
  // The analyst's annotations: the ground-truth pins of the results shown are drawn as markers.
  void setAnnotations(const AnnotationMap &annotations);
  // Lets the analyst click one point (a ground-truth pin): pointPicked, or pickCancelled on Esc.
  void startPointPick(const QString &hint);
  bool isPickingPoint() const;
  // Colours the photos' markers by a scene task (inactive: usual colours). While one is active,
  // several photos get one marker each (as in the per-image mode); a legend explains the colours.
  void setMarkerColoring(const MarkerColoring &coloring);
  const MarkerColoring &markerColoring() const { return m_coloring; }
  // The tasks offered in the layer menu's "Colour photos by" (title/labels filled, label empty).
  void setColoringChoices(const QVector<MarkerColoring> &tasks);
  QMenu *coloringMenu() const { return m_coloringMenu; }
  // The analyst's constraint, drawn as areas (Constraint layer).
  void setConstraint(const GeoConstraint &constraint);

  void setLayerVisible(MapLayer layer, bool visible);
  bool isLayerVisible(MapLayer layer) const { return m_layers.testFlag(layer); }
  MapLayers layers() const { return m_layers; }

  // Online tiles: template like https://tile.openstreetmap.org/{z}/{x}/{y}.png, disk cache folder,
  // attribution text (shown on the map). Tiles stay off until setOnlineTilesEnabled(true).
  void setTileSource(const QString &urlTemplate, const QString &cacheDir, const QString &attribution);
  void setOnlineTilesEnabled(bool on);
  bool onlineTilesEnabled() const;
  bool isTilesOffline() const;
  TileFetcher *tileFetcher() const { return m_tiles; }

  const MapViewport &viewport() const { return m_viewport; }
  void setViewport(const MapViewport &vp);
  // Snapshot of what is drawn (for reports: MapRenderer::renderToImage(viewport, scene)).
  MapScene scene() const;

  // The map at `size` around the current centre and zoom, with every visible layer.
  QImage renderToImage(QSize size) const;
  bool savePng(const QString &path, QString *error = nullptr) const;
  // The map as exported: the current view at `scale` times its pixels (same area, sharper), the
  // legend and scale bar on, under a band with `title`, the date and "estimates, not proof".
  QImage renderExportImage(double scale, const QString &title) const;
  bool saveExportPng(const QString &path, double scale, const QString &title, QString *error = nullptr) const;
  // Height of the title band in view pixels.
  static constexpr int kExportTitleBand = 46;
  // What Save PNG proposes: the folder and the title (the window sets them: the project's folder
  // or an existing documents folder, the project's or photos' name). Defaults: home, "StreetLens".
  void setExportDefaults(std::function<QString()> folder, std::function<QString()> title);

  // Text of the tooltip at a widget position: marker details or country name and probability.
  QString toolTipAt(QPoint pos) const;
  // Alpha-2 code of the country at a widget position ("" over the sea).
  QString countryAt(QPoint pos) const;
  // Index of the marker at a widget position (into scene().markers->markers), -1 when none.
  int markerAt(QPoint pos) const;
  // True while the probability field or a render is being computed.
  bool isBusy() const;
  bool hasRenderedImage() const { return !m_cache.isNull(); }

  // Actions (also in the built-in toolbar): zoom in/out, fit, reset, save PNG.
  QList<QAction *> viewActions() const;
  // Checkable layer toggles, the multi-image mode and online tiles.
  QMenu *layerMenu() const { return m_layerMenu; }
  QAction *layerAction(MapLayer layer) const { return m_layerActions.value(static_cast<unsigned>(layer)); }

public Q_SLOTS:
  void zoomIn();
  void zoomOut();
  void fitToResults();
  void resetView();
  void saveMapAsPng(); // opens the MapExportDialog (title, resolution, file)

Q_SIGNALS:
  void countryClicked(const QString &code2, const QString &name, double probability);
  void markerClicked(int imageIndex, const QString &title, double probability);
  void viewportChanged(const streetlens::ui::MapViewport &viewport);
  void rendered(); // a new static image arrived
  void pointPicked(const streetlens::geo::GeoPoint &point);
  void pickCancelled();

protected:
  void paintEvent(QPaintEvent *event) override;
  void resizeEvent(QResizeEvent *event) override;
  void mousePressEvent(QMouseEvent *event) override;
  void mouseMoveEvent(QMouseEvent *event) override;
  void mouseReleaseEvent(QMouseEvent *event) override;
  void mouseDoubleClickEvent(QMouseEvent *event) override;
  void wheelEvent(QWheelEvent *event) override;
  void keyPressEvent(QKeyEvent *event) override;
  bool event(QEvent *event) override;

private:
  void buildActions();
  void viewportEdited(); // after the viewport changed: repaint now, re-render soon
  void scheduleRender(int delayMs = 0);
  void startRender();
  void onRendered(const QImage &image, const MapViewport &vp);
  void rebuildResultLayers();
  void onFieldReady();
  void click(QPoint pos);
  MapViewport renderViewport() const; // the viewport plus a margin for panning
  QString offlineText() const;

  std::shared_ptr<const gazetteer::Gazetteer> m_gaz;
  QString m_language = QStringLiteral("en");
  std::shared_ptr<const BasemapData> m_basemap;
  std::vector<ImageResult> m_results;
  MultiImageMode m_mode = MultiImageMode::Combined;
  int m_topK = 5;
  ProbabilityField::Options m_fieldOptions;
  ColorRamp m_ramp{ColorRamp::Kind::Magma};
  MapStyle m_style;
  MapLayers m_layers = kDefaultLayers;
  std::shared_ptr<const ProbabilityField> m_field;
  std::shared_ptr<const QHash<QString, double>> m_countryProbs;
  std::shared_ptr<const MarkerSet> m_markers;
  std::shared_ptr<const AreaSet> m_regions; // confidence regions of the result in view
  GeoConstraint m_constraint;               // drawn with them
  AnnotationMap m_annotations;              // the analyst's pins among them
  MarkerColoring m_coloring;                // the photos' colouring by a scene task
  QVector<MarkerColoring> m_coloringChoices;
  QMenu *m_coloringMenu = nullptr;
  std::shared_ptr<const MarkerLegend> m_markerLegend;
  void rebuildColoringMenu();
  PointPickOverlay *m_pick = nullptr; // made on the first pick
  QFutureWatcher<std::shared_ptr<const ProbabilityField>> m_fieldWatcher;
  int m_fieldGeneration = 0, m_fieldRunning = 0;
  bool m_fieldDirty = false;

  MapViewport m_viewport;
  bool m_viewportInitialised = false;
  QImage m_cache; // last static render
  MapViewport m_cacheViewport;
  MapRenderJob *m_job = nullptr;
  QTimer m_renderTimer; // coalesces render requests
  TileFetcher *m_tiles = nullptr;

  QPoint m_pressPos, m_lastPos;
  bool m_pressed = false, m_dragging = false;
  int m_hoverMarker = -1;
  QString m_selectedCountry;

  QToolBar *m_toolBar = nullptr;
  QMenu *m_layerMenu = nullptr;
  QAction *m_zoomInAction = nullptr, *m_zoomOutAction = nullptr, *m_fitAction = nullptr;
  QAction *m_resetAction = nullptr, *m_saveAction = nullptr, *m_perImageAction = nullptr;
  QHash<unsigned, QAction *> m_layerActions;
  std::function<QString()> m_exportFolder, m_exportTitle;
};

} // namespace streetlens::ui
