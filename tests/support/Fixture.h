#pragma once
// Locates the tiny-clip reference fixture and the test data folder. Parity tests must FAIL
// (not skip) when the fixture is missing, so requireFixture() QFAILs with a clear message.
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <vector>

namespace streetlens::test {

// Absolute path of ../shared/fixtures/tiny-clip (or $STREETLENS_FIXTURE_DIR).
QString fixtureDir();
// fixtureDir()/rel
QString fixturePath(const QString &rel);
// tests/data/rel in the source tree.
QString testDataPath(const QString &rel);
// Parsed expected.json of the fixture; empty object when missing.
const QJsonObject &expectedJson();
// Reads a whole file; empty on failure.
QByteArray readAll(const QString &path);
// The device the engine suites run on: $STREETLENS_TEST_DEVICE (cpu, cuda, cuda:N), "cpu" when unset.
// The GPU kit (tools/gpu/run-on-device.sh) runs the parity suite with it set to cuda.
QString testDevice();
// A reference pixel tensor of the fixture (pixels/<file>: little-endian float32, CHW); empty on failure.
std::vector<float> fixturePixels(const QString &file);

} // namespace streetlens::test

// Use inside a test function: fails the test when the fixture is absent.
#define STREETLENS_REQUIRE_FIXTURE()                                                                         \
  do {                                                                                                       \
    if (!QFileInfo::exists(streetlens::test::fixturePath("expected.json")))                                  \
      QFAIL(qPrintable("tiny-clip fixture missing at " + streetlens::test::fixtureDir()));                   \
  } while (0)
