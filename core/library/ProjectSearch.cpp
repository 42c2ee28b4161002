#include "core/library/ProjectSearch.h"

#include "core/store/ProjectStore.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace streetlens::library {

namespace {
double norm(const std::vector<float> &v) {
  double n2 = 0;
  for (float x : v)
    n2 += double(x) * x;
  return std::sqrt(n2);
}
} // namespace

QStringList projectsInFolder(const QString &dir) {
  if (dir.isEmpty())
    return {};
  QStringList out;
  const QDir d(dir);
  for (const QString &name : d.entryList({QStringLiteral("*.streetlens")}, QDir::Files, QDir::Name))
    out << d.absoluteFilePath(name);
  return out;
}

std::vector<SimilarPhoto> findSimilarInProjects(const QString &queryProject, const QString &querySha256,
                                                const QString &modelSha256, const QStringList &otherProjects,
                                                int k, QString *error) {
  auto first = store::ProjectStore::open(queryProject, error);
  if (!first)
    return {};
  const auto query = first->imageEmbedding(querySha256, modelSha256);
  if (!query || !(norm(*query) > 0)) {
    *error = QStringLiteral("%1: the photo has no kept embedding of this model yet (analyse it first)")
                 .arg(queryProject);
    return {};
  }
  first.reset();
  return findSimilarToEmbedding(*query, modelSha256, QStringList{queryProject} + otherProjects, k, error,
                                querySha256);
}

std::vector<SimilarPhoto> findSimilarToEmbedding(const std::vector<float> &query, const QString &modelSha256,
                                                 const QStringList &projectList, int k, QString *error,
                                                 const QString &excludeSha256) {
  const double qn = norm(query);
  if (!(qn > 0)) {
    *error = QStringLiteral("the query photo has no embedding");
    return {};
  }
  struct Hit {
    double score;
    int project;
    QString sha;
  };
  std::vector<Hit> hits;
  QStringList projects;
  for (const QString &p : projectList)
    if (!projects.contains(QFileInfo(p).absoluteFilePath()))
      projects << QFileInfo(p).absoluteFilePath();
  std::vector<std::unique_ptr<store::ProjectStore>> stores;
  QSet<QString> seen;
  if (!excludeSha256.isEmpty())
    seen.insert(excludeSha256);
  for (int i = 0; i < projects.size(); ++i) {
    QString err;
    stores.push_back(store::ProjectStore::open(projects[i], &err));
    if (!stores.back())
      continue; // an unreadable project of the folder is skipped
    for (const auto &e : stores.back()->imageEmbeddings(modelSha256)) {
      if (seen.contains(e.sha256) || e.values.size() != query.size())
        continue;
      seen.insert(e.sha256);
      double dot = 0;
      for (size_t d = 0; d < e.values.size(); ++d)
        dot += double(query[d]) * e.values[d];
      const double n = norm(e.values);
      if (n > 0)
        hits.push_back({dot / (qn * n), i, e.sha256});
    }
  }
  const size_t kk = std::min(hits.size(), size_t(std::max(0, k)));
  std::partial_sort(hits.begin(), hits.begin() + qsizetype(kk), hits.end(),
                    [](const Hit &a, const Hit &b) { return a.score > b.score; });
  std::vector<SimilarPhoto> out;
  for (size_t i = 0; i < kk; ++i) {
    const Hit &h = hits[i];
    SimilarPhoto s{projects[h.project], QString(), h.sha, h.score, QImage(), QString()};
    if (const auto img = stores[size_t(h.project)]->image(h.sha)) {
      s.path = img->image.path;
      s.thumbnail = img->image.thumbnail;
      if (img->result)
        s.estimate = img->result->estimateLabel;
    }
    out.push_back(std::move(s));
  }
  return out;
}

} // namespace streetlens::library
