// streetlens-cli merge | prepare-labels: the two helpers of a batch spread over many tasks (SLURM
// job arrays, Kubernetes Indexed Jobs; docs/SCALE.md). merge joins the shards' project files
// (store::mergeProjects) or their JSON/CSV outputs; prepare-labels fills the label-embedding cache
// once, before the tasks start, so that they only read it. Runs on the main thread.
#include "app/cli/CliAnalysis.h"
#include "core/export/Csv.h"
#include "core/export/ExportCommon.h"
#include "core/store/ProjectMerge.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSaveFile>

namespace streetlens::cli {

namespace {

// The place of a status when two shards list the same path: done > failed > anything else.
int standing(const QString &status) {
  const auto s = exporting::statusFromName(status);
  return s == ImageStatus::Done ? 2 : s == ImageStatus::Failed ? 1 : 0;
}

struct Merged {
  int records = 0, duplicates = 0;
};

bool writeFile(const QString &path, const QByteArray &bytes, QString *error) {
  QSaveFile f(path); // atomic: a kill leaves the old file or the new one
  if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
    *error = QStringLiteral("%1: cannot write (%2)").arg(path, f.errorString());
    return false;
  }
  return true;
}

bool readFile(const QString &path, QByteArray *out, QString *error) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) {
    *error = QStringLiteral("%1: cannot open (%2)").arg(path, f.errorString());
    return false;
  }
  *out = f.readAll();
  return true;
}

// predict's JSON outputs: one "model" (the same weights and precision in every shard; the devices
// are listed) and the union of "results", one per path, in path order.
std::optional<Merged> mergeJson(const QStringList &shards, const QString &target, QString *error) {
  QJsonObject model;
  QString modelFrom;
  QMap<QString, QJsonObject> byPath;
  Merged m;
  for (const QString &file : shards) {
    QByteArray bytes;
    if (!readFile(file, &bytes, error))
      return std::nullopt;
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    const QJsonObject o = doc.object();
    if (pe.error != QJsonParseError::NoError || !o.value(QStringLiteral("results")).isArray() ||
        !o.value(QStringLiteral("model")).isObject()) {
      *error = QStringLiteral("%1: not a predict JSON output (%2)")
                   .arg(file, pe.error != QJsonParseError::NoError
                                  ? pe.errorString()
                                  : QStringLiteral("no \"model\" object and \"results\" array"));
      return std::nullopt;
    }
    if (o.contains(QStringLiteral("sites"))) {
      *error = QStringLiteral("%1: has \"sites\" (--group-by): sites fuse photos of several shards, so "
                              "merge the shards' projects or results without --group-by")
                   .arg(file);
      return std::nullopt;
    }
    const QJsonObject mo = o.value(QStringLiteral("model")).toObject();
    if (modelFrom.isEmpty()) {
      model = mo;
      modelFrom = file;
    } else {
      for (const char *key : {"sha256", "precision", "name"}) {
        const QString k = QLatin1String(key);
        if (mo.value(k) != model.value(k)) {
          *error = QStringLiteral("%1 and %2 disagree on the model's %3 (%4 and %5)")
                       .arg(modelFrom, file, k, model.value(k).toString(), mo.value(k).toString());
          return std::nullopt;
        }
      }
      const QString device = mo.value(QStringLiteral("device")).toString();
      QString devices = model.value(QStringLiteral("device")).toString();
      if (!devices.split(QStringLiteral(", ")).contains(device))
        model.insert(QStringLiteral("device"), devices + QStringLiteral(", ") + device);
    }
    for (const QJsonValue &v : o.value(QStringLiteral("results")).toArray()) {
      const QJsonObject r = v.toObject();
      const QString path = r.value(QStringLiteral("path")).toString();
      if (path.isEmpty()) {
        *error = QStringLiteral("%1: a result without a \"path\"").arg(file);
        return std::nullopt;
      }
      auto it = byPath.find(path);
      if (it == byPath.end()) {
        byPath.insert(path, r);
        continue;
      }
      ++m.duplicates;
      if (standing(r.value(QStringLiteral("status")).toString()) >
          standing(it->value(QStringLiteral("status")).toString()))
        *it = r;
    }
  }
  QJsonArray results;
  for (const QJsonObject &r : std::as_const(byPath))
    results.append(r);
  m.records = int(results.size());
  const QJsonObject out{{QStringLiteral("model"), model}, {QStringLiteral("results"), results}};
  if (!writeFile(target, QJsonDocument(out).toJson(QJsonDocument::Indented), error))
    return std::nullopt;
  return m;
}

// predict's CSV outputs: the same header in every shard, one record per path, in path order.
std::optional<Merged> mergeCsv(const QStringList &shards, const QString &target, QString *error) {
  // predict's fixed columns, then the same task and clue columns in every shard.
  const QStringList fixed = exporting::csvHeader();
  const qsizetype statusCol = fixed.indexOf(QStringLiteral("status"));
  QStringList header;
  QMap<QString, QStringList> byPath;
  Merged m;
  for (const QString &file : shards) {
    QByteArray bytes;
    if (!readFile(file, &bytes, error))
      return std::nullopt;
    QString err;
    const QList<QStringList> rows = exporting::parseCsv(bytes, &err);
    if (!err.isEmpty() || rows.isEmpty() || rows.first().mid(0, fixed.size()) != fixed) {
      *error = QStringLiteral("%1: not a predict CSV output (%2)")
                   .arg(file, err.isEmpty() ? QStringLiteral("the header differs from predict's") : err);
      return std::nullopt;
    }
    if (header.isEmpty())
      header = rows.first();
    if (rows.first() != header) {
      *error = QStringLiteral("%1: its task or clue columns differ from %2's (run every shard with the same "
                              "--task options)")
                   .arg(file, shards.first());
      return std::nullopt;
    }
    for (qsizetype i = 1; i < rows.size(); ++i) {
      const QStringList &r = rows[i];
      if (r.size() != header.size()) {
        *error = QStringLiteral("%1: record %2 has %3 fields, the header %4")
                     .arg(file)
                     .arg(i + 1)
                     .arg(r.size())
                     .arg(header.size());
        return std::nullopt;
      }
      auto it = byPath.find(r.first());
      if (it == byPath.end()) {
        byPath.insert(r.first(), r);
        continue;
      }
      ++m.duplicates;
      if (standing(r[statusCol]) > standing((*it)[statusCol]))
        *it = r;
    }
  }
  QString text = exporting::csvRecord(header);
  for (const QStringList &r : std::as_const(byPath))
    text += exporting::csvRecord(r);
  m.records = int(byPath.size());
  if (!writeFile(target, text.toUtf8(), error))
    return std::nullopt;
  return m;
}

} // namespace

int cmdMerge(const QStringList &args) {
  QCommandLineParser p;
  p.addOption({{QStringLiteral("o"), QStringLiteral("output")},
               QStringLiteral("The merged file: .streetlens (from shard projects), .json or .csv (from "
                              "predict's outputs)."),
               QStringLiteral("FILE")});
  p.addPositionalArgument(QStringLiteral("SHARD"), QStringLiteral("The shards' files, all of one kind."),
                          QStringLiteral("SHARD..."));
  if (int rc = parseOrExit(p, QStringLiteral("merge"),
                           QStringLiteral("Joins the outputs of a sharded batch (predict --shard K/N) into "
                                          "one: every photo once, none lost; refuses shards that disagree "
                                          "on the model or the settings."),
                           args, /*needsModel=*/false);
      rc >= 0)
    return rc;
  const QStringList shards = p.positionalArguments();
  const QString target = p.value(QStringLiteral("output"));
  if (shards.isEmpty() || target.isEmpty()) {
    printError(QStringLiteral("merge needs SHARD... and -o FILE"));
    return Usage;
  }
  const QString kind = QFileInfo(target).suffix().toLower();
  if (kind != QLatin1String("streetlens") && kind != QLatin1String("json") && kind != QLatin1String("csv")) {
    printError(QStringLiteral("%1: merge writes a .streetlens, .json or .csv file").arg(target));
    return Usage;
  }
  for (const QString &s : shards) {
    if (QFileInfo(s).suffix().toLower() != kind) {
      printError(
          QStringLiteral("%1: a shard of another kind than -o %2 (all must be .%3)").arg(s, target, kind));
      return Usage;
    }
    if (!QFileInfo(s).isFile()) {
      printError(QStringLiteral("%1: no such file").arg(s));
      return SomeInputsFailed;
    }
    if (QFileInfo(s).absoluteFilePath() == QFileInfo(target).absoluteFilePath()) {
      printError(QStringLiteral("%1: the output is one of the shards; write the merge to a new file").arg(s));
      return Usage;
    }
  }
  QString err;
  JsonMembers summary;
  if (kind == QLatin1String("streetlens")) {
    const auto s = store::mergeProjects(shards, target, &err);
    if (!s) {
      printError(err);
      return SomeInputsFailed;
    }
    summary = {{QStringLiteral("output"), jsonText(target)},
               {QStringLiteral("shards"), jsonText(int(shards.size()))},
               {QStringLiteral("images"), jsonText(s->images)},
               {QStringLiteral("done"), jsonText(s->done)},
               {QStringLiteral("failed"), jsonText(s->failed)},
               {QStringLiteral("not_analysed"), jsonText(s->queued)},
               {QStringLiteral("duplicates"), jsonText(s->duplicates)}};
  } else {
    const auto m =
        kind == QLatin1String("json") ? mergeJson(shards, target, &err) : mergeCsv(shards, target, &err);
    if (!m) {
      printError(err);
      return SomeInputsFailed;
    }
    summary = {{QStringLiteral("output"), jsonText(target)},
               {QStringLiteral("shards"), jsonText(int(shards.size()))},
               {QStringLiteral("images"), jsonText(m->records)},
               {QStringLiteral("duplicates"), jsonText(m->duplicates)}};
  }
  printJsonMembers(summary);
  return Ok;
}

int cmdPrepareLabels(const QStringList &args) {
  QCommandLineParser p;
  addAnalysisOptions(p);
  if (int rc = parseOrExit(p, QStringLiteral("prepare-labels"),
                           QStringLiteral("Embeds the label sets that predict/eval with the same options "
                                          "need into --cache-dir, once, before a sharded batch: its tasks "
                                          "then only read them."),
                           args);
      rc >= 0)
    return rc;
  if (!p.isSet(QStringLiteral("cache-dir"))) {
    printError(QStringLiteral("prepare-labels needs --cache-dir DIR (the folder every task will read)"));
    return Usage;
  }
  // The cache is written best effort while analysing; here writing it is the point: a folder that
  // cannot take a file (read-only mount, no permission) is an error, before the model is loaded.
  const QString cacheDir = p.value(QStringLiteral("cache-dir"));
  {
    QSaveFile probe(QDir(cacheDir).filePath(QStringLiteral(".streetlens-write-test")));
    const bool made = QDir().mkpath(cacheDir);
    if (!made || !probe.open(QIODevice::WriteOnly) || probe.write("ok", 2) != 2 || !probe.commit()) {
      printError(QStringLiteral("%1: cannot write the label cache here (%2)")
                     .arg(cacheDir, made ? probe.errorString() : QStringLiteral("cannot create the folder")));
      return Usage;
    }
    QFile::remove(probe.fileName());
  }
  Run run;
  if (int rc = checkRunOptions(p, run); rc >= 0)
    return rc;
  if (int rc = prepareRun(p, run); rc >= 0)
    return rc;
  printJsonMembers(
      {{QStringLiteral("cache_dir"), jsonText(p.value(QStringLiteral("cache-dir")))},
       {QStringLiteral("model_sha256"), jsonText(run.engine->info().modelHash)},
       {QStringLiteral("label_sets"), jsonText(run.analyzer->cacheHits() + run.analyzer->cacheMisses())},
       {QStringLiteral("computed"), jsonText(run.analyzer->cacheMisses())},
       {QStringLiteral("reused"), jsonText(run.analyzer->cacheHits())}});
  return Ok;
}

} // namespace streetlens::cli
