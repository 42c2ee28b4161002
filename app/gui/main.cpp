// streetlens: the GUI composition root. Builds the window and, when a model is given, the engine.
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

#ifdef STREETLENS_HAVE_ENGINE
#include "core/clip/TorchEngine.h"
#endif

int main(int argc, char **argv) {
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("StreetLens"));
  QApplication::setOrganizationName(QStringLiteral("StreetLens"));
  QApplication::setApplicationVersion(QStringLiteral(STREETLENS_VERSION));
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("StreetLens: where was this street photo taken?"));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addOption({QStringLiteral("model"), QStringLiteral("Model folder to load."), QStringLiteral("DIR")});
  parser.addPositionalArgument(QStringLiteral("FILES"), QStringLiteral("Images or folders to analyse."),
                               QStringLiteral("[FILES...]"));
  parser.process(app);

  streetlens::ui::MainWindow w;
  w.show();
  return app.exec();
}
