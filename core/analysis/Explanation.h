#pragma once
// Patch explanations (issue 20): which patches of the model's input square support one label
// against the others. The value types shared by the engine seam (EmbeddingEngine::explain), the
// occlusion algorithm (Occlusion.h), the CLI, the app and the reports, and grid.json. Qt Core
// only (part of the engine-only build); pure values and functions, any thread.
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>
#include <vector>

namespace streetlens {

enum class ExplainMethod {
  // Gradient-weighted attention rollout over all layers of the vision tower (Chefer et al. 2021,
  // "Generic Attention-model Explainability", eq. 5-6): Ā = mean_h (∇A ⊙ A)⁺, R ← R + Ā·R from
  // R = I; the CLS row of R over the patch tokens. Gradients are those of log p(target) in the
  // softmax over the given prompts. Needs the engine's autograd (TorchEngine).
  Rollout,
  // The drop of p(target) when a window of patches is replaced by the preprocessing's mean colour
  // (0 in normalised pixel space): model-agnostic, one forward per window.
  Occlusion,
};

// "rollout" / "occlusion": the names of grid.json, --method and the project records.
QString explainMethodId(ExplainMethod m);
std::optional<ExplainMethod> explainMethodFromId(const QString &id);

// What to explain. The grid is for prompts[target] against all prompts (softmax over them); a
// single prompt is compared with the empty prompt "" (added by normalizedPrompts()).
struct ExplainRequest {
  ExplainMethod method = ExplainMethod::Rollout;
  QStringList prompts; // full texts, templates already applied
  int target = 0;
  QString label; // what the user asked for (shown and stored; may differ from the prompt)
  // Occlusion: the window's side and its stride, in patches. Each patch's value is the mean drop
  // over the windows that cover it (window = stride = 1: exactly the drop for that patch).
  int occlusionWindow = 1;
  int occlusionStride = 1;
};

// The prompts actually compared: `prompts`, plus "" when there is only one.
QStringList normalizedPrompts(const ExplainRequest &r);

// Progress and cancellation, called on the engine's thread. progress(done, total) after each
// step (occlusion: each window row; rollout: text, forward, backward); cancelled() is polled
// between steps and makes the call fail with the error "cancelled".
struct ExplainControl {
  std::function<void(int done, int total)> progress;
  std::function<bool()> cancelled;
  bool isCancelled() const { return cancelled && cancelled(); }
  void report(int done, int total) const {
    if (progress)
      progress(done, total);
  }
};

// A rows x cols map over the patch grid of the model's input square, row-major, top-left patch
// first. Rollout: relevance (>= 0, the CLS row of R without the CLS column). Occlusion: the drop
// of p(target) (may be negative where hiding a patch makes the label more likely).
struct PatchGrid {
  ExplainMethod method = ExplainMethod::Rollout;
  QString label;
  int rows = 0, cols = 0;
  std::vector<float> values;
  double targetProbability = 0; // p(target) on the unaltered image (softmax over the prompts)
  bool isValid() const { return rows > 0 && cols > 0 && values.size() == size_t(rows) * size_t(cols); }
  float at(int r, int c) const { return values[size_t(r) * size_t(cols) + size_t(c)]; }
};

// grid.json: {"method", "label", "rows", "cols", "values"} (+ "target_probability").
QJsonObject patchGridToJson(const PatchGrid &g);
// Parses what patchGridToJson wrote; nullopt (and *error) on a malformed or inconsistent object.
std::optional<PatchGrid> patchGridFromJson(const QJsonObject &o, QString *error);

// The cancellation error text of explain calls.
QString explainCancelledError();

} // namespace streetlens
