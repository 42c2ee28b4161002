// Sharded batches through streetlens-cli on the tiny-clip fixture (issue 23): predict/eval
// --shard K/N and --shard-from-env, merge of projects, JSON and CSV (equal to one process,
// idempotent, refusing shards that disagree), resume of a shard, and prepare-labels.
#include "core/store/ProjectStore.h"
#include "tests/cli/CliRun.h"
#include "tests/support/ExifWriter.h"
#include "tests/support/Fixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>

using namespace streetlens;
using namespace streetlens::test;

namespace {

// `n` distinct small photos (each its own colour: distinct bytes and SHA-256) in two sub-folders.
void makePhotos(const QString &dir, int n) {
  for (int i = 0; i < n; ++i) {
    const QString sub = dir + (i % 2 ? "/odd" : "/even");
    QDir().mkpath(sub);
    QImage img(64, 48, QImage::Format_RGB32);
    img.fill(QColor((i * 37) % 256, (i * 91) % 256, (i * 53 + 40) % 256));
    QVERIFY(img.save(QStringLiteral("%1/photo_%2.png").arg(sub).arg(i, 3, 10, QLatin1Char('0')), "PNG"));
  }
}

QJsonArray resultsOf(const QString &jsonFile) {
  return QJsonDocument::fromJson(readAll(jsonFile)).object().value("results").toArray();
}

// path -> result, from a JSON output.
QMap<QString, QJsonObject> byPath(const QJsonArray &results) {
  QMap<QString, QJsonObject> m;
  for (const auto &v : results)
    m.insert(v.toObject().value("path").toString(), v.toObject());
  return m;
}

// What a project holds, comparable: path, SHA-256, status, estimate and top country per image.
QStringList projectContent(const QString &file) {
  QString err;
  auto db = store::ProjectStore::open(file, &err);
  if (!db)
    return {"cannot open: " + err};
  QStringList rows;
  const auto images = db->loadAll(&err);
  if (!images)
    return {"cannot read: " + err};
  for (const auto &s : *images) {
    QString row = s.image.path + " " + s.image.sha256 + " " + QString::number(int(s.status));
    if (s.result && s.result->estimate)
      row += QStringLiteral(" %1,%2")
                 .arg(s.result->estimate->lat, 0, 'g', 17)
                 .arg(s.result->estimate->lon, 0, 'g', 17);
    if (s.result && !s.result->countries.empty())
      row += " " + s.result->countries.front().code;
    rows << row;
  }
  return rows;
}

// Names and bytes of every file under a folder.
QMap<QString, QByteArray> folderContent(const QString &dir) {
  QMap<QString, QByteArray> m;
  QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString f = it.next();
    m.insert(f, readAll(f));
  }
  return m;
}

} // namespace

class TestCliScale : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  QString photos_, cache_, model_;
  static constexpr int kPhotos = 24;

  QStringList predict(const QStringList &more) {
    return QStringList{"predict", "--model", model_, "--cache-dir", cache_, photos_} + more;
  }

private Q_SLOTS:
  void initTestCase() {
    STREETLENS_REQUIRE_FIXTURE();
    QVERIFY(tmp_.isValid());
    photos_ = tmp_.filePath("photos");
    cache_ = tmp_.filePath("cache");
    model_ = fixturePath("model");
    makePhotos(photos_, kPhotos);
  }

  // prepare-labels fills the cache once; later runs (and predict) only read it.
  void prepareLabelsFillsTheCacheOnce() {
    const Run first = cli({"prepare-labels", "--model", model_, "--cache-dir", cache_});
    QVERIFY2(first.code == 0, first.err.constData());
    const int sets = first.json().value("label_sets").toInt();
    QVERIFY(sets > 0);
    QCOMPARE(first.json().value("computed").toInt() + first.json().value("reused").toInt(), sets);
    const auto before = folderContent(cache_);
    QVERIFY(before.size() >= first.json().value("computed").toInt());
    const Run again = cli({"prepare-labels", "--model", model_, "--cache-dir", cache_});
    QCOMPARE(again.code, 0);
    QCOMPARE(again.json().value("computed").toInt(), 0);
    QCOMPARE(again.json().value("reused").toInt(), sets);
    const Run p = cli(predict({"--shard", "0/4", "-o", tmp_.filePath("cache-check.json")}));
    QVERIFY2(p.code == 0, p.err.constData());
    QCOMPARE(folderContent(cache_), before); // nothing written, nothing recomputed
    const Run noDir = cli({"prepare-labels", "--model", model_});
    QCOMPARE(noDir.code, 2);
    QVERIFY(noDir.err.contains("--cache-dir"));
    // A cache folder that cannot be made (a file is in the way): refused, named.
    const QString blocked = tmp_.filePath("a-file");
    QFile block(blocked);
    QVERIFY(block.open(QIODevice::WriteOnly));
    block.close();
    const Run cannot = cli({"prepare-labels", "--model", model_, "--cache-dir", blocked + "/cache"});
    QCOMPARE(cannot.code, 2);
    QVERIFY2(cannot.err.contains(blocked.toUtf8() + "/cache: cannot write the label cache"),
             cannot.err.constData());
  }

  // The shards of a folder, merged (JSON, CSV and projects), equal one process over it.
  void shardsMergeToOneProcess_data() {
    QTest::addColumn<int>("shards");
    QTest::newRow("2 shards") << 2;
    QTest::newRow("3 shards") << 3;
  }
  void shardsMergeToOneProcess() {
    QFETCH(int, shards);
    const QString dir = tmp_.filePath(QStringLiteral("merge%1").arg(shards));
    QDir().mkpath(dir);
    const Run whole = cli(predict({"-o", dir + "/whole.json"}));
    QVERIFY2(whole.code == 0, whole.err.constData());
    QVERIFY(cli(predict({"-o", dir + "/whole.csv"})).code == 0);
    QStringList json, csv, projects;
    QSet<QString> seen;
    int sum = 0;
    for (int k = 0; k < shards; ++k) {
      const QString base = QStringLiteral("%1/shard-%2").arg(dir).arg(k);
      const QString shard = QStringLiteral("%1/%2").arg(k).arg(shards);
      const Run r = cli(predict({"--shard", shard, "-o", base + ".json", "--project", base + ".streetlens"}));
      QVERIFY2(r.code == 0, r.err.constData());
      QVERIFY2(r.err.contains("shard " + shard.toUtf8()), r.err.constData());
      QVERIFY(cli(predict({"--shard", shard, "-o", base + ".csv"})).code == 0);
      const QJsonArray part = resultsOf(base + ".json");
      sum += int(part.size());
      for (const auto &v : part)
        seen.insert(v.toObject().value("path").toString());
      json << base + ".json";
      csv << base + ".csv";
      projects << base + ".streetlens";
    }
    QCOMPARE(sum, kPhotos);              // disjoint
    QCOMPARE(int(seen.size()), kPhotos); // complete
    // JSON: the same results, the same model.
    const Run mj = cli(QStringList{"merge", "-o", dir + "/merged.json"} + json);
    QVERIFY2(mj.code == 0, mj.err.constData());
    QCOMPARE(mj.json().value("images").toInt(), kPhotos);
    QCOMPARE(mj.json().value("duplicates").toInt(), 0);
    const QJsonObject merged = QJsonDocument::fromJson(readAll(dir + "/merged.json")).object();
    const QJsonObject single = QJsonDocument::fromJson(readAll(dir + "/whole.json")).object();
    QCOMPARE(merged.value("model"), single.value("model"));
    QCOMPARE(byPath(merged.value("results").toArray()), byPath(single.value("results").toArray()));
    // CSV: byte for byte (one process lists a folder in path order too).
    const Run mc = cli(QStringList{"merge", "-o", dir + "/merged.csv"} + csv);
    QVERIFY2(mc.code == 0, mc.err.constData());
    QCOMPARE(readAll(dir + "/merged.csv"), readAll(dir + "/whole.csv"));
    // Projects: every photo once, with the results of the JSON.
    const Run mp = cli(QStringList{"merge", "-o", dir + "/case.streetlens"} + projects);
    QVERIFY2(mp.code == 0, mp.err.constData());
    QCOMPARE(mp.json().value("images").toInt(), kPhotos);
    QCOMPARE(mp.json().value("done").toInt(), kPhotos);
    const QStringList content = projectContent(dir + "/case.streetlens");
    QCOMPARE(content.size(), kPhotos);
    const auto singleByPath = byPath(single.value("results").toArray());
    for (const QString &row : content) {
      const QJsonObject ref = singleByPath.value(row.section(' ', 0, 0));
      QVERIFY2(!ref.isEmpty(), qPrintable(row));
      QCOMPARE(row.section(' ', 1, 1), ref.value("sha256").toString());
      const QJsonObject est = ref.value("estimate").toObject();
      QCOMPARE(row.section(' ', 3, 3), QStringLiteral("%1,%2")
                                           .arg(est.value("lat").toDouble(), 0, 'g', 17)
                                           .arg(est.value("lon").toDouble(), 0, 'g', 17));
    }
    // Idempotent: merged again, in another order, the same.
    QStringList reversed = projects;
    std::reverse(reversed.begin(), reversed.end());
    QVERIFY(cli(QStringList{"merge", "-o", dir + "/case.streetlens"} + reversed).code == 0);
    QCOMPARE(projectContent(dir + "/case.streetlens"), content);
    const QByteArray mergedJson = readAll(dir + "/merged.json");
    QStringList reversedJson = json;
    std::reverse(reversedJson.begin(), reversedJson.end());
    QVERIFY(cli(QStringList{"merge", "-o", dir + "/merged.json"} + reversedJson).code == 0);
    QCOMPARE(readAll(dir + "/merged.json"), mergedJson);
    // A shard given twice: no duplicates.
    const Run twice = cli(QStringList{"merge", "-o", dir + "/twice.json"} + json + QStringList{json.first()});
    QCOMPARE(twice.code, 0);
    QCOMPARE(twice.json().value("images").toInt(), kPhotos);
    QVERIFY(twice.json().value("duplicates").toInt() > 0);
    QCOMPARE(resultsOf(dir + "/twice.json").size(), kPhotos);
  }

  // Shards that disagree on the model or the settings are refused, naming both files.
  void mergeRefusesDisagreement() {
    const QString dir = tmp_.filePath("disagree");
    QDir().mkpath(dir);
    QVERIFY(
        cli(predict({"--shard", "0/2", "--project", dir + "/a.streetlens", "-o", dir + "/a.json"})).code ==
        0);
    QVERIFY(cli(predict({"--shard", "1/2", "--mode", "flat", "--project", dir + "/b.streetlens"})).code == 0);
    const Run settings =
        cli({"merge", "-o", dir + "/m.streetlens", dir + "/a.streetlens", dir + "/b.streetlens"});
    QCOMPARE(settings.code, 1);
    QVERIFY2(settings.err.contains("different settings") && settings.err.contains("a.streetlens") &&
                 settings.err.contains("b.streetlens"),
             settings.err.constData());
    QVERIFY(!QFileInfo::exists(dir + "/m.streetlens"));
    // A JSON shard of another model (its weights' SHA-256 changed).
    QJsonObject other = QJsonDocument::fromJson(readAll(dir + "/a.json")).object();
    QJsonObject model = other.value("model").toObject();
    model.insert("sha256", QString(64, QLatin1Char('0')));
    other.insert("model", model);
    QFile f(dir + "/other.json");
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(other).toJson());
    f.close();
    const Run models = cli({"merge", "-o", dir + "/m.json", dir + "/a.json", dir + "/other.json"});
    QCOMPARE(models.code, 1);
    QVERIFY2(models.err.contains("a.json") && models.err.contains("other.json") &&
                 models.err.contains("sha256"),
             models.err.constData());
    // Usage: kinds mixed, output among the shards, nothing given.
    QCOMPARE(cli({"merge", "-o", dir + "/m.json", dir + "/a.streetlens"}).code, 2);
    QCOMPARE(cli({"merge", "-o", dir + "/a.json", dir + "/a.json"}).code, 2);
    QCOMPARE(cli({"merge", "-o", dir + "/m.json"}).code, 2);
    QCOMPARE(cli({"merge", "-o", dir + "/m.json", dir + "/missing.json"}).code, 1);
  }

  // A shard run again on its project analyses nothing again (the stored results are kept).
  void shardResumesOnItsProject() {
    const QString project = tmp_.filePath("resume.streetlens");
    QVERIFY(cli(predict({"--shard", "1/3", "--project", project})).code == 0);
    QString err;
    auto times = [&] {
      QMap<QString, QDateTime> m;
      auto db = store::ProjectStore::open(project, &err);
      const auto images = db ? db->loadAll(&err) : std::nullopt;
      for (const auto &s : images.value_or(std::vector<store::StoredImage>{}))
        m.insert(s.image.sha256, s.result ? s.result->analyzedAt : QDateTime());
      return m;
    };
    const auto before = times();
    QVERIFY(!before.isEmpty());
    QVERIFY(cli(predict({"--shard", "1/3", "--project", project})).code == 0);
    QCOMPARE(times(), before);
  }

  // --shard-from-env: the SLURM array's and the Indexed Job's variables pick the same shard as
  // --shard K/N.
  void shardFromEnvironment_data() {
    QTest::addColumn<QStringList>("vars");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("same"); // the --shard it equals; empty: a usage error
    QTest::newRow("slurm 0-2, task 1")
        << QStringList{"SLURM_ARRAY_TASK_ID=1", "SLURM_ARRAY_TASK_COUNT=3", "SLURM_ARRAY_TASK_MIN=0"}
        << QStringList{} << "1/3";
    QTest::newRow("slurm 1-3, task 3")
        << QStringList{"SLURM_ARRAY_TASK_ID=3", "SLURM_ARRAY_TASK_COUNT=3", "SLURM_ARRAY_TASK_MIN=1"}
        << QStringList{} << "2/3";
    QTest::newRow("k8s --shard-count")
        << QStringList{"JOB_COMPLETION_INDEX=0"} << QStringList{"--shard-count", "3"} << "0/3";
    QTest::newRow("k8s variable") << QStringList{"JOB_COMPLETION_INDEX=2", "STREETLENS_SHARD_COUNT=3"}
                                  << QStringList{} << "2/3";
    QTest::newRow("k8s without count") << QStringList{"JOB_COMPLETION_INDEX=2"} << QStringList{} << "";
    QTest::newRow("no scheduler") << QStringList{} << QStringList{} << "";
    QTest::newRow("with --shard") << QStringList{"JOB_COMPLETION_INDEX=2"} << QStringList{"--shard", "0/2"}
                                  << "";
  }
  void shardFromEnvironment() {
    QFETCH(QStringList, vars);
    QFETCH(QStringList, options);
    QFETCH(QString, same);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *v : {"SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN",
                          "SLURM_ARRAY_TASK_STEP", "JOB_COMPLETION_INDEX", "STREETLENS_SHARD_COUNT"})
      env.remove(v);
    for (const QString &v : vars)
      env.insert(v.section('=', 0, 0), v.section('=', 1));
    const QString out = tmp_.filePath("env-" + QString(QTest::currentDataTag()).replace(' ', '_') + ".json");
    const Run r = cli(predict(QStringList{"--shard-from-env", "-o", out} + options), env);
    if (same.isEmpty()) {
      QCOMPARE(r.code, 2);
      QVERIFY2(r.err.startsWith("streetlens-cli: --shard"), r.err.constData());
      return;
    }
    QVERIFY2(r.code == 0, r.err.constData());
    const QString ref = tmp_.filePath("env-ref-" + QString(same).replace('/', '-') + ".json");
    if (!QFileInfo::exists(ref))
      QVERIFY(cli(predict({"--shard", same, "-o", ref})).code == 0);
    QCOMPARE(byPath(resultsOf(out)).keys(), byPath(resultsOf(ref)).keys());
  }

  // eval --shard: the shards' counts add up to the whole folder's.
  void evalShardsAddUp() {
    const QString dir = tmp_.filePath("tagged");
    QDir().mkpath(dir);
    for (int i = 0; i < 9; ++i) {
      const QString path = QStringLiteral("%1/t%2.jpg").arg(dir).arg(i);
      QVERIFY(QFile::copy(fixturePath("images/landscape_640x480.jpg"), path));
      QFile(path).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
      QVERIFY(writeExifGps(path, 10.0 + i, 20.0 - i));
    }
    const QStringList base{"eval", "--model", model_, "--cache-dir", cache_, dir};
    const Run whole = cli(base);
    QVERIFY2(whole.code == 0, whole.err.constData());
    QCOMPARE(whole.json().value("n").toInt(), 9);
    int sum = 0;
    for (int k = 0; k < 3; ++k) {
      const Run r = cli(base + QStringList{"--shard", QStringLiteral("%1/3").arg(k)});
      QVERIFY2(r.code == 0, r.err.constData());
      sum += r.json().value("n").toInt();
    }
    QCOMPARE(sum, 9);
    QCOMPARE(cli(base + QStringList{"--shard", "3/3"}).code, 2);
    // --csv: each row is checked and counted by its own shard only (a missing file, bad
    // coordinates), so the shards' counts add up to the whole run's.
    QFile csv(tmp_.filePath("truth.csv"));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("IMG_ID,LAT,LON\n");
    for (int i = 0; i < 9; ++i)
      csv.write(QStringLiteral("t%1.jpg,%2,%3\n").arg(i).arg(10.0 + i).arg(20.0 - i).toUtf8());
    csv.write("missing.jpg,1,2\nt0.jpg,95,0\n");
    csv.close();
    const QStringList csvBase{"eval",         "--model",  model_, "--cache-dir", cache_, "--csv",
                              csv.fileName(), "--images", dir};
    const Run all = cli(csvBase);
    QCOMPARE(all.code, 1);
    QCOMPARE(all.json().value("n").toInt(), 9);
    QCOMPARE(all.json().value("failed").toInt(), 2);
    int n = 0, failed = 0;
    for (int k = 0; k < 3; ++k) {
      const Run r = cli(csvBase + QStringList{"--shard", QStringLiteral("%1/3").arg(k)});
      n += r.json().value("n").toInt();
      failed += r.json().value("failed").toInt();
    }
    QCOMPARE(n, 9);
    QCOMPARE(failed, 2);
  }
};

QTEST_GUILESS_MAIN(TestCliScale)
#include "tst_cli_scale.moc"
