// Scene tasks and few-shot classifiers in the window (issue 19) and the results panel's clue
// readings (issue 20): tasks chosen in the settings become list columns whose values are the
// results' probabilities, re-answered from stored embeddings without running the image tower;
// the "where <task> <label> > N %" filter keeps exactly the photos above the threshold; the map
// colours the photos' markers by a task; tagging photos and training a classifier shows the
// cross-validated accuracy and confusion of an independent training run and saves a user task;
// the task editor shows the task-file rules' errors. Offscreen platform, FakeEngine, a real MapView.
#include "WindowTestUtil.h"
#include "core/analysis/LinearProbe.h"
#include "core/analysis/SceneTaskLibrary.h"
#include "ui/ImageListFilter.h"
#include "ui/ProbeTrainingDialog.h"
#include "ui/SceneTasksPage.h"
#include "ui/SettingsDialog.h"
#include "ui/TaskEditorDialog.h"
#include "ui/TaskOutcomeView.h"
#include "ui/map/ColorRamp.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>

using namespace streetlens;
using namespace streetlens::ui;
using namespace streetlens::test;

namespace {

// A factory whose engines the test can count (images run through the image tower).
struct CountingFactory {
  std::shared_ptr<std::atomic<FakeEngine *>> engine = std::make_shared<std::atomic<FakeEngine *>>(nullptr);
  EngineFactory make() const {
    return [e = engine](const EngineOptions &) {
      CreatedEngine c;
      auto fake = std::make_unique<FakeEngine>();
      e->store(fake.get());
      c.engine = std::move(fake);
      return c;
    };
  }
  int imagesEmbedded() const { return engine->load() ? engine->load()->imagesEmbedded() : -1; }
};

const TaskOutcome *outcomeOf(const ImageResult &r, const QString &task) {
  for (const TaskOutcome &o : r.tasks)
    if (o.name == task)
      return &o;
  return nullptr;
}

// The Tableau 10 palette, written out here: the colours a task's labels get, in label order.
QColor expectedCategory(int i) {
  const QRgb palette[] = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                          0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
  return QColor::fromRgb(palette[i % 10]);
}

} // namespace

class TestSceneTasks : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase() {
    QVERIFY(m_dir.isValid());
    m_fx.dir = m_dir.path();
    store::ProjectStore::forbidWritesOnThread(QThread::currentThread());
  }
  void init() {
    m_fx.newSettings();
    // User tasks live in the test-mode config folder (QStandardPaths test mode): start empty.
    QDir(SceneTaskLibrary::userFolder(SceneTaskLibrary::Kind::Task)).removeRecursively();
  }
  void cleanup() {
    QCOMPARE(store::ProjectStore::forbiddenWriteCount(), 0);
    QDir(SceneTaskLibrary::userFolder(SceneTaskLibrary::Kind::Task)).removeRecursively();
  }

  void columnsShowTheResults_data() {
    QTest::addColumn<QStringList>("tasks");
    QTest::newRow("damage") << QStringList{QStringLiteral("damage")};
    QTest::newRow("road and scene") << QStringList{QStringLiteral("road-condition"),
                                                   QStringLiteral("scene-type")};
  }
  void columnsShowTheResults() {
    QFETCH(QStringList, tasks);
    CountingFactory factory;
    auto w = m_fx.makeWindow(factory.make());
    QVERIFY(waitReady(*w));
    QVERIFY(analyse(*w, writePhotos(m_dir.filePath(QStringLiteral("cols")), QStringLiteral("c"), 4, 100)));
    ImageListModel *m = w->imageModel();
    QVERIFY(m->taskColumns().isEmpty());
    QVERIFY(!w->taskFilterBar()->isVisibleTo(w.get()));
    const int embedded = factory.imagesEmbedded();
    QCOMPARE(embedded, 4);

    // Chosen in the settings dialog's Scene tasks page: the photos are answered again at once.
    auto *dlg = new SettingsDialog(w->settings(), w.get());
    QListWidget *list = dlg->sceneTasksPage()->list();
    QVERIFY(list->count() >= 13); // the built-in tasks
    for (int i = 0; i < list->count(); ++i)
      if (tasks.contains(list->item(i)->data(Qt::UserRole + 1).toString()))
        list->item(i)->setCheckState(Qt::Checked);
    QVERIFY(dlg->sceneTasksPage()->cluesBox()->isChecked()); // clues on by default
    w->applySettings(dlg->settings());
    delete dlg;
    QCOMPARE(w->settings().sceneTasks, tasks);
    QVERIFY(QTest::qWaitFor(
        [&] {
          if (m->countInState(RowState::Done) != 4)
            return false;
          for (const ImageRow &r : m->rows())
            if (!r.result || int(r.result->tasks.size()) != tasks.size())
              return false;
          return true;
        },
        60000));
    QCOMPARE(factory.imagesEmbedded(), embedded); // from the stored embeddings only
    QVERIFY(w->taskFilterBar()->isVisibleTo(w.get()));

    QCOMPARE(m->taskColumns().size(), tasks.size());
    for (int t = 0; t < tasks.size(); ++t) {
      const int col = m->taskColumn(t);
      QCOMPARE(m->headerData(col, Qt::Horizontal, Qt::DisplayRole).toString(), tasks[t]);
      for (int r = 0; r < m->rowCount(); ++r) {
        const TaskOutcome *o = outcomeOf(*m->row(r).result, tasks[t]);
        QVERIFY(o);
        const int best = int(std::max_element(o->probs.begin(), o->probs.end()) - o->probs.begin());
        QCOMPARE(m->index(r, col).data().toString(),
                 QStringLiteral("%1  %2%").arg(o->labels[best],
                                               QLocale().toString(o->probs[size_t(best)] * 100, 'f', 0)));
        // Sorted by the first label's probability unless another is chosen.
        QCOMPARE(m->index(r, col).data(ImageListModel::SortRole).toDouble(), o->probs[0]);
        m->setTaskSortLabel(t, o->labels.back());
        QCOMPARE(m->index(r, col).data(ImageListModel::SortRole).toDouble(), o->probs.back());
        m->setTaskSortLabel(t, o->labels.front());
      }
    }

    // The results panel: a Scene section with the tasks' answers, a Clues section with the clues'.
    w->imageList()->selectRow(2);
    QTest::qWait(30);
    const ImageResult &shown = *m->row(2).result;
    QVERIFY(w->resultsPanel()->isSceneShown());
    QVERIFY(w->resultsPanel()->areCluesShown());
    QCOMPARE(w->resultsPanel()->sceneView()->outcomes(), shown.tasks);
    QCOMPARE(w->resultsPanel()->cluesView()->outcomes(), shown.clues);
    QCOMPARE(int(shown.clues.size()), SceneTaskLibrary::load(SceneTaskLibrary::Kind::Clue).size());
    QVERIFY(w->resultsPanel()->cluesView()->text().contains(QStringLiteral("driving-side: ")));

    // Clues off: no Clues section once answered again.
    AppSettings s = w->settings();
    s.clueReadings = false;
    w->applySettings(s);
    QVERIFY(QTest::qWaitFor(
        [&] {
          return m->countInState(RowState::Done) == 4 && m->row(2).result && m->row(2).result->clues.empty();
        },
        60000));
    w->imageList()->clearSelection();
    w->imageList()->selectRow(2);
    QTest::qWait(30);
    QVERIFY(!w->resultsPanel()->areCluesShown());
    QVERIFY(w->resultsPanel()->isSceneShown());
  }

  void missingTaskLeftOutWithANote() {
    QSettings().setValue(QStringLiteral("analysis/sceneTasks"),
                         QStringList{QStringLiteral("damage"), QStringLiteral("no-such-task")});
    auto w = m_fx.makeWindow(fakeFactory());
    QCOMPARE(w->chosenTasks().size(), 1);
    QCOMPARE(w->chosenTasks().front().name, QStringLiteral("damage"));
    QVERIFY2(w->statusBar()->currentMessage().contains(QStringLiteral("no-such-task")),
             qPrintable(w->statusBar()->currentMessage()));
    QCOMPARE(w->imageModel()->taskColumns().size(), 1);
  }

  void filterKeepsPhotosAboveThreshold_data() {
    QTest::addColumn<QString>("label");
    QTest::addColumn<bool>("negate");
    QTest::addColumn<int>("percent");
    QTest::newRow("damage, not 'no damage' > 50 %") << QStringLiteral("no damage") << true << 50;
    QTest::newRow("no damage > 50 %") << QStringLiteral("no damage") << false << 50;
    QTest::newRow("flood damage > 1 %") << QStringLiteral("flood damage") << false << 1;
    QTest::newRow("debris > 0 %") << QStringLiteral("debris and rubble in the street") << false << 0;
  }
  void filterKeepsPhotosAboveThreshold() {
    QFETCH(QString, label);
    QFETCH(bool, negate);
    QFETCH(int, percent);
    QSettings().setValue(QStringLiteral("analysis/sceneTasks"), QStringList{QStringLiteral("damage")});
    auto w = m_fx.makeWindow(fakeFactory());
    QVERIFY(waitReady(*w));
    QVERIFY(analyse(*w, writePhotos(m_dir.filePath(QStringLiteral("filter")), QStringLiteral("f"), 8, 300)));
    ImageListModel *m = w->imageModel();
    QSet<QString> expected;
    for (const ImageRow &r : m->rows()) {
      const TaskOutcome *o = outcomeOf(*r.result, QStringLiteral("damage"));
      QVERIFY(o);
      const double p = o->probs[size_t(o->labels.indexOf(label))];
      if ((negate ? 1.0 - p : p) > percent / 100.0)
        expected.insert(r.sha256);
    }
    // The filter row: task, label (or "not label"), threshold.
    QComboBox *task = w->taskFilterTaskBox();
    task->setCurrentIndex(task->findText(QStringLiteral("damage")));
    QComboBox *labels = w->taskFilterLabelBox();
    int li = -1;
    for (int i = 0; i < labels->count(); ++i)
      if (labels->itemData(i).toList() == QVariantList{label, negate})
        li = i;
    QVERIFY(li >= 0);
    labels->setCurrentIndex(li);
    w->taskFilterThreshold()->setValue(percent);
    QSet<QString> kept;
    for (int r = 0; r < w->imageFilter()->rowCount(); ++r)
      kept.insert(w->imageFilter()->index(r, 0).data(ImageListModel::ShaRole).toString());
    QCOMPARE(kept, expected);
    qInfo("%s: %lld of 8 photos kept", QTest::currentDataTag(), qint64(kept.size()));
    // "any scene task" shows every photo again.
    task->setCurrentIndex(0);
    QCOMPARE(w->imageFilter()->rowCount(), 8);
  }

  void mapColoursMarkersByTask_data() {
    QTest::addColumn<QString>("label"); // empty: the top answer
    QTest::newRow("top answer") << QString();
    QTest::newRow("ramp of 'paved road in good condition'") << QStringLiteral("a road with potholes");
  }
  void mapColoursMarkersByTask() {
    QFETCH(QString, label);
    QSettings().setValue(QStringLiteral("analysis/sceneTasks"),
                         QStringList{QStringLiteral("road-condition")});
    auto w = m_fx.makeWindow(fakeFactory());
    QVERIFY(waitReady(*w));
    QVERIFY(analyse(*w, writePhotos(m_dir.filePath(QStringLiteral("map")), QStringLiteral("m"), 5, 500)));
    const SceneTask &task = w->chosenTasks().front();
    const QString want = label;
    // Through the map's menu: Layers > Colour photos by > road-condition > …
    QMenu *colour = w->mapView()->coloringMenu();
    QVERIFY(colour && colour->isEnabled());
    QMenu *sub = nullptr;
    for (QAction *a : colour->actions())
      if (a->menu() && a->text() == task.name)
        sub = a->menu();
    QVERIFY(sub);
    QAction *pick = nullptr;
    for (QAction *a : sub->actions())
      if (!a->isSeparator() && (want.isEmpty() ? a == sub->actions().front() : a->text().contains(want)))
        pick = a;
    QVERIFY(pick);
    pick->trigger();
    QCOMPARE(w->mapView()->markerColoring().label, want);
    w->imageList()->selectAll();
    QTest::qWait(50);
    const MapScene scene = w->mapView()->scene();
    QVERIFY(scene.markers);
    QVERIFY(scene.markerLegend);
    int coloured = 0;
    const std::vector<ImageResult> &results = w->mapView()->results();
    QCOMPARE(int(results.size()), 5);
    for (const MapMarker &mk : scene.markers->markers) {
      if (mk.kind != MapMarker::Kind::Image)
        continue;
      const TaskOutcome *o = outcomeOf(results[size_t(mk.imageIndex)], task.name);
      QVERIFY(o);
      QColor expected;
      if (want.isEmpty()) {
        const int best = int(std::max_element(o->probs.begin(), o->probs.end()) - o->probs.begin());
        expected = expectedCategory(int(task.labels.indexOf(o->labels[best])));
      } else {
        expected = ColorRamp(ColorRamp::Kind::Viridis).colorAt(o->probs[size_t(o->labels.indexOf(want))]);
      }
      QCOMPARE(mk.color, expected);
      ++coloured;
    }
    QCOMPARE(coloured, 5); // one marker per photo while coloured by a task
    QCOMPARE(scene.markerLegend->ramp, !want.isEmpty());
    if (want.isEmpty())
      QCOMPARE(int(scene.markerLegend->entries.size()), int(task.labels.size()));
    // Drawn: the legend leaves the image different from the uncoloured map.
    const QImage withColours = w->mapView()->renderToImage(QSize(500, 320));
    w->mapView()->setMarkerColoring({});
    QVERIFY(!w->mapView()->scene().markerLegend);
    QVERIFY(w->mapView()->renderToImage(QSize(500, 320)) != withColours);
  }

  void tagTrainAndSaveClassifier_data() {
    QTest::addColumn<int>("perClass");
    QTest::newRow("3 + 3 photos") << 3;
    QTest::newRow("5 + 5 photos") << 5;
  }
  void tagTrainAndSaveClassifier() {
    QFETCH(int, perClass);
    auto w = m_fx.makeWindow(fakeFactory());
    QVERIFY(waitReady(*w));
    QVERIFY(analyse(*w, writePhotos(m_dir.filePath(QStringLiteral("tags%1").arg(perClass)),
                                    QStringLiteral("t"), 2 * perClass + 1, 900 + perClass * 50)));
    ImageListModel *m = w->imageModel();
    QCOMPARE(m->classColumn(), -1);
    // Too few classes: refused with a message.
    w->imageList()->selectRow(0);
    w->tagSelected(QStringLiteral("damaged"));
    w->trainClassifier();
    QMessageBox *refusal = messageBox(w.get(), QStringLiteral("at least two classes"));
    QVERIFY(refusal);
    refusal->close();
    // Tag the first half "damaged", the second "intact"; the last photo stays untagged.
    for (int r = 0; r < 2 * perClass; ++r) {
      w->imageList()->clearSelection();
      w->imageList()->selectRow(r);
      w->tagSelected(r < perClass ? QStringLiteral("damaged") : QStringLiteral("intact"));
    }
    QVERIFY(m->classColumn() >= 0);
    QCOMPARE(m->index(0, m->classColumn()).data().toString(), QStringLiteral("damaged"));
    QCOMPARE(m->index(2 * perClass - 1, m->classColumn()).data().toString(), QStringLiteral("intact"));
    QCOMPARE(m->index(2 * perClass, m->classColumn()).data().toString(), QString());

    w->trainClassifier();
    QVERIFY(QTest::qWaitFor([&] { return w->probeDialog() && w->probeDialog()->isVisible(); }, 30000));
    ProbeTrainingDialog *dlg = w->probeDialog();
    // The same training, run here on the embeddings the project keeps (the tags are in the
    // project too: written by the worker before it trained).
    QString err;
    auto reader = store::ProjectStore::open(w->projectPath(), &err);
    QVERIFY2(reader, qPrintable(err));
    const QString model = w->analysis()->engineInfo().modelHash;
    QVERIFY(!model.isEmpty());
    const QHash<QString, QString> tags = reader->metaWithPrefix(QStringLiteral("probe-tag/"));
    QCOMPARE(tags.size(), 2 * perClass);
    std::vector<ProbeSample> samples;
    for (const ImageRow &r : m->rows()) {
      if (r.classTag.isEmpty())
        continue;
      QCOMPARE(tags.value(QStringLiteral("probe-tag/") + r.sha256), r.classTag);
      auto emb = reader->imageEmbedding(r.sha256, model);
      QVERIFY(emb);
      samples.push_back({*emb, r.classTag});
    }
    ProbeTraining options;
    options.name = dlg->task().name;
    options.question = dlg->task().question;
    options.modelSha256 = model;
    const auto expected = trainLinearProbe(samples, options, &err);
    QVERIFY2(expected, qPrintable(err));
    QCOMPARE(dlg->task().probe->cvAccuracy, expected->probe->cvAccuracy);
    QCOMPARE(dlg->task().probe->chance, expected->probe->chance);
    QCOMPARE(dlg->task().labels, expected->labels);
    QCOMPARE(dlg->shownConfusion(), expected->probe->confusion);
    const QString percent =
        QLocale().toString(expected->probe->cvAccuracy * 100.0, 'f', 0) + QStringLiteral(" %");
    QVERIFY2(dlg->accuracyText().contains(QStringLiteral("Cross-validated accuracy: ") + percent),
             qPrintable(dlg->accuracyText()));
    QVERIFY(dlg->accuracyText().contains(QStringLiteral("chance: 50 %")));

    // Saved as a user task: chosen at once, answered for every photo.
    dlg->nameEdit()->setText(QStringLiteral("My Damage"));
    dlg->saveButton()->click();
    const QString file = QDir(SceneTaskLibrary::userFolder(SceneTaskLibrary::Kind::Task))
                             .filePath(QStringLiteral("my-damage.json"));
    QVERIFY(QFile::exists(file));
    const auto saved = readSceneTask(file, &err);
    QVERIFY2(saved && saved->isProbe(), qPrintable(err));
    QCOMPARE(saved->probe->modelSha256, model);
    QVERIFY(w->settings().sceneTasks.contains(QStringLiteral("my-damage")));
    QCOMPARE(m->taskColumns().size(), 1);
    QVERIFY(QTest::qWaitFor(
        [&] {
          return m->countInState(RowState::Done) == m->rowCount() && m->row(0).result &&
                 outcomeOf(*m->row(0).result, QStringLiteral("my-damage"));
        },
        60000));
    const TaskOutcome *o = outcomeOf(*m->row(0).result, QStringLiteral("my-damage"));
    QCOMPARE(o->labels, expected->labels);
    QVERIFY(!m->index(0, m->taskColumn(0)).data().toString().isEmpty());
    const std::vector<double> before = o->probs;

    // Tags changed, trained again and saved under the same name: every photo is answered anew
    // with the new classifier (the chosen task's name did not change, its weights did).
    w->imageList()->clearSelection();
    w->imageList()->selectRow(2 * perClass); // the photo left untagged
    w->tagSelected(QStringLiteral("intact"));
    w->trainClassifier();
    QVERIFY(QTest::qWaitFor(
        [&] { return w->probeDialog() && w->probeDialog()->task().probe->samples == 2 * perClass + 1; },
        30000));
    w->probeDialog()->nameEdit()->setText(QStringLiteral("my-damage"));
    w->probeDialog()->saveButton()->click();
    QVERIFY(QTest::qWaitFor(
        [&] {
          const TaskOutcome *now = m->countInState(RowState::Done) == m->rowCount() && m->row(0).result
                                       ? outcomeOf(*m->row(0).result, QStringLiteral("my-damage"))
                                       : nullptr;
          return now && now->probs != before;
        },
        60000));

    // The tags are kept in the project: the project opened again shows them.
    QHash<QString, QString> tagged;
    for (const ImageRow &r : m->rows())
      tagged.insert(r.sha256, r.classTag);
    const QString path = w->projectPath();
    w->newProject();
    QVERIFY(QTest::qWaitFor([&] { return w->projectPath() != path && m->rowCount() == 0; }, 10000));
    QCOMPARE(m->classColumn(), -1);
    w->recoverUntitled(path);
    QVERIFY(QTest::qWaitFor([&] { return m->rowCount() == int(tagged.size()); }, 10000));
    QVERIFY(m->classColumn() >= 0);
    for (const ImageRow &r : m->rows())
      QCOMPARE(r.classTag, tagged.value(r.sha256));
  }

  void editorShowsTaskFileErrors_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("labels");
    QTest::addColumn<QString>("templates");
    QTest::addColumn<QString>("error"); // empty: valid, saved
    QTest::newRow("no name") << QString() << "a\nb" << QString() << "has no \"name\"";
    QTest::newRow("bad name") << "Flood Damage"
                              << "a\nb" << QString() << "may hold only lower-case";
    QTest::newRow("one label") << "flood"
                               << "a flooded street" << QString() << "at least two";
    QTest::newRow("label twice") << "flood"
                                 << "a\na" << QString() << "appears twice";
    QTest::newRow("template without {}") << "flood"
                                         << "a\nb"
                                         << "a photo of a street."
                                         << "has no {}";
    QTest::newRow("valid") << "flood"
                           << "a flooded street\na dry street"
                           << "a photo of {}.\nstreet view of {}." << QString();
  }
  void editorShowsTaskFileErrors() {
    QFETCH(QString, name);
    QFETCH(QString, labels);
    QFETCH(QString, templates);
    QFETCH(QString, error);
    SceneTasksPage page({}, true);
    const int builtIn = page.list()->count();
    TaskEditorDialog dlg(std::nullopt, &page);
    dlg.nameEdit()->setText(name);
    dlg.questionEdit()->setText(QStringLiteral("Is the street flooded?"));
    dlg.labelsEdit()->setPlainText(labels);
    dlg.templatesEdit()->setPlainText(templates);
    if (!error.isEmpty()) {
      QVERIFY2(dlg.errorText().contains(error), qPrintable(dlg.errorText()));
      QVERIFY(!dlg.saveButton()->isEnabled());
      return;
    }
    QCOMPARE(dlg.errorText(), QString());
    QVERIFY(dlg.saveButton()->isEnabled());
    QObject::connect(&dlg, &TaskEditorDialog::saved, &page,
                     [&page](const SceneTask &t) { page.reload(t.name); });
    dlg.saveButton()->click();
    QVERIFY(QFile::exists(dlg.savedPath()));
    QCOMPARE(page.list()->count(), builtIn + 1);
    QVERIFY(page.checkedTasks().contains(name)); // a new task is chosen
    const auto t = readSceneTask(dlg.savedPath(), nullptr);
    QVERIFY(t);
    QCOMPARE(t->labels, labels.split(QLatin1Char('\n')));
    QCOMPARE(t->templates, templates.split(QLatin1Char('\n')));
    // Export and import round trip; delete removes the user file.
    const QString exported = m_dir.filePath(QStringLiteral("flood-export.json"));
    QVERIFY(writeSceneTask(*t, exported, nullptr));
    QVERIFY(QFile::remove(dlg.savedPath()));
    page.reload();
    QCOMPARE(page.list()->count(), builtIn);
    QString err;
    QVERIFY2(page.importFile(exported, &err), qPrintable(err));
    QCOMPARE(page.list()->count(), builtIn + 1);
    QVERIFY(!page.importFile(m_dir.filePath(QStringLiteral("missing.json")), &err));
    QVERIFY(err.contains(QStringLiteral("missing.json")));
  }

private:
  QTemporaryDir m_dir;
  WindowFixture m_fx;
};

QTEST_MAIN(TestSceneTasks)
#include "tst_scenetasks.moc"
