#pragma once
// LinearProbe: trains a few-shot classifier on image embeddings the analyst tagged (issue 19) —
// multinomial logistic regression on the L2-normalised embeddings, L2-regularised (bias not), the
// strength chosen by stratified k-fold cross-validation (lowest held-out log-loss over a fixed
// grid). Solved by Nesterov-accelerated gradient descent in the span of the samples (the
// representer theorem: W = Aᵀ·X), so each step costs n²·classes, not n·dim·classes. Reports the
// cross-validated accuracy and confusion matrix at the chosen strength. Pure functions: any thread.
#include "core/analysis/SceneTask.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <optional>
#include <vector>

namespace streetlens {

struct ProbeSample {
  std::vector<float> embedding; // projected image embedding (normalised inside)
  QString label;                // the analyst's class
};

struct ProbeTraining {
  QString name = QStringLiteral("probe");
  QString question;
  QString modelSha256;
  // Candidate L2 strengths (on the mean loss); the one with the lowest cross-validated log-loss wins.
  std::vector<double> lambdas{1e-3, 1e-2, 1e-1, 1.0};
  int folds = 5; // lowered to the smallest class's count (at least 2)
};

// The trained probe as a task (classes in first-seen order). Fails with *error when there are
// fewer than two classes, a class with fewer than two photos, or embeddings of different sizes.
std::optional<SceneTask> trainLinearProbe(const std::vector<ProbeSample> &samples,
                                          const ProbeTraining &options, QString *error);

// Accuracy of always answering the most frequent class: what shuffled labels should reach.
double majorityChance(const std::vector<ProbeSample> &samples);

} // namespace streetlens
