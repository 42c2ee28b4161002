// streetlens-cli index | search and predict --gallery: the case library (docs/CLI.md,
// docs/LIBRARY.md).
#include "app/cli/CliLibrary.h"
#include "core/library/Gallery.h"
#include "core/library/LibraryRows.h"
#include "core/library/NearDuplicates.h"
#include "core/model/ModelFolder.h"
#include "core/model/ModelHash.h"
#include "core/store/ProjectStore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>

namespace streetlens::cli {
namespace {

// The project the photos are analysed into: --project FILE, else a file in `tmp`.
QString projectPathFor(const QCommandLineParser &p, const QTemporaryDir &tmp) {
  return p.isSet(QStringLiteral("project")) ? p.value(QStringLiteral("project"))
                                            : tmp.filePath(QStringLiteral("library.streetlens"));
}

// Analyses `files` with the shared pipeline into the project at `projectPath`, then reads back the
// kept embeddings of the photos that were analysed (input order; positions from `positions` or EXIF).
// Failed photos are reported by the pipeline and counted in *failed.
std::optional<std::vector<library::LibraryRow>> embedFiles(Run &run, const QStringList &files,
                                                           const QString &projectPath,
                                                           const QHash<QString, geo::GeoPoint> &positions,
                                                           int *failed) {
  QString err;
  auto project = store::ProjectStore::open(projectPath, &err);
  if (!project) {
    printError(err);
    return std::nullopt;
  }
  QStringList done; // SHA-256s of this run's photos, in input order
  analyzeAll(run, files, std::move(project), [&](ImageResult &&r) {
    if (r.status == ImageStatus::Done)
      done << r.sha256;
    else
      ++*failed;
  });
  project = store::ProjectStore::open(projectPath, &err);
  if (!project) {
    printError(err);
    return std::nullopt;
  }
  std::vector<library::LibraryRow> all =
      library::projectRows(*project, run.engine->info().modelHash, positions, &err);
  if (!err.isEmpty()) {
    printError(err);
    return std::nullopt;
  }
  QHash<QString, size_t> bySha;
  for (size_t i = 0; i < all.size(); ++i)
    bySha.insert(all[i].entry.sha256, i);
  std::vector<library::LibraryRow> rows;
  done.removeDuplicates(); // equal files are one photo (one row)
  for (const QString &sha : done) {
    const auto it = bySha.constFind(sha);
    if (it == bySha.constEnd()) {
      printError(QStringLiteral("%1: the photo %2 has no kept embedding (analysed by an older StreetLens?)")
                     .arg(projectPath, sha));
      ++*failed;
      continue;
    }
    rows.push_back(all[*it]);
  }
  return rows;
}

bool positiveNumber(const QCommandLineParser &p, const QString &name, double min, double max) {
  if (!p.isSet(name))
    return true;
  bool ok = false;
  const double v = p.value(name).toDouble(&ok);
  if (ok && v >= min && v <= max)
    return true;
  printError(QStringLiteral("--%1 must be a number from %2 to %3").arg(name).arg(min).arg(max));
  return false;
}

// index --projects DIR: the kept embeddings of every *.streetlens project in DIR (the analyst's
// case folder), without analysing anything again. The model's SHA-256 comes from its weights file
// (cached), so the model is not loaded.
int indexProjects(const QCommandLineParser &p, const QHash<QString, geo::GeoPoint> &positions) {
  QString err;
  const auto folder = resolveModelFolder(p.value(QStringLiteral("model")), &err);
  const QString model = folder ? cachedSha256OfFile(folder->weightsPath, &err) : QString();
  if (model.isEmpty()) {
    printError(err);
    return ModelError;
  }
  const QString dir = p.value(QStringLiteral("projects"));
  const QStringList projects = QDir(dir).entryList({QStringLiteral("*.streetlens")}, QDir::Files, QDir::Name);
  if (!QFileInfo(dir).isDir() || projects.isEmpty()) {
    printError(QStringLiteral("%1: no .streetlens project in this folder").arg(dir));
    return SomeInputsFailed;
  }
  int failed = 0;
  std::vector<library::LibraryRow> rows;
  for (const QString &name : projects) {
    const QString path = QDir(dir).filePath(name);
    auto project = store::ProjectStore::open(path, &err);
    if (!project) {
      printError(err);
      ++failed;
      continue;
    }
    err.clear();
    auto some = library::projectRows(*project, model, positions, &err);
    if (!err.isEmpty()) {
      printError(err);
      ++failed;
    }
    if (some.empty() && err.isEmpty())
      printError(
          QStringLiteral("%1: no photo analysed with this model (weights %2…)").arg(path, model.left(12)));
    std::move(some.begin(), some.end(), std::back_inserter(rows));
  }
  const QString out = p.value(QStringLiteral("output"));
  std::int64_t written = 0;
  if (!library::writeIndex(out, model, rows, &err, &written)) {
    printError(err);
    return SomeInputsFailed;
  }
  QTextStream(stderr) << "streetlens-cli: indexed " << written << " photos of " << projects.size()
                      << " projects into " << out << Qt::endl;
  return failed ? SomeInputsFailed : Ok;
}

} // namespace

int cmdIndex(const QStringList &args) {
  QCommandLineParser p;
  addAnalysisOptions(p);
  p.addOption({{QStringLiteral("o"), QStringLiteral("output")},
               QStringLiteral("The index to write (library.slidx)."),
               QStringLiteral("FILE")});
  p.addOption(
      {QStringLiteral("positions"),
       QStringLiteral("A gallery CSV with the columns path,lat,lon (paths relative to its folder): these "
                      "positions instead of EXIF GPS; its photos are indexed when no PHOTO is given."),
       QStringLiteral("FILE.csv")});
  p.addOption({QStringLiteral("project"),
               QStringLiteral("Analyse into this .streetlens project (kept; created if missing) instead of a "
                              "temporary one."),
               QStringLiteral("FILE")});
  p.addOption(
      {QStringLiteral("projects"),
       QStringLiteral("Index the photos kept in every .streetlens project of this folder (a case folder), "
                      "from their stored embeddings: nothing is analysed again."),
       QStringLiteral("DIR")});
  p.addPositionalArgument(QStringLiteral("PHOTO_OR_DIR"), QStringLiteral("Photos or folders (recursive)."),
                          QStringLiteral("PHOTO_OR_DIR..."));
  if (int rc =
          parseOrExit(p, QStringLiteral("index"),
                      QStringLiteral("Embeds photos with the analysis pipeline and writes their embeddings "
                                     "(float16, normalised), paths, SHA-256s and positions (EXIF GPS or "
                                     "--positions) to a .slidx index for search and --gallery."),
                      args);
      rc >= 0)
    return rc;
  if (!p.isSet(QStringLiteral("output"))) {
    printError(QStringLiteral("index needs -o FILE.slidx"));
    return Usage;
  }
  QHash<QString, geo::GeoPoint> positions;
  QStringList inputs = p.positionalArguments();
  if (p.isSet(QStringLiteral("positions"))) {
    QString err;
    auto read = library::readPositionsCsv(p.value(QStringLiteral("positions")), &err);
    if (!read) {
      printError(err);
      return Usage;
    }
    positions = std::move(*read);
    if (inputs.isEmpty()) {
      inputs = positions.keys();
      std::sort(inputs.begin(), inputs.end());
    }
  }
  if (p.isSet(QStringLiteral("projects"))) {
    if (!p.positionalArguments().isEmpty()) {
      printError(QStringLiteral("--projects indexes the projects' photos: give no PHOTO_OR_DIR with it"));
      return Usage;
    }
    return indexProjects(p, positions);
  }
  if (inputs.isEmpty()) {
    printError(
        QStringLiteral("index needs at least one PHOTO_OR_DIR (or --positions FILE.csv, or --projects DIR)"));
    return Usage;
  }
  Run run;
  if (int rc = checkRunOptions(p, run); rc >= 0)
    return rc;
  int missing = 0;
  const QStringList files = collectInputs(inputs, &missing);
  if (files.isEmpty()) {
    printError(QStringLiteral("no photo to index"));
    return SomeInputsFailed;
  }
  if (int rc = prepareRun(p, run); rc >= 0)
    return rc;
  QTemporaryDir tmp;
  int failed = 0;
  const auto rows = embedFiles(run, files, projectPathFor(p, tmp), positions, &failed);
  if (!rows)
    return SomeInputsFailed;
  QString err;
  const QString out = p.value(QStringLiteral("output"));
  std::int64_t written = 0;
  if (!library::writeIndex(out, run.engine->info().modelHash, *rows, &err, &written)) {
    printError(err);
    return SomeInputsFailed;
  }
  const auto withPosition = std::count_if(
      rows->begin(), rows->end(), [](const library::LibraryRow &r) { return r.entry.location.has_value(); });
  QTextStream(stderr) << "streetlens-cli: indexed " << written << " photos (" << withPosition
                      << " with a position) into " << out << Qt::endl;
  return (failed + missing) ? SomeInputsFailed : Ok;
}

int cmdSearch(const QStringList &args) {
  QCommandLineParser p;
  addAnalysisOptions(p);
  p.addOption({QStringLiteral("index"), QStringLiteral("The .slidx index to search (streetlens-cli index)."),
               QStringLiteral("FILE")});
  p.addOption({QStringLiteral("k"), QStringLiteral("How many results (default 20)."), QStringLiteral("K"),
               QStringLiteral("20")});
  p.addOption({QStringLiteral("project"),
               QStringLiteral("Analyse the query photos into this .streetlens project (kept) instead of a "
                              "temporary one."),
               QStringLiteral("FILE")});
  p.addPositionalArgument(QStringLiteral("IMAGE"),
                          QStringLiteral("The photo to look for (several: one JSON "
                                         "object per line)."),
                          QStringLiteral("IMAGE..."));
  if (int rc =
          parseOrExit(p, QStringLiteral("search"),
                      QStringLiteral("The most similar photos of an index, by cosine similarity of the "
                                     "projected image embeddings, best first: {\"query\": P, \"results\": "
                                     "[{\"path\", \"score\"}]}."),
                      args);
      rc >= 0)
    return rc;
  bool okK = false;
  const int k = p.value(QStringLiteral("k")).toInt(&okK);
  if (!okK || k < 1) {
    printError(QStringLiteral("--k must be a whole number, at least 1"));
    return Usage;
  }
  if (!p.isSet(QStringLiteral("index")) || p.positionalArguments().isEmpty()) {
    printError(QStringLiteral("search needs --index FILE.slidx and an IMAGE"));
    return Usage;
  }
  QString err;
  // Checked before the model is loaded; checked against the model once it is.
  if (!library::EmbeddingIndex::open(p.value(QStringLiteral("index")), QString(), &err)) {
    printError(err);
    return SomeInputsFailed;
  }
  Run run;
  if (int rc = checkRunOptions(p, run); rc >= 0)
    return rc;
  int missing = 0;
  const QStringList files = collectInputs(p.positionalArguments(), &missing);
  if (files.isEmpty())
    return SomeInputsFailed;
  if (int rc = prepareRun(p, run); rc >= 0)
    return rc;
  const auto index =
      library::EmbeddingIndex::open(p.value(QStringLiteral("index")), run.engine->info().modelHash, &err);
  if (!index) {
    printError(err);
    return SomeInputsFailed;
  }
  QTemporaryDir tmp;
  int failed = 0;
  const auto rows = embedFiles(run, files, projectPathFor(p, tmp), {}, &failed);
  if (!rows)
    return SomeInputsFailed;
  for (const library::LibraryRow &row : *rows) {
    QJsonArray results;
    for (const library::SearchHit &hit : index->search(row.embedding, k)) {
      const library::IndexEntry &e = index->entry(hit.row);
      QJsonObject r{{QStringLiteral("path"), e.path},
                    {QStringLiteral("score"), double(hit.score)},
                    {QStringLiteral("sha256"), e.sha256}};
      if (e.location) {
        r.insert(QStringLiteral("lat"), e.location->lat);
        r.insert(QStringLiteral("lon"), e.location->lon);
      }
      results.append(r);
    }
    const QJsonObject o{{QStringLiteral("query"), row.entry.path}, {QStringLiteral("results"), results}};
    QTextStream(stdout) << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n" << Qt::flush;
  }
  return (failed + missing) ? SomeInputsFailed : Ok;
}

int cmdDuplicates(const QStringList &args) {
  QCommandLineParser p;
  p.addOption({QStringLiteral("index"), QStringLiteral("The .slidx index whose photos are grouped."),
               QStringLiteral("FILE")});
  p.addOption({QStringLiteral("threshold"),
               QStringLiteral("Cosine similarity from which two photos are one scene (default 0.95)."),
               QStringLiteral("S"), QString::number(library::kDefaultDuplicateThreshold)});
  p.addOption(
      {QStringLiteral("all"), QStringLiteral("List photos without a duplicate too (groups of one).")});
  if (int rc = parseOrExit(p, QStringLiteral("duplicates"),
                           QStringLiteral("Near-duplicate groups of an index's photos: pairs at or above the "
                                          "threshold, and equal files, joined transitively: {\"groups\": "
                                          "[{\"paths\": [...]}], \"photos\": N, \"scenes\": M}."),
                           args, /*needsModel=*/false);
      rc >= 0)
    return rc;
  bool ok = false;
  const double threshold = p.value(QStringLiteral("threshold")).toDouble(&ok);
  if (!ok || threshold < -1 || threshold > 1) {
    printError(QStringLiteral("--threshold must be a cosine similarity from -1 to 1"));
    return Usage;
  }
  if (!p.isSet(QStringLiteral("index"))) {
    printError(QStringLiteral("duplicates needs --index FILE.slidx"));
    return Usage;
  }
  QString err;
  const auto index = library::EmbeddingIndex::open(p.value(QStringLiteral("index")), QString(), &err);
  if (!index) {
    printError(err);
    return SomeInputsFailed;
  }
  std::vector<library::DuplicateInput> photos;
  for (std::int64_t i = 0; i < index->count(); ++i)
    photos.push_back({index->entry(i).sha256, index->row(i)});
  const auto groups = library::nearDuplicateGroups(photos, threshold);
  QJsonArray out;
  for (const std::vector<int> &g : groups) {
    if (g.size() < 2 && !p.isSet(QStringLiteral("all")))
      continue;
    QJsonArray paths;
    for (int m : g)
      paths.append(index->entry(m).path);
    out.append(QJsonObject{{QStringLiteral("paths"), paths}});
  }
  printJson(QJsonDocument(QJsonObject{{QStringLiteral("photos"), qint64(index->count())},
                                      {QStringLiteral("scenes"), qint64(groups.size())},
                                      {QStringLiteral("groups"), out}}));
  return Ok;
}

void addGalleryOptions(QCommandLineParser &p) {
  p.addOption(
      {QStringLiteral("gallery"),
       QStringLiteral("A reference gallery (an index of photos with positions, streetlens-cli index): "
                      "each result gets its k nearest gallery photos and their location, fused with the "
                      "model's (docs/LIBRARY.md)."),
       QStringLiteral("FILE.slidx")});
  p.addOption({QStringLiteral("gallery-k"), QStringLiteral("Gallery neighbours per photo (default 20)."),
               QStringLiteral("K")});
  p.addOption({QStringLiteral("gallery-bandwidth"),
               QStringLiteral("Kernel bandwidth h of the gallery density, km (default 25)."),
               QStringLiteral("KM")});
  p.addOption({QStringLiteral("gallery-temperature"),
               QStringLiteral("Softmax temperature of the neighbours' similarities (default 0.05)."),
               QStringLiteral("T")});
  p.addOption({QStringLiteral("gallery-weight"),
               QStringLiteral("Exponent of the gallery density in the fusion; 0 shows the gallery without "
                              "fusing (default 1)."),
               QStringLiteral("W")});
}

int checkGalleryOptions(const QCommandLineParser &p) {
  if (!positiveNumber(p, QStringLiteral("gallery-k"), 1, 1000) ||
      !positiveNumber(p, QStringLiteral("gallery-bandwidth"), 0.01, 20000) ||
      !positiveNumber(p, QStringLiteral("gallery-temperature"), 1e-4, 10) ||
      !positiveNumber(p, QStringLiteral("gallery-weight"), 0, 10))
    return Usage;
  if (!p.isSet(QStringLiteral("gallery")))
    return -1;
  QString err;
  if (!library::EmbeddingIndex::open(p.value(QStringLiteral("gallery")), QString(), &err)) {
    printError(err);
    return SomeInputsFailed;
  }
  return -1;
}

int attachGallery(const QCommandLineParser &p, Run &run) {
  if (!p.isSet(QStringLiteral("gallery")))
    return -1;
  library::GalleryOptions o;
  if (p.isSet(QStringLiteral("gallery-k")))
    o.k = p.value(QStringLiteral("gallery-k")).toInt();
  if (p.isSet(QStringLiteral("gallery-bandwidth")))
    o.bandwidthKm = p.value(QStringLiteral("gallery-bandwidth")).toDouble();
  if (p.isSet(QStringLiteral("gallery-temperature")))
    o.temperature = p.value(QStringLiteral("gallery-temperature")).toDouble();
  if (p.isSet(QStringLiteral("gallery-weight")))
    o.weight = p.value(QStringLiteral("gallery-weight")).toDouble();
  QString err;
  std::shared_ptr<const library::Gallery> g =
      library::Gallery::open(p.value(QStringLiteral("gallery")), run.engine->info().modelHash, o, &err);
  if (!g) {
    printError(err);
    return SomeInputsFailed;
  }
  run.analyzer->setGallery(std::move(g));
  return -1;
}

} // namespace streetlens::cli
