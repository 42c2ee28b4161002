// Evidence in the window (issue 17), offscreen with the fake engine and the real gazetteer: a
// constraint re-renders the list, panel and map without running the model again and can be
// cleared; photos analysed later get it too; three photos grouped into a site show one fused
// posterior; areas drawn reach the map.
#include "WindowTestUtil.h"
#include "ui/EvidenceController.h"
#include "ui/EvidencePanel.h"

#include <QLineEdit>
#include <QSignalSpy>

using namespace streetlens;
using namespace streetlens::test;

class TestEvidenceUi : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  WindowFixture fx_;

  static void setCountries(ui::MainWindow &w, const QString &codes) {
    auto edits = w.evidencePanel()->findChildren<QLineEdit *>();
    edits[0]->setText(codes);
    Q_EMIT edits[0]->editingFinished();
  }
  static bool waitApplied(ui::MainWindow &w, QSignalSpy &spy, int count) {
    return QTest::qWaitFor([&] { return spy.size() >= count && !w.evidence()->isApplying(); }, 30000);
  }

private Q_SLOTS:
  void initTestCase() {
    fx_.dir = tmp_.path();
    store::ProjectStore::forbidWritesOnThread(QThread::currentThread());
  }
  void init() { fx_.newSettings(); }

  void constraintWithoutReanalysis_data() {
    QTest::addColumn<QString>("codes");
    QTest::newRow("one country") << "FR";
    QTest::newRow("two countries") << "BR, AR";
  }
  void constraintWithoutReanalysis() {
    QFETCH(QString, codes);
    auto w = fx_.makeWindow(fakeFactory());
    QVERIFY(waitReady(*w));
    QVERIFY(analyse(*w, writePhotos(tmp_.filePath("a"), "p", 3, 11)));
    const int analysed = w->analysis()->done();
    std::vector<ImageResult> before;
    for (const auto &row : w->imageModel()->rows())
      before.push_back(*row.result);
    QSignalSpy applied(w->evidence(), &ui::EvidenceController::applied);
    setCountries(*w, codes);
    QVERIFY(waitApplied(*w, applied, 1));
    const QStringList allowed = codes.split(", ");
    for (size_t i = 0; i < before.size(); ++i) {
      const ui::ImageRow &row = w->imageModel()->row(int(i));
      QVERIFY(row.modelResult);
      QCOMPARE(row.modelResult->countries.front().code, before[i].countries.front().code);
      QVERIFY(row.result->constraintMass);
      if (row.result->constraintEmpty)
        continue;
      for (const auto &c : row.result->countries)
        QVERIFY2(allowed.contains(c.code), qPrintable(c.code));
      double sum = 0;
      for (const auto &c : row.result->countries)
        sum += c.probability;
      QVERIFY(std::abs(sum - 1.0) < 1e-6);
    }
    QCOMPARE(w->analysis()->done(), analysed); // the model did not run again
    // The map shows the constrained answer of the photo selected.
    w->imageList()->selectRow(0);
    QTRY_COMPARE(int(w->mapView()->results().size()), 1);
    QVERIFY(w->mapView()->results().front().constraintMass.has_value());
    QVERIFY(syncProblem(*w).isEmpty());
    // A photo analysed now gets the constraint at once.
    QVERIFY(analyse(*w, writePhotos(tmp_.filePath("b"), "q", 1, 40)));
    QVERIFY(w->imageModel()->row(3).result->constraintMass.has_value());
    // Cleared: the model's own answers again.
    w->evidencePanel()->clearAll();
    QVERIFY(waitApplied(*w, applied, 2));
    for (size_t i = 0; i < before.size(); ++i) {
      const ui::ImageRow &row = w->imageModel()->row(int(i));
      QVERIFY(!row.modelResult);
      QVERIFY(!row.result->constraintMass);
      QCOMPARE(row.result->countries.front().code, before[i].countries.front().code);
      QCOMPARE(row.result->countries.front().probability, before[i].countries.front().probability);
    }
  }

  void groupIntoSite() {
    auto w = fx_.makeWindow(fakeFactory());
    QVERIFY(waitReady(*w));
    QVERIFY(analyse(*w, writePhotos(tmp_.filePath("s"), "s", 3, 70)));
    w->imageList()->selectAll();
    QTRY_COMPARE(int(w->mapView()->results().size()), 3);
    Q_EMIT w->evidencePanel()->groupRequested(QStringLiteral("Main street"));
    const ImageResult &site = w->evidence()->lastSite();
    QCOMPARE(site.status, ImageStatus::Done);
    QCOMPARE(site.path, QStringLiteral("Main street"));
    QCOMPARE(int(site.confidenceRegions.size()), 3);
    QTRY_COMPARE(int(w->mapView()->results().size()), 1);
    QCOMPARE(w->mapView()->results().front().path, QStringLiteral("Main street"));
    // One photo selected is not a site.
    w->imageList()->selectRow(0);
    QSignalSpy msg(w->evidence(), &ui::EvidenceController::message);
    Q_EMIT w->evidencePanel()->groupRequested(QStringLiteral("x"));
    QCOMPARE(msg.size(), 1);
    QVERIFY(msg.at(0).at(0).toString().contains("two or more"));
  }

  void drawnAreaReachesMap() {
    auto w = fx_.makeWindow(fakeFactory());
    QVERIFY(waitReady(*w));
    w->evidencePanel()->addDrawnArea({{40, -5}, {40, 10}, {52, 10}, {52, -5}}, false);
    const ui::MapScene scene = w->mapView()->scene();
    QVERIFY(scene.areas);
    QCOMPARE(scene.areas->keep.size(), 1);
    QVERIFY(scene.has(ui::MapLayer::Constraint));
  }
};

QTEST_MAIN(TestEvidenceUi)
#include "tst_evidenceui.moc"
