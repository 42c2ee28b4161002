// Shard (issue 23): parsing of --shard K/N and of the schedulers' environment, the partition
// against values computed by Python's hashlib, and AnalysisSession's shard stage: complete,
// disjoint and independent of the order in which inputs are enqueued.
#include "core/analysis/AnalysisSession.h"
#include "core/analysis/Shard.h"

#include <QCryptographicHash>
#include <QSet>
#include <QtTest>
#include <algorithm>
#include <random>

using namespace streetlens;

namespace {

// The shard by long division of the hash's first 8 bytes, one byte at a time (an independent
// computation of "big-endian uint64 modulo N").
int shardByDivision(const QString &key, int n) {
  const QByteArray h = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256);
  quint64 rest = 0;
  for (int i = 0; i < 8; ++i)
    rest = (rest * 256 + quint8(h[i])) % quint64(n);
  return int(rest);
}

QStringList sampleKeys() {
  QStringList keys;
  for (int i = 0; i < 300; ++i)
    keys << QStringLiteral("site-%1/IMG_%2.jpg").arg(i % 7).arg(i, 4, 10, QLatin1Char('0'));
  keys << QStringLiteral("Ünïcode/é.jpg") << QStringLiteral("a.jpg");
  return keys;
}

// The keys a session with `shard` keeps, enqueued in `order`.
QSet<QString> keptBySession(const Shard &shard, const QStringList &order) {
  AnalysisSession session({});
  session.setShard(shard);
  for (const QString &k : order)
    session.enqueue({0, QStringLiteral("/data/") + k, {}, k});
  QSet<QString> kept;
  for (const AnalysisInput &in : session.takePending())
    kept.insert(in.shardKey);
  if (kept.size() + session.outOfShard() != order.size())
    return {QStringLiteral("<lost inputs>")};
  return kept;
}

} // namespace

class TestShard : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void parse_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("index"); // -1: refused
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("first of four") << "0/4" << 0 << 4 << "";
    QTest::newRow("last of four") << "3/4" << 3 << 4 << "";
    QTest::newRow("one shard") << "0/1" << 0 << 1 << "";
    QTest::newRow("K equal to N") << "4/4" << -1 << 0 << "must be below N (4)";
    QTest::newRow("N zero") << "0/0" << -1 << 0 << "expected K/N";
    QTest::newRow("negative K") << "-1/4" << -1 << 0 << "expected K/N";
    QTest::newRow("no slash") << "2" << -1 << 0 << "\"2\"";
    QTest::newRow("words") << "a/b" << -1 << 0 << "expected K/N";
    QTest::newRow("spaces") << " 1/4" << -1 << 0 << "expected K/N";
    QTest::newRow("three parts") << "1/2/3" << -1 << 0 << "expected K/N";
    QTest::newRow("too many shards") << "0/1000001" << -1 << 0 << "1000000";
  }
  void parse() {
    QFETCH(QString, text);
    QFETCH(int, index);
    QFETCH(int, count);
    QFETCH(QString, errorPart);
    QString err;
    const auto s = Shard::parse(text, &err);
    if (index < 0) {
      QVERIFY(!s);
      QVERIFY2(err.contains(errorPart) && err.contains(QStringLiteral("--shard")), qPrintable(err));
      return;
    }
    QVERIFY2(s, qPrintable(err));
    QCOMPARE(s->index, index);
    QCOMPARE(s->count, count);
    QCOMPARE(s->text(), text);
  }

  void environment_data() {
    QTest::addColumn<QStringList>("vars"); // NAME=value
    QTest::addColumn<int>("countOption");
    QTest::addColumn<int>("index"); // -1: refused
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("slurm 0-3, task 2")
        << QStringList{"SLURM_ARRAY_TASK_ID=2", "SLURM_ARRAY_TASK_COUNT=4", "SLURM_ARRAY_TASK_MIN=0"} << 0
        << 2 << 4 << "";
    QTest::newRow("slurm 1-4, task 1")
        << QStringList{"SLURM_ARRAY_TASK_ID=1", "SLURM_ARRAY_TASK_COUNT=4", "SLURM_ARRAY_TASK_MIN=1"} << 0
        << 0 << 4 << "";
    QTest::newRow("slurm without min")
        << QStringList{"SLURM_ARRAY_TASK_ID=3", "SLURM_ARRAY_TASK_COUNT=5"} << 0 << 3 << 5 << "";
    QTest::newRow("slurm with step") << QStringList{"SLURM_ARRAY_TASK_ID=4", "SLURM_ARRAY_TASK_COUNT=3",
                                                    "SLURM_ARRAY_TASK_STEP=2"}
                                     << 0 << -1 << 0 << "SLURM_ARRAY_TASK_STEP=2";
    QTest::newRow("slurm without count")
        << QStringList{"SLURM_ARRAY_TASK_ID=1"} << 0 << -1 << 0 << "SLURM_ARRAY_TASK_COUNT";
    QTest::newRow("slurm id beyond count") << QStringList{"SLURM_ARRAY_TASK_ID=9", "SLURM_ARRAY_TASK_COUNT=4"}
                                           << 0 << -1 << 0 << "SLURM_ARRAY_TASK_ID=9";
    QTest::newRow("slurm and a contradicting count")
        << QStringList{"SLURM_ARRAY_TASK_ID=1", "SLURM_ARRAY_TASK_COUNT=4"} << 3 << -1 << 0
        << "--shard-count 3";
    QTest::newRow("k8s with --shard-count") << QStringList{"JOB_COMPLETION_INDEX=5"} << 8 << 5 << 8 << "";
    QTest::newRow("k8s with the variable")
        << QStringList{"JOB_COMPLETION_INDEX=0", "STREETLENS_SHARD_COUNT=3"} << 0 << 0 << 3 << "";
    QTest::newRow("k8s option wins") << QStringList{"JOB_COMPLETION_INDEX=4", "STREETLENS_SHARD_COUNT=3"} << 6
                                     << 4 << 6 << "";
    QTest::newRow("k8s without a count")
        << QStringList{"JOB_COMPLETION_INDEX=1"} << 0 << -1 << 0 << "STREETLENS_SHARD_COUNT";
    QTest::newRow("k8s index beyond count")
        << QStringList{"JOB_COMPLETION_INDEX=3"} << 3 << -1 << 0 << "must be below the shard count 3";
    QTest::newRow("k8s index not a number")
        << QStringList{"JOB_COMPLETION_INDEX=x"} << 3 << -1 << 0 << "JOB_COMPLETION_INDEX=\"x\"";
    QTest::newRow("nothing set") << QStringList{} << 4 << -1 << 0 << "neither SLURM_ARRAY_TASK_ID";
  }
  void environment() {
    QFETCH(QStringList, vars);
    QFETCH(int, countOption);
    QFETCH(int, index);
    QFETCH(int, count);
    QFETCH(QString, errorPart);
    QHash<QString, QString> env;
    for (const QString &v : vars)
      env.insert(v.section(QLatin1Char('='), 0, 0), v.section(QLatin1Char('='), 1));
    QString err;
    const auto s = Shard::fromEnvironment(env, countOption, &err);
    if (index < 0) {
      QVERIFY(!s);
      QVERIFY2(err.contains(errorPart) && err.startsWith(QStringLiteral("--shard-from-env")),
               qPrintable(err));
      return;
    }
    QVERIFY2(s, qPrintable(err));
    QCOMPARE(s->index, index);
    QCOMPARE(s->count, count);
  }

  // Expected values from Python: int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], 'big') % N.
  void shardOfMatchesPython_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("of4");
    QTest::addColumn<int>("of7");
    QTest::addColumn<int>("of1000");
    QTest::newRow("a.jpg") << "a.jpg" << 2 << 4 << 26;
    QTest::newRow("photos/b.jpg") << "photos/b.jpg" << 2 << 0 << 102;
    QTest::newRow("x/y/z.png") << "x/y/z.png" << 2 << 5 << 546;
    QTest::newRow("unicode") << QStringLiteral("Ünïcode/é.jpg") << 0 << 1 << 84;
    QTest::newRow("IMG_0001.JPG") << "IMG_0001.JPG" << 2 << 5 << 522;
  }
  void shardOfMatchesPython() {
    QFETCH(QString, key);
    QFETCH(int, of4);
    QFETCH(int, of7);
    QFETCH(int, of1000);
    QCOMPARE(Shard::shardOf(key, 4), of4);
    QCOMPARE(Shard::shardOf(key, 7), of7);
    QCOMPARE(Shard::shardOf(key, 1000), of1000);
    QCOMPARE(Shard::shardOf(key, 1), 0);
  }

  void shardOfMatchesDivision_data() {
    QTest::addColumn<int>("count");
    for (int n : {2, 3, 5, 16, 97, 1000000})
      QTest::addRow("%d shards", n) << n;
  }
  void shardOfMatchesDivision() {
    QFETCH(int, count);
    for (const QString &k : sampleKeys())
      QCOMPARE(Shard::shardOf(k, count), shardByDivision(k, count));
  }

  void shardKey_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("root");
    QTest::addColumn<QString>("key");
    QTest::newRow("in a folder") << "/data/photos/a/b.jpg"
                                 << "/data/photos"
                                 << "a/b.jpg";
    QTest::newRow("root with slash") << "/data/photos/b.jpg"
                                     << "/data/photos/"
                                     << "b.jpg";
    QTest::newRow("relative root") << "photos/x/y.jpg"
                                   << "photos"
                                   << "x/y.jpg";
    QTest::newRow("another mount, same key") << "/mnt/scratch/photos/a/b.jpg"
                                             << "/mnt/scratch/photos"
                                             << "a/b.jpg";
    QTest::newRow("a file given itself") << "/data/photos/a/b.jpg"
                                         << ""
                                         << "b.jpg";
  }
  void shardKey() {
    QFETCH(QString, path);
    QFETCH(QString, root);
    QFETCH(QString, key);
    QCOMPARE(shardKeyOf(path, root), key);
  }

  // Through AnalysisSession's shard stage: every input in exactly one shard, whatever the order.
  void sessionPartition_data() {
    QTest::addColumn<int>("count");
    for (int n : {1, 2, 4, 7})
      QTest::addRow("%d shards", n) << n;
  }
  void sessionPartition() {
    QFETCH(int, count);
    const QStringList keys = sampleKeys();
    QStringList shuffled = keys;
    std::mt19937 rng(23);
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    QStringList reversed = keys;
    std::reverse(reversed.begin(), reversed.end());
    QSet<QString> all;
    int sum = 0;
    for (int k = 0; k < count; ++k) {
      const QSet<QString> kept = keptBySession({k, count}, keys);
      QCOMPARE(keptBySession({k, count}, shuffled), kept);
      QCOMPARE(keptBySession({k, count}, reversed), kept);
      for (const QString &key : kept)
        QCOMPARE(shardByDivision(key, count), k);
      sum += int(kept.size());
      all.unite(kept);
    }
    QCOMPARE(sum, int(keys.size()));                        // disjoint
    QCOMPARE(all, QSet<QString>(keys.begin(), keys.end())); // complete
  }

  // Without a key the session partitions on the file's name.
  void sessionKeyDefaultsToFileName() {
    AnalysisSession session({});
    const Shard shard{Shard::shardOf(QStringLiteral("a.jpg"), 4), 4};
    session.setShard(shard);
    session.enqueue({0, QStringLiteral("/one/a.jpg"), {}, {}});
    session.enqueue({0, QStringLiteral("/two/sub/a.jpg"), {}, {}}); // the same name: the same shard
    QCOMPARE(session.total(), 2);
    QCOMPARE(session.outOfShard(), 0);
    AnalysisSession other({});
    other.setShard({(shard.index + 1) % 4, 4});
    other.enqueue({0, QStringLiteral("/one/a.jpg"), {}, {}});
    QCOMPARE(other.total(), 0);
    QCOMPARE(other.outOfShard(), 1);
  }
};

QTEST_GUILESS_MAIN(TestShard)
#include "tst_shard.moc"
