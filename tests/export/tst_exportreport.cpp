// Tests of the HTML and PDF case reports: self-contained HTML, PDF structure, rendering with
// pdftoppm (pages, photo and map visible), text content with pdftotext, the privacy option,
// and the sample report kept in docs/screenshots.
#include "FakeMap.h"
#include "SampleResults.h"
#include "core/export/AccuracySummary.h"
#include "core/export/ExportCommon.h"
#include "core/export/Exporter.h"
#include "core/export/ReportContent.h"
#include "tests/support/Fixture.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace streetlens;
using namespace streetlens::exporting;

namespace {

const QString kPdftoppm = QStringLiteral("/usr/bin/pdftoppm");
const QString kPdftotext = QStringLiteral("/usr/bin/pdftotext");

// Fixture photos copied under the awkward sample names; broken.jpg holds bytes of no image format.
bool makePhotos(const QString &dir) {
  const QStringList names = streetlens::test::sampleFileNames();
  const QStringList sources{QStringLiteral("landscape_640x480.jpg"), QStringLiteral("portrait_480x800.png"),
                            QStringLiteral("square_336.png"), QString(), QStringLiteral("wide_1200x300.png")};
  for (int i = 0; i < names.size(); ++i) {
    const QString target = dir + u'/' + names[i];
    if (sources[i].isEmpty()) {
      QFile f(target);
      if (!f.open(QIODevice::WriteOnly))
        return false;
      f.write("GIF8 this is not an image");
    } else if (!QFile::copy(streetlens::test::fixturePath(QStringLiteral("images/") + sources[i]), target)) {
      return false;
    }
  }
  return true;
}

std::shared_ptr<const gazetteer::Gazetteer> gazetteerData() {
  static std::shared_ptr<const gazetteer::Gazetteer> g =
      gazetteer::Gazetteer::load(QStringLiteral(STREETLENS_SOURCE_DIR "/resources/gazetteer"));
  return g;
}

ReportContext sampleContext(bool withMap) {
  ReportContext ctx;
  ctx.projectName = QStringLiteral("Case 2024-117 — Harbour photos");
  ctx.created = QDateTime(QDate(2024, 11, 5), QTime(14, 30), QTimeZone::utc());
  ctx.modelName = QStringLiteral("geolocal/StreetCLIP (CLIP ViT-L/14-336)");
  ctx.modelSha256 = QStringLiteral("b2c4a1e0f3d25968a7b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9");
  ctx.precision = QStringLiteral("float16");
  ctx.device = QStringLiteral("CUDA 0: NVIDIA H100 80GB HBM3");
  ctx.settingsSummary = QStringLiteral("Mode: hierarchical (country → region → city)\n"
                                       "Countries kept: 99 % of the mass, at most 5\n"
                                       "Cities per country: 30 most populous\n"
                                       "Country prompt: \"A Street View photo in {country}.\"\n"
                                       "City prompt: \"A Street View photo from {city}.\"");
  if (withMap) {
    auto g = gazetteerData();
    if (g) {
      auto map = std::make_shared<streetlens::test::FakeMap>(g);
      ctx.renderMap = [map](const ImageResult &r, QSize s) { return map->render(r, s); };
    }
  }
  return ctx;
}

QString runTool(const QString &program, const QStringList &args, bool *ok) {
  QProcess proc;
  proc.start(program, args);
  *ok = proc.waitForFinished(120000) && proc.exitStatus() == QProcess::NormalExit && proc.exitCode() == 0;
  if (!*ok)
    qWarning() << program << args << proc.readAllStandardError();
  return QString::fromUtf8(proc.readAllStandardOutput());
}

// Share of pixels within `tol` (per channel) of colour c.
double colourShare(const QImage &img, QColor c, int tol) {
  const QImage rgb = img.convertToFormat(QImage::Format_RGB32);
  qint64 hits = 0;
  for (int y = 0; y < rgb.height(); ++y) {
    const QRgb *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
    for (int x = 0; x < rgb.width(); ++x)
      if (std::abs(qRed(line[x]) - c.red()) <= tol && std::abs(qGreen(line[x]) - c.green()) <= tol &&
          std::abs(qBlue(line[x]) - c.blue()) <= tol)
        ++hits;
  }
  return double(hits) / double(rgb.width() * rgb.height());
}

// An analysed image whose names are long everywhere a report prints one, with a long error.
ImageResult longNamesResult(const QString &dir, int i) {
  using streetlens::test::place;
  ImageResult r;
  r.path =
      dir +
      QStringLiteral("/%1 street corner near the Boulevard du Trente Juin, Kinshasa, long name.jpg").arg(i);
  r.sha256 = QString(64, QLatin1Char('c'));
  r.status = ImageStatus::Done;
  r.countries = {
      place("CD", "Democratic Republic of the Congo", "CD", "", geo::GeoPoint{-2.9, 23.6}, 0, 0.452),
      place("GS", "South Georgia and the South Sandwich Islands", "GS", "", geo::GeoPoint{-54.4, -36.6}, 0,
            0.301),
      place("VC", "Saint Vincent and the Grenadines", "VC", "", geo::GeoPoint{13.25, -61.2}, 0, 0.11)};
  r.regions = {place("CD.06", "Kinshasa City Province of the Democratic Republic", "CD", "",
                     geo::GeoPoint{-4.4, 15.3}, 0, 0.4)};
  r.cities = {place("2314302", "Kinshasa", "CD", "CD.06", geo::GeoPoint{-4.32758, 15.31357}, 7785965, 0.3),
              place("1", "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch", "GB", "GB.WLS",
                    geo::GeoPoint{53.22, -4.2}, 3107, 0.1)};
  r.estimate = geo::GeoPoint{-4.32758, 15.31357};
  r.estimateLabel = QStringLiteral("Kinshasa, Kinshasa City Province, Democratic Republic of the Congo");
  r.exifLocation = geo::GeoPoint{71.0, -179.0};
  r.errorKm = 13834.6;
  return r;
}

ImageResult failedResult(const QString &dir, int i) {
  ImageResult r;
  r.path = dir + QStringLiteral("/failed-%1.jpg").arg(i);
  r.sha256 = QString(64, QLatin1Char('0' + char(i)));
  r.status = ImageStatus::Failed;
  r.error = QStringLiteral("%1: corrupt JPEG data (truncated: no end-of-image marker)").arg(r.path);
  return r;
}

QStringList pdfPages(const QString &pdf, const QString &dir) {
  bool ok = false;
  runTool(
      kPdftoppm,
      {QStringLiteral("-r"), QStringLiteral("20"), QStringLiteral("-png"), pdf, dir + QStringLiteral("/pg")},
      &ok);
  return ok ? QDir(dir).entryList({QStringLiteral("pg-*.png")}, QDir::Files, QDir::Name) : QStringList();
}

} // namespace

class TestExportReport : public QObject {
  Q_OBJECT

private Q_SLOTS:
  // Distances follow the locale, like the app's: the tests read them in English.
  void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

  // Issue 18: a failed image had a page of its own, nearly blank; it is one row of the summary now
  // (its reason and SHA-256), in the PDF and in the HTML.
  void failedImagesHaveNoPage() {
    if (!QFileInfo::exists(kPdftoppm) || !QFileInfo::exists(kPdftotext))
      QSKIP("pdftoppm/pdftotext are not installed");
    QTemporaryDir tmp;
    std::vector<ImageResult> results{longNamesResult(tmp.path(), 1)};
    for (int i = 1; i <= 6; ++i)
      results.push_back(failedResult(tmp.path(), i));
    const ReportContext ctx = sampleContext(false);
    QString error;
    const QString pdf = tmp.filePath(QStringLiteral("r.pdf"));
    QVERIFY2(exportResults(results, ExportFormat::Pdf, pdf, {}, ctx, &error), qPrintable(error));
    const QStringList pages = pdfPages(pdf, tmp.path());
    QVERIFY2(!pages.isEmpty() && pages.size() <= 3, qPrintable(pages.join(u' '))); // was 8: a page each
    bool ok = false;
    const QString text =
        runTool(kPdftotext, {QStringLiteral("-raw"), pdf, QStringLiteral("-")}, &ok).simplified();
    QVERIFY(ok);
    for (int i = 1; i <= 6; ++i) {
      const ImageResult &r = results[size_t(i)];
      QVERIFY2(text.contains(QStringLiteral("failed-%1.jpg").arg(i)), qPrintable(text));
      QVERIFY2(text.contains(r.sha256), qPrintable(r.sha256));
      QVERIFY2(!text.contains(QStringLiteral("%1. failed-%2.jpg").arg(i + 1).arg(i)),
               qPrintable(text)); // no title
    }
    QVERIFY(text.contains(QStringLiteral("corrupt JPEG data (truncated: no end-of-image marker)")));
    const QString html = QString::fromUtf8(exportToBytes(results, ExportFormat::Html, {}, ctx));
    QCOMPARE(html.count(QStringLiteral("<section class=\"page\">")),
             2); // the cover and the one analysed image
    for (int i = 1; i <= 6; ++i)
      QVERIFY(html.contains(results[size_t(i)].sha256));
  }

  // Issue 18: the Error column was clipped ("13834.6 …") and long country names were cut; every
  // text of the PDF wraps or fits now, and distances read as in the app ("13,835 km").
  void pdfCutsNothing() {
    if (!QFileInfo::exists(kPdftotext))
      QSKIP("pdftotext is not installed");
    QTemporaryDir tmp;
    std::vector<ImageResult> results;
    for (int i = 1; i <= 3; ++i)
      results.push_back(longNamesResult(tmp.path(), i));
    const QString pdf = tmp.filePath(QStringLiteral("r.pdf"));
    QString error;
    QVERIFY2(exportResults(results, ExportFormat::Pdf, pdf, {}, sampleContext(false), &error),
             qPrintable(error));
    bool ok = false;
    const QString text =
        runTool(kPdftotext, {QStringLiteral("-raw"), pdf, QStringLiteral("-")}, &ok).simplified();
    QVERIFY(ok);
    QVERIFY2(!text.contains(QChar(0x2026)), qPrintable(text)); // no "…": nothing elided
    QVERIFY2(!text.contains(QStringLiteral("13834.6")), qPrintable(text));
    // The median tile, the summary's Error column and each image's EXIF box.
    QVERIFY2(text.count(QStringLiteral("13,835 km")) == 1 + 3 + 3, qPrintable(text));
    for (const QString &name :
         {QStringLiteral("Democratic Republic of the Congo (45.2%)"),
          QStringLiteral("South Georgia and the South Sandwich Islands"),
          QStringLiteral("Kinshasa City Province of the Democratic Republic CD.06"),
          QStringLiteral("Kinshasa, Kinshasa City Province, Democratic Republic of the Congo"),
          QStringLiteral("Boulevard du Trente Juin, Kinshasa, long name.jpg")})
      QVERIFY2(text.contains(name), qPrintable(name + QStringLiteral(" in: ") + text));
    const QString html =
        QString::fromUtf8(exportToBytes(results, ExportFormat::Html, {}, sampleContext(false)));
    QVERIFY(html.contains(QStringLiteral("13,835 km")));
    QVERIFY(!html.contains(QStringLiteral("13834.6")));
  }

  // Issue 18: the app and the CLI wrote different settings blocks; both call this one now.
  void settingsBlock() {
    AnalysisSettings s;
    s.restrictToCountries = {QStringLiteral("FR"), QStringLiteral("BE")};
    QCOMPARE(reportSettingsSummary(s, QStringLiteral("/cases/places.csv")),
             QStringLiteral("mode: hierarchical\n"
                            "top-k: 5\n"
                            "countries expanded: up to 5 (until 99 % of the probability)\n"
                            "cities per country: 30\n"
                            "country templates: A Street View photo in {country}.\n"
                            "region templates: A Street View photo in the region of {region} in {country}.\n"
                            "city templates: A Street View photo from {city}.\n"
                            "restricted to: FR, BE\n"
                            "candidate list: /cases/places.csv"));
  }

  void html_data() {
    QTest::addColumn<bool>("withMap");
    QTest::addColumn<bool>("includeExif");
    QTest::newRow("with-map") << true << true;
    QTest::newRow("no-map-privacy") << false << false;
  }
  void html() {
    STREETLENS_REQUIRE_FIXTURE();
    QFETCH(bool, withMap);
    QFETCH(bool, includeExif);
    QTemporaryDir tmp;
    QVERIFY(makePhotos(tmp.path()));
    const auto results = streetlens::test::sampleResults(tmp.path());
    ExportOptions opt;
    opt.includeExifGps = includeExif;
    const ReportContext ctx = sampleContext(withMap);
    QVERIFY(!withMap || ctx.renderMap);
    const QString path = tmp.filePath(QStringLiteral("report.html"));
    QString error;
    QVERIFY2(exportResults(results, ExportFormat::Html, path, opt, ctx, &error), qPrintable(error));
    const QString html = QString::fromUtf8(streetlens::test::readAll(path));
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(html.trimmed().endsWith(QStringLiteral("</html>")));
    // Self-contained: every image source is a data: URI; no external style sheets or scripts.
    const QRegularExpression src(QStringLiteral("src=\"([^\"]*)\""));
    int jpegs = 0, pngs = 0;
    for (auto it = src.globalMatch(html); it.hasNext();) {
      const QString uri = it.next().captured(1);
      QVERIFY2(uri.startsWith(QStringLiteral("data:image/")), qPrintable(uri.left(80)));
      const QByteArray payload = QByteArray::fromBase64(uri.section(u',', 1).toLatin1());
      QImage decoded;
      QVERIFY(decoded.loadFromData(payload));
      QVERIFY(!decoded.isNull());
      if (uri.startsWith(QStringLiteral("data:image/jpeg")))
        ++jpegs;
      else if (uri.startsWith(QStringLiteral("data:image/png")))
        ++pngs;
    }
    QCOMPARE(jpegs, 4);              // every readable photo
    QCOMPARE(pngs, withMap ? 4 : 0); // a map per successful image
    QVERIFY(!html.contains(QStringLiteral("<link")) && !html.contains(QStringLiteral("<script")));
    QVERIFY(html.contains(QStringLiteral("An estimate, not proof")));
    QVERIFY(html.contains(ctx.modelSha256));
    QVERIFY(html.contains(QStringLiteral("Café, &quot;Le Nord&quot;")));
    for (const ImageResult &r : results)
      QVERIFY(html.contains(r.sha256));
    QVERIFY(html.contains(QStringLiteral("Île-de-France")));
    QVERIFY(html.contains(QStringLiteral("Cannot read ") + tmp.path()) ||
            html.contains(results[3].error.toHtmlEscaped()));
    const AccuracySummary acc = summarizeAccuracy(results, opt);
    QCOMPARE(html.contains(QStringLiteral("Accuracy against EXIF GPS")), includeExif);
    if (includeExif)
      QVERIFY(html.contains(QString::number(acc.withinPercent[4], 'f', 1) + QStringLiteral("%")));
  }

  void pdf_data() {
    QTest::addColumn<bool>("withMap");
    QTest::addColumn<bool>("includeExif");
    QTest::newRow("with-map") << true << true;
    QTest::newRow("without-map") << false << true;
    QTest::newRow("privacy") << true << false;
  }
  void pdf() {
    STREETLENS_REQUIRE_FIXTURE();
    QFETCH(bool, withMap);
    QFETCH(bool, includeExif);
    QTemporaryDir tmp;
    QVERIFY(makePhotos(tmp.path()));
    const auto results = streetlens::test::sampleResults(tmp.path());
    ExportOptions opt;
    opt.includeExifGps = includeExif;
    const ReportContext ctx = sampleContext(withMap);
    const QString path = tmp.filePath(QStringLiteral("report.pdf"));
    QString error;
    QVERIFY2(exportResults(results, ExportFormat::Pdf, path, opt, ctx, &error), qPrintable(error));
    const QByteArray pdf = streetlens::test::readAll(path);
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));

    if (!QFileInfo::exists(kPdftoppm))
      QSKIP("pdftoppm is not installed; the PDF was written but not rendered");
    bool ok = false;
    runTool(kPdftoppm,
            {QStringLiteral("-r"), QStringLiteral("50"), QStringLiteral("-png"), path,
             tmp.filePath(QStringLiteral("page"))},
            &ok);
    QVERIFY(ok);
    QStringList pages = QDir(tmp.path()).entryList({QStringLiteral("page-*.png")}, QDir::Files, QDir::Name);
    // A page (or more) per analysed image; the failed one is a row of the summary.
    QVERIFY2(pages.size() >= int(results.size()), qPrintable(pages.join(u' ')));
    QImage cover(tmp.filePath(pages[0]));
    QImage first(tmp.filePath(pages[1]));
    QVERIFY(!cover.isNull() && !first.isNull());
    // A4 portrait at 50 dpi (pdftoppm rounds the page size up).
    QVERIFY2(std::abs(cover.width() - 210 / 25.4 * 50) <= 1.0, qPrintable(QString::number(cover.width())));
    QVERIFY2(std::abs(cover.height() - 297 / 25.4 * 50) <= 1.0, qPrintable(QString::number(cover.height())));
    // The cover band and the photo of image 1 (its light-blue rectangle, 0x7badef) are painted.
    QVERIFY(colourShare(cover, QColor(0x1f, 0x32, 0x47), 6) > 0.05);
    QVERIFY(colourShare(first, QColor(0x7b, 0xad, 0xef), 14) > 0.005);
    // The map's ocean appears only when a map was rendered.
    const double ocean = colourShare(first, QColor(0xcf, 0xe3, 0xf3), 5);
    if (withMap)
      QVERIFY2(ocean > 0.01, qPrintable(QString::number(ocean)));
    else
      QVERIFY2(ocean < 0.001, qPrintable(QString::number(ocean)));

    if (!QFileInfo::exists(kPdftotext))
      return;
    const QString text = runTool(kPdftotext, {QStringLiteral("-layout"), path, QStringLiteral("-")}, &ok);
    QVERIFY(ok);
    QVERIFY(text.contains(QStringLiteral("An estimate, not proof")));
    QVERIFY(text.contains(ctx.modelSha256));
    QVERIFY(text.contains(results[0].sha256));
    QVERIFY(text.contains(QStringLiteral("COUNTRIES")) && text.contains(QStringLiteral("CITIES")));
    QVERIFY(text.contains(QStringLiteral("Paris, Île-de-France, France")));
    QVERIFY(text.contains(QStringLiteral("62.1%"))); // France's bar label
    QCOMPARE(text.contains(QStringLiteral("Accuracy against EXIF GPS")), includeExif);
    // Privacy: no EXIF coordinate nor error distance in any spelling the report uses.
    for (const geo::GeoPoint &p : streetlens::test::sampleExifPoints()) {
      const QString lat = QString::number(std::abs(p.lat), 'f', 5),
                    lon = QString::number(std::abs(p.lon), 'f', 5);
      QCOMPARE(text.contains(lat), includeExif);
      QCOMPARE(text.contains(lon), includeExif);
    }
    for (const ImageResult &r : results)
      if (r.errorKm)
        QCOMPARE(text.contains(formatDistanceKm(*r.errorKm)), includeExif);
  }

  // The map callback never sees withheld EXIF data, and is called for successful images only.
  void mapCallbackPrivacy_data() {
    QTest::addColumn<int>("format");
    QTest::addColumn<bool>("includeExif");
    QTest::newRow("html-shown") << int(ExportFormat::Html) << true;
    QTest::newRow("html-withheld") << int(ExportFormat::Html) << false;
    QTest::newRow("pdf-shown") << int(ExportFormat::Pdf) << true;
    QTest::newRow("pdf-withheld") << int(ExportFormat::Pdf) << false;
  }
  void mapCallbackPrivacy() {
    QFETCH(int, format);
    QFETCH(bool, includeExif);
    QTemporaryDir tmp;
    const auto results = streetlens::test::sampleResults(tmp.path());
    int calls = 0, withExif = 0;
    ReportContext ctx;
    ctx.renderMap = [&](const ImageResult &r, QSize size) {
      ++calls;
      if (r.exifLocation || r.errorKm || r.exifAltitude || !r.exifCountry.isEmpty())
        ++withExif;
      QImage img(size, QImage::Format_RGB32);
      img.fill(Qt::gray);
      return img;
    };
    ExportOptions opt;
    opt.includeExifGps = includeExif;
    QString error;
    QVERIFY2(exportResults(results, ExportFormat(format),
                           tmp.filePath(QStringLiteral("r.") + exportFormatExtension(ExportFormat(format))),
                           opt, ctx, &error),
             qPrintable(error));
    QCOMPARE(calls, 4);
    QCOMPARE(withExif, includeExif ? 3 : 0);
  }

  // Writes the sample report; with STREETLENS_SAMPLE_REPORT_DIR set, also keeps report.pdf/.html there.
  void sampleReport() {
    STREETLENS_REQUIRE_FIXTURE();
    QTemporaryDir tmp;
    QVERIFY(makePhotos(tmp.path()));
    const auto results = streetlens::test::sampleResults(tmp.path());
    const ReportContext ctx = sampleContext(true);
    QVERIFY(ctx.renderMap);
    QString outDir = qEnvironmentVariable("STREETLENS_SAMPLE_REPORT_DIR");
    if (outDir.isEmpty())
      outDir = tmp.path();
    QString error;
    QVERIFY2(
        exportResults(results, ExportFormat::Pdf, outDir + QStringLiteral("/report.pdf"), {}, ctx, &error),
        qPrintable(error));
    QVERIFY2(
        exportResults(results, ExportFormat::Html, outDir + QStringLiteral("/report.html"), {}, ctx, &error),
        qPrintable(error));
    QVERIFY(streetlens::test::readAll(outDir + QStringLiteral("/report.pdf")).startsWith("%PDF"));
  }
};

QTEST_MAIN(TestExportReport)
#include "tst_exportreport.moc"
