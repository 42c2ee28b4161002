#pragma once
// EvidenceController: applies what the analyst states in the EvidencePanel to what the window
// shows, without running the model again — the constraint to every finished result (the list,
// the panel, the map and the exports show the model's answer times the constraint, renormalised;
// recomputed on a pool thread, the newest request wins), drawn areas from the map, and the
// project's sites: photos grouped by the analyst (by SHA-256), each fused into one posterior that
// the panel lists and shows in the results panel and on the map when selected, recomputed when the
// constraint or the photos change. Owns the sites of the project shown; the constraint is the
// panel's. Keeping both in the project is the window's: it stores what sitesEdited() and
// constraintEdited() announce through the analysis worker (the project's only writer), and calls
// restore() when a project is opened. GUI thread; the recomputation runs pure functions on copies.
#include "core/analysis/AnalysisSettings.h"
#include "core/analysis/Posterior.h"
#include "core/analysis/SiteFusion.h"
#include "core/store/ProjectStore.h"

#include <QFutureWatcher>
#include <QObject>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QUndoStack;

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
  // Grouping, renaming and deleting sites become undoable steps of this stack (null: not undoable).
  void setUndoStack(QUndoStack *undo) { m_undo = undo; }
  bool isApplying() const { return m_watcher.isRunning(); }

  // A project was opened: its sites and constraint (none: no constraint) replace the ones shown,
  // without announcing them for storing.
  void restore(std::vector<store::StoredSite> sites, const std::optional<GeoConstraint> &constraint);
  // The sites as stored and as fused from the photos shown (same order).
  const std::vector<store::StoredSite> &sites() const { return m_sites; }
  const std::vector<SiteResult> &siteResults() const { return m_siteResults; }
  // Replaces the sites (announced for storing), e.g. by an undo step.
  void setSites(std::vector<store::StoredSite> sites);
  // Shows site `index` in the results panel and on the map and selects it in the panel's list.
  void showSite(int index);
  // Fuses the sites again soon (e.g. once the gazetteer is loaded: place names, regions).
  void refreshSites() { scheduleRecompute(); }
  // The site shown last (empty before any).
  const ImageResult &lastSite() const { return m_site; }

Q_SIGNALS:
  void applied(); // the shown results follow the newest constraint
  void message(const QString &text);
  // For the project (stored by the window through the worker).
  void sitesEdited(const std::vector<streetlens::store::StoredSite> &sites);
  void constraintEdited(const streetlens::GeoConstraint &constraint);

private:
  void onConstraintChanged(const GeoConstraint &c);
  void applyConstraint(const GeoConstraint &c);
  void onGroup(const QString &name);
  void onFocus(int row);
  void editSites(std::vector<store::StoredSite> sites, const QString &what);
  void scheduleRecompute();
  void recomputeSites();
  PosteriorOptions options(const GeoConstraint &c) const;

  EvidencePanel *m_panel;
  ImageListModel *m_model;
  SelectionPresenter *m_selection;
  ResultsPanel *m_results;
  MapView *m_map = nullptr;
  AreaDrawOverlay *m_draw = nullptr;
  QUndoStack *m_undo = nullptr;
  GazetteerSource m_gaz;
  SettingsSource m_settings;
  int m_generation = 0;
  bool m_constrained = false;
  QFutureWatcher<std::vector<ImageResult>> m_watcher;
  int m_watcherGeneration = 0;
  bool m_pending = false; // a newer constraint waits for the running computation
  std::vector<store::StoredSite> m_sites;
  std::vector<SiteResult> m_siteResults;
  int m_shownSite = -1; // the site the results panel and the map show (-1: a photo's)
  bool m_recomputeScheduled = false;
  ImageResult m_site;
};

} // namespace streetlens::ui
