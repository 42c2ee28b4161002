// streetlens-cli and evidence fusion (issue 17) on the tiny-clip fixture: the JSON contract of
// confidence regions, "uncertain", constraints and sites; coherent levels on real model output;
// bad constraint files; and eval's coverage and calibration checked against an independent
// computation from its own --details rows.
#include "core/export/Csv.h"
#include "core/store/ProjectStore.h"
#include "tests/cli/CliRun.h"
#include "tests/support/ExifWriter.h"
#include "tests/support/Fixture.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace streetlens;
using namespace streetlens::test;

namespace {

QJsonValue at(const QJsonValue &v, const char *key) {
  return v.toObject().value(QLatin1String(key));
}

// The CLI with the label cache of the suite (`cache` empty: none, for commands without a model).
Run cliCached(QStringList args, const QString &cache) {
  if (!cache.isEmpty()) // report takes no model, so no cache folder
    args << "--cache-dir" << cache;
  return streetlens::test::cli(args);
}

QString copyFixture(const QString &dir, const QString &image, const QString &as) {
  QDir().mkpath(dir);
  const QString path = dir + "/" + as;
  QFile::copy(fixturePath("images/" + image), path);
  QFile(path).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
  return path;
}

// city <= region <= country, regions of a country <= the country, countries sum to <= 1.
void verifyCoherent(const QJsonObject &r) {
  QHash<QString, double> country, region;
  double sum = 0;
  for (const auto &v : r.value("countries").toArray()) {
    country.insert(at(v, "code").toString(), at(v, "probability").toDouble());
    sum += at(v, "probability").toDouble();
  }
  QVERIFY(sum <= 1.0 + 1e-9);
  QHash<QString, double> regionsOf;
  for (const auto &v : r.value("regions").toArray()) {
    region.insert(at(v, "code").toString(), at(v, "probability").toDouble());
    regionsOf[at(v, "country").toString()] += at(v, "probability").toDouble();
    if (country.contains(at(v, "country").toString()))
      QVERIFY(at(v, "probability").toDouble() <= country.value(at(v, "country").toString()) + 1e-9);
  }
  for (auto it = regionsOf.begin(); it != regionsOf.end(); ++it)
    if (country.contains(it.key()))
      QVERIFY(it.value() <= country.value(it.key()) + 1e-9);
  for (const auto &v : r.value("cities").toArray()) {
    if (region.contains(at(v, "region").toString()))
      QVERIFY2(at(v, "probability").toDouble() <= region.value(at(v, "region").toString()) + 1e-9,
               qPrintable(at(v, "name").toString()));
    if (country.contains(at(v, "country").toString()))
      QVERIFY(at(v, "probability").toDouble() <= country.value(at(v, "country").toString()) + 1e-9);
  }
}

void verifyRegions(const QJsonObject &r) {
  const QJsonArray regions = r.value("confidence_regions").toArray();
  QCOMPARE(regions.size(), 3);
  double last = 0;
  for (int i = 0; i < 3; ++i) {
    const QJsonObject o = regions[i].toObject();
    QCOMPARE(o.value("level").toDouble(), (std::array<double, 3>{0.5, 0.9, 0.99})[size_t(i)]);
    QVERIFY(o.value("area_km2").toDouble() >= last);
    last = o.value("area_km2").toDouble();
    QVERIFY(o.value("mass").toDouble() >= o.value("level").toDouble() - 1e-9);
    const QJsonObject g = o.value("geometry").toObject();
    QCOMPARE(g.value("type").toString(), QStringLiteral("MultiPolygon"));
    const QJsonArray ring = g.value("coordinates").toArray().at(0).toArray().at(0).toArray();
    QVERIFY(ring.size() >= 4);
    QCOMPARE(ring.first(), ring.last()); // closed, as GeoJSON asks
  }
  QVERIFY(r.value("uncertain").isBool());
}

} // namespace

class TestCliEvidence : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  QString cache() const { return tmp_.filePath("cache"); }

private Q_SLOTS:
  void initTestCase() { STREETLENS_REQUIRE_FIXTURE(); }

  void modes_data() {
    QTest::addColumn<QString>("mode");
    for (const char *m : {"hierarchical", "paper", "flat", "expected"})
      QTest::newRow(m) << m;
  }
  // Every mode: coherent levels, three nested regions, the JSON contract.
  void modes() {
    QFETCH(QString, mode);
    const Run r =
        cliCached({"predict", "--model", fixturePath("model"), "--mode", mode, "--top-k", "50",
                   fixturePath("images/landscape_640x480.jpg"), fixturePath("images/square_336.png")},
                  cache());
    QVERIFY2(r.code == 0, r.err.constData());
    for (const auto &v : r.json().value("results").toArray()) {
      const QJsonObject o = v.toObject();
      verifyCoherent(o);
      verifyRegions(o);
      QVERIFY(!o.contains("constraint"));
      if (mode == "paper") { // the top country's top city
        const QString top = o["countries"].toArray()[0].toObject()["code"].toString();
        QString city;
        for (const auto &c : o["cities"].toArray())
          if (c.toObject()["country"].toString() == top) {
            city = c.toObject()["name"].toString();
            break;
          }
        QVERIFY(o["estimate"].toObject()["label"].toString().startsWith(city));
      }
      if (mode == "expected")
        QVERIFY(o["estimate"].toObject()["label"].toString().startsWith("expected location"));
    }
  }

  void constraints_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("onlyCountry");
    QTest::newRow("countries") << QStringList{"--countries", "fr"} << "FR";
    QTest::newRow("near Paris") << QStringList{"--near", "48.8566,2.3522,300"} << "FR";
    QTest::newRow("within France box") << QStringList{"--within", "box"} << "FR";
    QTest::newRow("exclude everything but France")
        << QStringList{"--exclude-countries", "SN,MW,IR,AO,PN,IO,SA,GI,GM"} << "";
  }
  void constraints() {
    QFETCH(QStringList, args);
    QFETCH(QString, onlyCountry);
    const QString box = tmp_.filePath("france.geojson");
    QFile f(box);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        R"({"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[-1,44],[7,44],[7,50],[-1,50],[-1,44]]]}})");
    f.close();
    args.replaceInStrings("box", box);
    const Run r = cliCached(QStringList{"predict", "--model", fixturePath("model"), "--top-k", "50"} + args +
                                QStringList{fixturePath("images/landscape_640x480.jpg")},
                            cache());
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject o = r.json().value("results").toArray().at(0).toObject();
    const QJsonObject c = o.value("constraint").toObject();
    QVERIFY(c.value("mass_inside").toDouble() > 0 && c.value("mass_inside").toDouble() <= 1);
    if (c.value("empty").toBool()) { // said so: no lists, no estimate
      QVERIFY(o.value("countries").toArray().isEmpty());
      QVERIFY(o.value("estimate").isNull());
      return;
    }
    verifyCoherent(o);
    double sum = 0;
    for (const auto &v : o.value("countries").toArray()) {
      sum += at(v, "probability").toDouble();
      if (!onlyCountry.isEmpty())
        QCOMPARE(at(v, "code").toString(), onlyCountry);
    }
    if (!onlyCountry.isEmpty())
      QVERIFY(std::abs(sum - 1.0) < 1e-6); // renormalised
    else
      for (const auto &v : o.value("countries").toArray())
        QVERIFY(!args.at(1).split(',').contains(at(v, "code").toString()));
    if (args.first() != "--exclude-countries") {
      const QJsonObject est = o.value("estimate").toObject();
      QVERIFY(est["lat"].toDouble() > 41 && est["lat"].toDouble() < 51.5);
    }
  }

  void badConstraintFiles_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing file") << QStringList{"--within", "nothere.geojson"}
                                  << "nothere.geojson: cannot open";
    QTest::newRow("point") << QStringList{"--exclude", "point"} << "a Point is not an area";
    QTest::newRow("bad circle") << QStringList{"--near", "95,0,10"} << "is not LAT,LON,KM";
    QTest::newRow("bad country") << QStringList{"--countries", "XX"} << "'XX' is not an ISO";
    QTest::newRow("bad region") << QStringList{"--regions", "ZZ.99"} << "'ZZ.99' is not a region";
    QTest::newRow("bad grouping") << QStringList{"--group-by", "nothere.csv"} << "nothere.csv: cannot open";
  }
  // A bad constraint is a usage error that names the file and the problem.
  void badConstraintFiles() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const QString point = tmp_.filePath("point.geojson");
    QFile f(point);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"type":"Point","coordinates":[2,48]})");
    f.close();
    args.replaceInStrings(QRegularExpression("^point$"), point);
    const Run r = cliCached(QStringList{"predict", "--model", fixturePath("model")} + args +
                                QStringList{fixturePath("images/landscape_640x480.jpg")},
                            cache());
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
  }

  // --group-by folder and CSV: sites with members; a site of one photo equals that photo.
  void sites() {
    const QString root = tmp_.filePath("sites");
    copyFixture(root + "/street", "landscape_640x480.jpg", "a.jpg");
    copyFixture(root + "/street", "landscape_640x480.png", "b.png");
    copyFixture(root + "/street", "odd_1023x771.png", "c.png");
    copyFixture(root + "/alone", "square_336.png", "d.png");
    const Run r = cliCached(
        {"predict", "--model", fixturePath("model"), "--top-k", "50", "--group-by", "folder", root}, cache());
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonArray sites = r.json().value("sites").toArray();
    QCOMPARE(sites.size(), 2);
    QJsonObject street, alone;
    for (const auto &s : sites)
      (at(s, "name").toString().endsWith("street") ? street : alone) = s.toObject();
    QCOMPARE(street.value("members").toArray().size(), 3);
    QCOMPARE(alone.value("members").toArray().size(), 1);
    for (const char *key :
         {"name", "members", "countries", "regions", "cities", "estimate", "confidence_regions", "uncertain"})
      QVERIFY2(street.contains(key), key);
    verifyCoherent(street);
    verifyRegions(street);
    QJsonObject photo;
    for (const auto &v : r.json().value("results").toArray())
      if (at(v, "path").toString().endsWith("d.png"))
        photo = v.toObject();
    QCOMPARE(alone.value("estimate"), photo.value("estimate"));
    const QJsonArray a = alone.value("countries").toArray(), b = photo.value("countries").toArray();
    QCOMPARE(a.size(), b.size());
    for (int i = 0; i < a.size(); ++i)
      QVERIFY(std::abs(at(a[i], "probability").toDouble() - at(b[i], "probability").toDouble()) < 1e-9);

    // The same grouping from a CSV (paths relative to the CSV).
    QFile csv(root + "/sites.csv");
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("path,site\nstreet/a.jpg,S1\nstreet/b.png,S1\nalone/d.png,S2\n");
    csv.close();
    const Run c =
        cliCached({"predict", "--model", fixturePath("model"), "--group-by", csv.fileName(), root}, cache());
    QVERIFY2(c.code == 0, c.err.constData());
    const QJsonArray csvSites = c.json().value("sites").toArray();
    QCOMPARE(csvSites.size(), 2);
    for (const auto &site : csvSites) // in order of their first member: alone/ comes before street/
      QCOMPARE(at(site, "members").toArray().size(), at(site, "name").toString() == "S1" ? 2 : 1);
    QCOMPARE(at(csvSites[0], "name").toString(), QStringLiteral("S2"));
  }

  // `report --project` writes the sites and applies the constraint a project keeps (the app stores
  // them): its site equals predict --group-by's fusion of the same photos, and every result and
  // the site keep to the stored countries.
  void reportProjectSites() {
    const QString root = tmp_.filePath("report-sites");
    copyFixture(root + "/street", "landscape_640x480.jpg", "a.jpg");
    copyFixture(root + "/street", "landscape_640x480.png", "b.png");
    copyFixture(root + "/street", "odd_1023x771.png", "c.png");
    const QString project = tmp_.filePath("report-sites.streetlens");
    const Run r = cliCached({"predict", "--model", fixturePath("model"), "--group-by", "folder", "--project",
                             project, root + "/street"},
                            cache());
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject expected = r.json().value("sites").toArray().first().toObject();
    QStringList shas;
    for (const auto &v : r.json().value("results").toArray())
      shas << at(v, "sha256").toString();
    QCOMPARE(shas.size(), 3);
    {
      QString err;
      auto store = store::ProjectStore::open(project, &err);
      QVERIFY2(store, qPrintable(err));
      QVERIFY(store->setSites({{QStringLiteral("Main street"), shas}}, &err));
    }
    const QString json = tmp_.filePath("report-sites.json");
    Run rep = cliCached({"report", "--project", project, "-o", json, "--top-k", "5"}, {});
    QVERIFY2(rep.code == 0, rep.err.constData());
    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    const QJsonArray sites = doc.value("sites").toArray();
    QCOMPARE(sites.size(), 1);
    const QJsonObject site = sites[0].toObject();
    QCOMPARE(site.value("name").toString(), QStringLiteral("Main street"));
    QCOMPARE(site.value("members").toArray().size(), 3);
    const QJsonArray a = site.value("countries").toArray(), b = expected.value("countries").toArray();
    QVERIFY(!a.isEmpty());
    for (int i = 0; i < a.size(); ++i) {
      QCOMPARE(at(a[i], "code").toString(), at(b[i], "code").toString());
      QVERIFY(std::abs(at(a[i], "probability").toDouble() - at(b[i], "probability").toDouble()) < 1e-9);
    }
    QVERIFY(std::abs(at(at(site, "estimate"), "lat").toDouble() -
                     at(at(expected, "estimate"), "lat").toDouble()) < 1e-6);
    // The HTML report has the site's section.
    const QString html = tmp_.filePath("report-sites.html");
    rep = cliCached({"report", "--project", project, "-o", html}, {});
    QVERIFY2(rep.code == 0, rep.err.constData());
    QFile h(html);
    QVERIFY(h.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(h.readAll());
    QVERIFY(text.contains("Site 1. Main street"));
    QVERIFY(text.contains("Photos of the site (3)"));

    // A stored constraint: the site's top country only. The results and the site keep to it.
    const QString keep = at(b[0], "code").toString();
    {
      QString err;
      auto store = store::ProjectStore::open(project, &err);
      QVERIFY2(store, qPrintable(err));
      GeoConstraint c;
      c.countries = QStringList{keep};
      QVERIFY(store->setConstraint(c, &err));
    }
    rep = cliCached({"report", "--project", project, "-o", json}, {});
    QVERIFY2(rep.code == 0, rep.err.constData());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject constrained = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    int kept = 0;
    for (const auto &v : constrained.value("results").toArray()) {
      QVERIFY(at(v, "constraint").isObject()); // applied to every photo
      if (at(at(v, "constraint"), "empty").toBool())
        continue; // nothing inside: the photo says so and keeps the model's lists
      for (const auto &c : v.toObject().value("countries").toArray()) {
        if (at(c, "code").toString() != keep) { // listed, with nothing left
          QCOMPARE(at(c, "probability").toDouble(), 0.0);
          continue;
        }
        QVERIFY(std::abs(at(c, "probability").toDouble() - 1.0) < 1e-9);
        ++kept;
      }
    }
    QVERIFY(kept > 0);
    const QJsonArray siteCountries =
        constrained.value("sites").toArray().first().toObject().value("countries").toArray();
    QCOMPARE(at(siteCountries[0], "code").toString(), keep);
    QVERIFY(std::abs(at(siteCountries[0], "probability").toDouble() - 1.0) < 1e-9);
    for (int i = 1; i < siteCountries.size(); ++i)
      QVERIFY(at(siteCountries[i], "probability").toDouble() < 1e-9);
  }

  // eval's coverage, mean areas and country ECE equal an independent computation from its rows.
  void evalCalibration() {
    const QString dir = tmp_.filePath("eval");
    QDir().mkpath(dir);
    struct Place {
      const char *name;
      double lat, lon;
    } places[] = {{"paris.jpg", 48.8566, 2.3522}, {"touba.jpg", 14.85, -15.88},
                  {"zomba.jpg", -15.38, 35.32},   {"tehran.jpg", 35.69, 51.39},
                  {"luanda.jpg", -8.84, 13.23},   {"sydney.jpg", -33.87, 151.21}};
    for (const auto &p : places) {
      const QString path = copyFixture(dir, "landscape_640x480.jpg", p.name);
      QVERIFY(writeExifGps(path, p.lat, p.lon));
    }
    const QString details = tmp_.filePath("rows.csv"), plot = tmp_.filePath("plot.svg");
    const Run e = cliCached(
        {"eval", "--model", fixturePath("model"), "--details", details, "--plot", plot, dir}, cache());
    QVERIFY2(e.code == 0, e.err.constData());
    QString err;
    const auto rows = exporting::parseCsv(readAll(details), &err);
    QCOMPARE(rows.size(), 7);
    const QStringList head = rows[0];
    auto col = [&](const char *name) { return int(head.indexOf(QLatin1String(name))); };
    std::array<double, 3> inside{}, area{};
    std::array<double, 10> conf{}, hit{};
    std::array<int, 10> count{};
    for (int i = 1; i < rows.size(); ++i) {
      const QStringList &r = rows[i];
      int l = 0;
      for (const char *c : {"in_50", "in_90", "in_99"})
        inside[size_t(l++)] += r[col(c)].toInt();
      l = 0;
      for (const char *c : {"area_50", "area_90", "area_99"})
        area[size_t(l++)] += r[col(c)].toDouble();
      QVERIFY(r[col("in_50")].toInt() <= r[col("in_90")].toInt());
      QVERIFY(r[col("in_90")].toInt() <= r[col("in_99")].toInt());
      const double p = r[col("top_country_p")].toDouble();
      const int b = std::min(9, int(p * 10));
      ++count[size_t(b)];
      conf[size_t(b)] += p;
      hit[size_t(b)] += r[col("top_country")] == r[col("true_country")];
    }
    double ece = 0;
    for (int b = 0; b < 10; ++b)
      if (count[size_t(b)])
        ece += count[size_t(b)] / 6.0 *
               std::abs(hit[size_t(b)] / count[size_t(b)] - conf[size_t(b)] / count[size_t(b)]);
    const QJsonObject s = e.json();
    int l = 0;
    for (const char *level : {"0.5", "0.9", "0.99"}) {
      QVERIFY(std::abs(at(s, "coverage").toObject()[level].toDouble() - inside[size_t(l)] / 6.0) < 1e-12);
      QVERIFY(std::abs(at(s, "mean_area_km2").toObject()[level].toDouble() - area[size_t(l)] / 6.0) <
              1e-6 * (1 + area[size_t(l)]));
      ++l;
    }
    QVERIFY(std::abs(at(s, "country_ece").toDouble() - ece) < 1e-9);
    // by_continent: the rows' own continents, their counts and medians.
    QMap<QString, std::vector<double>> errors;
    for (int i = 1; i < rows.size(); ++i)
      errors[rows[i][col("true_continent")]].push_back(rows[i][col("error_km")].toDouble());
    const QJsonObject continents = s.value("by_continent").toObject();
    QCOMPARE(continents.keys(), QStringList(errors.keys()));
    QVERIFY(continents.contains("Europe") && continents.contains("Africa") && continents.contains("Oceania"));
    for (auto it = errors.begin(); it != errors.end(); ++it) {
      auto sortedKm = it.value();
      std::sort(sortedKm.begin(), sortedKm.end());
      const double median = sortedKm.size() % 2
                                ? sortedKm[sortedKm.size() / 2]
                                : 0.5 * (sortedKm[sortedKm.size() / 2 - 1] + sortedKm[sortedKm.size() / 2]);
      QCOMPARE(at(continents.value(it.key()), "n").toInt(), int(sortedKm.size()));
      QVERIFY(std::abs(at(continents.value(it.key()), "median_km").toDouble() - median) < 1e-3);
    }
    QVERIFY(readAll(plot).startsWith("<svg"));
  }
};

QTEST_GUILESS_MAIN(TestCliEvidence)
#include "tst_cli_evidence.moc"
