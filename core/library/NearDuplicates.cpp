#include "core/library/NearDuplicates.h"

#include "core/library/SearchKernel.h"

#include <QHash>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace streetlens::library {

namespace {
struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(int n) : parent(size_t(n)) { std::iota(parent.begin(), parent.end(), 0); }
  int find(int x) {
    while (parent[size_t(x)] != x)
      x = parent[size_t(x)] = parent[size_t(parent[size_t(x)])];
    return x;
  }
  void join(int a, int b) {
    a = find(a);
    b = find(b);
    if (a != b)
      parent[size_t(std::max(a, b))] = std::min(a, b); // the earlier photo is the root
  }
};
} // namespace

std::vector<std::vector<int>> nearDuplicateGroups(const std::vector<DuplicateInput> &photos,
                                                  double threshold) {
  const int n = int(photos.size());
  UnionFind uf(n);
  QHash<QString, int> firstOfSha;
  for (int i = 0; i < n; ++i) {
    const QString &sha = photos[size_t(i)].sha256;
    if (sha.isEmpty())
      continue;
    if (const auto it = firstOfSha.constFind(sha); it != firstOfSha.constEnd())
      uf.join(*it, i);
    else
      firstOfSha.insert(sha, i);
  }
  // The photos with an embedding of the common size, normalised, as one row-major matrix.
  size_t dim = 0;
  for (const DuplicateInput &p : photos)
    dim = std::max(dim, p.embedding.size());
  std::vector<int> rows;
  std::vector<float> m;
  for (int i = 0; i < n && dim > 0; ++i) {
    const std::vector<float> &e = photos[size_t(i)].embedding;
    if (e.size() != dim)
      continue;
    double n2 = 0;
    for (float x : e)
      n2 += double(x) * x;
    if (!(n2 > 0) || !std::isfinite(n2))
      continue;
    const double inv = 1.0 / std::sqrt(n2);
    for (float x : e)
      m.push_back(float(x * inv));
    rows.push_back(i);
  }
  const int r = int(rows.size());
  constexpr int kBlock = 64;
  std::vector<float> scores;
  for (int a = 0; a < r; a += kBlock) {
    const int na = std::min(kBlock, r - a);
    // Block a..a+na against every row from a on (pairs below the diagonal are done already).
    const int nb = r - a;
    scores.resize(size_t(na) * size_t(nb));
    kernel::dotBlock(m.data() + size_t(a) * dim, na, m.data() + size_t(a) * dim, nb, int(dim), scores.data());
    for (int j = 0; j < nb; ++j)
      for (int i = 0; i < na && i < j; ++i)
        if (scores[size_t(j) * size_t(na) + size_t(i)] >= threshold)
          uf.join(rows[size_t(a + i)], rows[size_t(a + j)]);
  }
  std::vector<std::vector<int>> groups;
  std::vector<int> groupOfRoot(size_t(n), -1);
  for (int i = 0; i < n; ++i) {
    const int root = uf.find(i);
    if (groupOfRoot[size_t(root)] < 0) {
      groupOfRoot[size_t(root)] = int(groups.size());
      groups.emplace_back();
    }
    groups[size_t(groupOfRoot[size_t(root)])].push_back(i);
  }
  return groups;
}

} // namespace streetlens::library
