#pragma once
// How images are geolocated: mode, hierarchy sizes, prompt templates, candidate restrictions.
// Plain value (copied into the worker); persisted by the app (QSettings) and in project files.
#include "core/analysis/SceneTask.h"

#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>

namespace streetlens {

// A user-supplied candidate: a plain label (model card "choices") or a place with coordinates.
struct CustomCandidate {
  QString label;
  QString country; // optional alpha-2
  QString region;  // optional
  std::optional<double> lat, lon;
};

struct AnalysisSettings {
  // Hierarchical: the coherent hierarchy (docs/GEOLOCATION.md); Paper: StreetCLIP's paper (country,
  // then its largest cities); Flat: all cities at once; Expected: the coherent hierarchy's mean.
  enum class Mode { Hierarchical, Flat, Expected, Paper };
  Mode mode = Mode::Hierarchical;
  int topK = 5;              // how many entries per level are kept in a result
  int maxCountries = 5;      // countries expanded to regions / cities (K)
  double countryMass = 0.99; // expand countries until this much probability is covered
  int citiesPerCountry = 30; // N most populous cities per country (paper: 30); <= 0 = all
  // Templates; "{country}", "{region}", "{city}" are replaced. Several per level are averaged
  // (prompt ensembling: mean of the normalised text embeddings).
  QStringList countryTemplates{QStringLiteral("A Street View photo in {country}.")};
  QStringList regionTemplates{QStringLiteral("A Street View photo in the region of {region} in {country}.")};
  QStringList cityTemplates{QStringLiteral("A Street View photo from {city}.")};
  QStringList restrictToCountries;           // alpha-2 codes; empty = all countries
  QVector<CustomCandidate> customCandidates; // when non-empty: classify against these instead
  QString customTemplate;                    // "{}" (or "{label}") for custom labels; empty = verbatim
  // Scene tasks and clue questions answered for every image (full definitions, so a project keeps
  // what its answers mean); SceneTaskLibrary resolves names. Empty: none.
  QVector<SceneTask> tasks;
  QVector<SceneTask> clues;

  // Prompts shaped like StreetCLIP's training captions ("A Street View photo close to the town of
  // {city} in the region of {region} in {country}."); a city without a region drops that part.
  void useStreetClipCaptions();

  // Stable text describing everything above (for cache keys and project records).
  QString fingerprint() const;
  static QString modeName(Mode m);
  static std::optional<Mode> modeFromName(const QString &name);
};

// Parses a CSV of places: header with name (or label/city), optional country, region, lat, lon;
// or a plain list, one label per line. Errors name the line.
std::optional<QVector<CustomCandidate>> parseCandidateList(const QByteArray &text, const QString &sourceName,
                                                           QString *error);

} // namespace streetlens
