// streetlens-cli explain: a patch explanation of one photo for one label (issue 20; contract in
// docs/CLI.md). Parses the options and calls core (core/analysis/PhotoExplanation.h); runs on the
// main thread.
#include "app/cli/CliCommon.h"
#include "core/analysis/PhotoExplanation.h"
#include "core/imageio/ImageLoader.h"

#include <QJsonObject>
#include <QTextStream>
#include <unistd.h>

namespace streetlens::cli {

namespace {
bool intOption(const QCommandLineParser &p, const char *name, int lo, int hi, int &out) {
  bool ok = false;
  out = p.value(QLatin1String(name)).toInt(&ok);
  if (ok && out >= lo && out <= hi)
    return true;
  printError(
      QStringLiteral("--%1 must be an integer from %2 to %3").arg(QLatin1String(name)).arg(lo).arg(hi));
  return false;
}
} // namespace

int cmdExplain(const QStringList &args) {
  QCommandLineParser p;
  addEngineOptions(p);
  p.addOption({QStringLiteral("label"),
               QStringLiteral("A label (repeatable). The first is explained against all the others, or "
                              "against the empty prompt \"\" when it is alone."),
               QStringLiteral("L")});
  p.addOption({QStringLiteral("template"),
               QStringLiteral("Prompt template with {} for the label, e.g. \"A Street View photo in {}.\""),
               QStringLiteral("T")});
  p.addOption(
      {QStringLiteral("method"),
       QStringLiteral("rollout (gradient-weighted attention rollout, Chefer et al. 2021) or occlusion "
                      "(drop of the label's probability when a patch window shows the mean colour); "
                      "default rollout."),
       QStringLiteral("M"), QStringLiteral("rollout")});
  p.addOption({QStringLiteral("out"), QStringLiteral("The overlay PNG (the photo's own size)."),
               QStringLiteral("FILE")});
  p.addOption({QStringLiteral("grid"),
               QStringLiteral("Also write the grid as JSON: {\"method\", \"label\", \"rows\", \"cols\", "
                              "\"values\"} (row-major, top-left patch first)."),
               QStringLiteral("FILE")});
  p.addOption({QStringLiteral("window"),
               QStringLiteral("Occlusion: the window's side in patches (default 1)."), QStringLiteral("N"),
               QStringLiteral("1")});
  p.addOption({QStringLiteral("stride"),
               QStringLiteral("Occlusion: the window's step in patches (default 1); a patch under several "
                              "windows gets their mean drop."),
               QStringLiteral("N"), QStringLiteral("1")});
  p.addOption({QStringLiteral("opacity"), QStringLiteral("The overlay's opacity, 0 to 100 (default 60)."),
               QStringLiteral("PERCENT"), QStringLiteral("60")});
  p.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("The photo to explain."));
  if (int rc = parseOrExit(p, QStringLiteral("explain"),
                           QStringLiteral("Which patches of the photo support a label against the others: a "
                                          "heat map over the model's patch grid, drawn on the photo."),
                           args);
      rc >= 0)
    return rc;
  const QStringList labels = p.values(QStringLiteral("label"));
  const QString templ = p.value(QStringLiteral("template"));
  const auto method = explainMethodFromId(p.value(QStringLiteral("method")));
  if (!method) {
    printError(QStringLiteral("--method must be rollout or occlusion"));
    return Usage;
  }
  if (!templ.isEmpty() && !templ.contains(QStringLiteral("{}"))) {
    printError(QStringLiteral("--template must contain {} where the label goes"));
    return Usage;
  }
  if (labels.isEmpty() || p.positionalArguments().size() != 1 || !p.isSet(QStringLiteral("out"))) {
    printError(QStringLiteral("explain needs at least one --label, one IMAGE and --out"));
    return Usage;
  }
  ExplainRequest request = explainRequestFor(*method, labels, templ);
  int opacity = 60;
  if (!intOption(p, "window", 1, 64, request.occlusionWindow) ||
      !intOption(p, "stride", 1, 64, request.occlusionStride) || !intOption(p, "opacity", 0, 100, opacity))
    return Usage;
  int code = 0;
  auto engine = loadEngine(p, &code);
  if (!engine)
    return code;
  const QString path = p.positionalArguments().constFirst();
  QString err;
  const auto img = loadImage(path, ImageLimits{}, &err);
  if (!img) {
    printError(err);
    return SomeInputsFailed;
  }
  ExplainControl control;
  if (isatty(fileno(stderr)))
    control.progress = [](int done, int total) {
      QTextStream(stderr) << "\rexplaining: " << done << "/" << total << (done == total ? "\n" : "")
                          << Qt::flush;
    };
  const auto grid = explainPhoto(*engine, img->image, request, control, &err);
  for (const QString &n : engine->takeNotices())
    printError(n);
  if (!grid) {
    printError(QStringLiteral("%1: %2").arg(path, err));
    return SomeInputsFailed;
  }
  const QString out = p.value(QStringLiteral("out")), gridPath = p.value(QStringLiteral("grid"));
  if (!writeOverlayPng(toQImage(img->image), *grid, engine->imageConfig(), opacity / 100.0, out, &err) ||
      (!gridPath.isEmpty() && !writeGridJson(*grid, gridPath, &err))) {
    printError(err);
    return SomeInputsFailed;
  }
  QJsonObject summary{{QStringLiteral("path"), path},
                      {QStringLiteral("method"), explainMethodId(grid->method)},
                      {QStringLiteral("label"), grid->label},
                      {QStringLiteral("rows"), grid->rows},
                      {QStringLiteral("cols"), grid->cols},
                      {QStringLiteral("target_probability"), grid->targetProbability},
                      {QStringLiteral("out"), out}};
  if (!gridPath.isEmpty())
    summary.insert(QStringLiteral("grid"), gridPath);
  printJson(QJsonDocument(summary));
  return Ok;
}

} // namespace streetlens::cli
