#pragma once
// TaskOutcomeView: the answers of scene tasks or clue readings for one photo — for each question
// its text and the most probable labels with probability bars (ProbabilityList). Owns a copy of
// the outcomes and the child widgets it rebuilds for them. GUI thread.
#include "core/analysis/SceneTask.h"

#include <QWidget>
#include <vector>

class QVBoxLayout;

namespace streetlens::ui {

class TaskOutcomeView : public QWidget {
  Q_OBJECT
public:
  explicit TaskOutcomeView(QWidget *parent = nullptr);
  // Shows each outcome's `maxLabels` most probable labels, most probable first.
  void setOutcomes(const std::vector<TaskOutcome> &outcomes, int maxLabels);
  const std::vector<TaskOutcome> &outcomes() const { return m_outcomes; }
  // What is shown, one line per label ("question: label 61 %"), for tests and copying.
  QString text() const;

private:
  std::vector<TaskOutcome> m_outcomes;
  int m_maxLabels = 3;
  QVBoxLayout *m_layout;
};

} // namespace streetlens::ui
