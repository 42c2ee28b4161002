// The case library in the window (issue 21), offscreen with the fake engine: a reference gallery
// chosen in the settings gives each result the evidence library::Gallery computes for the same
// kept embedding, shown in the results panel; a gallery that cannot be used is named and analysis
// goes on without it; a photo dropped on the Similar tab's search box is embedded by the pipeline
// and ranked like an index search over the project's kept embeddings; the list's Group column and
// "Distinct scenes" show one photo per near-duplicate group.
#include "WindowTestUtil.h"
#include "core/library/EmbeddingIndex.h"
#include "core/library/Gallery.h"
#include "ui/GalleryEvidenceView.h"
#include "ui/ImageListFilter.h"
#include "ui/PhotoSearchBox.h"
#include "ui/SettingsDialog.h"
#include "ui/SimilarPhotosPanel.h"

#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <cmath>

using namespace streetlens;
using namespace streetlens::test;

namespace {
// A model "SHA-256" the index format accepts (64 hex digits).
const QString kModel = QStringLiteral("ab").repeated(32);

FakeEngine::Options fakeWithHash(const QString &hash = kModel) {
  FakeEngine::Options o;
  o.modelHash = hash;
  return o;
}

// Writes a .slidx of the project's kept embeddings of `shas` with the given positions (no position
// for a missing one) under the paths given; `model` is what the header records.
bool writeGallery(const QString &out, const QString &project, const QString &model, const QStringList &shas,
                  const QStringList &paths, const std::vector<std::optional<geo::GeoPoint>> &positions,
                  QString *err) {
  auto reader = store::ProjectStore::open(project, err);
  if (!reader)
    return false;
  library::IndexWriter w;
  bool begun = false;
  for (int i = 0; i < shas.size(); ++i) {
    const auto e = reader->imageEmbedding(shas[i], kModel);
    if (!e)
      return false;
    if (!begun && !w.begin(out, model, int(e->size()), err))
      return false;
    begun = true;
    if (!w.add({paths[i], shas[i], positions[size_t(i)]}, e->data(), err))
      return false;
  }
  return w.finish(err);
}

bool waitKeyChange(ui::MainWindow &w, const QString &before) {
  return QTest::qWaitFor(
      [&] { return w.analysis()->isEngineReady() && w.analysis()->settingsKey() != before; }, 60000);
}
} // namespace

class TestGalleryUi : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  WindowFixture fx_;

private Q_SLOTS:
  void initTestCase() {
    fx_.dir = tmp_.path();
    store::ProjectStore::forbidWritesOnThread(QThread::currentThread());
  }
  void init() { fx_.newSettings(); }

  // The dialog edits the gallery and its options with the CLI's defaults; they are kept.
  void settingsKeepTheGallery() {
    ui::AppSettings s;
    QCOMPARE(s.gallery.options.k, 20);
    QCOMPARE(s.gallery.options.bandwidthKm, 25.0);
    ui::SettingsDialog dlg(s);
    QCOMPARE(dlg.galleryKSpin()->value(), 20);
    QCOMPARE(dlg.galleryTemperatureSpin()->value(), 0.05);
    QCOMPARE(dlg.galleryWeightSpin()->value(), 1.0);
    dlg.galleryEdit()->setText(QStringLiteral("/cases/paris.slidx"));
    dlg.galleryKSpin()->setValue(7);
    dlg.galleryBandwidthSpin()->setValue(3.5);
    dlg.galleryTemperatureSpin()->setValue(0.2);
    dlg.galleryWeightSpin()->setValue(0);
    const ui::AppSettings edited = dlg.settings();
    QCOMPARE(edited.gallery.file, QStringLiteral("/cases/paris.slidx"));
    edited.save();
    const ui::AppSettings back = ui::AppSettings::load();
    QVERIFY(back.gallery == edited.gallery);
    QCOMPARE(back.gallery.options.k, 7);
    QCOMPARE(back.gallery.options.weight, 0.0);
  }

  void galleryEvidenceInTheResults_data() {
    QTest::addColumn<int>("k");
    QTest::addColumn<double>("weight");
    QTest::addColumn<double>("bandwidth");
    QTest::newRow("defaults, fused") << 20 << 1.0 << 25.0;
    QTest::newRow("three neighbours, shown only") << 3 << 0.0 << 200.0;
  }
  void galleryEvidenceInTheResults() {
    QFETCH(int, k);
    QFETCH(double, weight);
    QFETCH(double, bandwidth);
    auto w = fx_.makeWindow(fakeFactory(fakeWithHash()));
    QVERIFY(waitReady(*w));
    const QString dir = tmp_.filePath(QStringLiteral("gal%1").arg(k));
    const QStringList galleryFiles = writePhotos(dir, "g", 5, 60);
    QVERIFY(analyse(*w, galleryFiles));
    QStringList shas, paths = galleryFiles;
    for (const QString &f : galleryFiles)
      shas << w->imageModel()->row(w->imageModel()->rowOfPath(f)).sha256;
    paths[4] = dir + "/moved-away.jpg"; // a gallery photo no longer on disk: a placeholder
    const std::vector<std::optional<geo::GeoPoint>> at{
        geo::GeoPoint{48.8566, 2.3522}, geo::GeoPoint{48.86, 2.34}, geo::GeoPoint{45.764, 4.8357},
        geo::GeoPoint{35.6762, 139.6503}, geo::GeoPoint{-33.8688, 151.2093}};
    const QString galleryPath = dir + "/gallery.slidx";
    QString err;
    QVERIFY2(writeGallery(galleryPath, w->projectPath(), kModel, shas, paths, at, &err), qPrintable(err));

    ui::AppSettings s = w->settings();
    s.gallery.file = galleryPath;
    s.gallery.options.k = k;
    s.gallery.options.weight = weight;
    s.gallery.options.bandwidthKm = bandwidth;
    const QString before = w->analysis()->settingsKey();
    w->applySettings(s);
    QVERIFY(waitKeyChange(*w, before));
    // The gallery is part of the settings key: results made without it are stale.
    QVERIFY(w->imageModel()->isStale(w->imageModel()->row(0)));

    const QStringList queries = writePhotos(dir, "q", 2, 90);
    QVERIFY(analyse(*w, queries));
    auto gallery = library::Gallery::open(galleryPath, kModel, s.gallery.options, &err);
    QVERIFY2(gallery, qPrintable(err));
    auto reader = store::ProjectStore::open(w->projectPath(), &err);
    QVERIFY(reader);
    for (const QString &q : queries) {
      const int row = w->imageModel()->rowOfPath(q);
      const ui::ImageRow &r = w->imageModel()->row(row);
      QVERIFY(r.result && r.result->gallery);
      const auto emb = reader->imageEmbedding(r.sha256, kModel);
      QVERIFY(emb);
      const GalleryEvidence expected = gallery->evidence(emb->data());
      const GalleryEvidence &got = *r.result->gallery;
      QCOMPARE(got.estimate.lat, expected.estimate.lat);
      QCOMPARE(got.estimate.lon, expected.estimate.lon);
      QCOMPARE(got.neighbours.size(), expected.neighbours.size());
      QCOMPARE(int(got.neighbours.size()), std::min(k, 5));
      QCOMPARE(got.fused, weight > 0);

      // The panel shows the same evidence.
      w->imageList()->clearSelection();
      w->imageList()->selectRow(w->imageFilter()->mapFromSource(w->imageModel()->index(row, 0)).row());
      QVERIFY(QTest::qWaitFor([&] { return w->resultsPanel()->isGalleryShown(); }, 10000));
      const ui::GalleryEvidenceView *view = w->resultsPanel()->galleryView();
      QTableWidget *table = view->neighbours();
      QCOMPARE(table->rowCount(), int(expected.neighbours.size()));
      for (int i = 0; i < table->rowCount(); ++i) {
        const GalleryNeighbour &n = expected.neighbours[size_t(i)];
        QCOMPARE(table->item(i, ui::GalleryEvidenceView::PhotoColumn)->text(), QFileInfo(n.path).fileName());
        QVERIFY(
            std::abs(table->item(i, ui::GalleryEvidenceView::DistanceColumn)->data(Qt::UserRole).toDouble() -
                     n.distanceKm) < 1e-9);
        QVERIFY(std::abs(
                    table->item(i, ui::GalleryEvidenceView::SimilarityColumn)->data(Qt::UserRole).toDouble() -
                    n.score) < 1e-9);
        QCOMPARE(table->item(i, ui::GalleryEvidenceView::SimilarityColumn)->text(),
                 QLocale().toString(n.score, 'f', 3));
      }
      QVERIFY(
          view->summaryText().contains(weight > 0 ? QStringLiteral("Fused") : QStringLiteral("Shown only")));
      if (got.zeroShotEstimate)
        QVERIFY(view->summaryText().contains(QStringLiteral("km from the gallery")));
      // The map: the gallery estimate and each neighbour with their own markers.
      QVERIFY(QTest::qWaitFor(
          [&] {
            const ui::MapScene scene = w->mapView()->scene();
            if (!scene.markers)
              return false;
            int photos = 0;
            bool estimate = false;
            for (const ui::MapMarker &m : scene.markers->markers) {
              photos += m.kind == ui::MapMarker::Kind::GalleryPhoto;
              estimate |= m.kind == ui::MapMarker::Kind::Gallery && m.location.lat == expected.estimate.lat &&
                          m.location.lon == expected.estimate.lon;
            }
            return estimate && photos == int(expected.neighbours.size());
          },
          10000));
      // Thumbnails: read off the GUI thread; the missing file keeps the grey placeholder.
      QVERIFY(QTest::qWaitFor([&] { return !view->isLoadingThumbnails(); }, 10000));
      QTest::qWait(20);
      for (int i = 0; i < table->rowCount(); ++i) {
        const QImage icon =
            table->item(i, 0)->icon().pixmap(ui::GalleryEvidenceView::kThumbnailSide).toImage();
        QVERIFY(!icon.isNull());
        const bool missing = table->item(i, 0)->data(Qt::UserRole).toString().endsWith("moved-away.jpg");
        QCOMPARE(icon.pixelColor(2, icon.height() / 2) == QColor(0xe0, 0xe0, 0xe0), missing);
      }
    }
    QCOMPARE(store::ProjectStore::forbiddenWriteCount(), 0);
  }

  void badGalleryIsNamed_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("problem");
    QTest::newRow("missing") << "missing"
                             << "no such index file";
    QTest::newRow("not an index") << "text"
                                  << "not a StreetLens index";
    QTest::newRow("another model") << "model"
                                   << "made with another model";
    QTest::newRow("no positions") << "nopos"
                                  << "not a gallery";
  }
  void badGalleryIsNamed() {
    QFETCH(QString, kind);
    QFETCH(QString, problem);
    auto w = fx_.makeWindow(fakeFactory(fakeWithHash()));
    QVERIFY(waitReady(*w));
    const QString dir = tmp_.filePath(QStringLiteral("bad-") + kind);
    const QStringList files = writePhotos(dir, "p", 2, 70);
    QVERIFY(analyse(*w, files));
    const QString path = dir + "/bad-" + kind + ".slidx";
    QString err;
    const QStringList shas{w->imageModel()->row(0).sha256, w->imageModel()->row(1).sha256};
    if (kind == "text") {
      QFile f(path);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("path,lat,lon\nnot an index at all, not even close\n");
    } else if (kind == "model") {
      QVERIFY(writeGallery(path, w->projectPath(), QStringLiteral("cd").repeated(32), shas, files,
                           {geo::GeoPoint{1, 2}, geo::GeoPoint{3, 4}}, &err));
    } else if (kind == "nopos") {
      QVERIFY(writeGallery(path, w->projectPath(), kModel, shas, files, {std::nullopt, std::nullopt}, &err));
    }
    ui::AppSettings s = w->settings();
    s.gallery.file = path;
    const QString before = w->analysis()->settingsKey();
    w->applySettings(s);
    QMessageBox *box = nullptr;
    QVERIFY(QTest::qWaitFor([&] { return (box = messageBox(w.get(), problem)) != nullptr; }, 30000));
    QVERIFY2(box->text().contains(QFileInfo(path).fileName()), qPrintable(box->text()));
    box->close();
    // Analysis goes on, without the gallery; the earlier results are kept.
    QVERIFY(QTest::qWaitFor([&] { return w->analysis()->isEngineReady(); }, 30000));
    QCOMPARE(w->analysis()->settingsKey(), before);
    QVERIFY(analyse(*w, writePhotos(dir, "later", 1, 80)));
    QCOMPARE(w->imageModel()->countInState(ui::RowState::Done), 3);
    for (const auto &row : w->imageModel()->rows())
      QVERIFY(row.result && !row.result->gallery);
    // Another setting rebuilds the analyzer: the same refusal is not said again.
    s.analysis.maxCountries = s.analysis.maxCountries + 1;
    const QString beforeCountries = w->analysis()->settingsKey();
    w->applySettings(s);
    QVERIFY(QTest::qWaitFor(
        [&] { return w->analysis()->isEngineReady() && w->analysis()->settingsKey() != beforeCountries; },
        30000));
    QTest::qWait(300);
    QVERIFY(messageBox(w.get(), problem) == nullptr);
  }

  // A lossless copy of a project photo dropped on the search box: embedded by the pipeline (the
  // same embedding as the original), ranked like an index search over the kept embeddings; the
  // project is not changed.
  void droppedPhotoRankedLikeTheIndex() {
    auto w = fx_.makeWindow(fakeFactory(fakeWithHash()));
    QVERIFY(waitReady(*w));
    const QString dir = tmp_.filePath(QStringLiteral("drop"));
    const QStringList files = writePhotos(dir, "p", 5, 11);
    QVERIFY(analyse(*w, files));
    const QString outside = tmp_.filePath(QStringLiteral("outside/p2-copy.bmp"));
    QDir().mkpath(QFileInfo(outside).absolutePath());
    QVERIFY(QImage(files[2]).save(outside));

    ui::SimilarPhotosPanel *panel = w->similarPanel();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(outside)});
    ui::PhotoSearchBox *box = panel->searchBox();
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(box, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(box, &drop);
    QListWidget *results = panel->results();
    // Nothing is selected: the only search listing all five photos is the dropped photo's.
    QVERIFY(QTest::qWaitFor(
        [&] {
          return panel->outsidePhoto() == outside && !panel->isSearching() && results->count() == 5 &&
                 std::abs(results->item(0)->data(Qt::UserRole + 2).toDouble() - 1.0) < 1e-6;
        },
        60000));
    QCOMPARE(results->count(), 5);
    QCOMPARE(imagesInProject(w->projectPath()), 5); // the dropped photo is not added

    // The index of the kept embeddings, searched with the original's embedding.
    QString err;
    auto reader = store::ProjectStore::open(w->projectPath(), &err);
    QVERIFY(reader);
    const auto kept = reader->imageEmbeddings(kModel);
    QCOMPARE(int(kept.size()), 5);
    const QString indexPath = dir + "/project.slidx";
    library::IndexWriter iw;
    QVERIFY(iw.begin(indexPath, kModel, int(kept.front().values.size()), &err));
    for (const auto &e : kept)
      QVERIFY(iw.add({e.sha256, e.sha256, std::nullopt}, e.values.data(), &err));
    QVERIFY(iw.finish(&err));
    auto index = library::EmbeddingIndex::open(indexPath, kModel, &err);
    QVERIFY2(index, qPrintable(err));
    const QString originalSha = w->imageModel()->row(w->imageModel()->rowOfPath(files[2])).sha256;
    const auto query = reader->imageEmbedding(originalSha, kModel);
    const auto hits = index->search(*query, 5);
    QCOMPARE(int(hits.size()), 5);
    QCOMPARE(results->item(0)->data(Qt::UserRole).toString(), originalSha);
    QVERIFY(std::abs(results->item(0)->data(Qt::UserRole + 2).toDouble() - 1.0) < 1e-6);
    for (int i = 0; i < 5; ++i) {
      const QString sha = index->entry(hits[size_t(i)].row).sha256;
      const double shown = results->item(i)->data(Qt::UserRole + 2).toDouble();
      QVERIFY(std::abs(shown - hits[size_t(i)].score) < 2e-3);    // the index keeps float16 rows
      if (results->item(i)->data(Qt::UserRole).toString() != sha) // only near-ties may swap
        QVERIFY(i + 1 < 5 && std::abs(hits[size_t(i)].score - hits[size_t(i) + 1].score) < 4e-3);
    }
    QVERIFY(box->text().contains(QStringLiteral("p2-copy.bmp")));
    // Selecting a photo of the list goes back to the photo shown.
    w->imageList()->selectRow(0);
    QVERIFY(QTest::qWaitFor([&] { return panel->outsidePhoto().isEmpty() && !panel->isSearching(); }, 30000));
    QCOMPARE(store::ProjectStore::forbiddenWriteCount(), 0);
  }

  void droppedPhotoErrorsNameTheFile_data() {
    QTest::addColumn<bool>("withModel");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("problem");
    QTest::newRow("not an image") << true << "plain text, not a photo"
                                  << "";
    QTest::newRow("corrupt JPEG") << true << QString::fromLatin1("\xff\xd8\xff\xe0 truncated") << "";
    QTest::newRow("no model loaded") << false << ""
                                     << "no model is loaded";
  }
  void droppedPhotoErrorsNameTheFile() {
    QFETCH(bool, withModel);
    QFETCH(QString, content);
    QFETCH(QString, problem);
    auto w = fx_.makeWindow(withModel ? fakeFactory(fakeWithHash()) : ui::EngineFactory(), withModel);
    if (withModel)
      QVERIFY(waitReady(*w));
    QString path =
        tmp_.filePath(QStringLiteral("errors/%1.jpg").arg(QTest::currentDataTag()).replace(' ', '-'));
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (content.isEmpty())
      path = writePhoto(QFileInfo(path).absolutePath(), QStringLiteral("fine.png"), 3);
    else {
      QFile f(path);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(content.toLatin1());
    }
    ui::SimilarPhotosPanel *panel = w->similarPanel();
    QSignalSpy failed(panel, &ui::SimilarPhotosPanel::photoSearchFailed);
    Q_EMIT panel->searchBox()->photoChosen(path);
    QVERIFY(failed.wait(60000));
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QFileInfo(path).fileName()), qPrintable(message));
    if (!problem.isEmpty())
      QVERIFY2(message.contains(problem), qPrintable(message));
    QVERIFY(panel->searchBox()->text().contains(QFileInfo(path).fileName()));
    QVERIFY(panel->outsidePhoto().isEmpty());
  }

  // "Distinct scenes" groups the photos (Similar tab's grouping) and shows one per group; the
  // Group column names each photo's scene.
  void collapseShowsOnePerGroup_data() {
    QTest::addColumn<int>("photos");
    QTest::addColumn<QList<int>>("copied"); // photos with a lossless copy in the batch
    QTest::newRow("two pairs among four") << 4 << QList<int>{1, 2};
    QTest::newRow("one photo thrice among three") << 3 << QList<int>{0, 0};
  }
  void collapseShowsOnePerGroup() {
    QFETCH(int, photos);
    QFETCH(QList<int>, copied);
    auto w = fx_.makeWindow(fakeFactory(fakeWithHash()));
    QVERIFY(waitReady(*w));
    const QString dir = tmp_.filePath(QStringLiteral("scenes%1").arg(photos));
    QStringList files = writePhotos(dir, "p", photos, 21); // seeds without near-duplicates of their own
    for (int i = 0; i < copied.size(); ++i) { // same pixels, other bytes: a BMP, an uncompressed PNG
      const QString copy = dir + QStringLiteral("/copy%1.%2").arg(i).arg(i % 2 ? "png" : "bmp");
      QVERIFY(QImage(files[copied[i]]).save(copy, nullptr, i % 2 ? 0 : -1));
      files << copy;
    }
    QVERIFY(analyse(*w, files));
    const int rows = int(files.size());
    QCOMPARE(w->imageFilter()->rowCount(), rows);
    w->collapseScenesButton()->setChecked(true);
    QVERIFY(QTest::qWaitFor([&] { return w->imageModel()->hasDuplicateGroups(); }, 30000));
    const QSet<int> distinctCopied(copied.begin(), copied.end());
    QVERIFY(QTest::qWaitFor([&] { return w->imageFilter()->rowCount() == photos; }, 5000));
    // Exactly one row per group is shown, and every photo in no group.
    QHash<int, int> shownPerGroup;
    for (int r = 0; r < w->imageFilter()->rowCount(); ++r) {
      const int src = w->imageFilter()->mapToSource(w->imageFilter()->index(r, 0)).row();
      shownPerGroup[w->imageModel()->groupOf(w->imageModel()->row(src).sha256)]++;
    }
    for (auto it = shownPerGroup.cbegin(); it != shownPerGroup.cend(); ++it)
      if (it.key() >= 0)
        QCOMPARE(it.value(), 1);
    QCOMPARE(int(shownPerGroup.size()) - (shownPerGroup.contains(-1) ? 1 : 0), int(distinctCopied.size()));
    // The Group column.
    for (int src = 0; src < rows; ++src) {
      const int g = w->imageModel()->groupOf(w->imageModel()->row(src).sha256);
      const QString text = w->imageModel()->index(src, ui::ImageListModel::GroupColumn).data().toString();
      QCOMPARE(text.isEmpty(), g < 0);
      if (g >= 0) { // "scene (photos)", the scene named in full in the tooltip
        const int size = int(w->imageModel()->duplicateGroups()[size_t(g)].size());
        QCOMPARE(text, QStringLiteral("%1 (%2)").arg(g + 1).arg(size));
        QVERIFY(w->imageModel()
                    ->index(src, ui::ImageListModel::GroupColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Scene %1 (%2)").arg(g + 1).arg(size)));
      }
    }
    w->collapseScenesButton()->setChecked(false);
    QCOMPARE(w->imageFilter()->rowCount(), rows);
  }
};

QTEST_MAIN(TestGalleryUi)
#include "tst_galleryui.moc"
