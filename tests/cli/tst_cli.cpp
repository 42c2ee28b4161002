// streetlens-cli end to end on the tiny-clip fixture: the tokenize/preprocess/embed/classify
// contract (parity with the reference), exit codes, per-file errors, predict output, and eval
// percentages checked against an independent computation from its own per-image rows.
#include "core/export/Csv.h"
#include "core/geo/GreatCircle.h"
#include "tests/cli/CliRun.h"
#include "tests/support/ExifWriter.h"
#include "tests/support/Fixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>
#include <cmath>
#include <unistd.h>

using namespace streetlens;
using namespace streetlens::test;

namespace {

double relError(const QJsonArray &got, const QJsonArray &ref) {
  double num = 0, den = 0;
  for (int i = 0; i < ref.size(); ++i) {
    const double d = got[i].toDouble() - ref[i].toDouble();
    num += d * d;
    den += ref[i].toDouble() * ref[i].toDouble();
  }
  return std::sqrt(num / den);
}

// A copy of the fixture JPEG with EXIF GPS written by exiv2 (tests only; the app never writes).
QString taggedCopy(const QString &dir, const QString &name, double lat, double lon) {
  const QString path = dir + "/" + name;
  QFile::copy(fixturePath("images/landscape_640x480.jpg"), path);
  QFile(path).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
  if (!writeExifGps(path, lat, lon))
    return {};
  return path;
}

} // namespace

class TestCli : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
private Q_SLOTS:
  void initTestCase() { STREETLENS_REQUIRE_FIXTURE(); }

  void tokenizeMatchesReference() {
    const QJsonArray cases = expectedJson().value("tokenizer").toArray();
    QStringList args{"tokenize", "--model", fixturePath("model")};
    for (const auto &c : cases)
      args << c.toObject().value("text").toString();
    const Run r = cli(args);
    QCOMPARE(r.code, 0);
    const QJsonArray ids = r.json().value("input_ids").toArray();
    QCOMPARE(ids.size(), cases.size());
    int same = 0;
    for (int i = 0; i < cases.size(); ++i)
      same += ids[i].toArray() == cases[i].toObject().value("input_ids").toArray();
    qInfo("tokenize: %d/%d identical", same, int(cases.size()));
    QCOMPARE(same, int(cases.size()));
  }

  void preprocessMatchesReference_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("pixels");
    for (const auto &im : expectedJson().value("images").toArray()) {
      const QJsonObject o = im.toObject();
      QTest::newRow(qPrintable(o.value("file").toString()))
          << o.value("file").toString() << o.value("pixels").toString();
    }
  }
  void preprocessMatchesReference() {
    QFETCH(QString, file);
    QFETCH(QString, pixels);
    const QString out = tmp_.filePath(file + ".f32");
    const Run r =
        cli({"preprocess", "--model", fixturePath("model"), fixturePath("images/" + file), "--out", out});
    QVERIFY2(r.code == 0, r.err.constData());
    const QByteArray got = readAll(out), ref = readAll(fixturePath("pixels/" + pixels));
    QCOMPARE(got.size(), ref.size());
    double worst = 0;
    for (qsizetype i = 0; i < ref.size() / 4; ++i)
      worst = std::max(worst, double(std::abs(qFromLittleEndian<float>(got.constData() + 4 * i) -
                                              qFromLittleEndian<float>(ref.constData() + 4 * i))));
    const double tol = file.endsWith(".jpg") ? 1.0 / 255 / 0.2613 + 1e-6 : 1e-6; // one 8-bit level for JPEG
    QVERIFY2(worst <= tol, qPrintable(QString::number(worst)));
  }

  void embedAndClassifyMatchReference_data() {
    QTest::addColumn<QString>("modelDir");
    QTest::newRow("safetensors") << "model";
    QTest::newRow("pytorch_model.bin") << "model-bin";
  }
  void embedAndClassifyMatchReference() {
    QFETCH(QString, modelDir);
    const QJsonObject exp = expectedJson();
    QStringList args{"embed", "--model", fixturePath(modelDir), "--precision", "fp32"};
    QStringList classify{"classify", "--model", fixturePath(modelDir), "--precision", "fp32"};
    for (const auto &l : exp.value("labels").toArray()) {
      args << "--text" << l.toObject().value("text").toString();
      classify << "--label" << l.toObject().value("text").toString();
    }
    for (const auto &im : exp.value("images").toArray()) {
      args << "--image" << fixturePath("images/" + im.toObject().value("file").toString());
      classify << fixturePath("images/" + im.toObject().value("file").toString());
    }
    const Run e = cli(args);
    QVERIFY2(e.code == 0, e.err.constData());
    const QJsonArray images = e.json().value("images").toArray(), texts = e.json().value("texts").toArray();
    QCOMPARE(images.size(), exp.value("images").toArray().size());
    for (int i = 0; i < images.size(); ++i)
      QVERIFY(relError(images[i].toObject().value("embedding").toArray(),
                       exp.value("images").toArray()[i].toObject().value("image_embeds").toArray()) <= 1e-4);
    for (int i = 0; i < texts.size(); ++i)
      QVERIFY(relError(texts[i].toObject().value("embedding").toArray(),
                       exp.value("labels").toArray()[i].toObject().value("text_embeds").toArray()) <= 1e-4);
    const Run c = cli(classify);
    QVERIFY2(c.code == 0, c.err.constData());
    const QJsonArray results = c.json().value("results").toArray();
    double worstLogit = 0, worstProb = 0;
    for (int i = 0; i < results.size(); ++i) {
      const QJsonArray lg = results[i].toObject().value("logits").toArray(),
                       pr = results[i].toObject().value("probs").toArray();
      const QJsonArray rl = exp.value("logits_per_image").toArray()[i].toArray(),
                       rp = exp.value("probs").toArray()[i].toArray();
      for (int t = 0; t < rl.size(); ++t) {
        worstLogit = std::max(worstLogit, std::abs(lg[t].toDouble() - rl[t].toDouble()));
        worstProb = std::max(worstProb, std::abs(pr[t].toDouble() - rp[t].toDouble()));
      }
    }
    qInfo("classify via CLI: worst logit diff %.3g, prob diff %.3g", worstLogit, worstProb);
    QVERIFY(worstLogit <= 1e-3);
    QVERIFY(worstProb <= 1e-4);
  }

  void exitCodes_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    const QString m = fixturePath("model"), img = fixturePath("images/square_336.png");
    QTest::newRow("no-arguments") << QStringList{} << 2;
    QTest::newRow("help") << QStringList{"--help"} << 0;
    QTest::newRow("version") << QStringList{"--version"} << 0;
    QTest::newRow("command-help") << QStringList{"predict", "--help"} << 0;
    QTest::newRow("unknown-command") << QStringList{"frobnicate"} << 2;
    QTest::newRow("unknown-option") << QStringList{"embed", "--model", m, "--frob"} << 2;
    QTest::newRow("missing-model-option") << QStringList{"embed", "--text", "x"} << 2;
    QTest::newRow("bad-batch-size") << QStringList{"embed", "--model", m, "--batch-size", "0", "--text", "x"}
                                    << 2;
    QTest::newRow("model-folder-missing")
        << QStringList{"embed", "--model", "/nonexistent", "--text", "x"} << 3;
    QTest::newRow("model-folder-is-images")
        << QStringList{"embed", "--model", fixturePath("images"), "--text", "x"} << 3;
    QTest::newRow("cuda-unavailable")
        << QStringList{"embed", "--model", m, "--device", "cuda", "--text", "x"} << 3;
    QTest::newRow("some-inputs-failed")
        << QStringList{"classify", "--model", m, "--label", "a", img, fixturePath("expected.json")} << 1;
    QTest::newRow("classify-without-labels") << QStringList{"classify", "--model", m, img} << 2;
    QTest::newRow("template-without-braces")
        << QStringList{"classify", "--model", m, "--label", "a", "--template", "x", img} << 2;
  }
  void exitCodes() {
    QFETCH(QStringList, args);
    QFETCH(int, code);
    const Run r = cli(args);
    QVERIFY2(r.code == code,
             qPrintable(QString("exit %1, stderr: %2").arg(r.code).arg(QString::fromUtf8(r.err))));
    if (code >= 1) { // one line per problem, naming it
      QVERIFY(!r.err.isEmpty());
      for (const QByteArray &line : r.err.trimmed().split('\n'))
        QVERIFY2(line.startsWith("streetlens-cli: ") || code == 2, line.constData());
    }
  }

  // Issue 18: each command's usage line names it as it is run, not the binary's path.
  void helpNamesTheCommand_data() {
    QTest::addColumn<QString>("command");
    for (const char *c : {"tokenize", "preprocess", "embed", "classify", "predict", "eval", "report", "merge",
                          "prepare-labels"})
      QTest::newRow(c) << QString::fromLatin1(c);
  }
  void helpNamesTheCommand() {
    QFETCH(QString, command);
    const Run r = cli({command, "--help"});
    QCOMPARE(r.code, 0);
    const QByteArray first = r.out.left(r.out.indexOf('\n'));
    QVERIFY2(first.startsWith("Usage: streetlens-cli " + command.toUtf8() + " "), first.constData());
    QVERIFY2(!r.out.contains(QByteArray(STREETLENS_CLI)), first.constData());
  }

  // Issue 18: usage errors say what was probably meant and exit 2; inputs that do not exist are
  // reported before the model is loaded (a model folder that does not exist is never reached) and
  // exit 1, for predict, eval and report alike.
  void errorsBeforeWork_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("says");
    QTest::addColumn<QString>("neverSays");
    const QString m = fixturePath("model"), img = fixturePath("images/square_336.png");
    const QString out = tmp_.filePath("contradiction.json");
    const QString truth = tmp_.filePath("missing-truth.csv");
    QFile csv(truth);
    if (csv.open(QIODevice::WriteOnly))
      csv.write("IMG_ID,LAT,LON\nnot-there.jpg,48.85,2.35\n");
    csv.close();
    const QString notProject = tmp_.filePath("not-a-project.streetlens");
    QFile np(notProject);
    if (np.open(QIODevice::WriteOnly))
      np.write("plain text");
    np.close();
    QTest::newRow("option-typo") << QStringList{"predict", "--modle", m, img} << 2
                                 << "Unknown option 'modle'. Did you mean --model?"
                                 << "";
    QTest::newRow("option-typo-top-k")
        << QStringList{"predict", "--model", m, "--topk", "3", img} << 2 << "Did you mean --top-k?"
        << "";
    QTest::newRow("far-from-any-option")
        << QStringList{"predict", "--zzzzzzzz", img} << 2 << "Unknown option 'zzzzzzzz'."
        << "Did you mean";
    QTest::newRow("command-typo") << QStringList{"predcit", "--model", m, img} << 2
                                  << "unknown command \"predcit\"; did you mean \"predict\"?"
                                  << "";
    QTest::newRow("format-contradicts-extension")
        << QStringList{"predict", "--model", m, "--format", "csv", "-o", out, img} << 2
        << "--format csv contradicts -o " + out << "";
    QTest::newRow("predict-missing-input-before-model")
        << QStringList{"predict", "--model", "/nonexistent/model", "/nonexistent/photo.jpg"} << 1
        << "/nonexistent/photo.jpg: no such file"
        << "model";
    QTest::newRow("eval-missing-input-before-model")
        << QStringList{"eval", "--model", "/nonexistent/model", "--csv", truth, "--images", tmp_.path()} << 1
        << "not-there.jpg: no such file"
        << "model";
    QTest::newRow("report-missing-project")
        << QStringList{"report", "--project", "/nonexistent/case.streetlens", "-o", tmp_.filePath("r.pdf")}
        << 1 << "/nonexistent/case.streetlens: no such project file"
        << "";
    QTest::newRow("report-not-a-project")
        << QStringList{"report", "--project", notProject, "-o", tmp_.filePath("r.pdf")} << 1
        << "not-a-project.streetlens"
        << "";
  }
  void errorsBeforeWork() {
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, says);
    QFETCH(QString, neverSays);
    const Run r = cli(args);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(r.code == code, qPrintable(QString("exit %1, stderr: %2").arg(r.code).arg(err)));
    QVERIFY2(err.contains(says), qPrintable(err));
    if (!neverSays.isEmpty())
      QVERIFY2(!err.contains(neverSays, Qt::CaseInsensitive), qPrintable(err));
    for (const QString &line : err.trimmed().split(u'\n'))
      QVERIFY2(line.startsWith("streetlens-cli: "), qPrintable(line));
    QVERIFY(!QFile::exists(tmp_.filePath("contradiction.json"))); // nothing written under a wrong name
  }

  // Issue 18: eval's JSON keeps the documented order, thresholds ascending (a QJsonObject would
  // sort them as strings: "1", "200", "25", "2500", "750").
  void evalKeysInDocumentedOrder() {
    const QString truth = tmp_.filePath("order-truth.csv");
    QFile csv(truth);
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("IMG_ID,LAT,LON\nnot-there.jpg,48.85,2.35\n");
    csv.close();
    const Run r = cli({"eval", "--model", fixturePath("model"), "--csv", truth, "--images", tmp_.path()});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.json().value("failed").toInt(), 1);
    qsizetype at = -1;
    for (const char *key :
         {"\"n\":", "\"failed\":", "\"without_truth\":", "\"within_km\":", "\"1\":", "\"25\":", "\"200\":",
          "\"750\":", "\"2500\":", "\"median_km\":", "\"mean_geoscore\":"}) {
      const qsizetype next = r.out.indexOf(key);
      QVERIFY2(next > at, qPrintable(QString("%1 in %2").arg(key, QString::fromUtf8(r.out))));
      at = next;
    }
  }

  // Issue 18: a file eval or predict finds in a folder but cannot read is a failed input (exit 1,
  // one line naming it), never skipped in silence. A dangling link stands for an unreadable file
  // here, because the tests may run as root, who reads files whatever their permissions.
  void unreadableFilesFail() {
    QTemporaryDir dir;
    QVERIFY(!taggedCopy(dir.path(), "paris.jpg", 48.8566, 2.3522).isEmpty());
    QVERIFY(QFile::link(dir.filePath("gone.jpg"), dir.filePath("dangling.jpg")));
    QStringList names{"dangling.jpg"};
    if (geteuid() != 0) {
      QVERIFY(!taggedCopy(dir.path(), "locked.jpg", 35.6762, 139.6503).isEmpty());
      QVERIFY(QFile(dir.filePath("locked.jpg")).setPermissions({}));
      names << "locked.jpg";
    }
    const QString cache = tmp_.filePath("cache");
    for (const QString &command : {QStringLiteral("eval"), QStringLiteral("predict")}) {
      const Run r = cli({command, "--model", fixturePath("model"), "--cache-dir", cache,
                         "--cities-per-country", "5", dir.path()});
      QVERIFY2(r.code == 1, qPrintable(command + ": " + QString::fromUtf8(r.err)));
      for (const QString &name : names)
        QVERIFY2(r.err.contains(name.toUtf8()), qPrintable(command + ": " + QString::fromUtf8(r.err)));
      if (command == QLatin1String("eval")) {
        QCOMPARE(r.json().value("n").toInt(), 1);
        QCOMPARE(r.json().value("failed").toInt(), int(names.size()));
      }
    }
  }

  // Issue 18: Qt's image plugins warn about damaged JPEG data without naming the file; the report
  // says which photo it was reading, in the CLI's one-line format.
  void imageWarningsNameThePhoto() {
    QTemporaryDir dir;
    QByteArray jpeg = readAll(fixturePath("images/landscape_640x480.jpg"));
    jpeg.insert(jpeg.lastIndexOf("\xff\xd9"), QByteArray(3, '\0')); // "extraneous bytes before marker"
    QFile f(dir.filePath("damaged.jpg"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(jpeg);
    f.close();
    const QString project = dir.filePath("case.streetlens");
    const Run p =
        cli({"predict", "--model", fixturePath("model"), "--cache-dir", tmp_.filePath("cache"),
             "--cities-per-country", "5", "--project", project, "-o", dir.filePath("out.csv"), f.fileName()});
    QVERIFY2(p.code == 0, p.err.constData());
    for (const char *ext : {"pdf", "html"}) {
      const Run r = cli({"report", "--project", project, "-o", dir.filePath(QString("report.") + ext)});
      QVERIFY2(r.code == 0, r.err.constData());
      QVERIFY2(r.err.contains("Corrupt JPEG data"), r.err.constData()); // the plugin did warn
      for (const QByteArray &line : r.err.trimmed().split('\n'))
        QVERIFY2(line.startsWith("streetlens-cli: " + f.fileName().toUtf8() + ": "), line.constData());
    }
    // The report's settings block is the one the app writes (exporting::reportSettingsSummary).
    const QString html = QString::fromUtf8(readAll(dir.filePath("report.html")));
    for (const char *line : {"mode: hierarchical", "top-k: 5", "cities per country: 5",
                             "region templates: A Street View photo in the region of {region} in {country}."})
      QVERIFY2(html.contains(QString::fromUtf8(line)), line);
  }

  void predictAndEvalAgree() {
    QTemporaryDir dir;
    struct Place {
      const char *name;
      double lat, lon;
    } places[] = {{"paris.jpg", 48.8566, 2.3522},
                  {"tokyo.jpg", 35.6762, 139.6503},
                  {"lima.jpg", -12.0464, -77.0428},
                  {"sydney.jpg", -33.8688, 151.2093},
                  {"nairobi.jpg", -1.2921, 36.8219}};
    for (const auto &p : places)
      QVERIFY(!taggedCopy(dir.path(), p.name, p.lat, p.lon).isEmpty());
    QFile::copy(fixturePath("images/square_336.png"), dir.filePath("untagged.png"));
    const QString details = dir.filePath("details.csv");
    const QString cache = dir.filePath("cache");
    const Run e = cli({"eval", "--model", fixturePath("model"), "--cache-dir", cache, "--cities-per-country",
                       "5", "--details", details, dir.path()});
    QVERIFY2(e.code == 0, e.err.constData());
    const QJsonObject s = e.json();
    QCOMPARE(s.value("n").toInt(), 5);
    QCOMPARE(s.value("failed").toInt(), 0);
    // Independent computation from the per-image rows.
    QString err;
    const auto rows = exporting::parseCsv(readAll(details), &err);
    QCOMPARE(rows.size(), 6);
    QCOMPARE(rows[0].mid(0, 6), (QStringList{"path", "lat", "lon", "pred_lat", "pred_lon", "error_km"}));
    std::vector<double> errs;
    for (int i = 1; i < rows.size(); ++i) {
      const double d = geo::haversineKm({rows[i][1].toDouble(), rows[i][2].toDouble()},
                                        {rows[i][3].toDouble(), rows[i][4].toDouble()});
      QVERIFY(std::abs(d - rows[i][5].toDouble()) < 1e-3);
      errs.push_back(d);
    }
    const QJsonObject within = s.value("within_km").toObject();
    for (double km : {1.0, 25.0, 200.0, 750.0, 2500.0}) {
      const double pct = 100.0 *
                         double(std::count_if(errs.begin(), errs.end(), [&](double d) { return d <= km; })) /
                         errs.size();
      QVERIFY2(std::abs(within.value(QString::number(km)).toDouble() - pct) < 1e-9,
               qPrintable(QString::number(km)));
    }
    std::sort(errs.begin(), errs.end());
    QVERIFY(std::abs(s.value("median_km").toDouble() - errs[2]) < 1e-3);
    double gs = 0;
    for (double d : errs)
      gs += 5000 * std::exp(-d / 1492.7);
    QVERIFY(std::abs(s.value("mean_geoscore").toDouble() - gs / 5) < 1e-3);

    // The same images through an IM2GPS-style CSV give the same numbers.
    QFile csv(dir.filePath("truth.csv"));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("IMG_ID,LAT,LON,extra\n");
    for (const auto &p : places)
      csv.write(QString("%1,%2,%3,x\n").arg(p.name).arg(p.lat, 0, 'g', 10).arg(p.lon, 0, 'g', 10).toUtf8());
    csv.close();
    const Run e2 = cli({"eval", "--model", fixturePath("model"), "--cache-dir", cache, "--cities-per-country",
                        "5", "--csv", csv.fileName(), "--images", dir.path()});
    QVERIFY2(e2.code == 0, e2.err.constData());
    QCOMPARE(e2.json().value("n").toInt(), 5);
    QVERIFY(std::abs(e2.json().value("median_km").toDouble() - s.value("median_km").toDouble()) < 1.0);

    // predict: schema, EXIF country by point-in-polygon, error_km, per-file errors and exit 1.
    QFile::copy(fixturePath("expected.json"), dir.filePath("broken.jpg"));
    const Run p = cli({"predict", "--model", fixturePath("model"), "--cache-dir", cache,
                       "--cities-per-country", "5", "--top-k", "3", dir.path()});
    QCOMPARE(p.code, 1);
    QVERIFY(p.err.contains("broken.jpg"));
    const QJsonArray results = p.json().value("results").toArray();
    QCOMPARE(results.size(), 7);
    int ok = 0;
    for (const auto &v : results) {
      const QJsonObject r = v.toObject();
      for (const char *key :
           {"path", "sha256", "status", "countries", "regions", "cities", "estimate", "exif", "error_km"})
        QVERIFY2(r.contains(key) || r.value("status").toString() == "error", key);
      if (r.value("status").toString() != "ok")
        continue;
      ++ok;
      QVERIFY(r.value("countries").toArray().size() <= 3);
      if (r.value("path").toString().endsWith("paris.jpg")) {
        QCOMPARE(r.value("exif").toObject().value("country").toString(), QStringLiteral("FR"));
        // The tag 48° 51' 23.76", 2° 21' 7.92" is printed as the decimals it means (issue 18).
        static const QRegularExpression exifText(
            R"("exif":\s*\{\s*"country":\s*"FR",\s*"lat":\s*48\.8566,\s*"lon":\s*2\.3522\s*\})");
        QVERIFY(exifText.match(QString::fromUtf8(p.out)).hasMatch());
        QVERIFY(r.value("error_km").isDouble());
      }
      if (r.value("path").toString().endsWith("untagged.png")) {
        QVERIFY(r.value("exif").isNull());
        QVERIFY(r.value("error_km").isNull());
      }
    }
    QCOMPARE(ok, 6);
  }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
