// Similar photos across projects (core/library/ProjectSearch): the ranking equals a float64
// cosine ranking of the kept embeddings of the project and the case folder's projects; the photo
// itself and photos kept twice are listed once; a photo without an embedding is refused.
#include "core/library/ProjectSearch.h"
#include "core/store/ProjectStore.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace streetlens;

namespace {
const QString kModel = QStringLiteral("ef").repeated(32);
QString sha(int i) {
  return QStringLiteral("%1").arg(i, 64, 16, QLatin1Char('0'));
}

// A project with photos `first`..`last` (embedding of photo i: seeded by i, so equal across projects).
void makeProject(const QString &path, int first, int last, int dim) {
  QString err;
  auto p = store::ProjectStore::open(path, &err);
  QVERIFY2(p, qPrintable(err));
  for (int i = first; i <= last; ++i) {
    store::NewImage im;
    im.path = QStringLiteral("/photos/p%1.jpg").arg(i);
    im.sha256 = sha(i);
    QVERIFY2(p->addImage(im, &err), qPrintable(err));
    QRandomGenerator rng(static_cast<quint32>(i));
    std::vector<float> v(static_cast<size_t>(dim));
    for (float &x : v)
      x = float(rng.generateDouble() * 2 - 1);
    QVERIFY2(p->setImageEmbedding(sha(i), kModel, v.data(), dim, &err), qPrintable(err));
  }
}
std::vector<float> embeddingOf(int i, int dim) {
  QRandomGenerator rng(static_cast<quint32>(i));
  std::vector<float> v(static_cast<size_t>(dim));
  for (float &x : v)
    x = float(rng.generateDouble() * 2 - 1);
  return v;
}
} // namespace

class TestProjectSearch : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void equalsBruteForce_data() {
    QTest::addColumn<int>("k");
    QTest::addColumn<bool>("withFolder");
    QTest::newRow("project only") << 5 << false;
    QTest::newRow("project and case folder") << 8 << true;
    QTest::newRow("k above all") << 100 << true;
  }
  void equalsBruteForce() {
    QFETCH(int, k);
    QFETCH(bool, withFolder);
    QTemporaryDir dir;
    const int dim = 32;
    const QString open = dir.filePath("open.streetlens");
    makeProject(open, 0, 9, dim);
    QDir().mkpath(dir.filePath("cases"));
    makeProject(dir.filePath("cases/a.streetlens"), 8, 14, dim); // 8 and 9 also in the open project
    makeProject(dir.filePath("cases/b.streetlens"), 15, 19, dim);
    const QStringList folder = withFolder ? library::projectsInFolder(dir.filePath("cases")) : QStringList();
    QCOMPARE(folder.size(), withFolder ? 2 : 0);
    QString err;
    const auto found = library::findSimilarInProjects(open, sha(3), kModel, folder, k, &err);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    const int last = withFolder ? 19 : 9;
    const auto q = embeddingOf(3, dim);
    std::vector<std::pair<double, int>> ranking;
    for (int i = 0; i <= last; ++i) {
      if (i == 3)
        continue;
      const auto v = embeddingOf(i, dim);
      double dot = 0, qn = 0, vn = 0;
      for (int d = 0; d < dim; ++d) {
        dot += double(q[size_t(d)]) * v[size_t(d)];
        qn += double(q[size_t(d)]) * q[size_t(d)];
        vn += double(v[size_t(d)]) * v[size_t(d)];
      }
      ranking.push_back({dot / std::sqrt(qn * vn), i});
    }
    std::sort(ranking.begin(), ranking.end(), [](auto a, auto b) { return a.first > b.first; });
    QCOMPARE(int(found.size()), std::min(k, int(ranking.size())));
    for (size_t j = 0; j < found.size(); ++j) {
      QCOMPARE(found[j].sha256, sha(ranking[j].second));
      QVERIFY(std::abs(found[j].score - ranking[j].first) < 1e-12);
      QCOMPARE(found[j].path, QStringLiteral("/photos/p%1.jpg").arg(ranking[j].second));
      // A photo kept in the open project is reported from it.
      if (ranking[j].second <= 9)
        QCOMPARE(found[j].project, QFileInfo(open).absoluteFilePath());
    }
  }

  void refusesPhotoWithoutEmbedding() {
    QTemporaryDir dir;
    makeProject(dir.filePath("p.streetlens"), 0, 2, 8);
    QString err;
    QVERIFY(
        library::findSimilarInProjects(dir.filePath("p.streetlens"), sha(7), kModel, {}, 5, &err).empty());
    QVERIFY2(err.contains(QLatin1String("no kept embedding")), qPrintable(err));
    err.clear();
    QVERIFY(library::findSimilarInProjects(dir.filePath("p.streetlens"), sha(1),
                                           QStringLiteral("0").repeated(64), {}, 5, &err)
                .empty());
    QVERIFY(!err.isEmpty());
  }
};

QTEST_GUILESS_MAIN(TestProjectSearch)
#include "tst_projectsearch.moc"
