#include "tests/support/Fixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace streetlens::test {

QString fixtureDir() {
  const QByteArray env = qgetenv("STREETLENS_FIXTURE_DIR");
  const QString dir = env.isEmpty() ? QStringLiteral(STREETLENS_FIXTURE_DIR) : QString::fromLocal8Bit(env);
  return QDir(dir).absolutePath();
}

QString fixturePath(const QString &rel) {
  return QDir(fixtureDir()).filePath(rel);
}

QString testDataPath(const QString &rel) {
  return QDir(QStringLiteral(STREETLENS_TEST_DATA_DIR)).filePath(rel);
}

QByteArray readAll(const QString &path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    return {};
  return f.readAll();
}

const QJsonObject &expectedJson() {
  static const QJsonObject obj = QJsonDocument::fromJson(readAll(fixturePath("expected.json"))).object();
  return obj;
}

} // namespace streetlens::test
