#include "app/cli/CliCommon.h"

#include <QTextStream>
#include <cstdio>
#include <unistd.h>

namespace streetlens::cli {

void printError(const QString &message) {
  QTextStream err(stderr);
  err << "streetlens-cli: " << QString(message).replace(QLatin1Char('\n'), QLatin1Char(' ')) << Qt::endl;
}

void printJson(const QJsonDocument &doc) {
  const bool tty = isatty(fileno(stdout));
  const QByteArray bytes = doc.toJson(tty ? QJsonDocument::Indented : QJsonDocument::Compact);
  std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
  if (!tty)
    std::fputc('\n', stdout);
  std::fflush(stdout);
}

void addEngineOptions(QCommandLineParser &p) {
  p.addOption({QStringLiteral("model"), QStringLiteral("Model folder (Hugging Face layout or cache)."),
               QStringLiteral("DIR")});
  p.addOption({QStringLiteral("device"), QStringLiteral("auto | cpu | cuda | cuda:N (default auto)."),
               QStringLiteral("DEV"), QStringLiteral("auto")});
  p.addOption({QStringLiteral("precision"), QStringLiteral("auto | fp32 | bf16 | fp16 (default auto)."),
               QStringLiteral("P"), QStringLiteral("auto")});
  p.addOption({QStringLiteral("batch-size"),
               QStringLiteral("Images per forward pass, or auto: 8 on the CPU, from free memory on CUDA "
                              "(default auto)."),
               QStringLiteral("N"), QStringLiteral("auto")});
  p.addOption({QStringLiteral("threads"), QStringLiteral("CPU threads (default: one per core)."),
               QStringLiteral("N"), QStringLiteral("0")});
}

bool engineOptions(const QCommandLineParser &p, EngineOptions &out, QString *error) {
  bool ok1 = false, ok2 = false;
  out.device = p.value(QStringLiteral("device"));
  out.precision = p.value(QStringLiteral("precision"));
  const QString batch = p.value(QStringLiteral("batch-size"));
  out.batchSize = batch == QLatin1String("auto") ? 0 : batch.toInt(&ok1);
  ok1 = ok1 || out.batchSize == 0;
  out.threads = p.value(QStringLiteral("threads")).toInt(&ok2);
  if (!ok1 || out.batchSize < 0 || out.batchSize > 4096 ||
      (out.batchSize == 0 && batch != QLatin1String("auto"))) {
    *error = QStringLiteral("--batch-size must be auto or an integer from 1 to 4096");
    return false;
  }
  if (!ok2 || out.threads < 0 || out.threads > 1024) {
    *error = QStringLiteral("--threads must be an integer from 0 to 1024");
    return false;
  }
  const QByteArray oom = qgetenv("STREETLENS_SIMULATE_OOM_ABOVE_BATCH");
  if (!oom.isEmpty())
    out.simulateOomAboveBatch = oom.toInt();
  return true;
}

std::unique_ptr<TorchEngine> loadEngine(const QCommandLineParser &p, int *exitCode) {
  EngineOptions opts;
  QString err;
  *exitCode = Usage;
  if (!engineOptions(p, opts, &err)) {
    printError(err);
    return nullptr;
  }
  *exitCode = ModelError;
  auto engine = TorchEngine::load(p.value(QStringLiteral("model")), opts, &err);
  if (!engine)
    printError(err);
  return engine;
}

int parseOrExit(QCommandLineParser &p, const QString &command, const QString &summary,
                const QStringList &args, bool needsModel) {
  p.setApplicationDescription(summary);
  const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                QStringLiteral("Show this help."));
  p.addOption(help);
  QStringList full = args;
  full.prepend(QStringLiteral("streetlens-cli ") + command);
  if (!p.parse(full)) {
    printError(p.errorText() + QStringLiteral(" (see streetlens-cli %1 --help)").arg(command));
    return Usage;
  }
  if (p.isSet(help)) {
    QTextStream(stdout) << p.helpText();
    return Ok;
  }
  if (needsModel && !p.isSet(QStringLiteral("model"))) {
    printError(QStringLiteral("%1 needs --model DIR (see streetlens-cli %1 --help)").arg(command));
    return Usage;
  }
  return -1;
}

} // namespace streetlens::cli
