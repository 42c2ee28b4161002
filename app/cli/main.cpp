// streetlens-cli: the headless twin of the app (see docs/CLI.md). Dispatches sub-commands.
#include "app/cli/CliCommon.h"
#include "core/clip/CpuAllocator.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>
#include <memory>

using namespace streetlens::cli;

namespace {
const char *kUsage = R"(Usage: streetlens-cli COMMAND [OPTIONS] ...

StreetCLIP geolocation and CLIP engine, locally on the CPU or a CUDA GPU.

Commands:
  tokenize    CLIP token ids of texts (JSON)
  preprocess  pixel_values of an image as float32 CHW (binary file)
  embed       projected image/text embeddings (JSON)
  classify    zero-shot probabilities of labels for images (JSON)
  predict     where each photo was taken: countries, regions, cities, estimate, EXIF error
              (JSON, CSV, GeoJSON, KML, HTML or PDF)
  eval        accuracy on labelled photos (% within 1/25/200/750/2500 km, median, GeoScore)
  report      a PDF or HTML case report (or CSV/JSON/GeoJSON/KML) of a .streetlens project

Common engine options: --model DIR, --device auto|cpu|cuda[:N], --precision auto|fp32|bf16|fp16,
                       --batch-size N|auto, --threads N
Run 'streetlens-cli COMMAND --help' for the options of one command.

Exit status: 0 all done; 1 some inputs failed (the rest were processed and reported);
             2 usage error; 3 the model cannot be loaded.
Errors go to stderr, one line each, naming the file and the problem.
)";
} // namespace

// Reports (PDF/HTML) paint text and images, which needs a QGuiApplication; headless machines get
// the offscreen platform. Everything else runs on a plain QCoreApplication.
bool needsGui(int argc, char **argv) {
  for (int i = 1; i < argc; ++i) {
    const QByteArray a = QByteArray(argv[i]).toLower();
    if ((i == 1 && a == "report") || a == "pdf" || a == "html" || a.endsWith(".pdf") || a.endsWith(".html") ||
        a.endsWith(".htm"))
      return true;
  }
  return false;
}

int main(int argc, char **argv) {
  streetlens::clip::tuneAllocatorForInference(); // before any thread allocates
  std::unique_ptr<QCoreApplication> appHolder;
  if (needsGui(argc, argv)) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
      qputenv("QT_QPA_PLATFORM", "offscreen");
    appHolder = std::make_unique<QGuiApplication>(argc, argv);
  } else {
    appHolder = std::make_unique<QCoreApplication>(argc, argv);
  }
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
    if (cmd == QLatin1String("predict"))
      return cmdPredict(args);
    if (cmd == QLatin1String("eval"))
      return cmdEval(args);
    if (cmd == QLatin1String("report"))
      return cmdReport(args);
  } catch (const std::exception &e) {
    printError(QStringLiteral("unexpected error: %1")
                   .arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
    return SomeInputsFailed;
  }
  printError(QStringLiteral("unknown command \"%1\" (see streetlens-cli --help)").arg(cmd));
  return Usage;
}
