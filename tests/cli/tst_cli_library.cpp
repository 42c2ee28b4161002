// The case library through streetlens-cli on the tiny-clip fixture (real engine, issue 21):
// `index` then `search` equals a float64 brute-force ranking of `embed`'s embeddings; index
// errors; `predict --gallery`; near-duplicate groups of generated photos with known copies.
#include "core/export/Csv.h"
#include "core/geo/GreatCircle.h"
#include "core/library/EmbeddingIndex.h"
#include "core/library/NearDuplicates.h"
#include "core/store/ProjectStore.h"
#include "tests/cli/CliRun.h"
#include "tests/support/Fixture.h"

#include <QBuffer>
#include <QImage>
#include <QJsonArray>
#include <QPainter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>
#include <cmath>

using namespace streetlens;
using namespace streetlens::test;

namespace {
const QStringList kImages{"landscape_640x480.jpg", "square_336.png",   "portrait_480x800.png",
                          "gray_500x400.png",      "odd_1023x771.png", "wide_1200x300.png",
                          "small_200x150.png"};

// A synthetic street-like scene: sky, road, façades of random colours and windows.
QImage scene(quint32 seed) {
  QRandomGenerator rng(seed);
  QImage im(640, 480, QImage::Format_RGB32);
  QPainter p(&im);
  p.fillRect(im.rect(), QColor::fromHsv(rng.bounded(360), 80, 230));
  p.fillRect(0, 330, 640, 150, QColor(60 + rng.bounded(60), 60, 60));
  for (int b = 0; b < 6; ++b) {
    const QRect r(b * 110 + rng.bounded(20), 60 + rng.bounded(120), 90 + rng.bounded(30), 300);
    p.fillRect(r, QColor::fromHsv(rng.bounded(360), 40 + rng.bounded(200), 80 + rng.bounded(170)));
    for (int w = 0; w < 8; ++w)
      p.fillRect(r.x() + 10 + (w % 3) * 28, r.y() + 15 + (w / 3) * 45, 18, 28,
                 QColor(20, 30, 40 + rng.bounded(100)));
  }
  return im;
}
} // namespace

class TestCliLibrary : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  QString cache_, index_;

  QStringList engineArgs() const {
    return {
        "--model", fixturePath("model"), "--precision", "fp32", "--cache-dir", cache_, "--cities-per-country",
        "5"};
  }

private Q_SLOTS:
  void initTestCase() {
    STREETLENS_REQUIRE_FIXTURE();
    cache_ = tmp_.filePath("cache");
    index_ = tmp_.filePath("library.slidx");
    QStringList args{"index"};
    args << engineArgs() << "-o" << index_;
    for (const QString &f : kImages)
      args << fixturePath("images/" + f);
    const Run r = cli(args);
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY2(r.err.contains("indexed 7 photos"), r.err.constData());
  }

  // search == a float64 ranking of the projected embeddings `embed` prints (cosine), best first.
  void searchEqualsBruteForce_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("k");
    QTest::newRow("indexed photo, k 3") << "square_336.png" << 3;
    QTest::newRow("indexed photo, all") << "landscape_640x480.jpg" << 20;
    QTest::newRow("photo not in the index") << "rgba_300x520.png" << 5;
  }
  void searchEqualsBruteForce() {
    QFETCH(QString, query);
    QFETCH(int, k);
    QStringList embed{"embed", "--model", fixturePath("model"), "--precision", "fp32"};
    for (const QString &f : kImages)
      embed << "--image" << fixturePath("images/" + f);
    embed << "--image" << fixturePath("images/" + query);
    const Run e = cli(embed);
    QVERIFY2(e.code == 0, e.err.constData());
    const QJsonArray images = e.json().value("images").toArray();
    QCOMPARE(images.size(), kImages.size() + 1);
    auto vec = [&](int i) {
      std::vector<double> v;
      for (const auto &x : images[i].toObject().value("embedding").toArray())
        v.push_back(x.toDouble());
      return v;
    };
    const std::vector<double> q = vec(int(kImages.size()));
    std::vector<std::pair<double, QString>> ranking;
    for (int i = 0; i < kImages.size(); ++i) {
      const std::vector<double> v = vec(i);
      double dot = 0, qn = 0, vn = 0;
      for (size_t d = 0; d < v.size(); ++d) {
        dot += q[d] * v[d];
        qn += q[d] * q[d];
        vn += v[d] * v[d];
      }
      ranking.push_back(
          {dot / std::sqrt(qn * vn), QFileInfo(fixturePath("images/" + kImages[i])).absoluteFilePath()});
    }
    std::sort(ranking.begin(), ranking.end(), [](auto a, auto b) { return a.first > b.first; });

    QStringList args{"search"};
    args << engineArgs() << "--index" << index_ << "--k" << QString::number(k)
         << fixturePath("images/" + query);
    const Run s = cli(args);
    QVERIFY2(s.code == 0, s.err.constData());
    const QJsonObject o = s.json();
    QCOMPARE(o.value("query").toString(), QFileInfo(fixturePath("images/" + query)).absoluteFilePath());
    const QJsonArray results = o.value("results").toArray();
    QCOMPARE(results.size(), std::min<qsizetype>(k, kImages.size()));
    for (int j = 0; j < results.size(); ++j) {
      const QJsonObject r = results[j].toObject();
      const double score = r.value("score").toDouble();
      // float16 rows: scores agree to ~1e-3; a swap is allowed only between scores that close.
      QVERIFY2(
          std::abs(score - ranking[size_t(j)].first) < 3e-3,
          qPrintable(QStringLiteral("rank %1: %2 vs %3").arg(j).arg(score).arg(ranking[size_t(j)].first)));
      if (r.value("path").toString() != ranking[size_t(j)].second) {
        const auto other = std::find_if(ranking.begin(), ranking.end(), [&](const auto &x) {
          return x.second == r.value("path").toString();
        });
        QVERIFY(other != ranking.end());
        QVERIFY2(std::abs(other->first - ranking[size_t(j)].first) < 3e-3,
                 qPrintable(r.value("path").toString()));
      }
      if (j > 0)
        QVERIFY(score <= results[j - 1].toObject().value("score").toDouble());
    }
    if (kImages.contains(query)) { // the photo itself first
      QCOMPARE(results[0].toObject().value("path").toString(), ranking.front().second);
      QVERIFY(std::abs(results[0].toObject().value("score").toDouble() - 1.0) < 2e-3);
    }
  }

  void searchRefusesBadIndex_data() {
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("expected");
    QTest::newRow("truncated") << "truncate"
                               << "truncated or damaged";
    QTest::newRow("not an index") << "text"
                                  << "not a StreetLens index";
    QTest::newRow("other model") << "model"
                                 << "another model";
    QTest::newRow("missing") << "missing"
                             << "no such index file";
  }
  void searchRefusesBadIndex() {
    QFETCH(QString, damage);
    QFETCH(QString, expected);
    const QString bad = tmp_.filePath("bad-" + damage + ".slidx");
    QFile in(index_);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray bytes = in.readAll();
    if (damage == "truncate")
      bytes.chop(100);
    else if (damage == "text")
      bytes = QByteArray("path,lat,lon\n").repeated(20);
    else if (damage == "model")
      bytes.replace(library::IndexFormat::kModelAt, 64, QByteArray("f").repeated(64));
    if (damage != "missing") {
      QFile out(bad);
      QVERIFY(out.open(QIODevice::WriteOnly));
      out.write(bytes);
    }
    QStringList args{"search"};
    args << engineArgs() << "--index" << bad << fixturePath("images/square_336.png");
    const Run s = cli(args);
    QCOMPARE(s.code, 1);
    QVERIFY2(s.err.contains(bad.toUtf8()) && s.err.contains(expected.toUtf8()), s.err.constData());
    QVERIFY(s.out.isEmpty());
  }

  // The case folder: every project's kept embeddings, without analysing again — the same rows as
  // indexing the photos themselves (same engine, same pipeline).
  void indexProjectsFolder() {
    QTemporaryDir dir;
    const QList<QStringList> projects{{"landscape_640x480.jpg", "square_336.png", "gray_500x400.png"},
                                      {"square_336.png", "small_200x150.png"}};
    for (int i = 0; i < projects.size(); ++i) {
      QStringList args{"predict"};
      args << engineArgs() << "--project" << dir.filePath(QStringLiteral("case%1.streetlens").arg(i)) << "-o"
           << dir.filePath(QStringLiteral("case%1.json").arg(i));
      for (const QString &f : projects[i])
        args << fixturePath("images/" + f);
      const Run r = cli(args);
      QVERIFY2(r.code == 0, r.err.constData());
    }
    const QString out = dir.filePath("cases.slidx");
    const Run r = cli({"index", "--model", fixturePath("model"), "--projects", dir.path(), "-o", out});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY2(r.err.contains("indexed 4 photos of 2 projects"), r.err.constData()); // square_336 once
    QString err;
    auto fromProjects = library::EmbeddingIndex::open(out, QString(), &err);
    auto direct = library::EmbeddingIndex::open(index_, QString(), &err);
    QVERIFY2(fromProjects && direct, qPrintable(err));
    QCOMPARE(fromProjects->modelSha256(), direct->modelSha256());
    QHash<QString, std::int64_t> directRow;
    for (std::int64_t i = 0; i < direct->count(); ++i)
      directRow.insert(direct->entry(i).sha256, i);
    for (std::int64_t i = 0; i < fromProjects->count(); ++i) {
      const library::IndexEntry &e = fromProjects->entry(i);
      QVERIFY(directRow.contains(e.sha256));
      QCOMPARE(e.path, direct->entry(directRow.value(e.sha256)).path);
      QCOMPARE(fromProjects->row(i), direct->row(directRow.value(e.sha256)));
    }
    const Run none =
        cli({"index", "--model", fixturePath("model"), "--projects", tmp_.filePath("cache"), "-o", out});
    QCOMPARE(none.code, 1);
    QVERIFY2(none.err.contains("no .streetlens project"), none.err.constData());
  }

  void usageErrors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::newRow("index without -o")
        << QStringList{"index", "--model", fixturePath("model"), fixturePath("images")};
    QTest::newRow("search without --index")
        << QStringList{"search", "--model", fixturePath("model"), "x.jpg"};
    QTest::newRow("search --k 0") << QStringList{
        "search", "--model", fixturePath("model"), "--index", "a", "--k", "0", "x"};
    QTest::newRow("predict --gallery-k 0")
        << QStringList{"predict", "--model", fixturePath("model"), "--gallery", "a", "--gallery-k", "0", "x"};
  }
  void usageErrors() {
    QFETCH(QStringList, args);
    const Run r = cli(args);
    QVERIFY2(r.code == 2, r.err.constData());
  }

  // A gallery from a CSV of positions; predict --gallery lists the neighbours and their estimate.
  void predictWithGallery() {
    QTemporaryDir dir;
    QFile csv(dir.filePath("gallery.csv"));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    const QList<QPair<QString, QPointF>> places{{"landscape_640x480.jpg", {48.8566, 2.3522}},
                                                {"square_336.png", {48.8606, 2.3376}},
                                                {"portrait_480x800.png", {35.6762, 139.6503}},
                                                {"gray_500x400.png", {-33.8688, 151.2093}}};
    csv.write("path,lat,lon\n");
    for (const auto &[f, at] : places)
      csv.write(
          QStringLiteral("%1,%2,%3\n").arg(fixturePath("images/" + f)).arg(at.x()).arg(at.y()).toUtf8());
    csv.close();
    const QString gallery = dir.filePath("gallery.slidx");
    QStringList index{"index"};
    index << engineArgs() << "--positions" << csv.fileName() << "-o" << gallery;
    const Run ix = cli(index);
    QVERIFY2(ix.code == 0, ix.err.constData());
    QVERIFY2(ix.err.contains("indexed 4 photos (4 with a position)"), ix.err.constData());

    QStringList predict{"predict"};
    predict << engineArgs() << "--gallery" << gallery << "--gallery-k"
            << "3" << fixturePath("images/square_336.png");
    const Run p = cli(predict);
    QVERIFY2(p.code == 0, p.err.constData());
    const QJsonObject r = p.json().value("results").toArray().at(0).toObject();
    const QJsonObject g = r.value("gallery").toObject();
    QVERIFY2(!g.isEmpty(), p.out.constData());
    QCOMPARE(g.value("index").toString(), gallery);
    QVERIFY(g.value("fused").toBool());
    const QJsonArray n = g.value("neighbours").toArray();
    QCOMPARE(n.size(), 3);
    QCOMPARE(n[0].toObject().value("path").toString(),
             QFileInfo(fixturePath("images/square_336.png")).absoluteFilePath());
    QVERIFY(std::abs(n[0].toObject().value("score").toDouble() - 1) < 2e-3);
    const geo::GeoPoint est{g.value("estimate").toObject().value("lat").toDouble(),
                            g.value("estimate").toObject().value("lon").toDouble()};
    bool estimateIsANeighbour = false;
    double weights = 0;
    for (int i = 0; i < n.size(); ++i) {
      const QJsonObject o = n[i].toObject();
      const geo::GeoPoint at{o.value("lat").toDouble(), o.value("lon").toDouble()};
      estimateIsANeighbour |= geo::haversineKm(at, est) < 1e-9;
      QVERIFY(std::abs(o.value("distance_km").toDouble() - geo::haversineKm(est, at)) < 1e-6);
      weights += o.value("weight").toDouble();
      if (i > 0)
        QVERIFY(o.value("score").toDouble() <= n[i - 1].toObject().value("score").toDouble());
    }
    QVERIFY(estimateIsANeighbour);
    QVERIFY(std::abs(weights - 1) < 1e-9);
    QVERIFY(g.value("zero_shot_estimate").isObject());

    // The CSV announces the gallery columns and carries the JSON's evidence; a project keeps it.
    const QString csvOut = dir.filePath("out.csv"), project = dir.filePath("case.streetlens");
    QStringList asCsv = predict;
    asCsv << "--format"
          << "csv"
          << "-o" << csvOut << "--project" << project;
    const Run c = cli(asCsv);
    QVERIFY2(c.code == 0, c.err.constData());
    QFile csvFile(csvOut);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    QString err;
    const QList<QStringList> rows = exporting::parseCsv(csvFile.readAll(), &err);
    QVERIFY2(err.isEmpty() && rows.size() == 2, qPrintable(err));
    auto cell = [&](const char *key) { return rows[1].value(rows[0].indexOf(QLatin1String(key))); };
    QCOMPARE(cell("gallery_lat").toDouble(), est.lat);
    QCOMPARE(cell("gallery_lon").toDouble(), est.lon);
    QCOMPARE(cell("gallery_fused"), QStringLiteral("true"));
    QCOMPARE(cell("gallery_neighbours"), QStringLiteral("3"));
    QCOMPARE(cell("gallery_nearest_path"), n[0].toObject().value("path").toString());
    QCOMPARE(cell("gallery_nearest_score").toDouble(), n[0].toObject().value("score").toDouble());
    const QJsonObject z = g.value("zero_shot_estimate").toObject();
    QVERIFY(std::abs(cell("gallery_zero_shot_km").toDouble() -
                     geo::haversineKm({z.value("lat").toDouble(), z.value("lon").toDouble()}, est)) < 1e-6);
    auto store = store::ProjectStore::open(project, &err);
    QVERIFY2(store, qPrintable(err));
    const auto images = store->loadAll(&err);
    QVERIFY2(images && images->size() == 1, qPrintable(err));
    QVERIFY(images->front().result && images->front().result->gallery);
    QCOMPARE(images->front().result->gallery->neighbours.size(), size_t(3));
    QCOMPARE(images->front().result->gallery->estimate, est);

    // An index without positions is not a gallery.
    QStringList bad = predict;
    bad[bad.indexOf("--gallery") + 1] = index_;
    const Run b = cli(bad);
    QCOMPARE(b.code, 1);
    QVERIFY2(b.err.contains("not a gallery"), b.err.constData());
  }

  // Generated scenes, each with a resized, a recompressed and a cropped copy, indexed by the real
  // engine: the near-duplicate groups are the scenes.
  void nearDuplicatesOfGeneratedCopies() {
    QTemporaryDir dir;
    const int scenes = 4;
    QStringList files;
    for (int s = 0; s < scenes; ++s) {
      const QImage base = scene(quint32(100 + s));
      const QString stem = dir.filePath(QStringLiteral("scene%1").arg(s));
      QVERIFY(base.save(stem + "-original.png"));
      QVERIFY(
          base.scaled(384, 288, Qt::IgnoreAspectRatio, Qt::SmoothTransformation).save(stem + "-resized.png"));
      QVERIFY(base.save(stem + "-recompressed.jpg", "JPEG", 35));
      QVERIFY(base.copy(24, 18, 592, 444).save(stem + "-cropped.png"));
    }
    const QString out = dir.filePath("dups.slidx");
    QStringList args{"index"};
    args << engineArgs() << "-o" << out << dir.path();
    const Run r = cli(args);
    QVERIFY2(r.code == 0, r.err.constData());
    QString err;
    auto ix = library::EmbeddingIndex::open(out, QString(), &err);
    QVERIFY2(ix, qPrintable(err));
    QCOMPARE(ix->count(), scenes * 4);
    std::vector<library::DuplicateInput> photos;
    double worstCopy = 1, bestOther = -1;
    for (std::int64_t i = 0; i < ix->count(); ++i)
      photos.push_back({ix->entry(i).sha256, ix->row(i)});
    auto sceneOf = [&](std::int64_t i) { return QFileInfo(ix->entry(i).path).fileName().section('-', 0, 0); };
    for (std::int64_t i = 0; i < ix->count(); ++i)
      for (std::int64_t j = i + 1; j < ix->count(); ++j) {
        double dot = 0;
        for (size_t d = 0; d < photos[size_t(i)].embedding.size(); ++d)
          dot += double(photos[size_t(i)].embedding[d]) * photos[size_t(j)].embedding[d];
        (sceneOf(i) == sceneOf(j) ? worstCopy = std::min(worstCopy, dot)
                                  : bestOther = std::max(bestOther, dot));
      }
    qInfo("copies: lowest cosine %.4f; different scenes: highest %.4f", worstCopy, bestOther);
    const auto groups = library::nearDuplicateGroups(photos, kTinyThreshold);
    QCOMPARE(int(groups.size()), scenes);
    for (const auto &g : groups) {
      QCOMPARE(int(g.size()), 4);
      for (int m : g)
        QCOMPARE(sceneOf(m), sceneOf(g.front()));
    }
    // The same through streetlens-cli duplicates.
    const Run d = cli({"duplicates", "--index", out, "--threshold", QString::number(kTinyThreshold)});
    QVERIFY2(d.code == 0, d.err.constData());
    QCOMPARE(d.json().value("photos").toInt(), scenes * 4);
    QCOMPARE(d.json().value("scenes").toInt(), scenes);
    const QJsonArray cliGroups = d.json().value("groups").toArray();
    QCOMPARE(cliGroups.size(), scenes);
    for (const auto &g : cliGroups) {
      const QJsonArray paths = g.toObject().value("paths").toArray();
      QCOMPARE(paths.size(), 4);
      for (const auto &path : paths)
        QCOMPARE(QFileInfo(path.toString()).fileName().section('-', 0, 0),
                 QFileInfo(paths[0].toString()).fileName().section('-', 0, 0));
    }
    // The threshold decides: a low one joins every scene of the tiny model into one.
    const Run all = cli({"duplicates", "--index", out, "--threshold", "0.5"});
    QCOMPARE(all.json().value("scenes").toInt(), 1);
  }

private:
  // The fixture's random weights map every photo to nearly the same direction (cosines of 0.98 and
  // more between different scenes, where StreetCLIP's are far lower): the threshold is set for
  // it, between its copies (lowest 0.990) and its distinct scenes (highest 0.986). The grouping
  // itself is the one the app and the default threshold use.
  static constexpr double kTinyThreshold = 0.988;
};

QTEST_GUILESS_MAIN(TestCliLibrary)
#include "tst_cli_library.moc"
