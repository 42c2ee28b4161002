#pragma once
// EmbeddingIndex: a `.slidx` file — the image embeddings of a library of photos (a case folder, a
// reference gallery) as L2-normalised float16 rows, memory-mapped, with a table naming each row's
// photo (path, SHA-256, optional position) — and exact top-k search over it by cosine similarity.
// The binary format is documented in docs/LIBRARY.md ("The .slidx format"); open() checks all of
// it and names the file in every error (truncated, damaged, another model, a newer version).
//
// Search is a batched matrix product: blocks of rows are widened to float32 and multiplied with
// every query (plain loops the compiler vectorises), each query keeps a bounded heap of its best
// rows; the rows are split over threads. An open index is immutable: search() may run on any
// thread, several at once. IndexWriter writes a file on one thread.
#include "core/geo/GeoPoint.h"

#include <QByteArray>
#include <QFile>
#include <QSaveFile>
#include <QString>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace streetlens::library {

// One row's photo.
struct IndexEntry {
  QString path;                          // as given when indexed (absolute for indexes the app and CLI write)
  QString sha256;                        // lowercase hex of the file bytes
  std::optional<geo::GeoPoint> location; // EXIF GPS or the gallery CSV's position
  bool operator==(const IndexEntry &) const = default;
};

struct SearchHit {
  std::int64_t row = -1;
  float score = 0; // cosine similarity of the query and the (float16) row
};

// The file layout (little-endian). Public so that tests can damage files on purpose.
struct IndexFormat {
  static constexpr char kMagic[8] = {'S', 'L', 'I', 'D', 'X', '\0', '\r', '\n'};
  static constexpr std::uint32_t kVersion = 1;
  static constexpr qint64 kHeaderSize = 192;
  // Offsets of the header fields.
  static constexpr qint64 kVersionAt = 8, kDimAt = 12, kCountAt = 16, kModelAt = 24, kMatrixAt = 88,
                          kTableAt = 96, kTableSizeAt = 104, kTableShaAt = 112;
  static constexpr int kMaxDim = 16384;
};

class EmbeddingIndex {
public:
  // Opens and checks `path`. `expectedModelSha256` (when not empty) must be the index's model: an
  // index of another model's embeddings is refused (its scores would mean nothing). nullptr and
  // *error (naming the file) when the file is missing, not an index, truncated, damaged, of a newer
  // format version or of another model.
  static std::unique_ptr<EmbeddingIndex> open(const QString &path, const QString &expectedModelSha256,
                                              QString *error);
  ~EmbeddingIndex();
  EmbeddingIndex(const EmbeddingIndex &) = delete;
  EmbeddingIndex &operator=(const EmbeddingIndex &) = delete;

  QString path() const { return m_path; }
  QString modelSha256() const { return m_model; }
  int dim() const { return m_dim; }
  std::int64_t count() const { return m_count; }
  const IndexEntry &entry(std::int64_t row) const { return m_entries[size_t(row)]; }
  const std::vector<IndexEntry> &entries() const { return m_entries; }
  // Row `row` widened to float32 (unit length up to float16 rounding).
  std::vector<float> row(std::int64_t row) const;

  // The best k rows of each of `m` queries (row-major, dim floats each, any non-zero length: they
  // are normalised here), best first; equal scores by row. threads <= 0: the ideal thread count.
  // `candidates` (when given, count() flags): only rows flagged non-zero are ranked.
  std::vector<std::vector<SearchHit>> search(const float *queries, int m, int k, int threads = 0,
                                             const std::vector<std::uint8_t> *candidates = nullptr) const;
  std::vector<SearchHit> search(const std::vector<float> &query, int k, int threads = 0) const {
    auto all = search(query.data(), 1, k, threads);
    return std::move(all.front());
  }

private:
  EmbeddingIndex() = default;
  const std::uint16_t *rowData(std::int64_t row) const { return m_matrix + row * m_dim; }

  QString m_path, m_model;
  int m_dim = 0;
  std::int64_t m_count = 0;
  QFile m_file;
  const std::uint16_t *m_matrix = nullptr; // into the mapping of m_file
  std::vector<IndexEntry> m_entries;
  std::vector<float> m_invNorm; // 1 / |row| of the float16 rows: scores are exact cosines
};

// Writes a `.slidx` file row by row (rows are normalised and rounded to float16 as they come; the
// table is written at the end), then renames it into place: a reader never sees half a file.
// One thread.
class IndexWriter {
public:
  bool begin(const QString &path, const QString &modelSha256, int dim, QString *error);
  // `embedding` has dim floats, any non-zero length. False (*error) on a zero or non-finite vector
  // or a failed write.
  bool add(const IndexEntry &entry, const float *embedding, QString *error);
  bool finish(QString *error);
  std::int64_t count() const { return std::int64_t(m_entries.size()); }

private:
  bool fail(QString *error, const QString &what);
  std::unique_ptr<QSaveFile> m_file;
  QString m_path, m_model;
  int m_dim = 0;
  std::vector<IndexEntry> m_entries;
  std::vector<std::uint16_t> m_row;
};

} // namespace streetlens::library
