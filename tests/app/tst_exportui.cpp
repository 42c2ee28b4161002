// Export from the window (issue 6) with a FakeEngine on the offscreen platform: a batch of four
// photos (one JPEG with EXIF GPS) is analysed, then exported as CSV, GeoJSON and PDF for all and
// for the selected images, with and without EXIF GPS; the files are parsed back. Also: the
// Export menu opens the ExportDialog and its Export button writes the file; the export runs on a
// worker (the window answers, a second export is refused meanwhile); a failed export names the
// file in a message box.
#include "AppTestUtil.h"
#include "core/export/Csv.h"
#include "core/export/ReportContent.h"
#include "tests/support/ExifWriter.h"
#include "ui/AnalysisController.h"
#include "ui/ExportDialog.h"
#include "ui/ImageListModel.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

using namespace streetlens;
using namespace streetlens::ui;
using namespace streetlens::test;
using exporting::ExportFormat;

namespace {

constexpr double kExifLat = 45.8992, kExifLon = 6.1294;

// A JPEG with EXIF GPS written by exiv2 (the app itself never writes metadata).
QString writeGpsJpeg(const QString &dir, const QString &name, double lat, double lon) {
  const QString png = writePhoto(dir, name + QStringLiteral(".png"), 77, QSize(120, 80));
  const QString path = QDir(dir).absoluteFilePath(name);
  QImage(png).save(path, "JPEG", 90);
  QFile::remove(png);
  if (!writeExifGps(path, lat, lon))
    return {};
  return path;
}

QByteArray readFile(const QString &path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestExportUi : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase();
  void cleanupTestCase();
  void exportMenuHasEveryFormat();
  void exports_data();
  void exports();
  void dialogExportsSelected();
  void runsOnWorkerAndRefusesSecond();
  void failureNamesTheFile();
  void proposesAnExistingFolder_data();
  void proposesAnExistingFolder();
  void failureKeepsTheDialogOpen_data();
  void failureKeepsTheDialogOpen();
  void reportContextFromEngine();
  void failedPhotosAreExported();

private:
  bool runExport(ExportFormat f, const QString &path, const exporting::ExportOptions &o, bool selected,
                 QString *error);
  QString exifPath() const { return m_exifPath; }

  QTemporaryDir m_dir;
  std::unique_ptr<MainWindow> m_window;
  QString m_exifPath;
  QStringList m_selectedPaths; // the two selected images, in list order
  QStringList m_allPaths;
};

void TestExportUi::initTestCase() {
  QVERIFY(m_dir.isValid());
  isolateSettings(m_dir.filePath(QStringLiteral("settings")));
  QSettings().setValue(QStringLiteral("responsibleUseAcknowledged"), true);
  QSettings().setValue(QStringLiteral("model/dir"), QStringLiteral("fake"));
  MainWindow::Options o;
  o.cacheDir = m_dir.filePath(QStringLiteral("cache"));
  o.untitledDir = m_dir.filePath(QStringLiteral("untitled"));
  o.showFirstRunNote = false;
  o.offerRecovery = false;
  m_window = std::make_unique<MainWindow>(fakeFactory(), o);
  m_window->show();
  QVERIFY(QTest::qWaitFor([&] { return m_window->analysis()->isEngineReady(); }, 120000));

  const QString photos = m_dir.filePath(QStringLiteral("photos"));
  QStringList files;
  for (int i = 0; i < 3; ++i)
    files << writePhoto(photos, QStringLiteral("street %1, \"quoted\".png").arg(i), 80 + i);
  m_exifPath = writeGpsJpeg(photos, QStringLiteral("annecy.jpg"), kExifLat, kExifLon);
  files << m_exifPath;
  m_window->addPaths(files);
  ImageListModel *m = m_window->imageModel();
  QVERIFY(QTest::qWaitFor([&] { return m->rowCount() == 4 && m->countInState(RowState::Done) == 4; }, 60000));
  for (int r = 0; r < m->rowCount(); ++r)
    m_allPaths << m->row(r).path;
  const int exifRow = m->rowOfPath(m_exifPath);
  QVERIFY(exifRow >= 0);
  QVERIFY2(m->row(exifRow).result->exifLocation, "the EXIF GPS of the JPEG was not read");
  // Select the EXIF image and one other.
  const int other = exifRow == 0 ? 1 : 0;
  QItemSelectionModel *sel = m_window->imageList()->selectionModel();
  const QAbstractItemModel *shown = m_window->imageList()->model(); // no sort or filter: the same rows
  sel->select(shown->index(other, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
  sel->select(shown->index(exifRow, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
  m_selectedPaths = {m->row(std::min(other, exifRow)).path, m->row(std::max(other, exifRow)).path};
  QCOMPARE(m_window->exportableResults(true).size(), size_t(2));
  QCOMPARE(m_window->exportableResults(false).size(), size_t(4));
}

void TestExportUi::cleanupTestCase() {
  m_window.reset();
}

bool TestExportUi::runExport(ExportFormat f, const QString &path, const exporting::ExportOptions &o,
                             bool selected, QString *error) {
  QSignalSpy done(m_window.get(), &MainWindow::exportFinished);
  if (!m_window->exportTo(f, path, o, selected))
    return false;
  if (!done.wait(120000))
    return false;
  *error = done.first().at(1).toString();
  return done.first().at(0).toString() == path;
}

void TestExportUi::exportMenuHasEveryFormat() {
  QMenu *menu = nullptr;
  for (QAction *a : m_window->menuBar()->actions())
    if (a->menu() && a->text().remove(QLatin1Char('&')) == QStringLiteral("Export"))
      menu = a->menu();
  QVERIFY(menu);
  for (ExportFormat f : {ExportFormat::Csv, ExportFormat::Json, ExportFormat::GeoJson, ExportFormat::Kml,
                         ExportFormat::Html, ExportFormat::Pdf}) {
    QAction *a = m_window->exportAction(f);
    QVERIFY2(a, qPrintable(exporting::exportFormatName(f)));
    QVERIFY(menu->actions().contains(a));
    QVERIFY(a->isEnabled());
  }
}

void TestExportUi::exports_data() {
  QTest::addColumn<int>("format");
  QTest::addColumn<bool>("selected");
  QTest::addColumn<bool>("withExif");
  QTest::newRow("csv_all") << int(ExportFormat::Csv) << false << true;
  QTest::newRow("csv_selected") << int(ExportFormat::Csv) << true << true;
  QTest::newRow("csv_all_privacy") << int(ExportFormat::Csv) << false << false;
  QTest::newRow("geojson_all") << int(ExportFormat::GeoJson) << false << true;
  QTest::newRow("geojson_selected") << int(ExportFormat::GeoJson) << true << true;
  QTest::newRow("geojson_selected_privacy") << int(ExportFormat::GeoJson) << true << false;
  QTest::newRow("pdf_all") << int(ExportFormat::Pdf) << false << true;
  QTest::newRow("pdf_selected") << int(ExportFormat::Pdf) << true << false;
}

void TestExportUi::exports() {
  QFETCH(int, format);
  QFETCH(bool, selected);
  QFETCH(bool, withExif);
  const auto f = static_cast<ExportFormat>(format);
  const QString path = m_dir.filePath(
      QStringLiteral("out/%1.%2")
          .arg(QString::fromLatin1(QTest::currentDataTag()), exporting::exportFormatExtension(f)));
  QDir().mkpath(QFileInfo(path).absolutePath());
  exporting::ExportOptions o;
  o.includeExifGps = withExif;
  o.topK = 3;
  QString error;
  QVERIFY(runExport(f, path, o, selected, &error));
  QVERIFY2(error.isEmpty(), qPrintable(error));
  const QByteArray bytes = readFile(path);
  QVERIFY(!bytes.isEmpty());
  const QStringList expectedPaths = selected ? m_selectedPaths : m_allPaths;

  if (f == ExportFormat::Csv) {
    QString perr;
    const QList<QStringList> rows = exporting::parseCsv(bytes, &perr);
    QVERIFY2(perr.isEmpty(), qPrintable(perr));
    QCOMPARE(rows.size(), expectedPaths.size() + 1); // header + one row per image
    const QStringList &header = rows.first();
    const int pathCol = header.indexOf(QStringLiteral("path"));
    const int latCol = header.indexOf(QStringLiteral("exif_lat")),
              lonCol = header.indexOf(QStringLiteral("exif_lon"));
    QVERIFY(pathCol >= 0 && latCol >= 0 && lonCol >= 0);
    QStringList got;
    for (int i = 1; i < rows.size(); ++i) {
      got << rows[i].value(pathCol);
      const bool isExifImage = rows[i].value(pathCol) == m_exifPath;
      if (isExifImage && withExif) {
        QVERIFY(std::abs(rows[i].value(latCol).toDouble() - kExifLat) < 1e-3);
        QVERIFY(std::abs(rows[i].value(lonCol).toDouble() - kExifLon) < 1e-3);
      } else {
        QVERIFY(rows[i].value(latCol).isEmpty());
        QVERIFY(rows[i].value(lonCol).isEmpty());
      }
    }
    QCOMPARE(got, expectedPaths); // list order, quotes and commas in names survive
    if (!withExif)
      QVERIFY(!bytes.contains(QByteArray::number(kExifLat, 'f', 3)));
  } else if (f == ExportFormat::GeoJson) {
    const QJsonObject doc = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(doc.value(QStringLiteral("type")).toString(), QStringLiteral("FeatureCollection"));
    const QJsonArray features = doc.value(QStringLiteral("features")).toArray();
    int estimates = 0, exif = 0, regions = 0;
    QStringList estimatePaths;
    for (const QJsonValue &v : features) {
      const QJsonObject props = v.toObject().value(QStringLiteral("properties")).toObject();
      if (props.value(QStringLiteral("kind")).toString() == QLatin1String("confidence_region")) {
        ++regions; // areas, checked in tests/export
        continue;
      }
      const QJsonArray xy = v.toObject()
                                .value(QStringLiteral("geometry"))
                                .toObject()
                                .value(QStringLiteral("coordinates"))
                                .toArray();
      QCOMPARE(xy.size(), 2);
      const QString kind = props.value(QStringLiteral("kind")).toString();
      if (kind == QLatin1String("estimate")) {
        ++estimates;
        estimatePaths << props.value(QStringLiteral("path")).toString();
      } else if (kind == QLatin1String("exif")) {
        ++exif;
        QVERIFY(std::abs(xy[0].toDouble() - kExifLon) < 1e-3); // longitude first
        QVERIFY(std::abs(xy[1].toDouble() - kExifLat) < 1e-3);
      }
    }
    QCOMPARE(estimates, int(expectedPaths.size()));
    QCOMPARE(estimatePaths, expectedPaths);
    QCOMPARE(exif, withExif ? 1 : 0);
    QCOMPARE(features.size(), estimates + exif + regions);
  } else {
    QVERIFY(bytes.startsWith("%PDF-"));
    QVERIFY(bytes.contains("%%EOF"));
    // One page per image plus the cover and summary: more images, more pages.
    const int pages =
        int(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") + bytes.count("/Type /Page "));
    QVERIFY2(pages >= expectedPaths.size() + 1, qPrintable(QString::number(pages)));
  }
  QVERIFY(m_window->statusBar()->currentMessage().contains(QFileInfo(path).fileName()));
}

void TestExportUi::dialogExportsSelected() {
  m_window->exportAction(ExportFormat::Csv)->trigger();
  ExportDialog *dlg = m_window->findChild<ExportDialog *>();
  QVERIFY(dlg);
  QVERIFY(dlg->isVisible());
  QVERIFY(dlg->isModal() || dlg->windowModality() == Qt::WindowModal);
  QVERIFY(dlg->selectedButton()->isEnabled());
  QVERIFY(dlg->selectedButton()->isChecked()); // two images are selected
  QVERIFY(!dlg->topKSpin()->isEnabled());      // CSV: top place only
  QVERIFY(dlg->pathEdit()->text().endsWith(QStringLiteral(".csv")));
  // Switching the format follows with the extension; GeoJSON offers city points.
  dlg->formatCombo()->setCurrentIndex(dlg->formatCombo()->findData(int(ExportFormat::GeoJson)));
  QVERIFY(dlg->pathEdit()->text().endsWith(QStringLiteral(".geojson")));
  QVERIFY(dlg->topKSpin()->isEnabled());
  QVERIFY(!dlg->citiesCheck()->isHidden());
  const QString path = m_dir.filePath(QStringLiteral("dialog/picked"));
  QDir().mkpath(QFileInfo(path).absolutePath());
  dlg->pathEdit()->setText(path);
  dlg->omitExifCheck()->setChecked(true);
  dlg->citiesCheck()->setChecked(true);
  dlg->topKSpin()->setValue(2);
  const ExportRequest req = dlg->request();
  QCOMPARE(req.path, path + QStringLiteral(".geojson"));
  QVERIFY(req.selectedOnly);
  QVERIFY(!req.options.includeExifGps);
  QVERIFY(req.options.geojsonIncludeCities);
  QCOMPARE(req.options.topK, 2);

  QSignalSpy done(m_window.get(), &MainWindow::exportFinished);
  auto *buttons = dlg->findChild<QDialogButtonBox *>();
  QVERIFY(buttons);
  QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
  QVERIFY(done.wait(60000));
  QCOMPARE(done.first().at(0).toString(), req.path);
  QVERIFY(done.first().at(1).toString().isEmpty());
  const QJsonArray features =
      QJsonDocument::fromJson(readFile(req.path)).object().value(QStringLiteral("features")).toArray();
  int estimates = 0, cities = 0, exif = 0;
  for (const QJsonValue &v : features) {
    const QString kind =
        v.toObject().value(QStringLiteral("properties")).toObject().value(QStringLiteral("kind")).toString();
    estimates += kind == QLatin1String("estimate");
    cities += kind == QLatin1String("city");
    exif += kind == QLatin1String("exif");
  }
  QCOMPARE(estimates, 2);
  QVERIFY(cities > 0 && cities <= 4); // top 2 cities of each of the 2 images
  QCOMPARE(exif, 0);
  QTRY_VERIFY(m_window->findChild<ExportDialog *>() == nullptr); // closed and deleted
}

void TestExportUi::runsOnWorkerAndRefusesSecond() {
  const QString path = m_dir.filePath(QStringLiteral("busy/report.pdf"));
  QDir().mkpath(QFileInfo(path).absolutePath());
  QSignalSpy done(m_window.get(), &MainWindow::exportFinished);
  QVERIFY(m_window->exportTo(ExportFormat::Pdf, path, {}, false));
  // exportTo returned before the file was written: the result comes through the event loop.
  QCOMPARE(done.count(), 0);
  QVERIFY(m_window->isExporting());
  QVERIFY(!m_window->exportAction(ExportFormat::Csv)->isEnabled());
  QVERIFY(
      !m_window->exportTo(ExportFormat::Csv, m_dir.filePath(QStringLiteral("busy/second.csv")), {}, false));
  QVERIFY(done.wait(120000));
  QVERIFY(done.first().at(1).toString().isEmpty());
  QVERIFY(!m_window->isExporting());
  QVERIFY(m_window->exportAction(ExportFormat::Csv)->isEnabled());
  QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("busy/second.csv"))));
  QVERIFY(readFile(path).startsWith("%PDF-"));
}

void TestExportUi::failureNamesTheFile() {
  const QString path = m_dir.filePath(QStringLiteral("no/such/folder/out.csv"));
  QSignalSpy done(m_window.get(), &MainWindow::exportFinished);
  QVERIFY(m_window->exportTo(ExportFormat::Csv, path, {}, false));
  QVERIFY(done.wait(60000));
  const QString error = done.first().at(1).toString();
  QVERIFY(!error.isEmpty());
  QVERIFY2(error.contains(QStringLiteral("out.csv")), qPrintable(error));
  QMessageBox *box = nullptr;
  QTRY_VERIFY((box = m_window->findChild<QMessageBox *>()) != nullptr && box->isVisible());
  QVERIFY(box->text().contains(QStringLiteral("out.csv")));
  box->close();
}

void TestExportUi::proposesAnExistingFolder_data() {
  QTest::addColumn<bool>("documents");   // ~/Documents exists
  QTest::addColumn<QString>("lastDir");  // "": none, "gone": a folder since deleted, "kept": exists
  QTest::addColumn<QString>("expected"); // "home", "documents", "last"
  QTest::newRow("no Documents folder: home") << false << QString() << QStringLiteral("home");
  QTest::newRow("Documents folder") << true << QString() << QStringLiteral("documents");
  QTest::newRow("last folder") << true << QStringLiteral("kept") << QStringLiteral("last");
  QTest::newRow("last folder gone, no Documents")
      << false << QStringLiteral("gone") << QStringLiteral("home");
}

void TestExportUi::proposesAnExistingFolder() {
  QFETCH(bool, documents);
  QFETCH(QString, lastDir);
  QFETCH(QString, expected);
  static int n = 0;
  const QString home = m_dir.filePath(QStringLiteral("home%1").arg(++n));
  QVERIFY(QDir().mkpath(home));
  const QByteArray oldHome = qgetenv("HOME");
  qputenv("HOME", QFile::encodeName(home));
  const QString docs = QDir(home).filePath(QStringLiteral("Documents"));
  if (documents)
    QVERIFY(QDir().mkpath(docs));
  const QString last = m_dir.filePath(QStringLiteral("last%1").arg(n));
  QSettings().remove(QStringLiteral("export/lastDir"));
  if (!lastDir.isEmpty()) {
    QVERIFY(QDir().mkpath(last));
    QSettings().setValue(QStringLiteral("export/lastDir"), last);
    if (lastDir == QLatin1String("gone"))
      QVERIFY(QDir(last).removeRecursively());
  }
  m_window->exportAction(ExportFormat::Csv)->trigger();
  ExportDialog *dlg = m_window->findChild<ExportDialog *>();
  QVERIFY(dlg);
  const QString folder = QFileInfo(dlg->pathEdit()->text()).absolutePath();
  dlg->reject();
  qputenv("HOME", oldHome);
  QSettings().remove(QStringLiteral("export/lastDir"));
  const QString want = expected == QLatin1String("home")        ? home
                       : expected == QLatin1String("documents") ? docs
                                                                : last;
  QCOMPARE(QDir::cleanPath(folder), QDir::cleanPath(want));
  QVERIFY(QFileInfo(folder).isDir());
  QTRY_VERIFY(m_window->findChild<ExportDialog *>() == nullptr);
}

void TestExportUi::failureKeepsTheDialogOpen_data() {
  QTest::addColumn<QString>("path");
  QTest::addColumn<QString>("named"); // what the error names
  // A folder that does not exist is caught before the export starts ...
  QTest::newRow("missing folder") << m_dir.filePath(QStringLiteral("not/there/out.csv"))
                                  << QStringLiteral("there");
  // ... a file that cannot be written when the exporter writes it (root may write anywhere else).
  QTest::newRow("unwritable file") << QStringLiteral("/proc/streetlens-out.csv")
                                   << QStringLiteral("streetlens-out.csv");
}

void TestExportUi::failureKeepsTheDialogOpen() {
  QFETCH(QString, path);
  QFETCH(QString, named);
  m_window->exportAction(ExportFormat::Csv)->trigger();
  ExportDialog *dlg = m_window->findChild<ExportDialog *>();
  QVERIFY(dlg);
  dlg->omitExifCheck()->setChecked(true);
  dlg->allButton()->setChecked(true);
  dlg->pathEdit()->setText(path);
  auto *buttons = dlg->findChild<QDialogButtonBox *>();
  QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
  QTRY_VERIFY_WITH_TIMEOUT(!dlg->errorText().isEmpty(), 60000);
  QVERIFY2(dlg->errorText().contains(named), qPrintable(dlg->errorText()));
  // Still open, every choice kept, Export usable again; no second message box over it.
  QVERIFY(dlg->isVisible());
  QVERIFY(dlg->omitExifCheck()->isChecked());
  QVERIFY(dlg->allButton()->isChecked());
  QCOMPARE(dlg->pathEdit()->text(), path);
  QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());
  QVERIFY(!m_window->isExporting());
  for (QMessageBox *box : m_window->findChildren<QMessageBox *>())
    QVERIFY(!box->isVisible());
  // A good name then exports and closes the dialog.
  const QString good =
      m_dir.filePath(QStringLiteral("retry-%1.csv").arg(QTest::currentDataTag()).replace(' ', '-'));
  dlg->pathEdit()->setText(good);
  QVERIFY(dlg->errorText().isEmpty());
  QSignalSpy done(m_window.get(), &MainWindow::exportFinished);
  QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
  QVERIFY(done.wait(60000));
  QTRY_VERIFY(m_window->findChild<ExportDialog *>() == nullptr);
  QVERIFY(QFile::exists(good));
}

void TestExportUi::reportContextFromEngine() {
  const exporting::ReportContext ctx = m_window->reportContext();
  const EngineInfo &info = m_window->analysis()->engineInfo();
  QCOMPARE(ctx.modelName, info.modelName);
  QCOMPARE(ctx.precision, info.precision);
  QVERIFY(ctx.device.contains(info.device));
  QVERIFY(ctx.settingsSummary.contains(QStringLiteral("mode: ")));
  // The same block as the CLI's reports (issue 18): one function writes it.
  QCOMPARE(ctx.settingsSummary, exporting::reportSettingsSummary(AnalysisSettings{}));
  QVERIFY(ctx.renderMap);
  const ImageResult r = *m_window->imageModel()->row(0).result;
  const QImage map = ctx.renderMap(r, QSize(300, 200));
  QCOMPARE(map.size(), QSize(300, 200));
}

// Issue 18: the app's exports dropped failed photos (CSV 158 rows of 163, PDF cover "158 (158
// analysed, 0 failed)") while `streetlens-cli report` on the same project listed and counted them.
// Runs last: it adds a photo that fails.
void TestExportUi::failedPhotosAreExported() {
  const QString broken = m_dir.filePath(QStringLiteral("photos/broken.jpg"));
  QFile f(broken);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write("not a JPEG at all");
  f.close();
  m_window->addPaths({broken});
  ImageListModel *m = m_window->imageModel();
  QVERIFY(QTest::qWaitFor([&] { return m->countInState(RowState::Failed) == 1; }, 60000));
  const int row = m->rowOfPath(broken);
  QVERIFY(row >= 0);
  const QString error = m->row(row).error;
  QVERIFY(!error.isEmpty());

  const std::vector<ImageResult> all = m_window->exportableResults(false);
  QCOMPARE(all.size(), size_t(5));
  const auto failed =
      std::find_if(all.begin(), all.end(), [&](const ImageResult &r) { return r.path == broken; });
  QVERIFY(failed != all.end());
  QCOMPARE(failed->status, ImageStatus::Failed);
  QCOMPARE(failed->error, error);
  QCOMPARE(failed->sha256, m->row(row).sha256);
  // The cover counts what the CLI's report counts.
  const exporting::ReportRows cover = exporting::reportCoverRows(all, m_window->reportContext(), {});
  QVERIFY(cover.contains(qMakePair(QStringLiteral("Images"), QStringLiteral("5 (4 analysed, 1 failed)"))));

  const QString path = m_dir.filePath(QStringLiteral("out/with-failed.csv"));
  QDir().mkpath(QFileInfo(path).absolutePath());
  QString exportError;
  QVERIFY(runExport(ExportFormat::Csv, path, {}, false, &exportError));
  QVERIFY2(exportError.isEmpty(), qPrintable(exportError));
  QString perr;
  const QList<QStringList> rows = exporting::parseCsv(readFile(path), &perr);
  QCOMPARE(rows.size(), 6); // header + 4 analysed + 1 failed
  const int pathCol = int(rows[0].indexOf(QStringLiteral("path"))),
            statusCol = int(rows[0].indexOf(QStringLiteral("status"))),
            errorCol = int(rows[0].indexOf(QStringLiteral("error")));
  bool seen = false;
  for (const QStringList &r : rows)
    if (r.value(pathCol) == broken) {
      seen = true;
      QCOMPARE(r.value(statusCol), QStringLiteral("error"));
      QCOMPARE(r.value(errorCol), error);
    }
  QVERIFY(seen);
}

QTEST_MAIN(TestExportUi)
#include "tst_exportui.moc"
