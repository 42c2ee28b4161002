// Reliability R8: analysis makes no network connection (every socket the CLI opens during a
// predict run is traced with strace: no AF_INET/AF_INET6), and nothing writes into the analysed
// images (their bytes, EXIF GPS included, are unchanged afterwards).
#include "tests/support/ExifWriter.h"
#include "tests/support/Fixture.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace streetlens::test;

class TestPrivacy : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void noNetworkAndImagesUntouched() {
    STREETLENS_REQUIRE_FIXTURE();
    const QString strace = QStandardPaths::findExecutable("strace");
    QVERIFY2(!strace.isEmpty(), "strace is needed (scripts/install-deps.sh installs it)");
    QTemporaryDir dir;
    const QString img = dir.filePath("tagged.jpg");
    QVERIFY(QFile::copy(fixturePath("images/landscape_640x480.jpg"), img));
    QFile(img).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    QVERIFY(writeExifGps(img, 48.8567, 2.3522)); // Paris
    const QByteArray before = QCryptographicHash::hash(readAll(img), QCryptographicHash::Sha256);

    const QString log = dir.filePath("strace.log");
    QProcess p;
    // LeakSanitizer cannot run under ptrace; the sanitizer build's leak check covers the other runs.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("ASAN_OPTIONS", env.value("ASAN_OPTIONS") + ":detect_leaks=0");
    p.setProcessEnvironment(env);
    p.start(strace, {"-f", "-qq", "-e", "trace=socket,connect", "-o", log, QStringLiteral(STREETLENS_CLI),
                     "predict", "--model", fixturePath("model"), "--cache-dir", dir.filePath("cache"),
                     "--format", "kml", "-o", dir.filePath("out.kml"), img});
    QVERIFY(p.waitForFinished(600000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    const QByteArray trace = readAll(log);
    QVERIFY2(!trace.isEmpty() || QFile::exists(log), "strace wrote no log");
    for (const QByteArray &line : trace.split('\n'))
      QVERIFY2(!line.contains("AF_INET"), line.constData()); // AF_INET and AF_INET6
    QCOMPARE(QCryptographicHash::hash(readAll(img), QCryptographicHash::Sha256), before);
    QVERIFY(readAll(dir.filePath("out.kml")).contains("<kml"));
  }
};

QTEST_GUILESS_MAIN(TestPrivacy)
#include "tst_privacy.moc"
