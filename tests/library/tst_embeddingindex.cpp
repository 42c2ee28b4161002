// The .slidx embedding index: float16 conversion, exact search against a float64 brute force,
// the photo table, and every way a file can be refused on open (core/library/EmbeddingIndex).
#include "core/library/EmbeddingIndex.h"
#include "core/library/Half.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>
#include <cmath>

using namespace streetlens;
using namespace streetlens::library;

namespace {
const QString kModel = QStringLiteral("ab").repeated(32);

std::vector<float> randomRows(int n, int dim, quint32 seed) {
  QRandomGenerator rng(seed);
  std::vector<float> v(size_t(n) * size_t(dim));
  for (float &x : v)
    x = float(rng.generateDouble() * 2 - 1);
  return v;
}

QString sha(int i) {
  return QStringLiteral("%1").arg(i, 64, 16, QLatin1Char('0'));
}

bool writeIndex(const QString &path, const std::vector<float> &rows, int dim, QString *error,
                const QString &model = kModel) {
  IndexWriter w;
  if (!w.begin(path, model, dim, error))
    return false;
  const int n = int(rows.size() / size_t(dim));
  for (int i = 0; i < n; ++i) {
    IndexEntry e{QStringLiteral("/photos/p%1.jpg").arg(i), sha(i), std::nullopt};
    if (i % 3 == 0)
      e.location = geo::GeoPoint{-45.0 + i % 90, 170.0 - i % 340};
    if (!w.add(e, rows.data() + size_t(i) * size_t(dim), error))
      return false;
  }
  return w.finish(error);
}

QByteArray readAll(const QString &path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
void writeAll(const QString &path, const QByteArray &bytes) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
  QCOMPARE(f.write(bytes), bytes.size());
}
} // namespace

class TestEmbeddingIndex : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;

private Q_SLOTS:
  void halfKnownValues_data() {
    QTest::addColumn<uint>("half");
    QTest::addColumn<float>("value");
    QTest::newRow("one") << 0x3c00u << 1.0f;
    QTest::newRow("minus two") << 0xc000u << -2.0f;
    QTest::newRow("largest") << 0x7bffu << 65504.0f;
    QTest::newRow("smallest subnormal") << 0x0001u << std::ldexp(1.0f, -24);
    QTest::newRow("largest subnormal") << 0x03ffu << std::ldexp(1023.0f, -24);
    QTest::newRow("smallest normal") << 0x0400u << std::ldexp(1.0f, -14);
    QTest::newRow("negative zero") << 0x8000u << -0.0f;
    QTest::newRow("infinity") << 0x7c00u << INFINITY;
    QTest::newRow("one third") << 0x3555u << 0.333251953125f;
  }
  void halfKnownValues() {
    QFETCH(uint, half);
    QFETCH(float, value);
    QCOMPARE(halfToFloat(std::uint16_t(half)), value);
    QCOMPARE(uint(floatToHalf(value)), half);
    QCOMPARE(std::signbit(halfToFloat(std::uint16_t(half))), std::signbit(value));
  }

  // Every half survives the round trip; NaN stays NaN.
  void halfRoundTripAll() {
    for (uint h = 0; h < 0x10000u; ++h) {
      const float f = halfToFloat(std::uint16_t(h));
      if ((h & 0x7c00u) == 0x7c00u && (h & 0x3ffu)) {
        QVERIFY2(std::isnan(f), qPrintable(QString::number(h, 16)));
        QVERIFY(std::isnan(halfToFloat(floatToHalf(f))));
        continue;
      }
      QCOMPARE(uint(floatToHalf(f)), h);
    }
  }

  void floatToHalfRounds_data() {
    QTest::addColumn<float>("value");
    QTest::addColumn<uint>("half");
    QTest::newRow("tie to even down") << 1.0f + std::ldexp(1.0f, -11) << 0x3c00u;
    QTest::newRow("tie to even up") << 1.0f + 3 * std::ldexp(1.0f, -11) << 0x3c02u;
    QTest::newRow("above tie") << 1.0f + std::ldexp(1.0f, -11) + std::ldexp(1.0f, -20) << 0x3c01u;
    QTest::newRow("overflow") << 65520.0f << 0x7c00u;
    QTest::newRow("underflow") << 1e-9f << 0x0000u;
    QTest::newRow("subnormal rounds") << std::ldexp(1.5f, -24) << 0x0002u; // tie to even
    QTest::newRow("nan") << NAN << 0x7e00u;
  }
  void floatToHalfRounds() {
    QFETCH(float, value);
    QFETCH(uint, half);
    QCOMPARE(uint(floatToHalf(value)), half);
  }

  // search() is exact: the same rows and order as a float64 ranking of the stored (float16) rows,
  // except where two scores tie within float32 rounding.
  void searchEqualsBruteForce_data() {
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("dim");
    QTest::addColumn<int>("queries");
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("threads");
    QTest::newRow("tiny") << 10 << 32 << 1 << 3 << 1;
    QTest::newRow("dim not a multiple of 16") << 100 << 37 << 3 << 10 << 1;
    QTest::newRow("k above count") << 5 << 16 << 2 << 10 << 1;
    QTest::newRow("two threads, blocks with a tail") << 20001 << 64 << 4 << 20 << 2;
    QTest::newRow("StreetCLIP dim") << 3000 << 768 << 2 << 50 << 0;
  }
  void searchEqualsBruteForce() {
    QFETCH(int, rows);
    QFETCH(int, dim);
    QFETCH(int, queries);
    QFETCH(int, k);
    QFETCH(int, threads);
    const QString path = tmp_.filePath(QStringLiteral("bf-%1.slidx").arg(QTest::currentDataTag()));
    QString err;
    QVERIFY2(writeIndex(path, randomRows(rows, dim, 7), dim, &err), qPrintable(err));
    auto ix = EmbeddingIndex::open(path, kModel, &err);
    QVERIFY2(ix, qPrintable(err));
    QCOMPARE(ix->count(), rows);
    const std::vector<float> q = randomRows(queries, dim, 99);
    const auto hits = ix->search(q.data(), queries, k, threads);
    QCOMPARE(int(hits.size()), queries);
    std::vector<std::vector<double>> stored;
    for (int r = 0; r < rows; ++r) {
      const auto f = ix->row(r);
      stored.emplace_back(f.begin(), f.end());
    }
    for (int i = 0; i < queries; ++i) {
      double qn = 0;
      for (int d = 0; d < dim; ++d)
        qn += double(q[size_t(i * dim + d)]) * q[size_t(i * dim + d)];
      std::vector<std::pair<double, int>> ranking;
      for (int r = 0; r < rows; ++r) {
        double s = 0, rn = 0;
        for (int d = 0; d < dim; ++d) {
          s += double(q[size_t(i * dim + d)]) * stored[size_t(r)][size_t(d)];
          rn += stored[size_t(r)][size_t(d)] * stored[size_t(r)][size_t(d)];
        }
        ranking.push_back({s / std::sqrt(qn) / std::sqrt(rn), r});
      }
      std::sort(ranking.begin(), ranking.end(), [](auto a, auto b) { return a.first > b.first; });
      QCOMPARE(int(hits[size_t(i)].size()), std::min(k, rows));
      for (size_t j = 0; j < hits[size_t(i)].size(); ++j) {
        const SearchHit h = hits[size_t(i)][j];
        // The score is the cosine of the query with the stored row, to float32 rounding.
        QVERIFY2(std::abs(h.score - ranking[j].first) < 1e-5,
                 qPrintable(QStringLiteral("rank %1: %2 vs %3").arg(j).arg(h.score).arg(ranking[j].first)));
        if (h.row != ranking[j].second) { // only a tie may swap rows
          QVERIFY2(std::abs(ranking[j].first - ranking[j + (j + 1 < ranking.size())].first) < 1e-5 ||
                       (j > 0 && std::abs(ranking[j].first - ranking[j - 1].first) < 1e-5),
                   qPrintable(QStringLiteral("rank %1: row %2, brute force row %3")
                                  .arg(j)
                                  .arg(h.row)
                                  .arg(ranking[j].second)));
        }
        if (j > 0)
          QVERIFY(h.score <= hits[size_t(i)][j - 1].score);
      }
    }
  }

  // A query equal to a stored row finds it first with a score of one.
  void selfQueryFindsItself() {
    const int dim = 48;
    const auto rows = randomRows(500, dim, 3);
    const QString path = tmp_.filePath(QStringLiteral("self.slidx"));
    QString err;
    QVERIFY(writeIndex(path, rows, dim, &err));
    auto ix = EmbeddingIndex::open(path, QString(), &err);
    QVERIFY2(ix, qPrintable(err));
    for (int r : {0, 17, 499}) {
      const auto hits =
          ix->search(std::vector<float>(rows.begin() + r * dim, rows.begin() + (r + 1) * dim), 1);
      QCOMPARE(hits.front().row, r);
      QVERIFY(std::abs(hits.front().score - 1.0f) < 1e-3); // the query is the float32 original
    }
  }

  void tableRoundTrip() {
    const QString path = tmp_.filePath(QStringLiteral("table.slidx"));
    IndexWriter w;
    QString err;
    QVERIFY(w.begin(path, kModel.toUpper(), 4, &err));
    const std::vector<IndexEntry> entries{
        {QStringLiteral("/cases/Zürich/straße 1.jpg"), sha(1), geo::GeoPoint{47.3769, 8.5417}},
        {QStringLiteral("relative/no-gps.png"), sha(2), std::nullopt},
        {QStringLiteral("/s/pole.jpg"), sha(3), geo::GeoPoint{-90, -180}}};
    const float v[4] = {1, 2, 3, 4};
    for (const IndexEntry &e : entries)
      QVERIFY2(w.add(e, v, &err), qPrintable(err));
    QVERIFY2(w.finish(&err), qPrintable(err));
    auto ix = EmbeddingIndex::open(path, kModel, &err);
    QVERIFY2(ix, qPrintable(err));
    QCOMPARE(ix->modelSha256(), kModel);
    QCOMPARE(ix->dim(), 4);
    QCOMPARE(ix->entries(), entries);
  }

  void writerRefusesZeroVector() {
    IndexWriter w;
    QString err;
    QVERIFY(w.begin(tmp_.filePath(QStringLiteral("zero.slidx")), kModel, 3, &err));
    const float zero[3] = {0, 0, 0};
    QVERIFY(!w.add({QStringLiteral("z.jpg"), sha(1), std::nullopt}, zero, &err));
    QVERIFY2(err.contains(QLatin1String("z.jpg")) && err.contains(QLatin1String("zero")), qPrintable(err));
    QVERIFY(!QFile::exists(tmp_.filePath(QStringLiteral("zero.slidx")))); // nothing half-written
  }

  // Each damage is refused with a message naming the file and the problem.
  void openRefuses_data() {
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing") << "missing"
                             << "no such index file";
    QTest::newRow("empty") << "empty"
                           << "truncated";
    QTest::newRow("not an index") << "magic"
                                  << "not a StreetLens index";
    QTest::newRow("truncated") << "truncate"
                               << "truncated or damaged";
    QTest::newRow("extra bytes") << "append"
                                 << "truncated or damaged";
    QTest::newRow("newer version") << "version"
                                   << "newer StreetLens";
    QTest::newRow("table damaged") << "table"
                                   << "does not match its checksum";
    QTest::newRow("matrix damaged") << "matrix"
                                    << "is not a unit vector";
    QTest::newRow("count too large") << "count"
                                     << "truncated or damaged";
    QTest::newRow("other model") << "model"
                                 << "another model";
  }
  void openRefuses() {
    QFETCH(QString, damage);
    QFETCH(QString, expected);
    const QString path = tmp_.filePath(QStringLiteral("damaged-%1.slidx").arg(damage));
    QString err;
    QVERIFY(writeIndex(path, randomRows(20, 16, 5), 16, &err));
    QByteArray bytes = readAll(path);
    QVERIFY(EmbeddingIndex::open(path, kModel, &err));
    uchar *h = reinterpret_cast<uchar *>(bytes.data());
    QString model = kModel;
    if (damage == QLatin1String("missing"))
      QFile::remove(path);
    else if (damage == QLatin1String("empty"))
      bytes.clear();
    else if (damage == QLatin1String("magic"))
      bytes.replace(0, 5, "PK\3\4x");
    else if (damage == QLatin1String("truncate"))
      bytes.chop(10);
    else if (damage == QLatin1String("append"))
      bytes.append("xx");
    else if (damage == QLatin1String("version"))
      qToLittleEndian(quint32(2), h + IndexFormat::kVersionAt);
    else if (damage == QLatin1String("table"))
      bytes[bytes.size() - 20] = char(bytes[bytes.size() - 20] ^ 0x40);
    else if (damage == QLatin1String("matrix"))
      qToLittleEndian(quint16(0x4400), h + IndexFormat::kHeaderSize + 16 * 2 * 7); // row 7: a value of 4
    else if (damage == QLatin1String("count"))
      qToLittleEndian(quint64(1) << 60, h + IndexFormat::kCountAt);
    else if (damage == QLatin1String("model"))
      model = QStringLiteral("cd").repeated(32);
    if (damage != QLatin1String("missing"))
      writeAll(path, bytes);
    QVERIFY(!EmbeddingIndex::open(path, model, &err));
    QVERIFY2(err.startsWith(path + QLatin1String(": ")), qPrintable(err));
    QVERIFY2(err.contains(expected), qPrintable(err));
  }
};

QTEST_GUILESS_MAIN(TestEmbeddingIndex)
#include "tst_embeddingindex.moc"
