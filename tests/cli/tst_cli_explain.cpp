// streetlens-cli explain (issue 20) on the tiny-clip fixture: grid.json's contract fields, the
// overlay at the photo's own size and visibly drawn, the label explained, usage errors.
#include "tests/cli/CliRun.h"
#include "tests/support/Fixture.h"

#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace streetlens::test;

class TestCliExplain : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void explain_data();
  void explain();
  void usageErrors_data();
  void usageErrors();
  void reportFigures_data();
  void reportFigures();
};

void TestCliExplain::explain_data() {
  QTest::addColumn<QString>("image");
  QTest::addColumn<QStringList>("extra");
  QTest::addColumn<QString>("method");
  QTest::addColumn<QString>("label");
  QTest::addColumn<QSize>("size");
  QTest::newRow("rollout-two-labels")
      << "landscape_640x480.png" << QStringList{"--label", "France", "--label", "Japan"} << "rollout"
      << "France" << QSize(640, 480);
  QTest::newRow("rollout-one-label-template-portrait")
      << "portrait_480x800.png"
      << QStringList{"--label", "Brazil", "--template", "A Street View photo in {}."} << "rollout"
      << "Brazil" << QSize(480, 800);
  QTest::newRow("occlusion-window4-odd-size")
      << "odd_1023x771.png" << QStringList{"--label",   "snow",     "--label", "desert",   "--method",
                                           "occlusion", "--window", "4",       "--stride", "4"}
      << "occlusion"
      << "snow" << QSize(1023, 771);
}

void TestCliExplain::explain() {
  STREETLENS_REQUIRE_FIXTURE();
  QFETCH(QString, image);
  QFETCH(QStringList, extra);
  QFETCH(QString, method);
  QFETCH(QString, label);
  QFETCH(QSize, size);
  QTemporaryDir dir;
  const QString out = dir.filePath("overlay.png"), grid = dir.filePath("grid.json");
  const QString photo = fixturePath("images/" + image);
  const Run r = cli(QStringList{"explain", "--model", fixturePath("model"), "--precision", "fp32"} + extra +
                    QStringList{photo, "--out", out, "--grid", grid});
  QVERIFY2(r.code == 0, r.err.constData());
  QCOMPARE(r.json().value("method").toString(), method);

  const QJsonObject g = QJsonDocument::fromJson(readAll(grid)).object();
  QCOMPARE(g.value("method").toString(), method);
  QCOMPARE(g.value("label").toString(), label);
  QCOMPARE(g.value("rows").toInt(), 24); // 336 / 14
  QCOMPARE(g.value("cols").toInt(), 24);
  const QJsonArray values = g.value("values").toArray();
  QCOMPARE(values.size(), 24 * 24);
  double lo = 1e30, hi = -1e30;
  for (const auto &v : values) {
    QVERIFY(v.isDouble() && std::isfinite(v.toDouble()));
    lo = std::min(lo, v.toDouble());
    hi = std::max(hi, v.toDouble());
  }
  QVERIFY2(hi > lo, "a constant grid");
  if (method == "rollout")
    QVERIFY(lo >= 0);

  const QImage overlay(out), original(photo);
  QCOMPARE(overlay.size(), size);
  // Drawn: the overlay differs from the photo.
  long diff = 0;
  for (int y = 0; y < size.height(); y += 3)
    for (int x = 0; x < size.width(); x += 3)
      diff += std::abs(qGray(overlay.pixel(x, y)) - qGray(original.pixel(x, y)));
  QVERIFY2(diff > 0, "the overlay equals the photo");
}

void TestCliExplain::usageErrors_data() {
  QTest::addColumn<QStringList>("args");
  QTest::newRow("unknown-method") << QStringList{"--label", "a", "--method", "gradcam", "--out", "x.png"};
  QTest::newRow("no-label") << QStringList{"--out", "x.png"};
  QTest::newRow("no-out") << QStringList{"--label", "a"};
  QTest::newRow("template-without-braces")
      << QStringList{"--label", "a", "--template", "photo", "--out", "x.png"};
  QTest::newRow("window-zero") << QStringList{"--label", "a", "--window", "0", "--out", "x.png"};
}

void TestCliExplain::usageErrors() {
  STREETLENS_REQUIRE_FIXTURE();
  QFETCH(QStringList, args);
  QTemporaryDir dir;
  const Run r = cli(QStringList{"explain", "--model", fixturePath("model")} + args +
                    QStringList{fixturePath("images/square_336.png")});
  QCOMPARE(r.code, 2);
  QVERIFY(r.err.startsWith("streetlens-cli: "));
}

// predict --explain: the HTML report carries the explanation figures on the photo's section (the
// top country's, and the estimate's when it is a region or city), named by their method; without
// --explain it carries none.
void TestCliExplain::reportFigures_data() {
  QTest::addColumn<QStringList>("extra");
  QTest::addColumn<QString>("caption"); // empty: no figures expected
  QTest::newRow("explain-rollout") << QStringList{"--explain", "rollout"}
                                   << "Attention rollout of the top country";
  QTest::newRow("without-explain") << QStringList{} << QString();
}

void TestCliExplain::reportFigures() {
  STREETLENS_REQUIRE_FIXTURE();
  QFETCH(QStringList, extra);
  QFETCH(QString, caption);
  QTemporaryDir dir;
  const QString html = dir.filePath("report.html");
  const Run r = cli(QStringList{"predict", "--model", fixturePath("model"), "--precision", "fp32"} + extra +
                    QStringList{fixturePath("images/landscape_640x480.png"), "-o", html});
  QVERIFY2(r.code == 0, r.err.constData());
  const QString text = QString::fromUtf8(readAll(html));
  const int figures = int(text.count(QStringLiteral("<img alt=\"explanation\"")));
  if (caption.isEmpty()) {
    QCOMPARE(figures, 0);
    QVERIFY(!text.contains(QStringLiteral("Attention rollout")) &&
            !text.contains(QStringLiteral("Occlusion of")));
    return;
  }
  QVERIFY2(figures >= 1 && figures <= 2, qPrintable(QString::number(figures)));
  QVERIFY(text.contains(caption));
  // One figure per explanation, each with its caption naming the method.
  QCOMPARE(int(text.count(QStringLiteral("Attention rollout of the "))), figures);
}

QTEST_GUILESS_MAIN(TestCliExplain)
#include "tst_cli_explain.moc"
