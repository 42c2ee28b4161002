#include "core/library/Gallery.h"

#include "core/analysis/PlaceHierarchy.h"
#include "core/geo/GreatCircle.h"

#include <QCryptographicHash>
#include <cmath>

namespace streetlens::library {

std::unique_ptr<Gallery> Gallery::open(const QString &path, const QString &modelSha256,
                                       GalleryOptions options, QString *error) {
  auto index = EmbeddingIndex::open(path, modelSha256, error);
  if (!index)
    return nullptr;
  std::unique_ptr<Gallery> g(new Gallery);
  g->m_options = options;
  g->m_options.k = std::max(1, options.k);
  g->m_hasPosition.resize(size_t(index->count()));
  QCryptographicHash h(QCryptographicHash::Sha256);
  h.addData(index->modelSha256().toLatin1());
  for (std::int64_t r = 0; r < index->count(); ++r) {
    const IndexEntry &e = index->entry(r);
    h.addData(e.sha256.toLatin1());
    if (e.location) {
      g->m_hasPosition[size_t(r)] = 1;
      ++g->m_positioned;
      h.addData(QByteArray::number(e.location->lat, 'g', 17) + ',' +
                QByteArray::number(e.location->lon, 'g', 17));
    }
  }
  if (g->m_positioned == 0) {
    if (error)
      *error =
          QStringLiteral("%1: not a gallery: none of its %2 photos has a position (index GPS-tagged photos, "
                         "or give their positions with --positions FILE.csv)")
              .arg(path)
              .arg(index->count());
    return nullptr;
  }
  const GalleryOptions &o = g->m_options;
  h.addData(QStringLiteral("k=%1 tau=%2 h=%3 eps=%4 beta=%5")
                .arg(o.k)
                .arg(o.temperature, 0, 'g', 17)
                .arg(o.bandwidthKm, 0, 'g', 17)
                .arg(o.floor, 0, 'g', 17)
                .arg(o.weight, 0, 'g', 17)
                .toLatin1());
  g->m_key = QString::fromLatin1(h.result().toHex().left(16));
  g->m_index = std::move(index);
  return g;
}

// exp(kappa (cos theta - 1)) with 1 - cos theta = 2 hav(theta), exact for small distances.
double Gallery::kernel(geo::GeoPoint x, geo::GeoPoint xi, double bandwidthKm) {
  constexpr double deg = M_PI / 180.0;
  const double s1 = std::sin((xi.lat - x.lat) * deg / 2), s2 = std::sin((xi.lon - x.lon) * deg / 2);
  const double hav = s1 * s1 + std::cos(x.lat * deg) * std::cos(xi.lat * deg) * s2 * s2;
  const double kappa = std::pow(geo::kEarthRadiusKm / bandwidthKm, 2);
  return std::exp(-kappa * 2 * hav);
}

double Gallery::density(geo::GeoPoint x, const std::vector<GalleryNeighbour> &neighbours,
                        double bandwidthKm) {
  double g = 0;
  for (const GalleryNeighbour &n : neighbours)
    g += n.weight * kernel(x, n.location, bandwidthKm);
  return g;
}

GalleryEvidence Gallery::evidence(const float *embedding) const {
  GalleryEvidence ev;
  ev.index = m_index->path();
  const auto hits = m_index->search(embedding, 1, m_options.k, 0, &m_hasPosition).front();
  if (hits.empty())
    return ev;
  double total = 0;
  for (const SearchHit &hit : hits) {
    const IndexEntry &e = m_index->entry(hit.row);
    GalleryNeighbour n{
        e.path,      e.sha256,
        hit.score,   std::exp((double(hit.score) - hits.front().score) / m_options.temperature),
        *e.location, 0.0};
    total += n.weight;
    ev.neighbours.push_back(std::move(n));
  }
  for (GalleryNeighbour &n : ev.neighbours)
    n.weight /= total;
  double best = -1;
  for (const GalleryNeighbour &n : ev.neighbours) {
    const double g = density(n.location, ev.neighbours, m_options.bandwidthKm);
    if (g > best) {
      best = g;
      ev.estimate = n.location;
    }
  }
  ev.density = best;
  for (GalleryNeighbour &n : ev.neighbours)
    n.distanceKm = geo::haversineKm(ev.estimate, n.location);
  return ev;
}

void Gallery::apply(const float *embedding, const gazetteer::Gazetteer *gaz, PosteriorOptions options,
                    ImageResult &result) const {
  GalleryEvidence ev = evidence(embedding);
  ev.zeroShotEstimate = result.estimate;
  ev.zeroShotLabel = result.estimateLabel;
  if (!ev.neighbours.empty() && !result.countries.empty() && m_options.weight > 0) {
    std::vector<PlaceLeaf> leaves = placeLeaves(result);
    for (PlaceLeaf &l : leaves) {
      const double g =
          l.place.location ? density(*l.place.location, ev.neighbours, m_options.bandwidthKm) : 0.0;
      l.mass *= std::pow(m_options.floor + g, m_options.weight);
    }
    const auto mass = result.constraintMass;
    const bool empty = result.constraintEmpty;
    options.constraint.reset(); // the lists are already constrained
    finishPosterior(std::move(leaves), gaz, options, result);
    result.constraintMass = mass;
    result.constraintEmpty = empty;
    ev.fused = true;
  }
  result.gallery = std::move(ev);
}

} // namespace streetlens::library
