// Streaming JSON/CSV output (what `predict` writes for folders of any size) against the batch
// writer, byte for byte, and keepOnlyExported() against the full results: what a caller keeps
// must export exactly as the untrimmed results would.
#include "SampleResults.h"
#include "core/export/Exporter.h"
#include "core/export/ResultStream.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

using namespace streetlens;
using namespace streetlens::exporting;
using streetlens::test::sampleResults;

namespace {
const QString kDir = QStringLiteral("/data/photos, \"case 7\"");

// The samples with long tails of small probabilities, as the analyzer makes them (every
// country, many regions and cities), so trimming has something to drop.
std::vector<ImageResult> resultsWithTails() {
  std::vector<ImageResult> out = sampleResults(kDir);
  for (ImageResult &r : out) {
    if (r.countries.empty())
      continue;
    for (int i = 0; i < 240; ++i) {
      r.countries.push_back(streetlens::test::place(QStringLiteral("Q%1").arg(i),
                                                    QStringLiteral("Country %1").arg(i), QString(), QString(),
                                                    std::nullopt, 0, 0.004 / (i + 1)));
      r.cities.push_back(streetlens::test::place(
          QStringLiteral("%1").arg(1000 + i), QStringLiteral("City %1").arg(i), QStringLiteral("FR"),
          QStringLiteral("FR.11"), geo::GeoPoint{45.0 + i * 0.01, 2.0}, 20000, 1e-5 / (i + 1)));
    }
  }
  return out;
}

ReportContext context() {
  ReportContext ctx;
  ctx.modelName = QStringLiteral("geolocal/StreetCLIP");
  ctx.modelSha256 = QStringLiteral("ab12");
  ctx.precision = QStringLiteral("bf16");
  ctx.device = QStringLiteral("cpu");
  return ctx;
}
} // namespace

class TestResultStream : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void streamEqualsBatch_data() {
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("privacy");
    for (int fmt : {int(ExportFormat::Json), int(ExportFormat::Csv)})
      for (int n : {0, 1, 5}) {
        const char *name = fmt == int(ExportFormat::Json) ? "json" : "csv";
        QTest::addRow("%s, %d results", name, n) << fmt << n << false;
        QTest::addRow("%s, %d results, without EXIF GPS", name, n) << fmt << n << true;
      }
  }
  void streamEqualsBatch() {
    QFETCH(int, format);
    QFETCH(int, count);
    QFETCH(bool, privacy);
    const auto fmt = ExportFormat(format);
    std::vector<ImageResult> results = resultsWithTails();
    results.resize(std::size_t(count));
    ExportOptions opt;
    opt.includeExifGps = !privacy;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out"));
    QString error;
    {
      ResultStreamWriter w;
      QVERIFY(ResultStreamWriter::canStream(fmt));
      QVERIFY2(w.open(fmt, path, opt, context(), &error), qPrintable(error));
      for (const ImageResult &r : results)
        QVERIFY2(w.write(r, &error), qPrintable(error));
      QVERIFY(!QFile::exists(path)); // atomic: nothing visible before finish()
      QVERIFY2(w.finish(&error), qPrintable(error));
    }
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), exportToBytes(results, fmt, opt, context()));
  }

  void unfinishedStreamLeavesNoFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.json"));
    QString error;
    {
      ResultStreamWriter w;
      QVERIFY(w.open(ExportFormat::Json, path, {}, context(), &error));
      QVERIFY(w.write(sampleResults(kDir).front(), &error));
    } // destroyed without finish(), e.g. the run was cancelled
    QVERIFY(!QFile::exists(path));
  }

  void openErrorsNameTheFile_data() {
    QTest::addColumn<QString>("relative");
    QTest::addColumn<QString>("words");
    QTest::newRow("directory") << QString() << QStringLiteral("is a directory");
    QTest::newRow("missing folder") << QStringLiteral("no/such/folder/out.csv")
                                    << QStringLiteral("does not exist");
  }
  void openErrorsNameTheFile() {
    QFETCH(QString, relative);
    QFETCH(QString, words);
    QTemporaryDir dir;
    const QString path = relative.isEmpty() ? dir.path() : dir.filePath(relative);
    ResultStreamWriter w;
    QString error;
    QVERIFY(!w.open(ExportFormat::Csv, path, {}, context(), &error));
    QVERIFY2(error.contains(path) && error.contains(words), qPrintable(error));
  }

  void notStreamable() {
    for (auto fmt : {ExportFormat::GeoJson, ExportFormat::Kml, ExportFormat::Html, ExportFormat::Pdf})
      QVERIFY(!ResultStreamWriter::canStream(fmt));
  }

  void trimmedResultsExportTheSame_data() {
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("topK");
    for (int k : {1, 5, 20}) {
      QTest::addRow("geojson top %d", k) << int(ExportFormat::GeoJson) << k;
      QTest::addRow("kml top %d", k) << int(ExportFormat::Kml) << k;
      QTest::addRow("json top %d", k) << int(ExportFormat::Json) << k;
      QTest::addRow("html top %d", k) << int(ExportFormat::Html) << k;
    }
  }
  void trimmedResultsExportTheSame() {
    QFETCH(int, format);
    QFETCH(int, topK);
    const auto fmt = ExportFormat(format);
    ExportOptions opt;
    opt.topK = topK;
    const std::vector<ImageResult> full = resultsWithTails();
    std::vector<ImageResult> kept = full;
    std::size_t before = 0, after = 0;
    for (ImageResult &r : kept) {
      before += r.countries.size() + r.cities.size();
      keepOnlyExported(r, fmt, opt);
      after += r.countries.size() + r.cities.size();
    }
    QVERIFY2(after * 4 < before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    ReportContext ctx = context();
    ctx.created = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone::utc());
    QCOMPARE(exportToBytes(kept, fmt, opt, ctx), exportToBytes(full, fmt, opt, ctx));
  }

  void reportsKeepVisibleCountries() {
    ImageResult r = resultsWithTails().front();
    ExportOptions opt;
    opt.topK = 1;
    keepOnlyExported(r, ExportFormat::Pdf, opt);
    QVERIFY(r.countries.size() > 1); // shaded on the report's map
    for (std::size_t i = 1; i < r.countries.size(); ++i)
      QVERIFY(r.countries[i].probability > 1e-3);
  }
};

QTEST_GUILESS_MAIN(TestResultStream)
#include "tst_resultstream.moc"
