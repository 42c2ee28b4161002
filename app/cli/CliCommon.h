#pragma once
// Shared plumbing of streetlens-cli sub-commands: option parsing with the common engine options,
// exit codes, one-line errors on stderr, JSON on stdout. Runs on the main thread.
#include "core/clip/TorchEngine.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QStringList>
#include <memory>

namespace streetlens::cli {

// Exit status contract (documented in --help and docs/CLI.md).
enum Exit : int { Ok = 0, SomeInputsFailed = 1, Usage = 2, ModelError = 3 };

// One line on stderr: "streetlens-cli: <message>".
void printError(const QString &message);
// Writes the document to stdout (indented when stdout is a terminal, compact otherwise).
void printJson(const QJsonDocument &doc);

// A JSON object's members in the order given, values as JSON text: QJsonObject sorts its keys as
// strings, which would put eval's "200" before "25".
using JsonMembers = QList<QPair<QString, QByteArray>>;
// The compact JSON text of one value (`0.5`, `"text"`, `null`, ...).
QByteArray jsonText(const QJsonValue &value);
// {"key": value, ...} in the members' order, compact.
QByteArray jsonObjectText(const JsonMembers &members);
// Writes the object to stdout like printJson (one member per line when stdout is a terminal).
void printJsonMembers(const JsonMembers &members);

// Adds --model, --device, --precision, --batch-size, --threads to a parser.
void addEngineOptions(QCommandLineParser &p);
// Builds EngineOptions from the parsed values; false (and an error) for bad numbers.
bool engineOptions(const QCommandLineParser &p, EngineOptions &out, QString *error);
// Loads the engine from --model; prints the error and returns null on failure, with *exitCode
// set to Usage (bad engine options) or ModelError.
std::unique_ptr<TorchEngine> loadEngine(const QCommandLineParser &p, int *exitCode);

// Parses `args` (argv without the sub-command) for a sub-command; handles --help (its usage line
// names `streetlens-cli COMMAND`, not the binary's path). An unknown option is a usage error that
// suggests the closest known option ("did you mean --model?"). Returns -1 to go on, or an exit
// code to return immediately.
int parseOrExit(QCommandLineParser &p, const QString &command, const QString &summary,
                const QStringList &args, bool needsModel = true);

// The candidate closest to `word` when it is a likely typo of it: at most two edits (insertions,
// deletions, substitutions, transpositions of neighbours; case ignored) and fewer than half the
// word's length. Empty when none is that close.
QString closestMatch(const QString &word, const QStringList &candidates);

int cmdTokenize(const QStringList &args);
int cmdPreprocess(const QStringList &args);
int cmdEmbed(const QStringList &args);
int cmdClassify(const QStringList &args);
int cmdExplain(const QStringList &args); // CmdExplain.cpp
int cmdPredict(const QStringList &args);
int cmdEval(const QStringList &args);
int cmdReport(const QStringList &args);
int cmdMerge(const QStringList &args);         // CmdScale.cpp
int cmdPrepareLabels(const QStringList &args); // CmdScale.cpp
int cmdTasks(const QStringList &args);         // CmdTasks.cpp
int cmdTrainProbe(const QStringList &args);    // CmdTasks.cpp

} // namespace streetlens::cli
