// The analyst's annotations (issue 18: verdict, note, ground-truth pin) in every export format:
// CSV columns, the JSON "annotation" object, GeoJSON properties and a "truth" feature, KML
// description and placemark, and the report's analyst rows and note. The distance from the
// estimate to the pin is checked against the spherical law of cosines computed here.
#include "SampleResults.h"
#include "core/export/Csv.h"
#include "core/export/ExportCommon.h"
#include "core/export/Exporter.h"
#include "core/export/GeoJsonExport.h"
#include "core/export/JsonExport.h"
#include "core/export/KmlExport.h"
#include "core/export/ReportContent.h"
#include "tests/support/IndependentGeo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace streetlens;
using namespace streetlens::exporting;
using streetlens::test::cosineLawKm;
using streetlens::test::sampleResults;

namespace {

struct Case {
  std::vector<ImageResult> results;
  ExportOptions opt;
  Annotation note; // of results[0]
};

Case makeCase(const QString &dir, int verdict, const QString &text, bool pinned) {
  Case c;
  c.results = sampleResults(dir);
  c.note.verdict = Verdict(verdict);
  c.note.note = text;
  if (pinned)
    c.note.truth = geo::GeoPoint{48.8584, 2.2945}; // the Eiffel Tower, 7 km from the estimate
  c.note.modified = QDateTime(QDate(2026, 12, 7), QTime(10, 0), QTimeZone::utc());
  c.opt.annotations.insert(c.results[0].sha256, c.note);
  return c;
}

} // namespace

class TestExportAnnotations : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void everyFormat_data() {
    QTest::addColumn<int>("verdict");
    QTest::addColumn<QString>("note");
    QTest::addColumn<bool>("pinned");
    QTest::addColumn<bool>("privacy");
    QTest::newRow("confirmed with a pin")
        << int(Verdict::Confirmed) << QStringLiteral("Checked the bakery sign.") << true << false;
    QTest::newRow("rejected, note with comma, quote and two lines")
        << int(Verdict::Rejected) << QStringLiteral("Script is \"Cyrillic\", not Latin.\nSee photo 2.")
        << false << false;
    QTest::newRow("unsure, pin kept under the privacy option")
        << int(Verdict::Unsure) << QString() << true << true;
    QTest::newRow("a pin alone") << int(Verdict::None) << QString() << true << false;
  }

  void everyFormat() {
    QFETCH(int, verdict);
    QFETCH(QString, note);
    QFETCH(bool, pinned);
    QFETCH(bool, privacy);
    QTemporaryDir dir;
    Case c = makeCase(dir.path(), verdict, note, pinned);
    c.opt.includeExifGps = !privacy;
    const ImageResult &r = c.results[0];
    const double km = pinned ? cosineLawKm(*r.estimate, *c.note.truth) : 0.0; // read only when pinned
    const QString verdictText = verdictName(Verdict(verdict));

    // CSV: the five columns, empty for the images without an annotation.
    QString err;
    const QList<QStringList> rows = parseCsv(resultsToCsv(c.results, c.opt), &err);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    const QStringList header = rows[0];
    auto col = [&](int row, const char *name) { return rows[row][header.indexOf(QLatin1String(name))]; };
    for (const char *name : {"verdict", "note", "truth_lat", "truth_lon", "truth_error_km"})
      QVERIFY2(header.contains(QLatin1String(name)), name);
    QCOMPARE(col(1, "verdict"), verdictText);
    QCOMPARE(col(1, "note"), note);
    QCOMPARE(col(1, "truth_lat").isEmpty(), !pinned);
    if (pinned) {
      QCOMPARE(col(1, "truth_lat").toDouble(), c.note.truth->lat);
      QCOMPARE(col(1, "truth_lon").toDouble(), c.note.truth->lon);
      QVERIFY(std::abs(col(1, "truth_error_km").toDouble() - km) < 1e-6);
    }
    for (int i = 2; i < rows.size(); ++i)
      QVERIFY(col(i, "verdict").isEmpty() && col(i, "note").isEmpty() && col(i, "truth_lat").isEmpty());

    // JSON: "annotation" on the annotated result only.
    const QJsonArray results = resultsToJson(c.results, {}, c.opt).object().value("results").toArray();
    const QJsonObject ann = results[0].toObject().value("annotation").toObject();
    QCOMPARE(ann.value("verdict").toString(), verdictText);
    QCOMPARE(ann.value("note").toString(), note);
    QCOMPARE(ann.contains("truth"), pinned);
    if (pinned) {
      QCOMPARE(ann.value("truth").toObject().value("lat").toDouble(), c.note.truth->lat);
      QVERIFY(std::abs(ann.value("truth_error_km").toDouble() - km) < 1e-6);
    }
    QCOMPARE(ann.value("modified").toString(), QStringLiteral("2026-12-07T10:00:00Z"));
    for (int i = 1; i < results.size(); ++i)
      QVERIFY(!results[i].toObject().contains("annotation"));

    // GeoJSON: properties of the estimate, and the pin as a "truth" point.
    const QJsonArray features = resultsToGeoJson(c.results, c.opt).object().value("features").toArray();
    int truths = 0;
    bool estimateSeen = false;
    for (const QJsonValue &f : features) {
      const QJsonObject props = f.toObject().value("properties").toObject();
      if (props.value("sha256").toString() != r.sha256)
        continue;
      if (props.value("kind") == QStringLiteral("estimate")) {
        estimateSeen = true;
        QCOMPARE(props.value("verdict").toString(), verdictText);
        QCOMPARE(props.value("note").toString(), note);
      } else if (props.value("kind") == QStringLiteral("truth")) {
        ++truths;
        const QJsonArray xy = f.toObject().value("geometry").toObject().value("coordinates").toArray();
        QCOMPARE(xy[0].toDouble(), c.note.truth->lon);
        QCOMPARE(xy[1].toDouble(), c.note.truth->lat);
        QVERIFY(std::abs(props.value("truth_error_km").toDouble() - km) < 1e-6);
      }
    }
    QVERIFY(estimateSeen);
    QCOMPARE(truths, pinned ? 1 : 0);

    // KML: the verdict in the description, the pin as its own placemark.
    const QString kml = QString::fromUtf8(resultsToKml(c.results, c.opt, QStringLiteral("t")));
    QCOMPARE(kml.contains(QStringLiteral("<name>Ground truth</name>")), pinned);
    QCOMPARE(kml.contains(QStringLiteral("id=\"truth\"")), pinned); // its style only with a pin
    if (verdict != int(Verdict::None))
      QVERIFY(kml.contains(QStringLiteral("Analyst's verdict: ") + verdictText));

    // Report section: the rows and the note (lines kept).
    ReportContext ctx;
    const ReportImageSection s = buildImageSection(r, 1, ctx, c.opt, 64, QSize(64, 64));
    auto rowValue = [&](const QString &name) {
      for (const auto &row : s.analystRows)
        if (row.first == name)
          return row.second;
      return QString();
    };
    QCOMPARE(rowValue(QStringLiteral("Analyst's verdict")), verdictText);
    QCOMPARE(!rowValue(QStringLiteral("Ground truth")).isEmpty(), pinned);
    if (pinned)
      QCOMPARE(rowValue(QStringLiteral("Estimate to truth")), formatDistanceKm(km));
    QCOMPARE(s.analystNote, note.trimmed());
    const ReportImageSection other = buildImageSection(c.results[1], 2, ctx, c.opt, 64, QSize(64, 64));
    QVERIFY(other.analystRows.isEmpty() && other.analystNote.isEmpty());

    // The HTML report shows the analyst's block for the annotated image.
    const QString html = QString::fromUtf8(exportToBytes(c.results, ExportFormat::Html, c.opt, ctx));
    QCOMPARE(html.count(QStringLiteral("<h3>Analyst</h3>")), 1);
  }

  void verdictNames_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("verdict");
    QTest::newRow("confirmed") << "confirmed" << int(Verdict::Confirmed);
    QTest::newRow("upper case") << "REJECTED" << int(Verdict::Rejected);
    QTest::newRow("spaces") << " unsure " << int(Verdict::Unsure);
    QTest::newRow("empty is none") << "" << int(Verdict::None);
    QTest::newRow("unknown") << "maybe" << -1;
  }

  void verdictNames() {
    QFETCH(QString, name);
    QFETCH(int, verdict);
    const auto v = verdictFromName(name);
    QCOMPARE(v.has_value(), verdict >= 0);
    if (v) {
      QCOMPARE(int(*v), verdict);
      QCOMPARE(verdictFromName(verdictName(*v)), v); // round trip
    }
  }
};

QTEST_MAIN(TestExportAnnotations)
#include "tst_exportannotations.moc"
