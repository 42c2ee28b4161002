#pragma once
// AppSettings: the user's preferences as one typed value, read from and written to QSettings
// (organisation/application names of the running app). Plain value; load()/save() on the GUI
// thread.
#include "core/analysis/AnalysisSettings.h"
#include "core/library/Gallery.h"
#include "ui/EngineFactory.h"

#include <QString>
#include <QStringList>

class QSettings;

namespace streetlens::ui {

// The reference gallery the analysis uses (a .slidx index with positions, docs/LIBRARY.md) and its
// options, with the CLI's defaults and ranges (--gallery-k, -bandwidth, -temperature, -weight).
struct GallerySetting {
  QString file; // empty: no gallery
  library::GalleryOptions options;
  static constexpr int kMinK = 1, kMaxK = 1000;
  static constexpr double kMinBandwidthKm = 0.01, kMaxBandwidthKm = 20000;
  static constexpr double kMinTemperature = 1e-4, kMaxTemperature = 10;
  static constexpr double kMinWeight = 0, kMaxWeight = 10;
  bool operator==(const GallerySetting &) const = default;
};

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
  GallerySetting gallery;
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
