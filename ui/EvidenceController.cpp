#include "ui/EvidenceController.h"

#include "core/analysis/GeoAnalyzer.h"
#include "core/analysis/SiteFusion.h"
#include "ui/EvidencePanel.h"
#include "ui/ImageListModel.h"
#include "ui/ResultsPanel.h"
#include "ui/SelectionPresenter.h"
#include "ui/map/AreaDrawOverlay.h"
#include "ui/map/MapView.h"

#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace streetlens::ui {

EvidenceController::EvidenceController(EvidencePanel *panel, ImageListModel *model,
                                       SelectionPresenter *selection, ResultsPanel *results,
                                       GazetteerSource gazetteer, SettingsSource settings, QObject *parent)
    : QObject(parent), m_panel(panel), m_model(model), m_selection(selection), m_results(results),
      m_gaz(std::move(gazetteer)), m_settings(std::move(settings)) {
  connect(panel, &EvidencePanel::constraintChanged, this, &EvidenceController::onConstraintChanged);
  connect(panel, &EvidencePanel::groupRequested, this, &EvidenceController::onGroup);
  connect(selection, &SelectionPresenter::focusChanged, this, &EvidenceController::onFocus);
  connect(&m_watcher, &QFutureWatcher<std::vector<ImageResult>>::finished, this, [this] {
    if (m_watcherGeneration == m_generation) {
      m_model->setShownResults(m_watcher.result(), m_constrained);
      m_selection->refresh();
      onFocus(m_selection->focusRow());
      Q_EMIT applied();
    }
    if (m_pending) {
      m_pending = false;
      onConstraintChanged(m_panel->constraint());
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

void EvidenceController::onConstraintChanged(const GeoConstraint &c) {
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
  std::vector<const ImageResult *> members;
  for (const ImageResult &r : shown)
    members.push_back(&r);
  PosteriorOptions o = options(m_panel->constraint());
  o.constraint.reset(); // the members are already constrained
  const SiteResult site = fuseSite(name, members, m_gaz().get(), o);
  m_site = site.posterior;
  m_results->showResult(m_site, 1);
  if (m_map)
    m_map->setResults({m_site});
  const int used = int(std::count_if(shown.begin(), shown.end(), [](const ImageResult &r) {
    return r.status == ImageStatus::Done && !r.constraintEmpty;
  }));
  Q_EMIT message(
      used == int(members.size())
          ? tr("Site \"%1\": %n photo(s) fused.", nullptr, used).arg(name)
          : tr("Site \"%1\": %2 of %3 photos fused (the others have nothing inside the constraint).")
                .arg(name)
                .arg(used)
                .arg(members.size()));
}

} // namespace streetlens::ui
