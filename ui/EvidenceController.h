#pragma once
// EvidenceController: applies what the analyst states in the EvidencePanel to what the window
// shows, without running the model again — the constraint to every finished result (the list,
// the panel, the map and the exports show the model's answer times the constraint, renormalised;
// recomputed on a pool thread, the newest request wins), drawn areas from the map, and sites: the
// photos selected fused into one posterior shown in the panel and on the map. GUI thread; the
// recomputation runs pure functions on copies.
#include "core/analysis/AnalysisSettings.h"
#include "core/analysis/Posterior.h"

#include <QFutureWatcher>
#include <QObject>
#include <functional>
#include <memory>

namespace streetlens::gazetteer {
class Gazetteer;
}

namespace streetlens::ui {

class AreaDrawOverlay;
class EvidencePanel;
class ImageListModel;
class MapView;
class ResultsPanel;
class SelectionPresenter;

class EvidenceController : public QObject {
  Q_OBJECT
public:
  using GazetteerSource = std::function<std::shared_ptr<const gazetteer::Gazetteer>()>;
  using SettingsSource = std::function<AnalysisSettings()>;

  EvidenceController(EvidencePanel *panel, ImageListModel *model, SelectionPresenter *selection,
                     ResultsPanel *results, GazetteerSource gazetteer, SettingsSource settings,
                     QObject *parent = nullptr);
  ~EvidenceController() override;
  // The map shows the constraint's areas and lets the analyst draw new ones.
  void setMap(MapView *map);
  bool isApplying() const { return m_watcher.isRunning(); }
  // The site last grouped (empty before any).
  const ImageResult &lastSite() const { return m_site; }

Q_SIGNALS:
  void applied(); // the shown results follow the newest constraint
  void message(const QString &text);

private:
  void onConstraintChanged(const GeoConstraint &c);
  void onGroup(const QString &name);
  void onFocus(int row);
  PosteriorOptions options(const GeoConstraint &c) const;

  EvidencePanel *m_panel;
  ImageListModel *m_model;
  SelectionPresenter *m_selection;
  ResultsPanel *m_results;
  MapView *m_map = nullptr;
  AreaDrawOverlay *m_draw = nullptr;
  GazetteerSource m_gaz;
  SettingsSource m_settings;
  int m_generation = 0;
  bool m_constrained = false;
  QFutureWatcher<std::vector<ImageResult>> m_watcher;
  int m_watcherGeneration = 0;
  bool m_pending = false; // a newer constraint waits for the running computation
  ImageResult m_site;
};

} // namespace streetlens::ui
