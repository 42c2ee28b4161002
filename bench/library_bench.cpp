// library_bench: how long a .slidx index of N synthetic embeddings (dim 768, StreetCLIP's) takes to
// write and to open (with its checks), and how long one exact top-20 search takes over it, with
// all threads and with one. Usage: library_bench [--rows 10000,100000,1000000] [--dim 768]
// [--queries 20] [--dir DIR]. Prints one JSON line per size. Main thread (search: worker threads).
#include "core/library/EmbeddingIndex.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <algorithm>
#include <cstdio>

using namespace streetlens::library;

namespace {
double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}
} // namespace

int main(int argc, char **argv) {
  QCoreApplication app(argc, argv);
  QCommandLineParser p;
  p.addOption({QStringLiteral("rows"), QStringLiteral("Sizes, comma-separated."), QStringLiteral("N,..."),
               QStringLiteral("10000,100000,1000000")});
  p.addOption(
      {QStringLiteral("dim"), QStringLiteral("Embedding size."), QStringLiteral("D"), QStringLiteral("768")});
  p.addOption({QStringLiteral("queries"), QStringLiteral("Searches timed per size."), QStringLiteral("Q"),
               QStringLiteral("20")});
  p.addOption({QStringLiteral("dir"),
               QStringLiteral("Where the index files go (default: a temporary folder)."),
               QStringLiteral("DIR")});
  p.addHelpOption();
  p.process(app);
  const int dim = p.value(QStringLiteral("dim")).toInt();
  const int queries = std::max(1, p.value(QStringLiteral("queries")).toInt());
  QTemporaryDir tmp(p.isSet(QStringLiteral("dir"))
                        ? p.value(QStringLiteral("dir")) + QStringLiteral("/slidx-XXXXXX")
                        : QString());
  QRandomGenerator rng(42);
  const QString model = QStringLiteral("0").repeated(64);
  for (const QString &n : p.value(QStringLiteral("rows")).split(QLatin1Char(','))) {
    const qint64 rows = n.toLongLong();
    const QString path = tmp.filePath(QStringLiteral("bench-%1.slidx").arg(rows));
    // Clustered synthetic embeddings (a few hundred "places"), so the top-k is not flat noise.
    std::vector<float> centres(size_t(512) * size_t(dim)), v(static_cast<size_t>(dim));
    for (float &x : centres)
      x = float(rng.generateDouble() * 2 - 1);
    QElapsedTimer t;
    t.start();
    IndexWriter w;
    QString err;
    if (!w.begin(path, model, dim, &err))
      return std::fprintf(stderr, "%s\n", qPrintable(err)), 1;
    double genMs = 0;
    for (qint64 r = 0; r < rows; ++r) {
      QElapsedTimer g;
      g.start();
      const float *c = centres.data() + size_t(rng.bounded(512)) * size_t(dim);
      for (int d = 0; d < dim; ++d)
        v[size_t(d)] = c[d] + float(rng.generateDouble() - 0.5);
      genMs += double(g.nsecsElapsed()) / 1e6;
      if (!w.add({QStringLiteral("/library/photo-%1.jpg").arg(r),
                  QStringLiteral("%1").arg(r, 64, 16, QLatin1Char('0')), std::nullopt},
                 v.data(), &err))
        return std::fprintf(stderr, "%s\n", qPrintable(err)), 1;
    }
    if (!w.finish(&err))
      return std::fprintf(stderr, "%s\n", qPrintable(err)), 1;
    const double buildMs = double(t.nsecsElapsed()) / 1e6 - genMs;
    t.restart();
    auto ix = EmbeddingIndex::open(path, model, &err);
    if (!ix)
      return std::fprintf(stderr, "%s\n", qPrintable(err)), 1;
    const double openMs = double(t.nsecsElapsed()) / 1e6;
    std::vector<double> all, one;
    for (int q = 0; q < queries + 1; ++q) {
      const std::vector<float> query = ix->row(rng.bounded(rows));
      t.restart();
      const auto hits = ix->search(query, 20);
      const double a = double(t.nsecsElapsed()) / 1e6;
      t.restart();
      const auto hits1 = ix->search(query, 20, 1);
      const double b = double(t.nsecsElapsed()) / 1e6;
      if (hits.front().row != hits1.front().row)
        return std::fprintf(stderr, "threads disagree\n"), 1;
      if (q > 0) { // the first search faults the mapping in: reported as open + first search below
        all.push_back(a);
        one.push_back(b);
      }
    }
    const QJsonObject o{{QStringLiteral("rows"), rows},
                        {QStringLiteral("dim"), dim},
                        {QStringLiteral("file_mb"), double(QFileInfo(path).size()) / 1e6},
                        {QStringLiteral("build_ms"), buildMs},
                        {QStringLiteral("open_ms"), openMs},
                        {QStringLiteral("search_ms_median"), median(all)},
                        {QStringLiteral("search_ms_median_1_thread"), median(one)},
                        {QStringLiteral("search_ms_min"), *std::min_element(all.begin(), all.end())},
                        {QStringLiteral("threads"), QThread::idealThreadCount()},
                        {QStringLiteral("queries"), queries}};
    QTextStream(stdout) << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    ix.reset();
    QFile::remove(path);
  }
  return 0;
}
