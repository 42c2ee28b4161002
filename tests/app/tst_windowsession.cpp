// The window across a working session (issue 18): quitting with unsaved untitled work asks
// (Save / Discard / Cancel) and a restart offers the untitled project an earlier session left;
// the progress bar only moves forward and matches the list; the label preparation of a first
// model load is shown as the current phase; a second window on the same project is warned; a
// change of the analysis mode marks the results shown as computed with other settings.
// Offscreen platform, FakeEngine, a real MapView.
#include "WindowTestUtil.h"
#include "translations/Translator.h"
#include "ui/BatchProgress.h"
#include "ui/PlaceNames.h"
#include "ui/UntitledWork.h"

#include <QFileDialog>
#include <QProgressBar>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStatusBar>

using namespace streetlens;
using namespace streetlens::ui;
using namespace streetlens::test;

class TestWindowSession : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase();
  void init();
  void cleanup();
  void quitAsksAboutUntitledWork_data();
  void quitAsksAboutUntitledWork();
  void emptyUntitledQuitsQuietly();
  void restartOffersTheLeftUntitledProject_data();
  void restartOffersTheLeftUntitledProject();
  void progressOnlyMovesForwardAndMatchesTheList_data();
  void progressOnlyMovesForwardAndMatchesTheList();
  void labelPreparationIsTheCurrentPhase();
  void otherModeMarksShownResults_data();
  void otherModeMarksShownResults();
  void secondWindowOnOneProjectIsWarned();
  // Last: its German row leaves the German translation installed.
  void listShowsWholeNamesAndReasons_data();
  void listShowsWholeNamesAndReasons();

private:
  QTemporaryDir m_dir;
  WindowFixture m_fx;
};

void TestWindowSession::initTestCase() {
  QVERIFY(m_dir.isValid());
  m_fx.dir = m_dir.path();
  store::ProjectStore::forbidWritesOnThread(QThread::currentThread());
}

void TestWindowSession::init() {
  m_fx.newSettings();
}

void TestWindowSession::cleanup() {
  QCOMPARE(store::ProjectStore::forbiddenWriteCount(), 0);
}

void TestWindowSession::quitAsksAboutUntitledWork_data() {
  QTest::addColumn<QString>("answer");
  QTest::newRow("cancel keeps the window") << QStringLiteral("cancel");
  QTest::newRow("discard closes and deletes the file") << QStringLiteral("discard");
  QTest::newRow("save asks for a name, then closes") << QStringLiteral("save");
}

void TestWindowSession::quitAsksAboutUntitledWork() {
  QFETCH(QString, answer);
  auto w = m_fx.makeWindow(fakeFactory());
  QVERIFY(waitReady(*w));
  QVERIFY(
      analyse(*w, writePhotos(m_dir.filePath(QStringLiteral("quit-") + answer), QStringLiteral("q"), 2, 10)));
  const QString untitled = w->projectPath();
  QVERIFY(w->isUntitled());
  QVERIFY(!w->close()); // asks first
  QVERIFY(w->isVisible());
  QMessageBox *box = messageBox(w.get(), QStringLiteral("untitled project"));
  QVERIFY(box);
  QVERIFY(box->button(QMessageBox::Save) && box->button(QMessageBox::Discard) &&
          box->button(QMessageBox::Cancel));
  if (answer == QLatin1String("cancel")) {
    box->button(QMessageBox::Cancel)->click();
    QTest::qWait(50);
    QVERIFY(w->isVisible());
    QVERIFY(QFile::exists(untitled));
    return;
  }
  if (answer == QLatin1String("discard")) {
    box->button(QMessageBox::Discard)->click();
    QTRY_VERIFY(!w->isVisible());
    w.reset();
    QVERIFY(!QFile::exists(untitled));
    return;
  }
  box->button(QMessageBox::Save)->click();
  QFileDialog *dialog = nullptr;
  QTRY_VERIFY((dialog = w->findChild<QFileDialog *>()) != nullptr && dialog->isVisible());
  const QString saved = m_dir.filePath(QStringLiteral("quit-saved.streetlens"));
  dialog->selectFile(saved);
  QMetaObject::invokeMethod(dialog, "accept");
  QTRY_VERIFY_WITH_TIMEOUT(!w->isVisible(), 30000);
  QCOMPARE(w->projectPath(), saved);
  w.reset();
  QCOMPARE(imagesInProject(saved), 2);
  QVERIFY(!QFile::exists(untitled)); // saved under a name: nothing left to recover
}

void TestWindowSession::emptyUntitledQuitsQuietly() {
  auto w = m_fx.makeWindow(fakeFactory());
  QTRY_VERIFY(QFile::exists(w->projectPath()));
  const QString untitled = w->projectPath();
  QVERIFY(w->close());
  w.reset();
  QVERIFY(!QFile::exists(untitled)); // an empty untitled file is not kept
}

void TestWindowSession::restartOffersTheLeftUntitledProject_data() {
  QTest::addColumn<QString>("answer");
  QTest::newRow("recover") << QStringLiteral("recover");
  QTest::newRow("discard") << QStringLiteral("discard");
}

void TestWindowSession::restartOffersTheLeftUntitledProject() {
  QFETCH(QString, answer);
  QString left;
  QStringList paths;
  {
    // The session ends without the window closing (killed, crashed): the untitled file stays.
    auto w = m_fx.makeWindow(fakeFactory());
    QVERIFY(waitReady(*w));
    QVERIFY(analyse(
        *w, writePhotos(m_dir.filePath(QStringLiteral("left-") + answer), QStringLiteral("l"), 3, 20)));
    left = w->projectPath();
    for (const ImageRow &r : w->imageModel()->rows())
      paths << r.path;
  }
  QVERIFY(QFile::exists(left));
  auto w = m_fx.makeWindow(fakeFactory(), true, /*offerRecovery=*/true);
  QVERIFY(waitReady(*w));
  QMessageBox *box = nullptr;
  QTRY_VERIFY((box = messageBox(w.get(), QStringLiteral("was not saved"))) != nullptr);
  QVERIFY2(box->text().contains(QStringLiteral("3 photo")), qPrintable(box->text()));
  QAbstractButton *button = nullptr;
  for (QAbstractButton *b : box->buttons())
    if (b->text() ==
        (answer == QLatin1String("recover") ? QStringLiteral("Recover") : QStringLiteral("Discard")))
      button = b;
  QVERIFY(button);
  const QString fresh = w->projectPath();
  button->click();
  if (answer == QLatin1String("discard")) {
    QTRY_VERIFY(!QFile::exists(left));
    QCOMPARE(w->imageModel()->rowCount(), 0);
    return;
  }
  QTRY_COMPARE(w->imageModel()->rowCount(), 3);
  QCOMPARE(w->imageModel()->countInState(RowState::Done), 3);
  QCOMPARE(w->projectPath(), left);
  QVERIFY(w->isUntitled()); // still to be saved under a name
  for (const QString &p : paths)
    QVERIFY(w->imageModel()->rowOfPath(p) >= 0);
  QTRY_VERIFY(!QFile::exists(fresh)); // the empty one made at start is not kept
}

void TestWindowSession::progressOnlyMovesForwardAndMatchesTheList_data() {
  QTest::addColumn<bool>("cancel");
  QTest::newRow("to the end") << false;
  QTest::newRow("cancelled half-way") << true;
}

void TestWindowSession::progressOnlyMovesForwardAndMatchesTheList() {
  QFETCH(bool, cancel);
  auto gate = std::make_shared<QSemaphore>(0);
  FakeEngine::Options o;
  o.gate = gate;
  QSettings().setValue(QStringLiteral("model/batchSize"), 1);
  auto w = m_fx.makeWindow(fakeFactory(o));
  QVERIFY(waitReady(*w));
  ImageListModel *m = w->imageModel();
  QProgressBar *bar = w->progressBar();
  // Every step the bar shows: never backwards, and what is left is what the list has waiting.
  struct Step {
    int value, maximum, waiting;
    bool visible;
  };
  std::vector<Step> steps;
  auto sample = [&] {
    const int waiting = m->countInState(RowState::Reading) + m->countInState(RowState::Queued) +
                        m->countInState(RowState::Running);
    steps.push_back({bar->value(), bar->maximum(), waiting, bar->isVisible()});
  };
  connect(m, &ImageListModel::rowStateChanged, this, sample, Qt::QueuedConnection);
  const QString folder = m_dir.filePath(QStringLiteral("progress%1").arg(cancel));
  QStringList files = writePhotos(folder, QStringLiteral("p"), 12, 40);
  QFile::copy(files[0], folder + QStringLiteral("/copy.png")); // a duplicate, skipped
  QFile bad(folder + QStringLiteral("/bad.jpg"));
  QVERIFY(bad.open(QIODevice::WriteOnly));
  bad.write("not a jpeg");
  bad.close();
  w->addPaths({folder});
  QVERIFY(
      QTest::qWaitFor([&] { return m->rowCount() >= 13 && m->countInState(RowState::Reading) == 0; }, 30000));
  gate->release(5);
  QVERIFY(QTest::qWaitFor([&] { return m->countInState(RowState::Done) == 5; }, 30000));
  QVERIFY(bar->isVisible());
  const int totalBefore = bar->maximum();
  QCOMPARE(totalBefore, m->rowCount() + (m->rowCount() == 13 ? 1 : 0)); // the duplicate counts as done
  if (cancel) {
    w->cancelAnalysis();
    gate->release(100);
    QVERIFY(QTest::qWaitFor([&] { return !w->analysis()->isBusy(); }, 30000));
  } else {
    gate->release(100);
    QVERIFY(QTest::qWaitFor([&] { return m->countInState(RowState::Done) == 12; }, 60000));
  }
  QTRY_VERIFY(!bar->isVisible());
  QTest::qWait(50);
  QVERIFY(steps.size() > 10);
  int value = 0, maximum = 0;
  for (const Step &s : steps) {
    if (!s.visible)
      continue;
    QVERIFY2(
        s.value >= value && s.maximum >= maximum,
        qPrintable(QStringLiteral("%1/%2 after %3/%4").arg(s.value).arg(s.maximum).arg(value).arg(maximum)));
    QCOMPARE(s.maximum - s.value, s.waiting);
    value = s.value;
    maximum = s.maximum;
  }
  QCOMPARE(maximum, totalBefore); // a cancel does not shrink the batch
  const BatchProgress *b = w->batchProgress();
  QCOMPARE(b->done(), b->total());
  QCOMPARE(b->failed(), 1);
  if (cancel)
    QVERIFY(b->cancelled() > 0 && b->analysed() < 12);
  else
    QCOMPARE(b->analysed(), 12);
}

void TestWindowSession::labelPreparationIsTheCurrentPhase() {
  auto w = m_fx.makeWindow(fakeFactory(), /*withModel=*/false);
  w->addPaths(writePhotos(m_dir.filePath(QStringLiteral("prep")), QStringLiteral("w"), 3, 70));
  QTRY_COMPARE(w->imageModel()->countInState(RowState::Queued), 3);
  QProgressBar *bar = w->progressBar();
  QTRY_VERIFY(bar->isVisible());
  QVERIFY2(bar->text().contains(QStringLiteral("0 / 3")), qPrintable(bar->text()));
  // A model loads and prepares its place labels (as the worker reports it).
  for (int done : {0, 120, 2400, 4700}) {
    Q_EMIT w->analysis()->preparing(done, 4730, QStringLiteral("cities"));
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->maximum(), 4730);
    QCOMPARE(bar->value(), done);
    QVERIFY2(bar->text().startsWith(QStringLiteral("Preparing place labels… %1 / 4730").arg(done)),
             qPrintable(bar->text()));
    QVERIFY(bar->text().contains(QStringLiteral("then 3 photo")));
    QTest::qWait(30);
    QVERIFY(bar->isVisible()); // steady: not a status message that times out
  }
  Q_EMIT w->analysis()->preparing(4730, 4730, QStringLiteral("cities"));
  QVERIFY(bar->text().contains(QStringLiteral("0 / 3")));
}

void TestWindowSession::otherModeMarksShownResults_data() {
  QTest::addColumn<QString>("mode");
  QTest::newRow("flat") << QStringLiteral("flat");
  QTest::newRow("expected location") << QStringLiteral("expected");
}

void TestWindowSession::otherModeMarksShownResults() {
  QFETCH(QString, mode);
  auto w = m_fx.makeWindow(fakeFactory());
  QVERIFY(waitReady(*w));
  QVERIFY(
      analyse(*w, writePhotos(m_dir.filePath(QStringLiteral("mode-") + mode), QStringLiteral("m"), 2, 90)));
  ImageListModel *m = w->imageModel();
  w->imageList()->selectRow(0);
  QVERIFY(w->resultsPanel()->warningText().isEmpty());
  const QModelIndex estimate = m->index(0, ImageListModel::EstimateColumn);
  QVERIFY(!estimate.data(Qt::ToolTipRole).toString().contains(QStringLiteral("other settings")));

  AppSettings s = w->settings();
  s.analysis.mode =
      mode == QLatin1String("flat") ? AnalysisSettings::Mode::Flat : AnalysisSettings::Mode::Expected;
  w->applySettings(s);
  QVERIFY(w->statusBar()->currentMessage().contains(QStringLiteral("previous")));
  QVERIFY(waitReady(*w));
  // The results shown were computed with the old mode: the panel and the list say so.
  QTRY_VERIFY(w->resultsPanel()->warningText().contains(QStringLiteral("other settings")));
  QVERIFY(w->resultsPanel()->warningText().contains(QStringLiteral("Re-analyse")));
  QVERIFY(estimate.data(Qt::ToolTipRole).toString().contains(QStringLiteral("other settings")));
  QVERIFY(estimate.data(Qt::FontRole).value<QFont>().italic());
  // Re-analysing applies the new mode and clears the marks.
  w->rerunAll();
  QTRY_COMPARE_WITH_TIMEOUT(m->countInState(RowState::Done), 2, 60000);
  QTRY_VERIFY(w->resultsPanel()->warningText().isEmpty());
  QVERIFY(!m->index(0, ImageListModel::EstimateColumn)
               .data(Qt::ToolTipRole)
               .toString()
               .contains(QStringLiteral("other settings")));
}

void TestWindowSession::secondWindowOnOneProjectIsWarned() {
  const QString saved = m_dir.filePath(QStringLiteral("shared.streetlens"));
  auto first = m_fx.makeWindow(fakeFactory());
  QVERIFY(waitReady(*first));
  QVERIFY(analyse(*first, writePhotos(m_dir.filePath(QStringLiteral("shared")), QStringLiteral("x"), 2, 95)));
  QSignalSpy opened(first.get(), &MainWindow::projectOpened);
  first->saveProjectAs(saved);
  QVERIFY(opened.wait(30000));
  QVERIFY(QFile::exists(saved + QStringLiteral(".lock"))); // next to the project while it is open

  auto second = m_fx.makeWindow(fakeFactory());
  QSignalSpy failed(second.get(), &MainWindow::projectFailed);
  second->openProject(saved);
  QCOMPARE(failed.count(), 1);
  const QString error = failed.first().first().toString();
  QVERIFY2(error.contains(QStringLiteral("open in another StreetLens window")), qPrintable(error));
  QVERIFY(error.contains(QStringLiteral("shared.streetlens")));
  QVERIFY(messageBox(second.get(), QStringLiteral("another StreetLens window")));
  QCOMPARE(second->imageModel()->rowCount(), 0);
  QVERIFY(second->projectPath() != saved);
  QVERIFY(QFile::exists(second->projectPath() + QStringLiteral(".lock"))); // its own project stays locked
  // Saving another project over it is refused the same way.
  QSignalSpy saveFailed(second.get(), &MainWindow::projectFailed);
  second->saveProjectAs(saved);
  QCOMPARE(saveFailed.count(), 1);

  first.reset(); // closed there: the lock goes with it
  QVERIFY(!QFile::exists(saved + QStringLiteral(".lock")));
  QSignalSpy reopened(second.get(), &MainWindow::projectOpened);
  second->openProject(saved);
  QVERIFY(reopened.count() == 1 || reopened.wait(30000));
  QCOMPARE(second->imageModel()->rowCount(), 2);
}

void TestWindowSession::listShowsWholeNamesAndReasons_data() {
  QTest::addColumn<QString>("language");
  QTest::newRow("English") << QStringLiteral("en");
  QTest::newRow("German") << QStringLiteral("de");
}

void TestWindowSession::listShowsWholeNamesAndReasons() {
  QFETCH(QString, language);
  if (language != QLatin1String("en"))
    QCOMPARE(i18n::installTranslators(*qApp, QLocale(language)), language);
  auto w = m_fx.makeWindow(fakeFactory());
  QVERIFY(waitReady(*w));
  QTableView *list = w->imageList();
  QVERIFY(QTest::qWaitForWindowExposed(w.get()));
  QTest::qWait(50);
  QVERIFY(!list->horizontalScrollBar()->isVisible()); // the columns fit, even with no rows

  const QString folder = m_dir.filePath(QStringLiteral("list-") + language);
  const QString longName =
      QStringLiteral("2024-06-01 market street near the old harbour, looking north-east.png");
  QStringList files{writePhoto(folder, longName, 80),
                    writePhoto(folder, QStringLiteral("wide.png"), 81, QSize(400, 20)),
                    writePhoto(folder, QStringLiteral("tall.png"), 82, QSize(20, 400))};
  QFile bad(folder + QStringLiteral("/broken.jpg"));
  QVERIFY(bad.open(QIODevice::WriteOnly));
  bad.write("not a jpeg");
  bad.close();
  files << bad.fileName();
  ImageListModel *m = w->imageModel();
  w->addPaths(files);
  QVERIFY(QTest::qWaitFor(
      [&] {
        return m->rowCount() == 4 && m->countInState(RowState::Done) + m->countInState(RowState::Failed) == 4;
      },
      60000));
  QTest::qWait(50);
  QVERIFY(!list->horizontalScrollBar()->isVisible());
  const QFontMetrics fm = list->fontMetrics();
  for (int r = 0; r < m->rowCount(); ++r) {
    const ImageRow &row = m->row(r);
    // The full name is in the tooltip, whatever the column shows.
    const QString tip = m->index(r, ImageListModel::NameColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QFileInfo(row.path).fileName()), qPrintable(tip));
    // Every thumbnail takes the same square, so names line up.
    const QPixmap icon = m->index(r, ImageListModel::NameColumn).data(Qt::DecorationRole).value<QPixmap>();
    QCOMPARE(icon.size(), QSize(48, 48)); // also before the thumbnail is there, and for failures
    const QString estimate = m->index(r, ImageListModel::EstimateColumn).data().toString();
    if (row.state == RowState::Failed) {
      // The reason, not the path.
      QVERIFY(!estimate.isEmpty());
      QVERIFY2(!estimate.contains(folder) && !estimate.contains(QStringLiteral("broken.jpg")),
               qPrintable(estimate));
      QVERIFY(
          m->index(r, ImageListModel::EstimateColumn).data(Qt::ToolTipRole).toString().contains(estimate));
    } else {
      // The estimate's country in the interface language.
      const QString code = row.result->cities.empty() ? row.result->countries.front().code
                                                      : row.result->cities.front().country;
      if (language == QLatin1String("en")) {
        QCOMPARE(estimate, row.result->estimateLabel);
      } else {
        const QString local = countryDisplayName(code, QStringLiteral("?"));
        QVERIFY2(estimate.endsWith(local), qPrintable(estimate + QStringLiteral(" / ") + local));
      }
      QCOMPARE(m->index(r, ImageListModel::EstimateColumn).data(Qt::ToolTipRole).toString(), estimate);
    }
    // The status fits its column, in German too ("fehlgeschlagen").
    const QString status = m->index(r, ImageListModel::StatusColumn).data().toString();
    QVERIFY2(fm.horizontalAdvance(status) + 8 <= list->columnWidth(ImageListModel::StatusColumn),
             qPrintable(status));
  }
  if (language == QLatin1String("de")) {
    QCOMPARE(ImageListModel::stateName(RowState::Failed), QStringLiteral("fehlgeschlagen"));
    ImageResult paris;
    paris.countries = {PlaceProbability{
        QStringLiteral("FR"), QStringLiteral("France"), QStringLiteral("FR"), {}, {}, 0, 0.8}};
    paris.estimateLabel = QStringLiteral("Paris, Île-de-France, France");
    QCOMPARE(localizedEstimateLabel(paris), QStringLiteral("Paris, Île-de-France, Frankreich"));
    paris.estimateLabel = QStringLiteral("France");
    QCOMPARE(localizedEstimateLabel(paris), QStringLiteral("Frankreich"));
  }
}

QTEST_MAIN(TestWindowSession)
#include "tst_windowsession.moc"
