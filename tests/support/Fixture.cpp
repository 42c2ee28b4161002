#include "tests/support/Fixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

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

QString testDevice() {
  const QByteArray env = qgetenv("STREETLENS_TEST_DEVICE");
  return env.isEmpty() ? QStringLiteral("cpu") : QString::fromLocal8Bit(env);
}

QByteArray readAll(const QString &path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    return {};
  return f.readAll();
}

std::vector<float> fixturePixels(const QString &file) {
  const QByteArray b = readAll(fixturePath(QStringLiteral("pixels/") + file));
  std::vector<float> v(size_t(b.size() / 4));
  for (size_t i = 0; i < v.size(); ++i)
    v[i] = qFromLittleEndian<float>(b.constData() + i * 4);
  return v;
}

const QJsonObject &expectedJson() {
  static const QJsonObject obj = QJsonDocument::fromJson(readAll(fixturePath("expected.json"))).object();
  return obj;
}

} // namespace streetlens::test
