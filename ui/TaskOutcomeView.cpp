#include "ui/TaskOutcomeView.h"

#include "ui/ProbabilityList.h"
#include "ui/map/MapMarkers.h"

#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <numeric>

namespace streetlens::ui {

namespace {
// The outcome's labels as list entries, most probable first.
std::vector<PlaceProbability> ranked(const TaskOutcome &o) {
  std::vector<PlaceProbability> out;
  for (qsizetype i = 0; i < o.labels.size() && size_t(i) < o.probs.size(); ++i) {
    PlaceProbability p;
    p.code = p.name = o.labels[i];
    p.probability = o.probs[size_t(i)];
    out.push_back(p);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto &a, const auto &b) { return a.probability > b.probability; });
  return out;
}
} // namespace

TaskOutcomeView::TaskOutcomeView(QWidget *parent) : QWidget(parent) {
  m_layout = new QVBoxLayout(this);
  m_layout->setContentsMargins(0, 0, 0, 0);
  m_layout->setSpacing(2);
}

void TaskOutcomeView::setOutcomes(const std::vector<TaskOutcome> &outcomes, int maxLabels) {
  m_outcomes = outcomes;
  m_maxLabels = std::max(1, maxLabels);
  while (QLayoutItem *item = m_layout->takeAt(0)) {
    delete item->widget();
    delete item;
  }
  for (const TaskOutcome &o : m_outcomes) {
    auto *q = new QLabel(
        QStringLiteral("<b>%1</b>").arg((o.question.isEmpty() ? o.name : o.question).toHtmlEscaped()), this);
    q->setWordWrap(true);
    q->setToolTip(o.name);
    m_layout->addWidget(q);
    auto *list = new ProbabilityList(this);
    list->setEntries(ranked(o), m_maxLabels);
    m_layout->addWidget(list);
  }
}

QString TaskOutcomeView::text() const {
  QStringList lines;
  for (const TaskOutcome &o : m_outcomes) {
    const auto r = ranked(o);
    for (size_t i = 0; i < r.size() && int(i) < m_maxLabels; ++i)
      lines << QStringLiteral("%1: %2 %3").arg(o.name, r[i].name, formatProbability(r[i].probability));
  }
  return lines.join(QLatin1Char('\n'));
}

} // namespace streetlens::ui
