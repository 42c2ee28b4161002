#include "ui/EvidenceController.h"

#include "core/analysis/GeoAnalyzer.h"
#include "core/store/ProjectEvidence.h"
#include "ui/EvidencePanel.h"
#include "ui/ImageListModel.h"
#include "ui/ResultsPanel.h"
#include "ui/SelectionPresenter.h"
#include "ui/map/AreaDrawOverlay.h"
#include "ui/map/MapView.h"

#include <QSet>
#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace streetlens::ui {

namespace {

// One edit of the sites (group, rename, delete): the list before and after.
class SitesCommand : public QUndoCommand {
public:
  SitesCommand(EvidenceController *c, std::vector<store::StoredSite> before,
               std::vector<store::StoredSite> after, const QString &text)
      : QUndoCommand(text), m_c(c), m_before(std::move(before)), m_after(std::move(after)) {}
  void redo() override { m_c->setSites(m_after); }
  void undo() override { m_c->setSites(m_before); }

private:
  EvidenceController *m_c;
  std::vector<store::StoredSite> m_before, m_after;
};

} // namespace

EvidenceController::EvidenceController(EvidencePanel *panel, ImageListModel *model,
                                       SelectionPresenter *selection, ResultsPanel *results,
                                       GazetteerSource gazetteer, SettingsSource settings, QObject *parent)
    : QObject(parent), m_panel(panel), m_model(model), m_selection(selection), m_results(results),
      m_gaz(std::move(gazetteer)), m_settings(std::move(settings)) {
  connect(panel, &EvidencePanel::constraintChanged, this, &EvidenceController::onConstraintChanged);
  connect(panel, &EvidencePanel::groupRequested, this, &EvidenceController::onGroup);
  connect(panel, &EvidencePanel::siteSelected, this, &EvidenceController::showSite);
  connect(panel, &EvidencePanel::renameSiteRequested, this, [this](int row, const QString &name) {
    if (row < 0 || row >= int(m_sites.size()) || m_sites[size_t(row)].name == name)
      return;
    std::vector<store::StoredSite> sites = m_sites;
    sites[size_t(row)].name = name;
    editSites(std::move(sites), tr("Rename site \"%1\"").arg(m_sites[size_t(row)].name));
  });
  connect(panel, &EvidencePanel::deleteSiteRequested, this, [this](int row) {
    if (row < 0 || row >= int(m_sites.size()))
      return;
    std::vector<store::StoredSite> sites = m_sites;
    sites.erase(sites.begin() + row);
    editSites(std::move(sites), tr("Delete site \"%1\"").arg(m_sites[size_t(row)].name));
  });
  connect(selection, &SelectionPresenter::focusChanged, this, &EvidenceController::onFocus);
  // The analyst picks photos again: they, not the site, are shown.
  connect(selection, &SelectionPresenter::selectedResultsChanged, this, [this] {
    m_shownSite = -1;
    m_panel->clearSiteSelection();
  });
  // A site follows its photos: removed, restored, analysed again.
  connect(model, &QAbstractItemModel::rowsInserted, this, &EvidenceController::scheduleRecompute);
  connect(model, &QAbstractItemModel::rowsRemoved, this, &EvidenceController::scheduleRecompute);
  connect(model, &QAbstractItemModel::modelReset, this, &EvidenceController::scheduleRecompute);
  connect(model, &QAbstractItemModel::dataChanged, this,
          [this](const QModelIndex &from, const QModelIndex &to) {
            if (m_sites.empty())
              return;
            for (int row = from.row(); row <= to.row() && row < int(m_model->rows().size()); ++row) {
              const QString &sha = m_model->row(row).sha256;
              if (std::any_of(m_sites.begin(), m_sites.end(),
                              [&](const store::StoredSite &s) { return s.members.contains(sha); })) {
                scheduleRecompute();
                return;
              }
            }
          });
  connect(&m_watcher, &QFutureWatcher<std::vector<ImageResult>>::finished, this, [this] {
    if (m_watcherGeneration == m_generation) {
      const int shownSite = m_shownSite;
      m_model->setShownResults(m_watcher.result(), m_constrained);
      m_selection->refresh();
      onFocus(m_selection->focusRow());
      m_shownSite = shownSite; // the site shown stays shown, under the new constraint
      recomputeSites();
      Q_EMIT applied();
    }
    if (m_pending) {
      m_pending = false;
      applyConstraint(m_panel->constraint());
    }
  });
}

EvidenceController::~EvidenceController() {
  m_watcher.waitForFinished();
}

void EvidenceController::setMap(MapView *map) {
  m_map = map;
  if (!map)
    return;
  m_draw = new AreaDrawOverlay(map);
  connect(m_panel, &EvidencePanel::drawAreaRequested, m_draw, &AreaDrawOverlay::start);
  connect(m_draw, &AreaDrawOverlay::finished, m_panel, &EvidencePanel::addDrawnArea);
  map->setConstraint(m_panel->constraint());
}

PosteriorOptions EvidenceController::options(const GeoConstraint &c) const {
  PosteriorOptions o = GeoAnalyzer::posteriorOptionsFor(m_settings());
  if (!c.isEmpty())
    o.constraint = std::make_shared<ConstraintWeights>(c, m_gaz());
  return o;
}

void EvidenceController::restore(std::vector<store::StoredSite> sites,
                                 const std::optional<GeoConstraint> &constraint) {
  m_sites = std::move(sites);
  m_shownSite = -1;
  m_panel->clearSiteSelection();
  const GeoConstraint c = constraint.value_or(GeoConstraint{});
  const bool apply = !c.isEmpty() || !m_panel->constraint().isEmpty();
  m_panel->setConstraint(c);
  if (apply)
    applyConstraint(c); // the sites follow once the photos show it
  recomputeSites();
}

void EvidenceController::onConstraintChanged(const GeoConstraint &c) {
  Q_EMIT constraintEdited(c);
  applyConstraint(c);
}

void EvidenceController::applyConstraint(const GeoConstraint &c) {
  ++m_generation;
  if (m_map)
    m_map->setConstraint(c);
  const auto gaz = m_gaz();
  m_constrained = !c.isEmpty();
  if (!m_constrained) {
    m_model->setPosterior(nullptr);
  } else {
    const PosteriorOptions o = options(c);
    m_model->setPosterior([gaz, o](const ImageResult &r) { return reapplyPosterior(r, gaz.get(), o); });
  }
  if (m_watcher.isRunning()) { // the newest constraint is applied when this one is done
    m_pending = true;
    return;
  }
  m_watcherGeneration = m_generation;
  const ImageListModel::Posterior f = m_model->posterior();
  const std::vector<ImageResult> answers = m_model->modelAnswers();
  Q_EMIT message(m_constrained ? tr("Applying the constraint to %n photo(s)…", nullptr, int(answers.size()))
                               : tr("Constraint cleared: the model's own answers."));
  m_watcher.setFuture(QtConcurrent::run([answers, f] {
    if (!f)
      return answers;
    std::vector<ImageResult> out;
    out.reserve(answers.size());
    for (const ImageResult &r : answers)
      out.push_back(f(r));
    return out;
  }));
}

void EvidenceController::onFocus(int row) {
  if (row < 0 || row >= int(m_model->rows().size()) || !m_model->row(row).result) {
    m_panel->showMassInside(std::nullopt, false);
    return;
  }
  const ImageResult &r = *m_model->row(row).result;
  m_panel->showMassInside(r.constraintMass, r.constraintEmpty);
}

void EvidenceController::onGroup(const QString &name) {
  const std::vector<ImageResult> shown = m_selection->selectedResults();
  if (shown.size() < 2) {
    Q_EMIT message(tr("Select two or more analysed photos of the same place to group them."));
    return;
  }
  store::StoredSite site;
  site.name = name;
  for (int n = 2; std::any_of(m_sites.begin(), m_sites.end(),
                              [&](const store::StoredSite &s) { return s.name == site.name; });
       ++n)
    site.name = QStringLiteral("%1 (%2)").arg(name).arg(n);
  for (const ImageResult &r : shown)
    site.members << r.sha256;
  std::vector<store::StoredSite> sites = m_sites;
  sites.push_back(site);
  editSites(std::move(sites), tr("Group into site \"%1\"").arg(site.name));
  showSite(int(m_sites.size()) - 1);
  const int used = int(std::count_if(shown.begin(), shown.end(), [](const ImageResult &r) {
    return r.status == ImageStatus::Done && !r.constraintEmpty;
  }));
  Q_EMIT message(
      used == int(shown.size())
          ? tr("Site \"%1\": %n photo(s) fused.", nullptr, used).arg(site.name)
          : tr("Site \"%1\": %2 of %3 photos fused (the others have nothing inside the constraint).")
                .arg(site.name)
                .arg(used)
                .arg(shown.size()));
}

void EvidenceController::editSites(std::vector<store::StoredSite> sites, const QString &what) {
  if (m_undo)
    m_undo->push(new SitesCommand(this, m_sites, std::move(sites), what)); // runs setSites
  else
    setSites(std::move(sites));
}

void EvidenceController::setSites(std::vector<store::StoredSite> sites) {
  const bool shownStays = m_shownSite >= 0 && m_shownSite < int(sites.size()) &&
                          sites[size_t(m_shownSite)].members == m_sites[size_t(m_shownSite)].members;
  m_sites = std::move(sites);
  Q_EMIT sitesEdited(m_sites);
  if (m_shownSite >= 0 && !shownStays) {
    // The site shown is gone or another one now: the photos selected are shown again.
    m_shownSite = -1;
    m_panel->clearSiteSelection();
    m_selection->refresh();
    if (m_map)
      m_map->setResults(m_selection->selectedResults());
  }
  recomputeSites();
}

void EvidenceController::showSite(int index) {
  if (index < 0 || index >= int(m_siteResults.size()))
    return;
  m_shownSite = index;
  m_site = m_siteResults[size_t(index)].posterior;
  if (m_panel->selectedSite() != index) {
    const QSignalBlocker block(m_panel);
    m_panel->selectSite(index);
  }
  m_results->showResult(m_site, 1);
  if (m_map)
    m_map->setResults({m_site});
}

void EvidenceController::scheduleRecompute() {
  if (m_recomputeScheduled)
    return;
  m_recomputeScheduled = true;
  QTimer::singleShot(0, this, &EvidenceController::recomputeSites);
}

void EvidenceController::recomputeSites() {
  m_recomputeScheduled = false;
  std::vector<ImageResult> shown;
  if (!m_sites.empty()) {
    QSet<QString> members;
    for (const store::StoredSite &s : m_sites)
      for (const QString &sha : s.members)
        members.insert(sha);
    for (const ImageRow &row : m_model->rows())
      if (row.result && members.contains(row.sha256)) {
        shown.push_back(*row.result);
        shown.back().sha256 = row.sha256;
      }
  }
  PosteriorOptions o = options(m_panel->constraint());
  o.constraint.reset(); // the members are already constrained
  m_siteResults = store::fuseStoredSites(m_sites, shown, m_gaz().get(), o);
  std::vector<EvidencePanel::SiteEntry> entries;
  for (const SiteResult &s : m_siteResults)
    entries.push_back({s.name, int(s.members.size())});
  m_panel->setSites(entries);
  if (m_shownSite >= int(m_siteResults.size()))
    m_shownSite = -1;
  if (m_shownSite >= 0)
    showSite(m_shownSite);
}

} // namespace streetlens::ui
