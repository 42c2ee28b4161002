#pragma once
// Scene tasks (issue 19): questions answered from an image embedding the geolocation already
// computed. A zero-shot task is labels + prompt templates (ensembled as CLIP does); a probe is a
// linear classifier trained on the analyst's own tagged photos (LinearProbe.h). Both are stored as
// JSON files (docs/TASKS.md); clue readings (issue 20) are zero-shot tasks of their own set.
// Plain values and pure functions: any thread.
#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>
#include <vector>

namespace streetlens {

// A trained linear probe: probs = softmax(W · x̂ + b) over the classes, x̂ the L2-normalised image
// embedding of the model it was trained for.
struct ProbeWeights {
  QString modelSha256;         // the model whose embeddings it was trained on
  int dim = 0;                 // embedding dimension
  std::vector<double> weights; // classes x dim, row-major
  std::vector<double> bias;    // classes
  double cvAccuracy = 0.0;     // cross-validated accuracy, 0..1
  double chance = 0.0;         // accuracy of always answering the most frequent class
  double lambda = 0.0;         // L2 strength chosen by cross-validation
  int folds = 0;
  int samples = 0;
  std::vector<std::vector<int>> confusion; // [true class][predicted class], cross-validated
  bool operator==(const ProbeWeights &) const = default;
};

struct SceneTask {
  QString name;          // identifier: lower-case words joined by '-' ("road-condition")
  QString question;      // shown to the analyst ("What condition is the road in?")
  QStringList labels;    // the answers (a probe's classes)
  QStringList templates; // each holds "{}"; empty: the labels are the prompts verbatim
  std::optional<ProbeWeights> probe;
  QString source; // where it was read from (":/tasks/…" for built-in ones, a file path otherwise)

  bool isProbe() const { return probe.has_value(); }
  // The prompts of one label (one per template, or the label itself).
  QStringList prompts(int label) const;
  // Stable text of everything that changes the task's answers (for settings keys).
  QString fingerprint() const;
  bool operator==(const SceneTask &o) const {
    return name == o.name && question == o.question && labels == o.labels && templates == o.templates &&
           probe == o.probe;
  }
};

// One task's answer for one image: the probabilities of its labels (in the task's label order).
struct TaskOutcome {
  QString name;
  QString question;
  QStringList labels;
  std::vector<double> probs;
  // Index of the most probable label (-1 when empty).
  int best() const;
  bool operator==(const TaskOutcome &) const = default;
};

// Scene-task or clue answers as JSON: {"<name>": {"labels": [...], "probs": [...], "question": "…"}}
// (the CLI's "tasks" and "clues", the project's record); read back sorted by name, entries whose
// sizes disagree dropped.
QJsonObject outcomesToJson(const std::vector<TaskOutcome> &outcomes);
std::vector<TaskOutcome> outcomesFromJson(const QJsonObject &obj);

// Parses a task file. Errors name `sourceName` and the problem (not JSON, no name, fewer than two
// labels, a template without "{}", a probe whose weights do not match its classes and dimension).
std::optional<SceneTask> sceneTaskFromJson(const QByteArray &json, const QString &sourceName, QString *error);
QByteArray sceneTaskToJson(const SceneTask &task);
// Reads / writes a task file (errors name the file).
std::optional<SceneTask> readSceneTask(const QString &path, QString *error);
bool writeSceneTask(const SceneTask &task, const QString &path, QString *error);
// "road condition!" -> "road-condition" (what a user's title becomes as a name and file name).
QString sceneTaskNameFrom(const QString &title);

} // namespace streetlens
