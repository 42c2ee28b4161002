// streetlens-cli: the headless twin of the app (see docs/CLI.md). Dispatches sub-commands.
#include "app/cli/CliCommon.h"
#include "app/cli/CliLibrary.h"
#include "app/cli/CliSun.h"
#include "core/clip/CpuAllocator.h"
#include "core/export/ReportContent.h"

#include <QGuiApplication>
#include <QTextStream>
#include <cstdlib>

using namespace streetlens::cli;

namespace {
const char *kUsage = R"(Usage: streetlens-cli COMMAND [OPTIONS] ...

StreetCLIP geolocation and CLIP engine, locally on the CPU or a CUDA GPU.

Commands:
  tokenize    CLIP token ids of texts (JSON)
  preprocess  pixel_values of an image as float32 CHW (binary file)
  embed       projected image/text embeddings (JSON)
  classify    zero-shot probabilities of labels for images (JSON)
  explain     which patches of a photo support a label: rollout or occlusion heat map drawn on
              the photo (PNG) and the patch grid (JSON)
  predict     where each photo was taken: countries, regions, cities, estimate, EXIF error
              (JSON, CSV, GeoJSON, KML, HTML or PDF)
  eval        accuracy on labelled photos (% within 1/25/200/750/2500 km, median, GeoScore)
  report      a PDF or HTML case report (or CSV/JSON/GeoJSON/KML) of a .streetlens project
  merge       the shards of a batch (predict --shard K/N) joined into one project, JSON or CSV
  prepare-labels  the label-embedding cache of a sharded batch, filled once (--cache-dir DIR)
  sun         the sun's elevation and azimuth at a moment and place, or the band where a
              shadow's sun elevation held (GeoJSON)
  tasks       the scene tasks (or --clues: clue questions) predict --task answers, one per line
  train-probe a few-shot classifier from photos you tagged (CSV path,class), for predict --task
  index       photos' embeddings, paths and positions into a .slidx library index / gallery
  search      the most similar photos of a .slidx index (JSON)
  duplicates  near-duplicate groups of a .slidx index's photos (JSON)

Common engine options: --model DIR, --device auto|cpu|cuda[:N], --precision auto|fp32|bf16|fp16,
                       --batch-size N|auto, --threads N
Run 'streetlens-cli COMMAND --help' for the options of one command.

Exit status: 0 all done; 1 some inputs failed or cannot be read (the rest were processed and
             reported); 2 usage error; 3 the model cannot be loaded.
Errors go to stderr, one line each, naming the file and the problem.
)";
// Qt's own warnings follow the CLI's stderr contract ("streetlens-cli: <message>", one line each).
// The offscreen platform looks up the session's runtime folder, which a command-line run need not
// have: that notice is not a problem of the user's inputs and is left out. Qt's image plugins
// (category qt.gui.imageio.*, e.g. "Corrupt JPEG data: premature end of data segment") do not
// name the file: the notice names the photo the report was reading.
void cliMessages(QtMsgType type, const QMessageLogContext &context, const QString &message) {
  if (type == QtDebugMsg || type == QtInfoMsg)
    return;
  if (message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
    return;
  if (context.category && qstrncmp(context.category, "qt.gui.imageio", 14) == 0) {
    const QString photo = streetlens::exporting::reportPhotoBeingRead();
    printError(photo.isEmpty()
                   ? message
                   : QStringLiteral("%1: %2 (reading the photo for the report)").arg(photo, message));
    return;
  }
  printError(message);
  if (type == QtFatalMsg)
    std::abort();
}

} // namespace

int main(int argc, char **argv) {
  streetlens::clip::tuneAllocatorForInference(); // before any thread allocates
  // Reports paint text, images and maps (Qt Gui). The CLI never shows a window, so it always runs
  // on the offscreen platform (unless QT_QPA_PLATFORM says otherwise): no display is needed and
  // nothing is guessed from the arguments.
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", "offscreen");
  qInstallMessageHandler(cliMessages);
  QGuiApplication app(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("streetlens-cli"));
  QCoreApplication::setOrganizationName(QStringLiteral("StreetLens"));
  QCoreApplication::setApplicationVersion(QStringLiteral(STREETLENS_VERSION));
  QStringList args = QCoreApplication::arguments();
  args.removeFirst();
  if (args.isEmpty()) {
    QTextStream(stderr) << kUsage;
    return Usage;
  }
  const QString cmd = args.takeFirst();
  if (cmd == QLatin1String("--help") || cmd == QLatin1String("-h") || cmd == QLatin1String("help")) {
    QTextStream(stdout) << kUsage;
    return Ok;
  }
  if (cmd == QLatin1String("--version") || cmd == QLatin1String("-v")) {
    QTextStream(stdout) << "streetlens-cli " << STREETLENS_VERSION << Qt::endl;
    return Ok;
  }
  try {
    if (cmd == QLatin1String("tokenize"))
      return cmdTokenize(args);
    if (cmd == QLatin1String("preprocess"))
      return cmdPreprocess(args);
    if (cmd == QLatin1String("embed"))
      return cmdEmbed(args);
    if (cmd == QLatin1String("classify"))
      return cmdClassify(args);
    if (cmd == QLatin1String("explain"))
      return cmdExplain(args);
    if (cmd == QLatin1String("predict"))
      return cmdPredict(args);
    if (cmd == QLatin1String("eval"))
      return cmdEval(args);
    if (cmd == QLatin1String("report"))
      return cmdReport(args);
    if (cmd == QLatin1String("merge"))
      return cmdMerge(args);
    if (cmd == QLatin1String("prepare-labels"))
      return cmdPrepareLabels(args);
    if (cmd == QLatin1String("sun"))
      return cmdSun(args);
    if (cmd == QLatin1String("tasks"))
      return cmdTasks(args);
    if (cmd == QLatin1String("train-probe"))
      return cmdTrainProbe(args);
    if (cmd == QLatin1String("index"))
      return cmdIndex(args);
    if (cmd == QLatin1String("search"))
      return cmdSearch(args);
    if (cmd == QLatin1String("duplicates"))
      return cmdDuplicates(args);
  } catch (const std::exception &e) {
    printError(QStringLiteral("unexpected error: %1")
                   .arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
    return SomeInputsFailed;
  }
  const QString guess =
      closestMatch(cmd, {QStringLiteral("tokenize"), QStringLiteral("preprocess"), QStringLiteral("embed"),
                         QStringLiteral("classify"), QStringLiteral("explain"), QStringLiteral("predict"),
                         QStringLiteral("eval"), QStringLiteral("report"), QStringLiteral("merge"),
                         QStringLiteral("prepare-labels"), QStringLiteral("sun"), QStringLiteral("tasks"),
                         QStringLiteral("train-probe"), QStringLiteral("index"), QStringLiteral("search"),
                         QStringLiteral("duplicates")});
  printError(
      QStringLiteral("unknown command \"%1\"%2 (see streetlens-cli --help)")
          .arg(cmd, guess.isEmpty() ? QString() : QStringLiteral("; did you mean \"%1\"?").arg(guess)));
  return Usage;
}
