// streetlens: the GUI composition root. Builds the window, gives it the engine factory (TorchEngine
// when this build has the engine) and the map widget, and hands over command-line files.
#include "translations/Translator.h"
#include "ui/MainWindow.h"
#include "ui/map/MapView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>

#ifdef STREETLENS_HAVE_ENGINE
#include "core/clip/CpuAllocator.h"
#include "core/clip/TorchEngine.h"
#endif

using namespace streetlens;

namespace {

ui::EngineFactory makeEngineFactory() {
#ifdef STREETLENS_HAVE_ENGINE
  // Runs on the analysis worker thread: the engine is created, used and destroyed there.
  return [](const EngineOptions &options) {
    ui::CreatedEngine created;
    created.engine = TorchEngine::load(options.modelDir, options, &created.error);
    return created;
  };
#else
  return {};
#endif
}

void describeApplication() {
  QCoreApplication::setApplicationName(QStringLiteral("StreetLens"));
  QCoreApplication::setOrganizationName(QStringLiteral("StreetLens"));
  QCoreApplication::setApplicationVersion(QStringLiteral(STREETLENS_VERSION));
}

void addOptions(QCommandLineParser &parser) {
  parser.setApplicationDescription(QStringLiteral("StreetLens: where was this street photo taken?"));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addOption({QStringLiteral("model"), QStringLiteral("Model folder to load (this session only)."),
                    QStringLiteral("DIR")});
  parser.addOption({QStringLiteral("language"),
                    QStringLiteral("Interface language: en, de, fr or es (default: $STREETLENS_LANG, the "
                                   "settings, then the system locale)."),
                    QStringLiteral("LANG")});
  parser.addPositionalArgument(QStringLiteral("FILES"),
                               QStringLiteral("Images or folders to analyse, or a .streetlens project."),
                               QStringLiteral("[FILES...]"));
}

// --help and --version print and exit; they need no display. QApplication does (its platform
// plugin fails without one), so they are answered before it exists, from a QCoreApplication.
bool asksForHelpOrVersion(int argc, char **argv) {
  for (int i = 1; i < argc; ++i) {
    const QByteArray a(argv[i]);
    if (a == "--")
      break;
    if (a == "-h" || a == "--help" || a == "--help-all" || a == "-?" || a == "-v" || a == "--version")
      return true;
  }
  return false;
}

} // namespace

int main(int argc, char **argv) {
  if (asksForHelpOrVersion(argc, argv)) {
    QCoreApplication core(argc, argv);
    describeApplication();
    QCommandLineParser parser;
    addOptions(parser);
    parser.process(core); // prints the help or the version and exits
    return 0;
  }
#ifdef STREETLENS_HAVE_ENGINE
  streetlens::clip::tuneAllocatorForInference(); // before any thread allocates
#endif
  QApplication app(argc, argv);
  describeApplication();
  QApplication::setDesktopFileName(QStringLiteral("org.streetlens.StreetLens"));
  QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("org.streetlens.StreetLens")));
  QCommandLineParser parser;
  addOptions(parser);
  parser.process(app);
  QString languageWarning;
  const i18n::LanguageChoice language =
      i18n::chooseLanguage(parser.value(QStringLiteral("language")), &languageWarning);
  if (!languageWarning.isEmpty())
    qWarning("streetlens: %s", qPrintable(languageWarning));
  i18n::installTranslators(app, language.locale);

  ui::MainWindow window(makeEngineFactory());
  window.setMapView(new ui::MapView); // follows the selection; its markers select photos
  if (parser.isSet(QStringLiteral("model")))
    window.useModel(parser.value(QStringLiteral("model")), false);
  window.show();
  window.addPaths(parser.positionalArguments());
  return app.exec();
}
