#pragma once
// Runs the streetlens-cli under test (STREETLENS_CLI, defined per test target) and keeps its exit
// status, standard output and standard error — the one runner of the CLI suites. Test thread.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

namespace streetlens::test {

struct Run {
  int code = -1;
  QByteArray out, err;
  QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

inline Run cli(const QStringList &args,
               const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment()) {
  QProcess p;
  p.setProcessEnvironment(env);
  p.start(QStringLiteral(STREETLENS_CLI), args);
  p.waitForFinished(600000);
  return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace streetlens::test
