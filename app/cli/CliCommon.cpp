#include "app/cli/CliCommon.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTextStream>
#include <algorithm>
#include <cstdio>
#include <unistd.h>
#include <vector>

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

QByteArray jsonText(const QJsonValue &value) {
  const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
  return array.mid(1, array.size() - 2); // without the brackets of the one-element array
}

namespace {
QByteArray membersText(const JsonMembers &members, const char *open, const char *colon, const char *separator,
                       const char *close) {
  QByteArray out = open;
  for (qsizetype i = 0; i < members.size(); ++i)
    out += (i > 0 ? separator : "") + jsonText(members[i].first) + colon + members[i].second;
  return out + close;
}
} // namespace

QByteArray jsonObjectText(const JsonMembers &members) {
  return membersText(members, "{", ":", ",", "}");
}

void printJsonMembers(const JsonMembers &members) {
  const bool tty = isatty(fileno(stdout));
  const QByteArray bytes =
      tty ? membersText(members, "{\n    ", ": ", ",\n    ", "\n}\n") : jsonObjectText(members) + '\n';
  std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
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

namespace {

// Optimal string alignment distance (Levenshtein plus transposition of neighbours).
int editDistance(const QString &a, const QString &b) {
  const qsizetype n = a.size(), m = b.size();
  std::vector<std::vector<int>> d(size_t(n + 1), std::vector<int>(size_t(m + 1)));
  for (qsizetype i = 0; i <= n; ++i)
    d[size_t(i)][0] = int(i);
  for (qsizetype j = 0; j <= m; ++j)
    d[0][size_t(j)] = int(j);
  for (qsizetype i = 1; i <= n; ++i)
    for (qsizetype j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({d[size_t(i - 1)][size_t(j)] + 1, d[size_t(i)][size_t(j - 1)] + 1,
                        d[size_t(i - 1)][size_t(j - 1)] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        v = std::min(v, d[size_t(i - 2)][size_t(j - 2)] + 1);
      d[size_t(i)][size_t(j)] = v;
    }
  return d[size_t(n)][size_t(m)];
}

// The long option names a parser's --help lists ("model", "top-k", ...): what a suggestion may name.
QStringList longOptionNames(const QCommandLineParser &p) {
  static const QRegularExpression option(QStringLiteral("^ +(?:-[^-\\s], )?--([A-Za-z0-9][A-Za-z0-9-]*)"),
                                         QRegularExpression::MultilineOption);
  QStringList names;
  auto it = option.globalMatch(p.helpText());
  while (it.hasNext())
    names << it.next().captured(1);
  return names;
}

// Qt's help starts "Usage: <argv[0]> [options] ..."; the CLI's commands are run by name.
QString helpText(const QCommandLineParser &p, const QString &command) {
  QString help = p.helpText();
  const QString prefix = QStringLiteral("Usage: ") + QCoreApplication::arguments().value(0);
  if (help.startsWith(prefix))
    help.replace(0, prefix.size(), QStringLiteral("Usage: streetlens-cli ") + command);
  return help;
}

} // namespace

QString closestMatch(const QString &word, const QStringList &candidates) {
  QString best;
  int bestDistance = 3;
  for (const QString &c : candidates) {
    const int d = editDistance(word.toLower(), c.toLower());
    if (d < bestDistance && 2 * d < word.size()) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
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
    QString message = p.errorText();
    const QStringList unknown = p.unknownOptionNames();
    if (!unknown.isEmpty()) {
      const QString guess = closestMatch(unknown.first(), longOptionNames(p));
      if (!guess.isEmpty())
        message += QStringLiteral(" Did you mean --%1?").arg(guess);
    }
    printError(message + QStringLiteral(" (see streetlens-cli %1 --help)").arg(command));
    return Usage;
  }
  if (p.isSet(help)) {
    QTextStream(stdout) << helpText(p, command);
    return Ok;
  }
  if (needsModel && !p.isSet(QStringLiteral("model"))) {
    printError(QStringLiteral("%1 needs --model DIR (see streetlens-cli %1 --help)").arg(command));
    return Usage;
  }
  return -1;
}

} // namespace streetlens::cli
