// streetlens-cli predict | report: geolocation of images and folders (JSON/CSV/GeoJSON/KML/HTML/PDF),
// with sites (--group-by), and case reports of project files. See docs/CLI.md.
#include "app/cli/CliAnalysis.h"
#include "app/cli/CliLibrary.h"
#include "core/analysis/AnalysisSession.h"
#include "core/analysis/ExplanationOverlay.h"
#include "core/analysis/GeoAnalyzer.h"
#include "core/analysis/PhotoExplanation.h"
#include "core/export/AccuracySummary.h"
#include "core/export/Csv.h"
#include "core/export/ExportCommon.h"
#include "core/export/Exporter.h"
#include "core/export/JsonExport.h"
#include "core/export/ReportContent.h"
#include "core/export/ResultStream.h"
#include "core/geo/GreatCircle.h"
#include "core/imageio/ImageLoader.h"
#include "core/model/ModelHash.h"
#include "core/store/ProjectEvidence.h"
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

// Reports (PDF/HTML) get a map per image from the map renderer (Qt Gui, no Widgets).
void attachMapRenderer(exporting::ReportContext &ctx, exporting::ExportFormat fmt) {
  if (fmt != exporting::ExportFormat::Pdf && fmt != exporting::ExportFormat::Html)
    return;
  auto gaz = gazetteer::Gazetteer::load(QStringLiteral(":/gazetteer"));
  if (gaz)
    ctx.renderMap = [gaz](const ImageResult &r, QSize size) { return ui::renderResultMap(r, gaz, size); };
}

// Reports (PDF/HTML) with --explain: the patch explanation of the top country and of the estimate
// (when it is a region or city) drawn on each photo, computed with the engine while the report is
// written (core/analysis/PhotoExplanation.h).
void attachExplanations(exporting::ReportContext &ctx, exporting::ExportFormat fmt, TorchEngine &engine,
                        const AnalysisSettings &settings, ExplainMethod method) {
  if (fmt != exporting::ExportFormat::Pdf && fmt != exporting::ExportFormat::Html)
    return;
  ctx.renderExplanations = [&engine, settings, method](const ImageResult &r, const QImage &photo) {
    QList<QPair<QImage, QString>> out;
    QString err;
    const auto img = loadImage(r.path, ImageLimits{}, &err);
    if (!img) {
      printError(err);
      return out;
    }
    const std::pair<PlaceLevel, QString> which[] = {{PlaceLevel::Country, QStringLiteral("top country")},
                                                    {estimateLevel(r), QStringLiteral("estimate")}};
    for (const auto &[level, role] : which) {
      const auto &places = placesOf(r, level);
      if (places.empty() || (role == QLatin1String("estimate") && level == PlaceLevel::Country))
        continue; // no place, or the estimate is the top country itself
      const ExplainRequest req = placeExplainRequest(r, settings, level, 0, method);
      const auto grid = explainPhoto(engine, img->image, req, {}, &err);
      if (!grid) {
        printError(QStringLiteral("%1: explanation: %2").arg(r.path, err));
        continue;
      }
      out.append(
          {renderExplanationOverlay(photo, *grid, engine.imageConfig()),
           QStringLiteral("%1 of the %2 \u201c%3\u201d against the next %4: where the model found support "
                          "(p = %5 % among them; %6 \u00d7 %7 patches)")
               .arg(method == ExplainMethod::Rollout ? QStringLiteral("Attention rollout")
                                                     : QStringLiteral("Occlusion"),
                    role, grid->label)
               .arg(req.prompts.size() - 1)
               .arg(grid->targetProbability * 100.0, 0, 'f', 1)
               .arg(grid->rows)
               .arg(grid->cols)});
    }
    return out;
  };
}

// The analyst's evidence kept in a project, as the app shows and exports it: the stored constraint
// applied to every analysed result and the stored sites fused from those (store::fuseStoredSites,
// the app's function), for every format of `report`.
void applyProjectEvidence(const store::ProjectStore &project, std::vector<ImageResult> &results,
                          exporting::ReportContext &ctx) {
  const std::optional<GeoConstraint> constraint = project.constraint();
  const std::vector<store::StoredSite> sites = project.sites();
  if ((!constraint || constraint->isEmpty()) && sites.empty())
    return;
  auto gaz = gazetteer::Gazetteer::load(QStringLiteral(":/gazetteer"));
  PosteriorOptions o =
      GeoAnalyzer::posteriorOptionsFor(project.analysisSettings().value_or(AnalysisSettings{}));
  if (constraint && !constraint->isEmpty()) {
    PosteriorOptions constrained = o;
    constrained.constraint = std::make_shared<ConstraintWeights>(*constraint, gaz);
    for (ImageResult &r : results)
      if (r.status == ImageStatus::Done)
        r = reapplyPosterior(r, gaz.get(), constrained);
    ctx.settingsSummary += QStringLiteral("\nconstraint: %1").arg(constraint->describe());
  }
  ctx.sites = store::fuseStoredSites(sites, results, gaz.get(), o); // members already constrained
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
  p.addOption({QStringLiteral("group-by"),
               QStringLiteral("Fuse photos of one place into sites: folder (one site per folder) or FILE.csv "
                              "(columns path,site). JSON output only."),
               QStringLiteral("folder|FILE.csv")});
  p.addOption(
      {QStringLiteral("explain"),
       QStringLiteral("HTML/PDF reports: draw the patch explanation (rollout or occlusion) of the top "
                      "country and of the estimate on each photo."),
       QStringLiteral("METHOD")});
  addShardOptions(p);
  addGalleryOptions(p);
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
  const auto explainMethod = explainMethodFromId(p.value(QStringLiteral("explain")));
  if (p.isSet(QStringLiteral("explain")) && !explainMethod) {
    printError(QStringLiteral("--explain must be rollout or occlusion"));
    return Usage;
  }
  std::optional<SiteGrouping> grouping;
  if (!siteGrouping(p, grouping))
    return Usage;
  if (grouping && *fmt != exporting::ExportFormat::Json) {
    printError(QStringLiteral("--group-by writes its sites into the JSON output (use --format json)"));
    return Usage;
  }
  Run run;
  if (int rc = checkRunOptions(p, run); rc >= 0)
    return rc;
  if (int rc = shardFromOptions(p, run); rc >= 0)
    return rc;
  if (int rc = checkGalleryOptions(p); rc >= 0)
    return rc;
  int missing = 0;
  const QStringList files = collectInputs(p.positionalArguments(), &missing, &run.shardKeys);
  if (files.isEmpty() && missing > 0)
    return SomeInputsFailed; // nothing exists to analyse: the model is not even loaded
  if (int rc = prepareRun(p, run); rc >= 0)
    return rc;
  if (int rc = attachGallery(p, run); rc >= 0)
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
  opt.taskColumns = exporting::taskColumnsOf(run.analyzer->settings()); // known before the first result
  opt.galleryColumns = run.analyzer->gallery() != nullptr;              // predict --gallery: its CSV columns
  auto ctx = reportContext(*run.engine, run.analyzer->settings(), p.value(QStringLiteral("candidates")));
  if (const auto &c = run.analyzer->constraint())
    ctx.settingsSummary += QStringLiteral("\nconstraint: %1").arg(c->constraint().describe());
  attachMapRenderer(ctx, *fmt);
  if (p.isSet(QStringLiteral("explain")))
    attachExplanations(ctx, *fmt, *run.engine, run.analyzer->settings(), *explainMethod);
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
    std::vector<ImageResult> siteMembers; // with --group-by: the members' lists, for fusion at the end
    analyzeAll(run, files, std::move(project), [&](ImageResult &&r) {
      failed += r.status == ImageStatus::Failed;
      if (writeOk && !out.write(r, &err))
        writeOk = false;
      if (grouping && !grouping->siteOf(r.path).isEmpty())
        siteMembers.push_back(std::move(r));
    });
    QJsonArray sites;
    if (grouping)
      for (const SiteResult &site :
           fuseSites(siteMembers, *grouping, run.gazetteer.get(), run.analyzer->posteriorOptions()))
        sites.append(exporting::siteToJson(site, opt));
    if (!writeOk || !out.finish(&err, grouping ? &sites : nullptr)) {
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
                                     "photo, SHA-256, tables, EXIF and error, summary, and a section per "
                                     "site the project keeps, under its constraint."),
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
  applyProjectEvidence(*project, results, ctx);
  attachMapRenderer(ctx, *fmt);
  exporting::ExportOptions opt;
  opt.topK = std::max(1, p.value(QStringLiteral("top-k")).toInt());
  opt.includeExifGps = !p.isSet(QStringLiteral("no-exif-gps"));
  for (const store::StoredImage &s : *images) // the analyst's verdicts, notes and pins
    if (!s.annotation.isEmpty())
      opt.annotations.insert(s.image.sha256, s.annotation);
  if (!exporting::exportResults(results, *fmt, p.value(QStringLiteral("output")), opt, ctx, &err)) {
    printError(err);
    return SomeInputsFailed;
  }
  return Ok;
}

} // namespace streetlens::cli
