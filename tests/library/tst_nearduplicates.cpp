// Near-duplicate groups (core/library/NearDuplicates): union-find over pairs above the threshold
// and equal SHA-256s, against known groups.
#include "core/library/NearDuplicates.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace streetlens::library;

namespace {
std::vector<float> noisy(const std::vector<float> &base, double noise, QRandomGenerator &rng) {
  std::vector<float> v = base;
  for (float &x : v)
    x += float((rng.generateDouble() - 0.5) * noise);
  return v;
}
std::vector<float> random(int dim, QRandomGenerator &rng) {
  std::vector<float> v(static_cast<size_t>(dim));
  for (float &x : v)
    x = float(rng.generateDouble() * 2 - 1);
  return v;
}
} // namespace

class TestNearDuplicates : public QObject {
  Q_OBJECT
private Q_SLOTS:
  // Scenes of several near-copies each, shuffled among distinct photos; the groups are the scenes.
  void groupsKnownCopies_data() {
    QTest::addColumn<int>("scenes");
    QTest::addColumn<int>("copies");
    QTest::addColumn<int>("singles");
    QTest::addColumn<int>("dim");
    QTest::newRow("one pair") << 1 << 2 << 3 << 16;
    QTest::newRow("dim 768, blocks of 64") << 20 << 4 << 150 << 768;
    QTest::newRow("no duplicates") << 0 << 0 << 40 << 32;
  }
  void groupsKnownCopies() {
    QFETCH(int, scenes);
    QFETCH(int, copies);
    QFETCH(int, singles);
    QFETCH(int, dim);
    QRandomGenerator rng(5);
    std::vector<DuplicateInput> photos;
    std::vector<int> truth; // scene of each photo, -1 for singles
    for (int s = 0; s < scenes; ++s) {
      const auto base = random(dim, rng);
      for (int c = 0; c < copies; ++c) {
        photos.push_back({QStringLiteral("s%1c%2").arg(s).arg(c), noisy(base, 0.1, rng)});
        truth.push_back(s);
      }
    }
    for (int i = 0; i < singles; ++i) {
      photos.push_back({QStringLiteral("single%1").arg(i), random(dim, rng)});
      truth.push_back(-1);
    }
    std::vector<int> order(photos.size());
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<DuplicateInput> shuffled;
    std::vector<int> shuffledTruth;
    for (int i : order) {
      shuffled.push_back(photos[size_t(i)]);
      shuffledTruth.push_back(truth[size_t(i)]);
    }
    const auto groups = nearDuplicateGroups(shuffled, 0.95);
    QCOMPARE(int(groups.size()), scenes + singles);
    int seen = 0;
    for (const auto &g : groups) {
      QVERIFY(std::is_sorted(g.begin(), g.end()));
      seen += int(g.size());
      const int scene = shuffledTruth[size_t(g.front())];
      QCOMPARE(int(g.size()), scene < 0 ? 1 : copies);
      for (int m : g)
        QCOMPARE(shuffledTruth[size_t(m)], scene);
    }
    QCOMPARE(seen, int(shuffled.size()));
    for (size_t i = 1; i < groups.size(); ++i) // groups in order of their first member
      QVERIFY(groups[i - 1].front() < groups[i].front());
  }

  // Copies of copies: a chain a~b~c with a and c below the threshold ends in one group.
  void chainIsOneGroup() {
    const std::vector<DuplicateInput> photos{
        {QStringLiteral("a"), {1.0f, 0.0f}},
        {QStringLiteral("b"), {0.96f, 0.28f}},   // cos(a,b) = 0.96
        {QStringLiteral("c"), {0.843f, 0.538f}}, // cos(b,c) = 0.96, cos(a,c) = 0.84
        {QStringLiteral("d"), {0.0f, 1.0f}}};
    const auto groups = nearDuplicateGroups(photos, 0.95);
    QCOMPARE(groups, (std::vector<std::vector<int>>{{0, 1, 2}, {3}}));
  }

  // Equal files are one group whatever their embeddings (or without any).
  void equalSha256IsOneGroup() {
    const std::vector<DuplicateInput> photos{{QStringLiteral("x"), {1.0f, 0.0f}},
                                             {QStringLiteral("y"), {0.0f, 1.0f}},
                                             {QStringLiteral("x"), {}},
                                             {QStringLiteral("x"), {-1.0f, 0.0f}}};
    QCOMPARE(nearDuplicateGroups(photos, 0.95), (std::vector<std::vector<int>>{{0, 2, 3}, {1}}));
    QCOMPARE(nearDuplicateGroups(photos, 2.0), (std::vector<std::vector<int>>{{0, 2, 3}, {1}}));
  }

  void thresholdDecides_data() {
    QTest::addColumn<double>("threshold");
    QTest::addColumn<int>("groups");
    QTest::newRow("0.99: apart") << 0.99 << 2;
    QTest::newRow("0.97: together") << 0.97 << 1;
  }
  void thresholdDecides() {
    QFETCH(double, threshold);
    QFETCH(int, groups);
    const std::vector<DuplicateInput> photos{{QStringLiteral("a"), {1.0f, 0.0f, 0.0f}},
                                             {QStringLiteral("b"), {0.98f, 0.19899749f, 0.0f}}}; // cos = 0.98
    QCOMPARE(int(nearDuplicateGroups(photos, threshold).size()), groups);
  }
};

QTEST_GUILESS_MAIN(TestNearDuplicates)
#include "tst_nearduplicates.moc"
