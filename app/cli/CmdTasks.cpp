// streetlens-cli tasks | train-probe: the scene tasks and clue questions StreetLens answers from an
// image embedding, and few-shot probes trained on the analyst's tagged photos (docs/TASKS.md).
#include "app/cli/CliAnalysis.h"
#include "core/analysis/LinearProbe.h"
#include "core/analysis/SceneTaskLibrary.h"
#include "core/export/Csv.h"
#include "core/store/ProjectStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

namespace streetlens::cli {

int cmdTasks(const QStringList &args) {
  QCommandLineParser p;
  p.addOption(
      {QStringLiteral("clues"), QStringLiteral("List the clue questions instead of the scene tasks.")});
  p.addOption(
      {QStringLiteral("json"), QStringLiteral("Print the full definitions (labels, templates) as JSON.")});
  if (int rc = parseOrExit(
          p, QStringLiteral("tasks"),
          QStringLiteral("Lists the scene tasks (built-in and yours, from %1), one per line: "
                         "the name, a tab, then its question. Use a name with predict --task.")
              .arg(QDir::toNativeSeparators(SceneTaskLibrary::userFolder(SceneTaskLibrary::Kind::Task))),
          args, false);
      rc >= 0)
    return rc;
  const auto kind =
      p.isSet(QStringLiteral("clues")) ? SceneTaskLibrary::Kind::Clue : SceneTaskLibrary::Kind::Task;
  QStringList problems;
  const QVector<SceneTask> tasks = SceneTaskLibrary::load(kind, &problems);
  for (const QString &problem : problems)
    printError(problem);
  if (p.isSet(QStringLiteral("json"))) {
    QJsonArray all;
    for (const SceneTask &t : tasks)
      all.append(QJsonDocument::fromJson(sceneTaskToJson(t)).object());
    printJson(QJsonDocument(all));
  } else {
    QTextStream out(stdout);
    for (const SceneTask &t : tasks)
      out << t.name << '\t' << t.question << '\n';
  }
  return problems.isEmpty() ? Ok : SomeInputsFailed;
}

namespace {

// labels.csv: a header with path and class (or label); paths relative to the CSV's folder.
std::optional<QList<QPair<QString, QString>>> readLabels(const QString &file, QString *error) {
  QFile f(file);
  if (!f.open(QIODevice::ReadOnly)) {
    *error = QStringLiteral("%1: cannot open (%2)").arg(file, f.errorString());
    return std::nullopt;
  }
  QString err;
  const QList<QStringList> rows = exporting::parseCsv(f.readAll(), &err);
  if (!err.isEmpty()) {
    *error = QStringLiteral("%1: %2").arg(file, err);
    return std::nullopt;
  }
  if (rows.isEmpty()) {
    *error = QStringLiteral("%1: empty (expected a header path,class and one row per photo)").arg(file);
    return std::nullopt;
  }
  QStringList header;
  for (const QString &h : rows.front())
    header << h.trimmed().toLower();
  const int pathCol = int(header.indexOf(QStringLiteral("path")));
  int classCol = int(header.indexOf(QStringLiteral("class")));
  if (classCol < 0)
    classCol = int(header.indexOf(QStringLiteral("label")));
  if (pathCol < 0 || classCol < 0) {
    *error = QStringLiteral("%1: the header must name the columns path and class").arg(file);
    return std::nullopt;
  }
  const QDir base = QFileInfo(file).absoluteDir();
  QList<QPair<QString, QString>> out;
  for (int i = 1; i < rows.size(); ++i) {
    const QStringList &row = rows[i];
    if (row.size() == 1 && row.front().trimmed().isEmpty())
      continue;
    if (row.size() <= std::max(pathCol, classCol) || row[classCol].trimmed().isEmpty()) {
      *error = QStringLiteral("%1: line %2 needs a path and a class").arg(file).arg(i + 1);
      return std::nullopt;
    }
    out.append({QDir::cleanPath(base.absoluteFilePath(row[pathCol].trimmed())), row[classCol].trimmed()});
  }
  return out;
}

} // namespace

int cmdTrainProbe(const QStringList &args) {
  QCommandLineParser p;
  addEngineOptions(p);
  p.addOption({QStringLiteral("labels"),
               QStringLiteral("CSV with the columns path,class (paths relative to it)."),
               QStringLiteral("FILE")});
  p.addOption({{QStringLiteral("o"), QStringLiteral("output")},
               QStringLiteral("Where to write the probe (.json)."),
               QStringLiteral("FILE")});
  p.addOption({QStringLiteral("name"),
               QStringLiteral("The probe's task name (default: the output's file name)."),
               QStringLiteral("NAME")});
  p.addOption({QStringLiteral("question"), QStringLiteral("The question it answers, shown with its results."),
               QStringLiteral("TEXT")});
  p.addOption({QStringLiteral("folds"), QStringLiteral("Cross-validation folds (default 5)."),
               QStringLiteral("K"), QStringLiteral("5")});
  p.addOption({QStringLiteral("cache-dir"), QStringLiteral("Where label embeddings are cached."),
               QStringLiteral("DIR")});
  if (int rc =
          parseOrExit(p, QStringLiteral("train-probe"),
                      QStringLiteral("Trains a few-shot classifier (a linear probe on the image embeddings, "
                                     "L2 strength chosen by cross-validation) from photos you tagged; "
                                     "prints its cross-validated accuracy and confusion matrix. Use the "
                                     "file with predict --task FILE."),
                      args);
      rc >= 0)
    return rc;
  const QString out = p.value(QStringLiteral("output"));
  if (!p.isSet(QStringLiteral("labels")) || out.isEmpty()) {
    printError(QStringLiteral("train-probe needs --labels labels.csv and -o probe.json"));
    return Usage;
  }
  bool okFolds = false;
  const int folds = p.value(QStringLiteral("folds")).toInt(&okFolds);
  if (!okFolds || folds < 2 || folds > 50) {
    printError(QStringLiteral("--folds must be an integer from 2 to 50"));
    return Usage;
  }
  QString err;
  const auto labels = readLabels(p.value(QStringLiteral("labels")), &err);
  if (!labels) {
    printError(err);
    return Usage;
  }
  int code = 0;
  auto engine = loadEngine(p, &code);
  if (!engine)
    return code;
  // The one pipeline embeds the photos into a scratch project; only their embeddings are used, so
  // the analyzer gets a one-label candidate list instead of the gazetteer's label sets.
  QTemporaryDir scratch;
  auto project = store::ProjectStore::open(scratch.filePath(QStringLiteral("probe.streetlens")), &err);
  if (!scratch.isValid() || !project) {
    printError(QStringLiteral("cannot create a scratch project: %1").arg(err));
    return SomeInputsFailed;
  }
  Run run;
  run.engine = std::move(engine);
  run.settings.customCandidates = {CustomCandidate{QStringLiteral("a photo"), {}, {}, {}, {}}};
  const QString cache = p.isSet(QStringLiteral("cache-dir"))
                            ? p.value(QStringLiteral("cache-dir"))
                            : QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
                                  QStringLiteral("/streetlens/label-embeddings");
  run.gazetteer = gazetteer::Gazetteer::load(QStringLiteral(":/gazetteer"), &err);
  if (!run.gazetteer) {
    printError(QStringLiteral("built-in gazetteer: %1").arg(err));
    return ModelError;
  }
  run.analyzer = std::make_unique<GeoAnalyzer>(*run.engine, run.gazetteer, run.settings, cache);
  if (!run.analyzer->prepare({}, &err)) {
    printError(err);
    return ModelError;
  }
  QStringList files;
  for (const auto &[path, cls] : *labels)
    files << path;
  QHash<QString, QString> shaOf; // path -> sha256 of the analysed photo
  int failed = 0;
  analyzeAll(run, files, std::move(project), [&](ImageResult &&r) {
    if (r.status == ImageStatus::Done)
      shaOf.insert(r.path, r.sha256);
    else
      ++failed;
  });
  const QString modelHash = run.engine->info().modelHash;
  project = store::ProjectStore::open(scratch.filePath(QStringLiteral("probe.streetlens")),
                                      &err); // closed by the session
  if (!project) {
    printError(err);
    return SomeInputsFailed;
  }
  std::vector<ProbeSample> samples;
  for (const auto &[path, cls] : *labels) {
    const auto it = shaOf.constFind(path);
    if (it == shaOf.cend())
      continue;
    auto e = project->imageEmbedding(*it, modelHash);
    if (e)
      samples.push_back({std::move(*e), cls});
  }
  ProbeTraining training;
  training.name =
      p.isSet(QStringLiteral("name")) ? p.value(QStringLiteral("name")) : QFileInfo(out).completeBaseName();
  training.question = p.value(QStringLiteral("question"));
  training.modelSha256 = modelHash;
  training.folds = folds;
  auto probe = trainLinearProbe(samples, training, &err);
  if (!probe) {
    printError(QStringLiteral("%1: %2").arg(p.value(QStringLiteral("labels")), err));
    return SomeInputsFailed;
  }
  if (!writeSceneTask(*probe, out, &err)) {
    printError(err);
    return SomeInputsFailed;
  }
  const ProbeWeights &w = *probe->probe;
  const QJsonValue confusion =
      QJsonDocument::fromJson(sceneTaskToJson(*probe)).object().value(QStringLiteral("confusion"));
  printJsonMembers({{QStringLiteral("output"), jsonText(out)},
                    {QStringLiteral("name"), jsonText(probe->name)},
                    {QStringLiteral("classes"), jsonText(QJsonArray::fromStringList(probe->labels))},
                    {QStringLiteral("samples"), jsonText(w.samples)},
                    {QStringLiteral("cv_accuracy"), jsonText(w.cvAccuracy)},
                    {QStringLiteral("chance"), jsonText(w.chance)},
                    {QStringLiteral("folds"), jsonText(w.folds)},
                    {QStringLiteral("lambda"), jsonText(w.lambda)},
                    {QStringLiteral("confusion"), jsonText(confusion)},
                    {QStringLiteral("model_sha256"), jsonText(modelHash)}});
  return failed > 0 ? SomeInputsFailed : Ok;
}

} // namespace streetlens::cli
