// streetlens-cli predict | eval: geolocation of images and folders (JSON/CSV/GeoJSON/KML/HTML/PDF),
// and accuracy on labelled photos (IM2GPS-style CSV or GPS-tagged files). See docs/CLI.md.
#include "app/cli/CliCommon.h"
#include "core/analysis/AnalysisSession.h"
#include "core/analysis/GeoAnalyzer.h"
#include "core/export/AccuracySummary.h"
#include "core/export/Csv.h"
#include "core/export/ExportCommon.h"
#include "core/export/Exporter.h"
#include "core/export/JsonExport.h"
#include "core/export/ReportContent.h"
#include "core/export/ResultStream.h"
#include "core/geo/GreatCircle.h"
#include "core/model/ModelHash.h"
#include "core/store/ProjectStore.h"
#include "ui/map/ReportMap.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTextStream>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <unistd.h>

namespace streetlens::cli {
namespace {

const QStringList kImageSuffixes = {"jpg", "jpeg", "png", "webp", "tif", "tiff", "bmp", "gif"};

// Expands files and folders (recursively, image extensions only, sorted) into a file list, before
// the model loads. Unreadable files stay (the analysis fails them: nothing is skipped silently); an
// entry that is no regular file (broken link, FIFO, device) is reported and counted in *missing.
QStringList collectInputs(const QStringList &args, int *missing) {
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
    } else if (fi.exists()) {
      out << a;
    } else {
      printError(QStringLiteral("%1: no such file or folder").arg(a));
      ++*missing;
    }
  }
  return out;
}

void addAnalysisOptions(QCommandLineParser &p) {
  addEngineOptions(p);
  p.addOption({QStringLiteral("top-k"), QStringLiteral("Entries per level in the output (default 5)."),
               QStringLiteral("K"), QStringLiteral("5")});
  p.addOption({QStringLiteral("mode"),
               QStringLiteral("hierarchical | flat | expected (default hierarchical)."),
               QStringLiteral("MODE"), QStringLiteral("hierarchical")});
  p.addOption({QStringLiteral("max-countries"),
               QStringLiteral("Countries expanded to regions/cities (default 5)."), QStringLiteral("K"),
               QStringLiteral("5")});
  p.addOption({QStringLiteral("cities-per-country"),
               QStringLiteral("Most populous cities scored per country (default 30; 0 = all)."),
               QStringLiteral("N"), QStringLiteral("30")});
  p.addOption({QStringLiteral("country-template"),
               QStringLiteral("Country prompt with {country} (repeatable: averaged)."), QStringLiteral("T")});
  p.addOption({QStringLiteral("region-template"), QStringLiteral("Region prompt with {region}, {country}."),
               QStringLiteral("T")});
  p.addOption({QStringLiteral("city-template"),
               QStringLiteral("City prompt with {city} (and {region}, {country})."), QStringLiteral("T")});
  p.addOption({QStringLiteral("countries"), QStringLiteral("Restrict to these ISO codes, comma-separated."),
               QStringLiteral("CODES")});
  p.addOption(
      {QStringLiteral("candidates"),
       QStringLiteral("Custom candidates: a CSV (name,country,region,lat,lon) or one label per line."),
       QStringLiteral("FILE")});
  p.addOption({QStringLiteral("candidate-template"),
               QStringLiteral("Template for custom candidates, with {}."), QStringLiteral("T")});
  p.addOption({QStringLiteral("cache-dir"), QStringLiteral("Where label embeddings are cached."),
               QStringLiteral("DIR")});
}

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
    *error = QStringLiteral("--mode must be hierarchical, flat or expected");
    return false;
  }
  s.mode = *mode;
  if (p.isSet(QStringLiteral("country-template")))
    s.countryTemplates = p.values(QStringLiteral("country-template"));
  if (p.isSet(QStringLiteral("region-template")))
    s.regionTemplates = p.values(QStringLiteral("region-template"));
  if (p.isSet(QStringLiteral("city-template")))
    s.cityTemplates = p.values(QStringLiteral("city-template"));
  if (p.isSet(QStringLiteral("countries")))
    s.restrictToCountries = p.value(QStringLiteral("countries")).split(QLatin1Char(','), Qt::SkipEmptyParts);
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
  return true;
}

// The engine, gazetteer and analyzer of one run, prepared (label embeddings ready).
struct Run {
  std::unique_ptr<TorchEngine> engine;
  std::unique_ptr<GeoAnalyzer> analyzer;
  EngineOptions options;
  AnalysisSettings settings;
};

// Checks the analysis and engine options (usage errors, exit 2) before anything is loaded.
int checkRunOptions(const QCommandLineParser &p, Run &run) {
  QString err;
  if (!analysisSettings(p, run.settings, &err) || !engineOptions(p, run.options, &err)) {
    printError(err);
    return Usage;
  }
  return -1;
}

// Loads the model and the gazetteer and embeds the label sets (after checkRunOptions).
int prepareRun(const QCommandLineParser &p, Run &run) {
  const AnalysisSettings &settings = run.settings;
  QString err;
  int code = 0;
  run.engine = loadEngine(p, &code);
  if (!run.engine)
    return code;
  auto gaz = gazetteer::Gazetteer::load(QStringLiteral(":/gazetteer"), &err);
  if (!gaz) {
    printError(QStringLiteral("built-in gazetteer: %1").arg(err));
    return ModelError;
  }
  const QString cache = p.isSet(QStringLiteral("cache-dir"))
                            ? p.value(QStringLiteral("cache-dir"))
                            : QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
                                  QStringLiteral("/streetlens/label-embeddings");
  run.analyzer = std::make_unique<GeoAnalyzer>(*run.engine, gaz, settings, cache);
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

// Analyses files with the shared pipeline (AnalysisSession), driven synchronously: the next batch
// is decoded on a pool thread while this one runs; with a project, every result is committed
// before it counts as done, and images that already have a result for the same model + settings
// are not analysed again (resume after a kill). Every result goes to `sink` as soon as it is final,
// in input order, so nothing accumulates here.
void analyzeAll(Run &run, const QStringList &files, std::unique_ptr<store::ProjectStore> project,
                const std::function<void(ImageResult &&)> &sink) {
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
  for (const QString &f : files)
    session.enqueue({0, f, {}});
  session.runAll();
  if (tty && !files.isEmpty())
    QTextStream(stderr) << "\n";
}

// Reports (PDF/HTML) get a map per image from the map renderer (Qt Gui, no Widgets).
void attachMapRenderer(exporting::ReportContext &ctx, exporting::ExportFormat fmt) {
  if (fmt != exporting::ExportFormat::Pdf && fmt != exporting::ExportFormat::Html)
    return;
  auto gaz = gazetteer::Gazetteer::load(QStringLiteral(":/gazetteer"));
  if (gaz)
    ctx.renderMap = [gaz](const ImageResult &r, QSize size) { return ui::renderResultMap(r, gaz, size); };
}

exporting::ReportContext reportContext(const TorchEngine &engine, const AnalysisSettings &s,
                                       const QString &candidates) {
  exporting::ReportContext ctx;
  const EngineInfo info = engine.info();
  ctx.projectName = QStringLiteral("streetlens-cli predict");
  ctx.created = QDateTime::currentDateTime();
  ctx.modelName = info.modelName;
  ctx.modelSha256 = info.modelHash;
  ctx.precision = info.precision;
  ctx.device =
      info.device + (info.deviceName.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(info.deviceName));
  ctx.settingsSummary = exporting::reportSettingsSummary(s, candidates);
  return ctx;
}

// The output format of predict: --format, else the extension of -o, else JSON. A --format that
// contradicts the extension of -o (--format csv -o x.json) is refused: the file would say one
// format and hold another. Prints the usage error and returns nothing when it cannot be decided.
std::optional<exporting::ExportFormat> outputFormat(const QCommandLineParser &p) {
  const QString out = p.value(QStringLiteral("output"));
  const auto fromName = out.isEmpty() ? std::nullopt : exporting::exportFormatFromPath(out);
  std::optional<exporting::ExportFormat> fmt = exporting::ExportFormat::Json;
  if (p.isSet(QStringLiteral("format"))) {
    fmt = exporting::exportFormatFromName(p.value(QStringLiteral("format")));
    if (!fmt) {
      printError(QStringLiteral("unknown output format \"%1\" (use --format json|csv|geojson|kml|html|pdf)")
                     .arg(p.value(QStringLiteral("format"))));
      return std::nullopt;
    }
    if (fromName && *fromName != *fmt) {
      printError(QStringLiteral("--format %1 contradicts -o %2 (a .%3 name): drop --format, or name the "
                                "file .%1")
                     .arg(exporting::exportFormatName(*fmt), out, QFileInfo(out).suffix()));
      return std::nullopt;
    }
  } else if (!out.isEmpty()) {
    fmt = fromName;
    if (!fmt) {
      printError(QStringLiteral("%1: no output format from this name (use --format "
                                "json|csv|geojson|kml|html|pdf, or a .json, .csv, .geojson, .kml, .html "
                                "or .pdf name)")
                     .arg(out));
      return std::nullopt;
    }
  }
  if (*fmt == exporting::ExportFormat::Pdf && out.isEmpty()) {
    printError(QStringLiteral("--format pdf needs -o FILE"));
    return std::nullopt;
  }
  return fmt;
}

int countFailed(const std::vector<ImageResult> &results) {
  return int(std::count_if(results.begin(), results.end(),
                           [](const ImageResult &r) { return r.status == ImageStatus::Failed; }));
}

} // namespace

int cmdPredict(const QStringList &args) {
  QCommandLineParser p;
  addAnalysisOptions(p);
  p.addOption({QStringLiteral("format"),
               QStringLiteral("json | csv | geojson | kml | html | pdf (default json, or from the extension "
                              "of -o; must not contradict it)."),
               QStringLiteral("F")});
  p.addOption({{QStringLiteral("o"), QStringLiteral("output")},
               QStringLiteral("Write to FILE instead of stdout."),
               QStringLiteral("FILE")});
  p.addOption({QStringLiteral("no-exif-gps"),
               QStringLiteral("Privacy: leave EXIF GPS (and errors) out of the output.")});
  p.addOption(
      {QStringLiteral("project"),
       QStringLiteral("Add the results to a .streetlens project (created if missing; each image is committed "
                      "when done, finished images are skipped on a re-run)."),
       QStringLiteral("FILE")});
  p.addPositionalArgument(QStringLiteral("IMAGE_OR_DIR"), QStringLiteral("Images or folders (recursive)."),
                          QStringLiteral("IMAGE_OR_DIR..."));
  if (int rc = parseOrExit(p, QStringLiteral("predict"),
                           QStringLiteral("Where was each photo taken? Countries, regions and cities with "
                                          "probabilities, an estimate, and the error against EXIF GPS."),
                           args);
      rc >= 0)
    return rc;
  if (p.positionalArguments().isEmpty()) {
    printError(QStringLiteral("predict needs at least one IMAGE_OR_DIR"));
    return Usage;
  }
  const auto fmt = outputFormat(p);
  if (!fmt)
    return Usage;
  Run run;
  if (int rc = checkRunOptions(p, run); rc >= 0)
    return rc;
  int missing = 0;
  const QStringList files = collectInputs(p.positionalArguments(), &missing);
  if (files.isEmpty() && missing > 0)
    return SomeInputsFailed; // nothing exists to analyse: the model is not even loaded
  if (int rc = prepareRun(p, run); rc >= 0)
    return rc;
  std::unique_ptr<store::ProjectStore> project;
  if (p.isSet(QStringLiteral("project"))) {
    QString err;
    project = store::ProjectStore::open(p.value(QStringLiteral("project")), &err);
    if (!project) {
      printError(err);
      return Usage;
    }
  }
  exporting::ExportOptions opt;
  opt.topK = run.analyzer->settings().topK;
  opt.includeExifGps = !p.isSet(QStringLiteral("no-exif-gps"));
  auto ctx = reportContext(*run.engine, run.analyzer->settings(), p.value(QStringLiteral("candidates")));
  attachMapRenderer(ctx, *fmt);
  const QString outPath = p.value(QStringLiteral("output")); // empty: standard output
  QString err;
  int failed = 0;
  if (exporting::ResultStreamWriter::canStream(*fmt)) {
    // JSON and CSV are written image by image: memory stays flat for a folder of any size.
    exporting::ResultStreamWriter out;
    if (!out.open(*fmt, outPath, opt, ctx, &err)) {
      printError(err);
      return Usage;
    }
    bool writeOk = true;
    analyzeAll(run, files, std::move(project), [&](ImageResult &&r) {
      failed += r.status == ImageStatus::Failed;
      if (writeOk && !out.write(r, &err))
        writeOk = false;
    });
    if (!writeOk || !out.finish(&err)) {
      printError(err);
      return SomeInputsFailed;
    }
    return (failed + missing) ? SomeInputsFailed : Ok;
  }
  // GeoJSON, KML and the reports need every result at the end: keep what they print.
  std::vector<ImageResult> results;
  analyzeAll(run, files, std::move(project), [&](ImageResult &&r) {
    failed += r.status == ImageStatus::Failed;
    exporting::keepOnlyExported(r, *fmt, opt);
    results.push_back(std::move(r));
  });
  if (!outPath.isEmpty()) {
    if (!exporting::exportResults(results, *fmt, outPath, opt, ctx, &err)) {
      printError(err);
      return SomeInputsFailed;
    }
  } else {
    const QByteArray bytes = exporting::exportToBytes(results, *fmt, opt, ctx);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    if (!bytes.endsWith('\n'))
      std::fputc('\n', stdout);
    std::fflush(stdout);
  }
  return (failed + missing) ? SomeInputsFailed : Ok;
}

int cmdReport(const QStringList &args) {
  QCommandLineParser p;
  p.addOption({QStringLiteral("project"), QStringLiteral("The .streetlens project to report on."),
               QStringLiteral("FILE")});
  p.addOption({{QStringLiteral("o"), QStringLiteral("output")},
               QStringLiteral("OUT.pdf or OUT.html (or .csv/.json/.geojson/.kml)."),
               QStringLiteral("FILE")});
  p.addOption({QStringLiteral("top-k"), QStringLiteral("Entries per level (default 5)."), QStringLiteral("K"),
               QStringLiteral("5")});
  p.addOption({QStringLiteral("no-exif-gps"), QStringLiteral("Privacy: leave EXIF GPS (and errors) out.")});
  if (int rc =
          parseOrExit(p, QStringLiteral("report"),
                      QStringLiteral("Writes a case report (PDF or HTML) of a project file: cover, per-image "
                                     "photo, SHA-256, tables, EXIF and error, summary."),
                      args, /*needsModel=*/false);
      rc >= 0)
    return rc;
  if (!p.isSet(QStringLiteral("project")) || !p.isSet(QStringLiteral("output"))) {
    printError(QStringLiteral("report needs --project FILE and -o OUT.pdf|OUT.html"));
    return Usage;
  }
  const auto fmt = exporting::exportFormatFromPath(p.value(QStringLiteral("output")));
  if (!fmt) {
    printError(QStringLiteral("%1: use a .pdf, .html, .csv, .json, .geojson or .kml file name")
                   .arg(p.value(QStringLiteral("output"))));
    return Usage;
  }
  // A project that is missing, is not a project or is damaged is an input that failed (exit 1),
  // like a missing image for predict; a command line that is wrong is a usage error (exit 2).
  QString err;
  if (!QFileInfo::exists(p.value(QStringLiteral("project")))) {
    printError(QStringLiteral("%1: no such project file").arg(p.value(QStringLiteral("project"))));
    return SomeInputsFailed;
  }
  auto project = store::ProjectStore::open(p.value(QStringLiteral("project")), &err);
  const auto images = project ? project->loadAll(&err) : std::nullopt;
  if (!images) {
    printError(err);
    return SomeInputsFailed;
  }
  std::vector<ImageResult> results;
  for (const store::StoredImage &s : *images) {
    if (s.result) {
      results.push_back(*s.result);
      continue;
    }
    results.push_back(exporting::unanalysedResult(s.image.path, s.image.sha256, s.status, s.error));
  }
  exporting::ReportContext ctx;
  ctx.projectName = QFileInfo(project->path()).completeBaseName();
  ctx.created = QDateTime::currentDateTime();
  if (const auto model = project->modelRecord()) {
    ctx.modelName = model->name;
    ctx.modelSha256 = model->sha256;
    ctx.precision = model->precision;
    ctx.device = model->device;
  }
  if (const auto settings = project->analysisSettings())
    ctx.settingsSummary = exporting::reportSettingsSummary(*settings);
  attachMapRenderer(ctx, *fmt);
  exporting::ExportOptions opt;
  opt.topK = std::max(1, p.value(QStringLiteral("top-k")).toInt());
  opt.includeExifGps = !p.isSet(QStringLiteral("no-exif-gps"));
  if (!exporting::exportResults(results, *fmt, p.value(QStringLiteral("output")), opt, ctx, &err)) {
    printError(err);
    return SomeInputsFailed;
  }
  return Ok;
}

int cmdEval(const QStringList &args) {
  QCommandLineParser p;
  addAnalysisOptions(p);
  p.addOption({QStringLiteral("csv"),
               QStringLiteral("Ground truth CSV with columns IMG_ID,LAT,LON (IM2GPS layout)."),
               QStringLiteral("FILE")});
  p.addOption({QStringLiteral("images"), QStringLiteral("Folder holding the IMG_ID files of --csv."),
               QStringLiteral("DIR")});
  p.addOption({QStringLiteral("details"),
               QStringLiteral("Write per-image rows (path,lat,lon,pred_lat,pred_lon,error_km)."),
               QStringLiteral("FILE")});
  p.addPositionalArgument(QStringLiteral("DIR"),
                          QStringLiteral("A folder of GPS-tagged photos (instead of --csv)."),
                          QStringLiteral("[DIR]"));
  if (int rc = parseOrExit(
          p, QStringLiteral("eval"),
          QStringLiteral("Accuracy on labelled photos: % within 1/25/200/750/2500 km, median error, "
                         "mean GeoScore."),
          args);
      rc >= 0)
    return rc;
  const bool csvMode = p.isSet(QStringLiteral("csv"));
  if (csvMode == (p.positionalArguments().size() == 1) || (csvMode && !p.isSet(QStringLiteral("images")))) {
    printError(QStringLiteral("eval needs either --csv FILE --images DIR, or one DIR of GPS-tagged photos"));
    return Usage;
  }
  Run run;
  if (int rc = checkRunOptions(p, run); rc >= 0)
    return rc;
  QStringList files;
  QHash<QString, geo::GeoPoint> truth;
  int missing = 0;
  if (csvMode) {
    QFile f(p.value(QStringLiteral("csv")));
    if (!f.open(QIODevice::ReadOnly)) {
      printError(QStringLiteral("%1: cannot open (%2)").arg(f.fileName(), f.errorString()));
      return SomeInputsFailed;
    }
    QString err;
    const auto rows = exporting::parseCsv(f.readAll(), &err);
    if (rows.isEmpty() || !err.isEmpty()) {
      printError(QStringLiteral("%1: %2").arg(f.fileName(), err.isEmpty() ? QStringLiteral("empty") : err));
      return SomeInputsFailed;
    }
    const QStringList head = rows.first();
    const int idCol = int(head.indexOf(QStringLiteral("IMG_ID"))),
              latCol = int(head.indexOf(QStringLiteral("LAT"))),
              lonCol = int(head.indexOf(QStringLiteral("LON")));
    if (idCol < 0 || latCol < 0 || lonCol < 0) {
      printError(QStringLiteral("%1: the header needs IMG_ID, LAT and LON").arg(f.fileName()));
      return SomeInputsFailed;
    }
    const QDir dir(p.value(QStringLiteral("images")));
    for (qsizetype i = 1; i < rows.size(); ++i) {
      const QStringList &r = rows[i];
      if (r.size() <= std::max({idCol, latCol, lonCol}))
        continue;
      bool ok1 = false, ok2 = false;
      const geo::GeoPoint g{r[latCol].toDouble(&ok1), r[lonCol].toDouble(&ok2)};
      if (!ok1 || !ok2 || !g.isValid()) {
        printError(QStringLiteral("%1: line %2: invalid coordinates").arg(f.fileName()).arg(i + 1));
        ++missing;
        continue;
      }
      const QString path = dir.filePath(r[idCol]);
      if (!QFileInfo(path).isFile()) { // reported now, before the model is loaded
        printError(QStringLiteral("%1: no such file (%2 line %3)").arg(path, f.fileName()).arg(i + 1));
        ++missing;
        continue;
      }
      files << path;
      truth.insert(path, g);
    }
  } else {
    files = collectInputs(p.positionalArguments(), &missing);
  }
  std::vector<ImageResult> results;
  if (!files.isEmpty()) { // with nothing to analyse, the model is not even loaded
    if (int rc = prepareRun(p, run); rc >= 0)
      return rc;
    analyzeAll(run, files, nullptr, [&](ImageResult &&r) {
      exporting::ExportOptions estimateOnly; // the summary needs the estimate, EXIF and error only
      estimateOnly.topK = 1;
      exporting::keepOnlyExported(r, exporting::ExportFormat::Csv, estimateOnly);
      results.push_back(std::move(r));
    });
  }
  if (csvMode) // the CSV is the ground truth, whatever the files' own tags say
    for (ImageResult &r : results) {
      r.exifLocation = truth.value(r.path);
      r.errorKm =
          r.estimate ? std::optional<double>(geo::haversineKm(*r.estimate, *r.exifLocation)) : std::nullopt;
    }
  exporting::ExportOptions opt;
  const exporting::AccuracySummary s = exporting::summarizeAccuracy(results, opt);
  // In the documented order, thresholds ascending ("1", "25", "200", ...): a QJsonObject would sort
  // the keys as strings ("1", "200", "25", ...).
  JsonMembers within;
  for (size_t i = 0; i < exporting::kAccuracyThresholdsKm.size(); ++i)
    within.append({QString::number(exporting::kAccuracyThresholdsKm[i]), jsonText(s.withinPercent[i])});
  const int failed = countFailed(results) + missing;
  printJsonMembers({{QStringLiteral("n"), jsonText(s.withTruth)},
                    {QStringLiteral("failed"), jsonText(failed)},
                    {QStringLiteral("without_truth"), jsonText(s.succeeded - s.withTruth)},
                    {QStringLiteral("within_km"), jsonObjectText(within)},
                    {QStringLiteral("median_km"), jsonText(s.medianKm)},
                    {QStringLiteral("mean_geoscore"), jsonText(s.meanGeoScore)}});
  if (p.isSet(QStringLiteral("details"))) {
    QByteArray out =
        exporting::csvRecord({"path", "lat", "lon", "pred_lat", "pred_lon", "error_km"}).toUtf8();
    for (const ImageResult &r : results) {
      if (r.status != ImageStatus::Done || !r.exifLocation || !r.estimate || !r.errorKm)
        continue;
      out += exporting::csvRecord(
                 {r.path, QString::number(r.exifLocation->lat, 'g', 10),
                  QString::number(r.exifLocation->lon, 'g', 10), QString::number(r.estimate->lat, 'g', 10),
                  QString::number(r.estimate->lon, 'g', 10), QString::number(*r.errorKm, 'g', 10)})
                 .toUtf8();
    }
    QSaveFile f(p.value(QStringLiteral("details")));
    if (!f.open(QIODevice::WriteOnly) || f.write(out) != out.size() || !f.commit()) {
      printError(QStringLiteral("%1: cannot write (%2)").arg(f.fileName(), f.errorString()));
      return SomeInputsFailed;
    }
  }
  return failed ? SomeInputsFailed : Ok;
}

} // namespace streetlens::cli
