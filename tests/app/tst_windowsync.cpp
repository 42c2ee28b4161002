// The window as an analyst uses it (issue 18): one selection drives the photo view, the results
// panel and the map together — after a project is reopened, a click on empty list space, a
// paste, a re-analysis, a click on a map marker. Offscreen platform, FakeEngine, a real MapView.
#include "WindowTestUtil.h"
#include "ui/UserGuideDialog.h"
#include "ui/map/MapExportDialog.h"
#include "ui/map/MapOverlay.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QTextBrowser>
#include <QUndoStack>

using namespace streetlens;
using namespace streetlens::ui;
using namespace streetlens::test;

class TestWindowSync : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase();
  void init();
  void cleanup();
  void panelAndMapAgree_data();
  void panelAndMapAgree();
  void reanalysisHidesOldResults();
  void markerClickFocusesItsPhoto();
  void removeAsksAndUndoes_data();
  void removeAsksAndUndoes();
  void fileMissingIsShown();
  void rerunSelectedOrFailedOnly_data();
  void rerunSelectedOrFailedOnly();
  void detailsOfThePhoto();
  void userGuideFromTheHelpMenu();
  void mapPngIsLargeTitledAndInTheProjectFolder_data();
  void mapPngIsLargeTitledAndInTheProjectFolder();

private:
  QTemporaryDir m_dir;
  WindowFixture m_fx;
};

void TestWindowSync::initTestCase() {
  QVERIFY(m_dir.isValid());
  m_fx.dir = m_dir.path();
  store::ProjectStore::forbidWritesOnThread(QThread::currentThread());
}

void TestWindowSync::init() {
  m_fx.newSettings();
}

void TestWindowSync::cleanup() {
  QCOMPARE(store::ProjectStore::forbiddenWriteCount(), 0);
}

void TestWindowSync::panelAndMapAgree_data() {
  QTest::addColumn<QString>("step");
  QTest::newRow("after reopening a project") << QStringLiteral("reopen");
  QTest::newRow("after a click on empty list space") << QStringLiteral("empty-click");
  QTest::newRow("after a paste") << QStringLiteral("paste");
  QTest::newRow("after the selected row went away") << QStringLiteral("new-project");
  QTest::newRow("one photo selected") << QStringLiteral("select");
  QTest::newRow("several photos selected") << QStringLiteral("select-several");
}

void TestWindowSync::panelAndMapAgree() {
  QFETCH(QString, step);
  auto w = m_fx.makeWindow(fakeFactory());
  QVERIFY(waitReady(*w));
  const QString photos = m_dir.filePath(QStringLiteral("sync-") + step);
  QVERIFY(analyse(*w, writePhotos(photos, QStringLiteral("s"), 3, 100 + m_fx.counter * 7)));
  QTableView *list = w->imageList();
  list->setFocus();
  if (step == QLatin1String("reopen")) {
    const QString saved = m_dir.filePath(step + QStringLiteral(".streetlens"));
    QSignalSpy opened(w.get(), &MainWindow::projectOpened);
    w->saveProjectAs(saved);
    QVERIFY(opened.wait(30000));
    w->openProject(saved);
    QTRY_COMPARE(w->imageModel()->rowCount(), 3);
    // The list takes the keyboard focus, as after a click into it: Qt makes row 0 current, not
    // selected. The panel showed that photo while the map stayed empty.
    list->clearFocus();
    list->setFocus();
    QFocusEvent in(QEvent::FocusIn, Qt::TabFocusReason);
    QApplication::sendEvent(list, &in);
  } else if (step == QLatin1String("empty-click")) {
    list->selectRow(1);
    const QString problem = syncProblem(*w);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QPoint below(20, list->viewport()->height() - 4);
    QVERIFY(list->indexAt(below).row() < 0);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, below);
    QVERIFY(list->selectionModel()->selectedRows().isEmpty());
  } else if (step == QLatin1String("paste")) {
    list->selectionModel()->setCurrentIndex(list->model()->index(0, 0), QItemSelectionModel::NoUpdate);
    auto *mime = new QMimeData;
    mime->setUrls({QUrl::fromLocalFile(writePhoto(photos, QStringLiteral("pasted.png"), 999))});
    QApplication::clipboard()->setMimeData(mime);
    w->pasteFromClipboard();
    QTRY_COMPARE(w->imageModel()->countInState(RowState::Done), 4);
  } else if (step == QLatin1String("new-project")) {
    list->selectRow(2);
    w->newProject();
    QCOMPARE(w->imageModel()->rowCount(), 0);
    QVERIFY(w->photoView()->currentPath().isEmpty());
    QVERIFY(w->resultsPanel()->estimateText().isEmpty());
  } else if (step == QLatin1String("select")) {
    list->selectRow(2);
    QVERIFY(!w->resultsPanel()->estimateText().isEmpty());
    QCOMPARE(w->mapView()->results().size(), size_t(1));
  } else if (step == QLatin1String("select-several")) {
    list->selectAll();
    QCOMPARE(w->mapView()->results().size(), size_t(3));
  }
  const QString problem = syncProblem(*w);
  QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestWindowSync::reanalysisHidesOldResults() {
  auto gate = std::make_shared<QSemaphore>(0);
  FakeEngine::Options o;
  o.gate = gate;
  o.modelHash.clear(); // no kept embeddings: the re-analysis waits at the gate, not scored at once
  QSettings().setValue(QStringLiteral("model/batchSize"), 1);
  auto w = m_fx.makeWindow(fakeFactory(o));
  QVERIFY(waitReady(*w));
  gate->release(3);
  QVERIFY(analyse(*w, writePhotos(m_dir.filePath(QStringLiteral("rerun")), QStringLiteral("r"), 3, 300)));
  ImageListModel *m = w->imageModel();
  w->imageList()->selectAll();
  QCOMPARE(w->mapView()->results().size(), size_t(3));
  // Other settings, so that the re-analysis computes anew (the same ones take the stored results).
  AppSettings flat = w->settings();
  flat.analysis.mode = AnalysisSettings::Mode::Flat;
  w->applySettings(flat);
  QVERIFY(waitReady(*w));
  w->rerunAll();
  QTRY_COMPARE(m->countInState(RowState::Done), 0);
  for (int r = 0; r < m->rowCount(); ++r) {
    // A row waiting for its new result shows none of the old one.
    QVERIFY(m->row(r).state == RowState::Queued || m->row(r).state == RowState::Running);
    QVERIFY(m->index(r, ImageListModel::CountryColumn).data().toString().isEmpty());
    QVERIFY(m->index(r, ImageListModel::EstimateColumn).data().toString().isEmpty());
  }
  QVERIFY2(syncProblem(*w).isEmpty(), qPrintable(syncProblem(*w)));
  QVERIFY(w->mapView()->results().empty());
  gate->release(100);
  QTRY_COMPARE_WITH_TIMEOUT(m->countInState(RowState::Done), 3, 60000);
  QTRY_COMPARE(w->mapView()->results().size(), size_t(3));
  QVERIFY2(syncProblem(*w).isEmpty(), qPrintable(syncProblem(*w)));
}

void TestWindowSync::markerClickFocusesItsPhoto() {
  auto w = m_fx.makeWindow(fakeFactory());
  QVERIFY(waitReady(*w));
  QVERIFY(analyse(*w, writePhotos(m_dir.filePath(QStringLiteral("marker")), QStringLiteral("k"), 3, 400)));
  w->imageList()->selectAll();
  w->imageList()->selectionModel()->setCurrentIndex(w->imageList()->model()->index(0, 0),
                                                    QItemSelectionModel::NoUpdate);
  MapView *map = w->mapView();
  map->setMultiImageMode(MultiImageMode::PerImage);
  const auto markers = map->scene().markers;
  QVERIFY(markers);
  int third = -1;
  for (size_t i = 0; i < markers->markers.size(); ++i)
    if (markers->markers[i].kind == MapMarker::Kind::Image && markers->markers[i].imageIndex == 2)
      third = int(i);
  QVERIFY(third >= 0);
  map->setViewport(MapViewport(markers->markers[size_t(third)].location, 3.0, map->size()));
  const QPoint at = markers->pixels(map->viewport())[size_t(third)].toPoint();
  QCOMPARE(map->markerAt(at), third);
  QTest::mouseClick(map, Qt::LeftButton, Qt::NoModifier, at);
  // The photo of that marker is shown; the selection (and so the map) stays.
  const QString expected = map->results()[2].path;
  QTRY_COMPARE(w->photoView()->currentPath(), expected);
  QCOMPARE(w->imageList()->selectionModel()->selectedRows().size(), 3);
  QVERIFY2(syncProblem(*w).isEmpty(), qPrintable(syncProblem(*w)));
}

void TestWindowSync::removeAsksAndUndoes_data() {
  QTest::addColumn<QList<int>>("rows");
  QTest::addColumn<bool>("analysed");
  QTest::newRow("one analysed photo") << QList<int>{1} << true;
  QTest::newRow("two analysed photos") << QList<int>{0, 2} << true;
  QTest::newRow("a photo waiting for a model") << QList<int>{1} << false;
}

void TestWindowSync::removeAsksAndUndoes() {
  QFETCH(QList<int>, rows);
  QFETCH(bool, analysed);
  auto w = m_fx.makeWindow(fakeFactory(), analysed);
  ImageListModel *m = w->imageModel();
  const QStringList files =
      writePhotos(m_dir.filePath(QStringLiteral("remove%1").arg(m_fx.counter)), QStringLiteral("d"), 3, 500);
  if (analysed) {
    QVERIFY(waitReady(*w));
    QVERIFY(analyse(*w, files));
  } else {
    w->addPaths(files);
    QVERIFY(QTest::qWaitFor([&] { return m->rowCount() == 3 && !w->isIngesting(); }, 30000));
  }
  QVERIFY(QTest::qWaitFor([&] { return imagesInProject(w->projectPath()) == 3; }, 10000));
  QStringList removed;
  auto *sel = w->imageList()->selectionModel();
  const QAbstractItemModel *shown = w->imageList()->model(); // no sort or filter: the model's rows
  for (int r : rows) {
    sel->select(shown->index(r, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    removed << m->row(r).path;
  }
  sel->setCurrentIndex(shown->index(rows.first(), 0), QItemSelectionModel::NoUpdate);
  QVERIFY(!w->photoView()->currentPath().isEmpty());

  w->removeAction()->trigger();
  if (analysed) {
    // Analysed photos are removed only after a confirmation; Cancel keeps them.
    QMessageBox *box = messageBox(w.get(), QStringLiteral("analysed photo"));
    QVERIFY(box);
    box->button(QMessageBox::Cancel)->click();
    QCOMPARE(m->rowCount(), 3);
    w->removeAction()->trigger();
    box = messageBox(w.get(), QStringLiteral("analysed photo"));
    QVERIFY(box);
    QAbstractButton *remove = nullptr;
    for (QAbstractButton *b : box->buttons())
      if (box->buttonRole(b) == QMessageBox::DestructiveRole)
        remove = b;
    QVERIFY(remove);
    remove->click();
  } else {
    QVERIFY(!messageBox(w.get(), QStringLiteral("analysed photo")));
  }
  QCOMPARE(m->rowCount(), 3 - rows.size());
  for (const QString &p : removed)
    QCOMPARE(m->rowOfPath(p), -1);
  // Nothing stale: no photo, no estimate, an empty map.
  QVERIFY(w->photoView()->currentPath().isEmpty());
  QVERIFY(w->resultsPanel()->estimateText().isEmpty());
  QVERIFY(syncProblem(*w).isEmpty());
  QVERIFY(QTest::qWaitFor([&] { return imagesInProject(w->projectPath()) == 3 - rows.size(); }, 10000));

  // Ctrl+Z brings them back, in the list and in the project file, with their results.
  QVERIFY(w->undoStack()->canUndo());
  w->undoStack()->undo();
  QCOMPARE(m->rowCount(), 3);
  for (int i = 0; i < rows.size(); ++i) {
    QCOMPARE(m->row(rows[i]).path, removed[i]);
    QCOMPARE(m->row(rows[i]).state, analysed ? RowState::Done : RowState::Queued);
    QCOMPARE(m->row(rows[i]).result.has_value(), analysed);
  }
  QVERIFY(QTest::qWaitFor([&] { return imagesInProject(w->projectPath()) == 3; }, 10000));
  if (analysed) {
    auto results = [&] {
      QString err;
      auto reader = store::ProjectStore::open(w->projectPath(), &err);
      const auto all = reader ? reader->loadAll(&err) : std::nullopt;
      return all ? int(std::count_if(all->begin(), all->end(),
                                     [](const store::StoredImage &s) { return s.result.has_value(); }))
                 : -1;
    };
    QVERIFY(QTest::qWaitFor([&] { return results() == 3; }, 10000));
  }
}

void TestWindowSync::fileMissingIsShown() {
  auto w = m_fx.makeWindow(fakeFactory());
  QVERIFY(waitReady(*w));
  const QStringList files =
      writePhotos(m_dir.filePath(QStringLiteral("missing")), QStringLiteral("g"), 2, 600);
  QVERIFY(analyse(*w, files));
  w->imageList()->selectRow(1);
  QVERIFY(w->photoView()->note().isEmpty());
  QVERIFY(w->resultsPanel()->warningText().isEmpty());
  QVERIFY(QFile::remove(files[1]));
  w->imageList()->selectRow(0);
  w->imageList()->selectRow(1);
  QVERIFY2(w->photoView()->note().contains(QStringLiteral("File missing")),
           qPrintable(w->photoView()->note()));
  QVERIFY(w->resultsPanel()->warningText().contains(QStringLiteral("File missing")));
  QVERIFY(!w->resultsPanel()->estimateText().isEmpty()); // the stored result is still shown
  w->imageList()->selectRow(0);
  QVERIFY(w->photoView()->note().isEmpty());
}

void TestWindowSync::rerunSelectedOrFailedOnly_data() {
  QTest::addColumn<QString>("which");
  QTest::newRow("selected") << QStringLiteral("selected");
  QTest::newRow("failed and cancelled") << QStringLiteral("failed");
}

void TestWindowSync::rerunSelectedOrFailedOnly() {
  QFETCH(QString, which);
  auto w = m_fx.makeWindow(fakeFactory());
  QVERIFY(waitReady(*w));
  const QString folder = m_dir.filePath(QStringLiteral("again-") + which);
  QStringList files = writePhotos(folder, QStringLiteral("a"), 3, 800);
  QFile bad(folder + QStringLiteral("/bad.jpg"));
  QVERIFY(bad.open(QIODevice::WriteOnly));
  bad.write("not a jpeg");
  bad.close();
  files << bad.fileName();
  ImageListModel *m = w->imageModel();
  w->addPaths(files);
  QVERIFY(QTest::qWaitFor(
      [&] { return m->countInState(RowState::Done) == 3 && m->countInState(RowState::Failed) == 1; }, 60000));
  // Other settings, so that what is re-analysed is computed anew and can be told apart.
  AppSettings flat = w->settings();
  flat.analysis.mode = AnalysisSettings::Mode::Flat;
  w->applySettings(flat);
  QVERIFY(waitReady(*w));
  QStringList started; // the images the pipeline reported on again
  connect(w->analysis(), &AnalysisController::imageFinished, this,
          [&](const ImageResult &r) { started << r.sha256; });
  const int chosen = m->rowOfPath(files[1]);
  QStringList expected;
  if (which == QLatin1String("selected")) {
    w->imageList()->selectRow(chosen);
    expected << m->row(chosen).sha256;
    w->rerunSelected();
  } else {
    expected << m->row(m->rowOfPath(files[3])).sha256;
    w->rerunFailed();
  }
  QTRY_COMPARE_WITH_TIMEOUT(m->countInState(RowState::Done) + m->countInState(RowState::Failed), 4, 60000);
  QTRY_VERIFY(!w->analysis()->isBusy());
  QCOMPARE(started, expected);
  // The others keep their results, computed with the earlier settings (and marked as such).
  int stale = 0;
  for (const ImageRow &r : m->rows())
    stale += m->isStale(r);
  QCOMPARE(stale, which == QLatin1String("selected") ? 2 : 3);
}

void TestWindowSync::detailsOfThePhoto() {
  auto w = m_fx.makeWindow(fakeFactory());
  QVERIFY(waitReady(*w));
  QVERIFY(analyse(*w, writePhotos(m_dir.filePath(QStringLiteral("details")), QStringLiteral("t"), 1, 900)));
  w->imageList()->selectRow(0);
  const ImageRow &row = w->imageModel()->row(0);
  const QString details = w->resultsPanel()->detailsText();
  QVERIFY2(details.contains(row.sha256.left(32)) && details.contains(row.sha256.mid(32)),
           qPrintable(details));
  QVERIFY(details.contains(QDir::toNativeSeparators(row.path).toHtmlEscaped()));
  QVERIFY(details.contains(QStringLiteral("96 × 64")));
  QVERIFY(details.contains(QStringLiteral("Size:")));
  w->imageList()->clearSelection();
  QVERIFY(w->resultsPanel()->detailsText().isEmpty());
}

void TestWindowSync::userGuideFromTheHelpMenu() {
  auto w = m_fx.makeWindow({}, false);
  QAction *guide = w->userGuideAction();
  QVERIFY(guide);
  QCOMPARE(guide->shortcut(), QKeySequence(QKeySequence::HelpContents));
  guide->trigger();
  UserGuideDialog *dlg = nullptr;
  QTRY_VERIFY((dlg = w->findChild<UserGuideDialog *>()) != nullptr && dlg->isVisible());
  const QString text = dlg->browser()->toPlainText();
  QVERIFY2(text.contains(QStringLiteral("StreetLens user guide")), qPrintable(text.left(200)));
  QVERIFY(text.contains(QStringLiteral("Re-analyse")));
  guide->trigger(); // one window, raised again
  QCOMPARE(w->findChildren<UserGuideDialog *>().size(), 1);
}

void TestWindowSync::mapPngIsLargeTitledAndInTheProjectFolder_data() {
  QTest::addColumn<int>("scaleIndex");
  QTest::addColumn<double>("scale");
  QTest::newRow("screen size") << 0 << 1.0;
  QTest::newRow("twice (proposed)") << -1 << 2.0;
  QTest::newRow("four times") << 3 << 4.0;
}

void TestWindowSync::mapPngIsLargeTitledAndInTheProjectFolder() {
  QFETCH(int, scaleIndex);
  QFETCH(double, scale);
  auto w = m_fx.makeWindow(fakeFactory());
  QVERIFY(waitReady(*w));
  QVERIFY(analyse(*w, writePhotos(m_dir.filePath(QStringLiteral("png%1").arg(m_fx.counter)),
                                  QStringLiteral("n"), 1, 700)));
  const QString folder = m_dir.filePath(QStringLiteral("case%1").arg(m_fx.counter));
  QVERIFY(QDir().mkpath(folder));
  const QString project = QDir(folder).filePath(QStringLiteral("harbour.streetlens"));
  QSignalSpy opened(w.get(), &MainWindow::projectOpened);
  w->saveProjectAs(project);
  QVERIFY(opened.wait(30000));
  w->imageList()->selectRow(0);
  MapView *map = w->mapView();
  QTRY_VERIFY_WITH_TIMEOUT(!map->isBusy(), 20000);
  // The map's PNG button: a dialog proposing the project's folder and name, at twice the size.
  QAction *png = map->viewActions().last();
  png->trigger();
  MapExportDialog *dlg = nullptr;
  QTRY_VERIFY((dlg = map->findChild<MapExportDialog *>()) != nullptr && dlg->isVisible());
  QCOMPARE(QFileInfo(dlg->path()).absolutePath(), QDir::cleanPath(folder));
  QCOMPARE(dlg->titleEdit()->text(), QStringLiteral("harbour"));
  QCOMPARE(dlg->scale(), 2.0);
  if (scaleIndex >= 0)
    dlg->scaleCombo()->setCurrentIndex(scaleIndex);
  QCOMPARE(dlg->scale(), scale);
  dlg->titleEdit()->setText(QStringLiteral("Harbour photos, case 12"));
  const QString path = dlg->path();
  QMetaObject::invokeMethod(dlg, "accept");
  QTRY_VERIFY(map->findChild<MapExportDialog *>() == nullptr);
  const QImage img(path);
  QVERIFY2(!img.isNull(), qPrintable(path));
  QCOMPARE(img.width(), int(map->width() * scale));
  QCOMPARE(img.height(), int((map->height() + MapView::kExportTitleBand) * scale));
  // The title band holds dark text on white; the legend (bottom left) is drawn.
  int dark = 0;
  for (int y = 0; y < int(MapView::kExportTitleBand * scale); ++y)
    for (int x = 0; x < img.width() / 3; ++x)
      dark += qGray(img.pixel(x, y)) < 100;
  QVERIFY2(dark > 30 * scale * scale, qPrintable(QString::number(dark)));
  MapScene s = map->scene();
  MapViewport vp = map->viewport();
  const std::vector<QRectF> legend = legendAreas(vp, s);
  QVERIFY(!legend.empty());
  // A file that cannot be written keeps the dialog open with the error.
  png->trigger();
  QTRY_VERIFY((dlg = map->findChild<MapExportDialog *>()) != nullptr && dlg->isVisible());
  dlg->pathEdit()->setText(QStringLiteral("/proc/streetlens-map.png"));
  QMetaObject::invokeMethod(dlg, "accept");
  QVERIFY(dlg->isVisible());
  QVERIFY2(dlg->errorText().contains(QStringLiteral("streetlens-map.png")), qPrintable(dlg->errorText()));
  dlg->reject();
}

QTEST_MAIN(TestWindowSync)
#include "tst_windowsync.moc"
