// Patch explanations in the window (issue 20): the Explain tab's label chooser (the result's places
// and free text), both methods computed on the worker with progress, the overlay drawn on the photo
// with its opacity, and cancel. Offscreen platform, FakeEngine (its occlusion is EmbeddingEngine's
// real algorithm over the fake embeddings; its rollout a deterministic stand-in).
#include "WindowTestUtil.h"
#include "core/analysis/Occlusion.h"
#include "core/imageio/ImageLoader.h"
#include "ui/ExplanationPanel.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>

using namespace streetlens;
using namespace streetlens::ui;
using namespace streetlens::test;

namespace {
bool waitExplained(MainWindow &w) {
  return QTest::qWaitFor([&] { return !w.analysis()->isExplaining(); }, 30000);
}
} // namespace

class TestExplainUi : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase() {
    QVERIFY(m_dir.isValid());
    m_fx.dir = m_dir.path();
    store::ProjectStore::forbidWritesOnThread(QThread::currentThread());
  }
  void init() { m_fx.newSettings(); }
  void cleanup() { QCOMPARE(store::ProjectStore::forbiddenWriteCount(), 0); }

  void overlay_data() {
    QTest::addColumn<int>("method");
    QTest::addColumn<bool>("freeText");
    QTest::newRow("occlusion-top-country") << int(ExplainMethod::Occlusion) << false;
    QTest::newRow("rollout-top-country") << int(ExplainMethod::Rollout) << false;
    QTest::newRow("occlusion-free-text") << int(ExplainMethod::Occlusion) << true;
  }

  void overlay() {
    QFETCH(int, method);
    QFETCH(bool, freeText);
    auto w = m_fx.makeWindow(fakeFactory());
    QVERIFY(waitReady(*w));
    const QStringList photos = writePhotos(m_dir.filePath(QStringLiteral("o%1").arg(QTest::currentDataTag())),
                                           QStringLiteral("p"), 2, 300);
    QVERIFY(analyse(*w, photos));
    w->imageList()->selectRow(0);
    w->showExplanation();
    ExplanationPanel *panel = w->explanationPanel();
    const ImageRow &row = w->imageModel()->row(0);
    QVERIFY(row.result);
    // The chooser offers the result's places, the top country first.
    QVERIFY(panel->labelBox()->count() >= 2);
    QVERIFY(panel->labelBox()->itemText(0).startsWith(row.result->countries.front().name));
    QVERIFY(panel->explainButton()->isEnabled());
    QVERIFY(!panel->cancelButton()->isEnabled());
    panel->methodBox()->setCurrentIndex(panel->methodBox()->findData(method));
    QCOMPARE(panel->methodBox()->currentText(), ExplanationPanel::methodName(ExplainMethod(method)));
    if (freeText)
      panel->labelBox()->setEditText(QStringLiteral("a red double-decker bus"));
    const auto request = panel->currentRequest();
    QVERIFY(request);
    if (freeText)
      QCOMPARE(request->prompts, QStringList{QStringLiteral("a red double-decker bus")});
    else
      QVERIFY(request->prompts.size() >= 2 &&
              request->prompts.front().contains(row.result->countries.front().name));

    const QImage before = w->photoView()->grab().toImage();
    QSignalSpy progress(w->analysis(), &AnalysisController::explainProgress);
    QTest::mouseClick(panel->explainButton(), Qt::LeftButton);
    QVERIFY(w->analysis()->isExplaining());
    QVERIFY(waitExplained(*w));
    QVERIFY(progress.count() >= 1);
    const auto e = w->photoView()->explanation();
    QVERIFY2(e, qPrintable(panel->statusLabel()->text()));
    QCOMPARE(e->path, row.path);
    QCOMPARE(int(e->grid.method), method);
    QCOMPARE(e->grid.rows, 4);
    QCOMPARE(e->grid.cols, 4);
    QVERIFY(panel->statusLabel()->text().contains(ExplanationPanel::methodName(ExplainMethod(method))));

    // Occlusion through the window is the core's algorithm on this engine, value for value.
    if (method == int(ExplainMethod::Occlusion)) {
      FakeEngine engine;
      QString err;
      const auto img = loadImage(row.path, ImageLimits{}, &err);
      QVERIFY(img);
      const auto px = clipPreprocess(img->image, engine.imageConfig());
      const auto direct = engine.explain(px.data(), *request, {}, &err);
      QVERIFY2(direct, qPrintable(err));
      QVERIFY(direct->values == e->grid.values);
      QVERIFY(*std::max_element(direct->values.begin(), direct->values.end()) > 0);
    }
    // Drawn on the photo, and the opacity slider fades it out.
    const QImage with = w->photoView()->grab().toImage();
    QVERIFY(with != before);
    panel->opacitySlider()->setValue(0);
    QCOMPARE(w->photoView()->explanationOpacity(), 0.0);
    QCOMPARE(w->photoView()->grab().toImage(), before);
    panel->opacitySlider()->setValue(80);
    QVERIFY(w->photoView()->grab().toImage() != before);
    // Another photo: the overlay is not drawn on it.
    w->imageList()->selectRow(1);
    QTest::qWait(50);
    QVERIFY(!w->photoView()->explanation());
  }

  void cancel() {
    auto gate = std::make_shared<QSemaphore>(0);
    FakeEngine::Options o;
    o.gate = gate;
    auto w = m_fx.makeWindow(fakeFactory(o));
    QVERIFY(waitReady(*w));
    gate->release(1); // the analysis of the one photo
    QVERIFY(analyse(*w, writePhotos(m_dir.filePath(QStringLiteral("c")), QStringLiteral("c"), 1, 900)));
    w->imageList()->selectRow(0);
    ExplanationPanel *panel = w->explanationPanel();
    panel->methodBox()->setCurrentIndex(panel->methodBox()->findData(int(ExplainMethod::Occlusion)));
    QTest::mouseClick(panel->explainButton(), Qt::LeftButton);
    QVERIFY(panel->cancelButton()->isEnabled());
    QVERIFY(!panel->explainButton()->isEnabled());
    gate->release(2); // the unaltered image and the first window row's first window
    QTest::qWait(100);
    QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
    QVERIFY(!w->analysis()->isExplaining());
    QCOMPARE(panel->statusLabel()->text(), QStringLiteral("Cancelled."));
    QVERIFY(panel->explainButton()->isEnabled());
    gate->release(100); // let the worker reach its next cancellation check
    QTest::qWait(300);
    QVERIFY(!w->photoView()->explanation());
  }

private:
  QTemporaryDir m_dir;
  WindowFixture m_fx;
};

QTEST_MAIN(TestExplainUi)
#include "tst_explainui.moc"
