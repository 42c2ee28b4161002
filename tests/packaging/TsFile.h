#pragma once
// Reads a Qt Linguist .ts file into plain values and checks one message's translation against its
// source (placeholders, HTML tags, accelerators). Test helper; any thread.
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace streetlens::test {

struct TsMessage {
  QString context;
  QString source;
  QString comment;
  QString type; // translation's type attribute: "", "unfinished", "vanished", "obsolete"
  bool numerus = false;
  QStringList translations; // one entry, or one per numerus form
};

struct TsFile {
  QString language; // TS language attribute, e.g. "de_DE"
  std::vector<TsMessage> messages;
};

// Parses path; std::nullopt and *error (naming the file and the problem) when it cannot.
std::optional<TsFile> readTsFile(const QString &path, QString *error);

// Problems of one translation against its source: differing %1..%99 / %L1 / %n placeholders,
// HTML tags or keyboard accelerator (&). Empty when none.
QStringList translationProblems(const QString &source, const QString &translation);

// Sorted placeholders ("%1", "%L2", "%n") of a text, for comparisons.
QStringList placeholders(const QString &text);
// Sorted HTML tag names (with a leading / for closing tags) of a text.
QStringList htmlTags(const QString &text);
// Number of keyboard accelerators (a single & before a character; && and &entity; are not).
int accelerators(const QString &text);

} // namespace streetlens::test
