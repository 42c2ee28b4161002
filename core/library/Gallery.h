#pragma once
// Gallery: a reference gallery — an EmbeddingIndex whose rows carry positions (a folder of
// GPS-tagged photos, or a CSV of path,lat,lon, indexed once) — and what it says about one photo.
// For a photo embedding q (docs/LIBRARY.md, "Reference galleries"):
//   neighbours   the k gallery rows with a position of highest cosine s_i = cos(q, g_i)
//   weights      w_i = exp((s_i - s_1) / tau) / sum_j exp((s_j - s_1) / tau)   (softmax over the k)
//   kernel       K(x, x_i) = exp(kappa (cos theta(x, x_i) - 1)), kappa = (R / h)^2, R = 6371.0088 km:
//                a von Mises-Fisher kernel of bandwidth h km (about a Gaussian of sigma h nearby)
//   density      g(x) = sum_i w_i K(x, x_i), in (0, 1]
//   estimate     the neighbour position x_j of highest g(x_j) (the first in rank on a tie)
//   fusion       each zero-shot leaf l (PlaceHierarchy) at its point x_l:
//                p'(l) ∝ p(l) (eps + g(x_l))^beta, then Posterior as for every result;
//                eps bounds how much the gallery can move the answer ((1 + eps) / eps), beta = 0
//                shows the gallery without fusing.
// An open gallery is immutable: evidence() and apply() run on any thread (the analysis worker).
#include "core/analysis/GeoResult.h"
#include "core/analysis/Posterior.h"
#include "core/library/EmbeddingIndex.h"

#include <memory>

namespace streetlens::library {

struct GalleryOptions {
  int k = 20;
  double temperature = 0.05; // tau, in units of cosine similarity
  double bandwidthKm = 25.0; // h
  double floor = 0.05;       // eps
  double weight = 1.0;       // beta
  bool operator==(const GalleryOptions &) const = default;
};

class Gallery {
public:
  // Opens `path` (EmbeddingIndex::open, checked against the model) and refuses an index without
  // any position ("not a gallery").
  static std::unique_ptr<Gallery> open(const QString &path, const QString &modelSha256,
                                       GalleryOptions options, QString *error);
  const EmbeddingIndex &index() const { return *m_index; }
  const GalleryOptions &options() const { return m_options; }
  int positioned() const { return m_positioned; }
  // Identifies the gallery and its options (part of a result's settings key).
  QString key() const { return m_key; }

  // The neighbours, weights, density mode and distances for one photo embedding (dim floats).
  GalleryEvidence evidence(const float *embedding) const;
  // Adds the evidence to `result` and, when it has place lists, fuses them with the gallery
  // density (the formula above) through finishPosterior(options without a constraint: the lists
  // already carry it; the constraint fields of `result` are kept).
  void apply(const float *embedding, const gazetteer::Gazetteer *gaz, PosteriorOptions options,
             ImageResult &result) const;

  // The formula's parts, public for tests and the map.
  static double kernel(geo::GeoPoint x, geo::GeoPoint xi, double bandwidthKm);
  static double density(geo::GeoPoint x, const std::vector<GalleryNeighbour> &neighbours, double bandwidthKm);

private:
  Gallery() = default;
  std::unique_ptr<EmbeddingIndex> m_index;
  GalleryOptions m_options;
  std::vector<std::uint8_t> m_hasPosition;
  int m_positioned = 0;
  QString m_key;
};

} // namespace streetlens::library
