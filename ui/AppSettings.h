#pragma once
// AppSettings: the user's preferences as one typed value, read from and written to QSettings
// (organisation/application names of the running app). Plain value; load()/save() on the GUI
// thread.
#include "core/analysis/AnalysisSettings.h"
#include "ui/EngineFactory.h"

#include <QString>
#include <QStringList>

class QSettings;

namespace streetlens::ui {

struct AppSettings {
  QString modelDir; // empty: no model chosen yet
  QString device = QStringLiteral("auto");
  QString precision = QStringLiteral("auto");
  int batchSize = 0;         // images per forward pass; 0 = auto (the engine chooses, as --batch-size auto)
  AnalysisSettings analysis; // mode, top-k, templates, candidates
  QString candidateListFile; // CSV / text of custom candidates ("" = gazetteer)
  // Scene tasks answered for every photo, by name (built-in or the user's, SceneTaskLibrary), and
  // whether the clue readings are (all built-in and user clue questions). effectiveAnalysis()
  // resolves them into AnalysisSettings::tasks / ::clues.
  QStringList sceneTasks;
  bool clueReadings = true;
  QString downloadEndpoint = QStringLiteral("https://huggingface.co");
  QStringList recentProjects; // most recent first
  bool responsibleUseAcknowledged = false;
  QByteArray windowGeometry, windowState, splitterState;

  static constexpr int kMaxRecent = 8;

  static AppSettings load(); // from the default QSettings
  void save() const;
  static AppSettings load(QSettings &s);
  void save(QSettings &s) const;

  EngineOptions engineOptions() const;
  void addRecentProject(const QString &path);
  // The analysis settings with the candidate list file applied and the scene tasks and clues
  // resolved (a chosen task that no longer exists is left out and named in *missingTasks); false
  // (and *error) when the candidate file cannot be read or parsed.
  bool effectiveAnalysis(AnalysisSettings &out, QString *error, QStringList *missingTasks = nullptr) const;
};

} // namespace streetlens::ui
