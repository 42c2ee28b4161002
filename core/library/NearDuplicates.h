#pragma once
// NearDuplicates: photos of one scene grouped — every pair whose image embeddings have a cosine
// similarity of at least a threshold, or whose files are equal (same SHA-256), joined by
// union-find, so that copies of copies end in one group (resized, recompressed or cropped copies
// of a photo score near 1). All pairs are compared exactly with the search kernel (n^2 / 2 dot
// products: about a second for 3,000 photos of dim 768 on one core). Pure function; any thread
// (the app runs it on a pool thread).
#include <QString>
#include <vector>

namespace streetlens::library {

struct DuplicateInput {
  QString sha256;
  std::vector<float> embedding; // projected, any length; empty: grouped by SHA-256 only
};

// The default threshold: copies of one photo by StreetCLIP score above it, different views of one
// street below (docs/LIBRARY.md).
inline constexpr double kDefaultDuplicateThreshold = 0.95;

// Groups of indexes into `photos`, each in input order; groups ordered by their first member.
// Photos without a near-duplicate are groups of one.
std::vector<std::vector<int>> nearDuplicateGroups(const std::vector<DuplicateInput> &photos,
                                                  double threshold);

} // namespace streetlens::library
