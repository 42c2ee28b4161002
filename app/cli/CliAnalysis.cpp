#include "app/cli/CliAnalysis.h"

#include "app/cli/CliSun.h"
#include "core/analysis/AnalysisSession.h"
#include "core/analysis/SceneTaskLibrary.h"
#include "core/store/ProjectStore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTextStream>
#include <algorithm>
#include <unistd.h>

namespace streetlens::cli {

namespace {
const QStringList kImageSuffixes = {"jpg", "jpeg", "png", "webp", "tif", "tiff", "bmp", "gif"};

} // namespace

// Unreadable files stay (the analysis fails them: nothing is skipped silently); an entry that is no
// regular file (broken link, FIFO, device) is reported and counted in *missing.
QStringList collectInputs(const QStringList &args, int *missing, QStringList *shardKeys) {
  QStringList out;
  for (const QString &a : args) {
    const QFileInfo fi(a);
    if (fi.isDir()) {
      QStringList found;
      QDirIterator it(a, QDir::Files | QDir::System,
                      QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
      while (it.hasNext()) {
        const QString f = it.next();
        const QFileInfo info(f);
        if (!kImageSuffixes.contains(info.suffix().toLower()))
          continue;
        if (info.isFile()) {
          found << f;
        } else {
          printError(QStringLiteral("%1: %2").arg(f, info.isSymLink() && !info.exists()
                                                         ? QStringLiteral("broken link, no such file")
                                                         : QStringLiteral("not a regular file")));
          ++*missing;
        }
      }
      std::sort(found.begin(), found.end());
      out << found;
      if (shardKeys)
        for (const QString &f : found)
          *shardKeys << shardKeyOf(f, a);
    } else if (fi.exists()) {
      out << a;
      if (shardKeys)
        *shardKeys << shardKeyOf(a, {});
    } else {
      printError(QStringLiteral("%1: no such file or folder").arg(a));
      ++*missing;
    }
  }
  return out;
}

void addAnalysisOptions(QCommandLineParser &p) {
  addEngineOptions(p);
  p.addOption(
      {QStringLiteral("prompts"),
       QStringLiteral("default | streetclip: prompt templates shaped like StreetCLIP's training captions "
                      "(\"A Street View photo close to the town of {city} in the region of {region} in "
                      "{country}.\")."),
       QStringLiteral("STYLE"), QStringLiteral("default")});
  p.addOption({QStringLiteral("exclude-countries"),
               QStringLiteral("Exclude these ISO alpha-2 codes, comma-separated."), QStringLiteral("CODES")});
  p.addOption({QStringLiteral("regions"),
               QStringLiteral("Keep only these regions (codes such as US.CA), comma-separated."),
               QStringLiteral("CODES")});
  p.addOption({QStringLiteral("exclude-regions"), QStringLiteral("Exclude these regions, comma-separated."),
               QStringLiteral("CODES")});
  p.addOption({QStringLiteral("within"),
               QStringLiteral(
                   "Keep only what lies in the Polygon/MultiPolygon areas of a GeoJSON file (repeatable)."),
               QStringLiteral("FILE.geojson")});
  p.addOption({QStringLiteral("exclude"),
               QStringLiteral("Exclude the Polygon/MultiPolygon areas of a GeoJSON file (repeatable)."),
               QStringLiteral("FILE.geojson")});
  p.addOption({QStringLiteral("near"),
               QStringLiteral("Keep only what lies within KM of LAT,LON (repeatable)."),
               QStringLiteral("LAT,LON,KM")});
  addSunOptions(p, QStringLiteral("sun-time"));
  p.addOption({QStringLiteral("uncertain-km2"),
               QStringLiteral(
                   "A 90 % confidence region larger than this makes a result \"uncertain\" (default 50000; "
                   "0 = never)."),
               QStringLiteral("KM2"), QStringLiteral("50000")});
  p.addOption({QStringLiteral("top-k"), QStringLiteral("Entries per level in the output (default 5)."),
               QStringLiteral("K"), QStringLiteral("5")});
  p.addOption({QStringLiteral("mode"),
               QStringLiteral("hierarchical | paper | flat | expected (default hierarchical)."),
               QStringLiteral("MODE"), QStringLiteral("hierarchical")});
  p.addOption({QStringLiteral("max-countries"),
               QStringLiteral("Paper mode: countries expanded to their cities (default 5)."),
               QStringLiteral("K"), QStringLiteral("5")});
  p.addOption({QStringLiteral("cities-per-country"),
               QStringLiteral("Most populous cities scored per country (default 30; 0 = all)."),
               QStringLiteral("N"), QStringLiteral("30")});
  p.addOption({QStringLiteral("country-template"),
               QStringLiteral("Country prompt with {country} (repeatable: averaged)."), QStringLiteral("T")});
  p.addOption({QStringLiteral("region-template"), QStringLiteral("Region prompt with {region}, {country}."),
               QStringLiteral("T")});
  p.addOption({QStringLiteral("city-template"),
               QStringLiteral("City prompt with {city} (and {region}, {country})."), QStringLiteral("T")});
  p.addOption({QStringLiteral("countries"),
               QStringLiteral("Keep only these ISO alpha-2 codes, comma-separated."),
               QStringLiteral("CODES")});
  p.addOption(
      {QStringLiteral("candidates"),
       QStringLiteral("Custom candidates: a CSV (name,country,region,lat,lon) or one label per line."),
       QStringLiteral("FILE")});
  p.addOption({QStringLiteral("candidate-template"),
               QStringLiteral("Template for custom candidates, with {}."), QStringLiteral("T")});
  p.addOption({QStringLiteral("cache-dir"), QStringLiteral("Where label embeddings are cached."),
               QStringLiteral("DIR")});
  p.addOption(
      {QStringLiteral("task"),
       QStringLiteral("Also answer a scene task from the same image embedding: a name from "
                      "'streetlens-cli tasks', a task or probe file (.json), or all (the built-in and "
                      "your tasks). Repeatable."),
       QStringLiteral("NAME|FILE")});
  p.addOption({QStringLiteral("no-clues"),
               QStringLiteral("Leave out the clue readings (driving side, script, line colour, …).")});
}

namespace {

bool analysisSettings(const QCommandLineParser &p, AnalysisSettings &s, QString *error) {
  bool ok = true;
  auto intOpt = [&](const char *name, int lo, int hi, int &out) {
    bool good = false;
    const int v = p.value(QLatin1String(name)).toInt(&good);
    if (!good || v < lo || v > hi) {
      *error =
          QStringLiteral("--%1 must be an integer from %2 to %3").arg(QLatin1String(name)).arg(lo).arg(hi);
      ok = false;
    } else {
      out = v;
    }
  };
  intOpt("top-k", 1, 100000, s.topK);
  intOpt("max-countries", 1, 300, s.maxCountries);
  intOpt("cities-per-country", 0, 100000, s.citiesPerCountry);
  if (!ok)
    return false;
  const auto mode = AnalysisSettings::modeFromName(p.value(QStringLiteral("mode")));
  if (!mode) {
    *error = QStringLiteral("--mode must be hierarchical, paper, flat or expected");
    return false;
  }
  s.mode = *mode;
  if (p.isSet(QStringLiteral("country-template")))
    s.countryTemplates = p.values(QStringLiteral("country-template"));
  if (p.isSet(QStringLiteral("region-template")))
    s.regionTemplates = p.values(QStringLiteral("region-template"));
  if (p.isSet(QStringLiteral("city-template")))
    s.cityTemplates = p.values(QStringLiteral("city-template"));
  const QString prompts = p.value(QStringLiteral("prompts")).trimmed().toLower();
  if (prompts == QLatin1String("streetclip")) {
    s.useStreetClipCaptions();
  } else if (prompts != QLatin1String("default")) {
    *error = QStringLiteral("--prompts must be default or streetclip");
    return false;
  }
  if (p.isSet(QStringLiteral("candidates"))) {
    QFile f(p.value(QStringLiteral("candidates")));
    if (!f.open(QIODevice::ReadOnly)) {
      *error = QStringLiteral("%1: cannot open (%2)").arg(f.fileName(), f.errorString());
      return false;
    }
    const auto list = parseCandidateList(f.read(64 << 20), f.fileName(), error);
    if (!list)
      return false;
    s.customCandidates = *list;
    s.customTemplate = p.value(QStringLiteral("candidate-template"));
  }
  // Scene tasks (each once, in the order given) and the clue questions.
  for (const QString &name : p.values(QStringLiteral("task"))) {
    QVector<SceneTask> add;
    if (name == QLatin1String("all")) {
      add = SceneTaskLibrary::load(SceneTaskLibrary::Kind::Task);
    } else {
      auto t = SceneTaskLibrary::resolve(name, SceneTaskLibrary::Kind::Task, error);
      if (!t) {
        *error = QStringLiteral("--task: %1").arg(*error);
        return false;
      }
      add << *t;
    }
    for (const SceneTask &t : add) {
      const bool known =
          std::any_of(s.tasks.cbegin(), s.tasks.cend(), [&](const SceneTask &o) { return o.name == t.name; });
      if (!known)
        s.tasks << t;
    }
  }
  if (!p.isSet(QStringLiteral("no-clues")))
    s.clues = SceneTaskLibrary::load(SceneTaskLibrary::Kind::Clue);
  return true;
}

// The constraint options, read against the gazetteer (codes are checked). Errors name the file.
bool constraintFromOptions(const QCommandLineParser &p, const gazetteer::Gazetteer &gaz, GeoConstraint &c,
                           QString *error) {
  auto codes = [&](const char *name, QStringList &out, bool countries) {
    if (!p.isSet(QLatin1String(name)))
      return true;
    if (countries) {
      auto list = parseCountryList(p.value(QLatin1String(name)), &gaz, error);
      if (!list) {
        *error = QStringLiteral("--%1: %2").arg(QLatin1String(name), *error);
        return false;
      }
      out = *list;
      return true;
    }
    for (const QString &raw : p.value(QLatin1String(name)).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
      const auto *r = gaz.region(raw.trimmed());
      if (!r) {
        *error = QStringLiteral("--%1: '%2' is not a region code of the gazetteer (e.g. US.CA, FR.11)")
                     .arg(QLatin1String(name), raw.trimmed());
        return false;
      }
      out << r->code.toUpper();
    }
    return true;
  };
  if (!codes("countries", c.countries, true) || !codes("exclude-countries", c.excludeCountries, true) ||
      !codes("regions", c.regions, false) || !codes("exclude-regions", c.excludeRegions, false))
    return false;
  auto areas = [&](const char *name, QVector<geo::GeoMultiPolygon> &out) {
    for (const QString &file : p.values(QLatin1String(name))) {
      QFile f(file);
      if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot open (%2)").arg(file, f.errorString());
        return false;
      }
      auto parsed = parseGeoJsonAreas(f.read(256 << 20), file, error);
      if (!parsed)
        return false;
      out << *parsed;
      c.sources << QStringLiteral("%1 %2 (%3 area%4)")
                       .arg(QLatin1String(name), QFileInfo(file).fileName())
                       .arg(parsed->size())
                       .arg(parsed->size() == 1 ? QString() : QStringLiteral("s"));
    }
    return true;
  };
  if (!areas("within", c.within) || !areas("exclude", c.exclude))
    return false;
  for (const QString &n : p.values(QStringLiteral("near"))) {
    auto circle = parseCircle(n, error);
    if (!circle) {
      *error = QStringLiteral("--near: %1").arg(*error);
      return false;
    }
    c.near << *circle;
    c.sources << QStringLiteral("near %1 %2 km").arg(n.section(QLatin1Char(','), 0, 1)).arg(circle->radiusKm);
  }
  const auto sun = sunObservationFromOptions(p, QStringLiteral("sun-time"), error);
  if (!sun && !error->isEmpty())
    return false;
  if (sun)
    c.sunBands << geo::SunBand(*sun);
  return true;
}

} // namespace

int checkRunOptions(const QCommandLineParser &p, Run &run) {
  QString err;
  if (!analysisSettings(p, run.settings, &err) || !engineOptions(p, run.options, &err)) {
    printError(err);
    return Usage;
  }
  bool okKm2 = false;
  run.uncertainKm2 = p.value(QStringLiteral("uncertain-km2")).toDouble(&okKm2);
  if (!okKm2 || run.uncertainKm2 < 0) {
    printError(QStringLiteral("--uncertain-km2 must be a number of km^2 (0 = never uncertain)"));
    return Usage;
  }
  run.gazetteer = gazetteer::Gazetteer::load(QStringLiteral(":/gazetteer"), &err);
  if (!run.gazetteer) {
    printError(QStringLiteral("built-in gazetteer: %1").arg(err));
    return ModelError;
  }
  if (!constraintFromOptions(p, *run.gazetteer, run.constraint, &err)) {
    printError(err);
    return Usage;
  }
  return -1;
}

int prepareRun(const QCommandLineParser &p, Run &run) {
  QString err;
  int code = 0;
  run.engine = loadEngine(p, &code);
  if (!run.engine)
    return code;
  const auto &gaz = run.gazetteer;
  const AnalysisSettings &settings = run.settings;
  const QString cache = p.isSet(QStringLiteral("cache-dir"))
                            ? p.value(QStringLiteral("cache-dir"))
                            : QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
                                  QStringLiteral("/streetlens/label-embeddings");
  run.analyzer = std::make_unique<GeoAnalyzer>(*run.engine, gaz, settings, cache);
  run.analyzer->setUncertainAreaKm2(run.uncertainKm2);
  if (!run.constraint.isEmpty())
    run.analyzer->setConstraint(std::make_shared<ConstraintWeights>(run.constraint, gaz));
  const bool tty = isatty(fileno(stderr));
  auto progress = [tty](int done, int total, const QString &what) {
    if (tty)
      QTextStream(stderr) << "\rembedding labels: " << done << "/" << total << " (" << what << ")   "
                          << Qt::flush;
    return true;
  };
  if (!run.analyzer->prepare(progress, &err)) {
    printError(QStringLiteral("cannot embed the label sets: %1").arg(err));
    return ModelError;
  }
  if (tty)
    QTextStream(stderr) << "\r" << QString(60, QLatin1Char(' ')) << "\r" << Qt::flush;
  return -1;
}

// Driven synchronously: the next batch
// is decoded on a pool thread while this one runs; with a project, every result is committed
// before it counts as done, and images that already have a result for the same model + settings
// are not analysed again (resume after a kill). Every result goes to `sink` as soon as it is final,
// in input order, so nothing accumulates here.
void analyzeAll(Run &run, const QStringList &files, std::unique_ptr<store::ProjectStore> project,
                const std::function<void(ImageResult &&)> &sink) {
  const QStringList &shardKeys = run.shardKeys;
  const bool tty = isatty(fileno(stderr));
  AnalysisSession::Callbacks cb;
  cb.finished = [&sink](std::shared_ptr<AnalysisItem> item) {
    if (item->result.status == ImageStatus::Failed)
      printError(item->result.error);
    sink(std::move(item->result));
  };
  cb.notice = [](const QString &n) { printError(n); };
  cb.progress = [tty](int done, int total, int) {
    if (tty)
      QTextStream(stderr) << "\ranalysed " << done << "/" << total << Qt::flush;
  };
  AnalysisSession session(std::move(cb));
  session.setMakeImages(false); // no list to show: no thumbnails or previews
  session.setProject(std::move(project));
  session.setAnalyzer(run.engine.get(), run.analyzer.get(), run.engine->imageBatchSize());
  session.setShard(run.shard);
  for (qsizetype i = 0; i < files.size(); ++i)
    session.enqueue({0, files[i], {}, i < shardKeys.size() ? shardKeys[i] : QString()});
  if (run.shard.count > 1)
    QTextStream(stderr) << "streetlens-cli: shard " << run.shard.text() << ": " << session.total() << " of "
                        << files.size() << " inputs\n"
                        << Qt::flush;
  session.runAll();
  if (tty && !files.isEmpty())
    QTextStream(stderr) << "\n";
}

void addShardOptions(QCommandLineParser &p) {
  p.addOption({QStringLiteral("shard"),
               QStringLiteral("Analyse only shard K of N (K from 0): a stable partition by the SHA-256 of "
                              "each file's path relative to its folder argument (docs/SCALE.md)."),
               QStringLiteral("K/N")});
  p.addOption({QStringLiteral("shard-from-env"),
               QStringLiteral("Take the shard from SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT (a SLURM job "
                              "array) or JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) with --shard-count "
                              "or STREETLENS_SHARD_COUNT.")});
  p.addOption({QStringLiteral("shard-count"),
               QStringLiteral("With --shard-from-env and JOB_COMPLETION_INDEX: the number of shards."),
               QStringLiteral("N")});
}

int shardFromOptions(const QCommandLineParser &p, Run &run) {
  const bool fromEnv = p.isSet(QStringLiteral("shard-from-env"));
  if (fromEnv && p.isSet(QStringLiteral("shard"))) {
    printError(QStringLiteral("--shard and --shard-from-env exclude each other"));
    return Usage;
  }
  int count = 0;
  if (p.isSet(QStringLiteral("shard-count"))) {
    bool ok = false;
    count = p.value(QStringLiteral("shard-count")).toInt(&ok);
    if (!ok || count < 1 || !fromEnv) {
      printError(fromEnv ? QStringLiteral("--shard-count must be a whole number of shards, at least 1")
                         : QStringLiteral("--shard-count goes with --shard-from-env (else use --shard K/N)"));
      return Usage;
    }
  }
  QString err;
  std::optional<Shard> shard;
  if (fromEnv) {
    QHash<QString, QString> env;
    for (const char *name : {"SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN",
                             "SLURM_ARRAY_TASK_STEP", "JOB_COMPLETION_INDEX", "STREETLENS_SHARD_COUNT"})
      env.insert(QLatin1String(name), qEnvironmentVariable(name));
    shard = Shard::fromEnvironment(env, count, &err);
  } else if (p.isSet(QStringLiteral("shard"))) {
    shard = Shard::parse(p.value(QStringLiteral("shard")), &err);
  } else {
    return -1;
  }
  if (!shard) {
    printError(err);
    return Usage;
  }
  run.shard = *shard;
  return -1;
}

bool siteGrouping(const QCommandLineParser &p, std::optional<SiteGrouping> &out) {
  out.reset();
  if (!p.isSet(QStringLiteral("group-by")))
    return true;
  const QString v = p.value(QStringLiteral("group-by"));
  if (v == QLatin1String("folder")) {
    out = SiteGrouping::byFolder();
    return true;
  }
  QString err;
  out = SiteGrouping::fromCsvFile(v, &err);
  if (!out)
    printError(err);
  return out.has_value();
}

} // namespace streetlens::cli
