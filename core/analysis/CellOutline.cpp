#include "core/analysis/CellOutline.h"

#include <unordered_map>

namespace streetlens {

namespace {

struct Edge {
  int64_t from, to;
  int dr, dc; // direction in grid steps (row grows southwards)
  bool used = false;
};

double signedArea(const QVector<geo::GeoPoint> &ring) {
  double a = 0.0;
  for (qsizetype i = 0; i < ring.size(); ++i) {
    const auto &p = ring[i];
    const auto &q = ring[(i + 1) % ring.size()];
    a += p.lon * q.lat - q.lon * p.lat;
  }
  return 0.5 * a;
}

bool ringContains(const QVector<geo::GeoPoint> &ring, geo::GeoPoint p) {
  bool in = false;
  for (qsizetype i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const auto &a = ring[i];
    const auto &b = ring[j];
    if ((a.lat > p.lat) != (b.lat > p.lat) &&
        p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon)
      in = !in;
  }
  return in;
}

} // namespace

QVector<QVector<QVector<geo::GeoPoint>>> outlineCells(const std::vector<uint8_t> &bits, int rows, int cols,
                                                      int row0, int col0, double cellDeg) {
  auto at = [&](int r, int c) {
    return r >= 0 && c >= 0 && r < rows && c < cols && bits[size_t(r) * cols + c];
  };
  const int64_t vcols = cols + 1;
  auto vid = [vcols](int r, int c) { return int64_t(r) * vcols + c; };
  // Each boundary side of a set cell, walked with the cell on its left (north up): bottom side
  // eastwards, right side northwards, top side westwards, left side southwards.
  std::vector<Edge> edges;
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) {
      if (!at(r, c))
        continue;
      if (!at(r + 1, c))
        edges.push_back({vid(r + 1, c), vid(r + 1, c + 1), 0, 1});
      if (!at(r, c + 1))
        edges.push_back({vid(r + 1, c + 1), vid(r, c + 1), -1, 0});
      if (!at(r - 1, c))
        edges.push_back({vid(r, c + 1), vid(r, c), 0, -1});
      if (!at(r, c - 1))
        edges.push_back({vid(r, c), vid(r + 1, c), 1, 0});
    }
  std::unordered_map<int64_t, std::vector<size_t>> outgoing;
  for (size_t i = 0; i < edges.size(); ++i)
    outgoing[edges[i].from].push_back(i);

  auto point = [&](int64_t v) {
    const int r = int(v / vcols), c = int(v % vcols);
    return geo::GeoPoint{90.0 - (row0 + r) * cellDeg, -180.0 + (col0 + c) * cellDeg};
  };
  QVector<QVector<geo::GeoPoint>> outers, holes;
  for (size_t start = 0; start < edges.size(); ++start) {
    if (edges[start].used)
      continue;
    std::vector<size_t> chain;
    size_t e = start;
    while (true) {
      edges[e].used = true;
      chain.push_back(e);
      if (edges[e].to == edges[start].from)
        break;
      const auto &next = outgoing[edges[e].to];
      size_t pick = SIZE_MAX;
      int bestRank = 99;
      for (size_t n : next) {
        if (edges[n].used)
          continue;
        // Prefer a left turn, then straight on, then right: corner-touching cells stay apart.
        const int cross = edges[e].dc * (-edges[n].dr) - (-edges[e].dr) * edges[n].dc; // in north-up axes
        const int rank = cross > 0 ? 0 : (cross == 0 ? 1 : 2);
        if (rank < bestRank) {
          bestRank = rank;
          pick = n;
        }
      }
      if (pick == SIZE_MAX)
        break; // cannot happen for a closed boundary
      e = pick;
    }
    // Vertices where the direction changes.
    QVector<geo::GeoPoint> ring;
    for (size_t i = 0; i < chain.size(); ++i) {
      const Edge &prev = edges[chain[(i + chain.size() - 1) % chain.size()]];
      const Edge &cur = edges[chain[i]];
      if (prev.dr != cur.dr || prev.dc != cur.dc)
        ring.push_back(point(cur.from));
    }
    if (ring.size() < 3)
      continue;
    (signedArea(ring) > 0 ? outers : holes).push_back(ring);
  }
  QVector<QVector<QVector<geo::GeoPoint>>> polygons;
  for (const auto &o : outers)
    polygons.push_back({o});
  for (const auto &h : holes) {
    // The smallest outer ring that contains the hole (probe: the middle of the hole's first side).
    const geo::GeoPoint probe{0.5 * (h[0].lat + h[1].lat), 0.5 * (h[0].lon + h[1].lon)};
    int best = -1;
    double bestArea = 0.0;
    for (qsizetype i = 0; i < outers.size(); ++i) {
      const double a = signedArea(outers[i]);
      if (ringContains(outers[i], probe) && (best < 0 || a < bestArea)) {
        best = int(i);
        bestArea = a;
      }
    }
    if (best >= 0)
      polygons[best].push_back(h);
  }
  return polygons;
}

} // namespace streetlens
