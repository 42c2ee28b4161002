#pragma once
// ProjectSearch: the photos most similar to one photo of a project, in that project and in other
// projects (the analyst's case folder), ranked by the cosine similarity of their kept image
// embeddings (ProjectStore::imageEmbeddings: written by the pipeline, so nothing is embedded
// here). Exact (every stored embedding is scored). Opens its own read connections, so it runs on
// any thread but the GUI's (the app runs it on a pool thread).
#include <QImage>
#include <QString>
#include <QStringList>
#include <vector>

namespace streetlens::library {

struct SimilarPhoto {
  QString project; // the project file it was found in
  QString path;
  QString sha256;
  double score = 0; // cosine similarity of the image embeddings
  QImage thumbnail; // from the project (may be null)
  QString estimate; // the stored result's estimate label ("" without one)
};

// The k photos most similar to the photo `querySha256` of `queryProject` (analysed with
// `modelSha256`) among the photos of `queryProject` and `otherProjects` with an embedding of that
// model, best first; the photo itself (same SHA-256) is left out, and a photo kept in several
// projects is listed once. Empty with *error when the query photo has no kept embedding.
std::vector<SimilarPhoto> findSimilarInProjects(const QString &queryProject, const QString &querySha256,
                                                const QString &modelSha256, const QStringList &otherProjects,
                                                int k, QString *error);

// The k photos most similar to the image embedding `query` (of the model `modelSha256`, e.g. a photo
// from outside embedded by the pipeline) among the photos of `projects` with an embedding of that
// model, best first; a photo kept in several projects is listed once, and `excludeSha256` (when
// set) is left out. Empty with *error when the query is empty or zero.
std::vector<SimilarPhoto> findSimilarToEmbedding(const std::vector<float> &query, const QString &modelSha256,
                                                 const QStringList &projects, int k, QString *error,
                                                 const QString &excludeSha256 = QString());

// Every *.streetlens project in `dir` (not recursive), sorted by name.
QStringList projectsInFolder(const QString &dir);

} // namespace streetlens::library
