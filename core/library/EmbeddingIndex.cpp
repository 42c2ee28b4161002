#include "core/library/EmbeddingIndex.h"

#include "core/library/Half.h"
#include "core/library/SearchKernel.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QThread>
#include <QtEndian>
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <thread>

static_assert(std::endian::native == std::endian::little,
              "the .slidx matrix is little-endian float16, read in place from the mapping");

namespace streetlens::library {

namespace {

constexpr int kBlockRows = 32; // rows widened at a time: 32 x 768 floats = 96 KiB, in L2

// Worse first (a min-heap of the best k): lower score, or equal score and higher row.
bool better(const SearchHit &a, const SearchHit &b) {
  return a.score > b.score || (a.score == b.score && a.row < b.row);
}

void offer(std::vector<SearchHit> &heap, size_t k, SearchHit hit) {
  if (heap.size() < k) {
    heap.push_back(hit);
    std::push_heap(heap.begin(), heap.end(), better);
  } else if (better(hit, heap.front())) {
    std::pop_heap(heap.begin(), heap.end(), better);
    heap.back() = hit;
    std::push_heap(heap.begin(), heap.end(), better);
  }
}

QString hex(const QByteArray &raw) {
  return QString::fromLatin1(raw.toHex());
}

bool isHexSha(const QString &s) {
  if (s.size() != 64)
    return false;
  return std::all_of(s.begin(), s.end(), [](QChar c) {
    return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
           (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
  });
}

template <typename T> T readLe(const uchar *p) {
  return qFromLittleEndian<T>(p);
}

} // namespace

EmbeddingIndex::~EmbeddingIndex() = default;

std::unique_ptr<EmbeddingIndex> EmbeddingIndex::open(const QString &path, const QString &expectedModelSha256,
                                                     QString *error) {
  auto fail = [&](const QString &why) {
    if (error)
      *error = QStringLiteral("%1: %2").arg(path, why);
    return nullptr;
  };
  std::unique_ptr<EmbeddingIndex> ix(new EmbeddingIndex);
  ix->m_path = path;
  ix->m_file.setFileName(path);
  if (!QFileInfo::exists(path))
    return fail(QStringLiteral("no such index file"));
  if (!ix->m_file.open(QIODevice::ReadOnly))
    return fail(QStringLiteral("cannot be read (%1)").arg(ix->m_file.errorString()));
  const qint64 size = ix->m_file.size();
  using F = IndexFormat;
  if (size < F::kHeaderSize) {
    if (size >= 8 && ix->m_file.peek(8) != QByteArray(F::kMagic, 8))
      return fail(QStringLiteral("not a StreetLens index (.slidx)"));
    return fail(
        QStringLiteral("truncated: %1 bytes, less than the %2-byte header").arg(size).arg(F::kHeaderSize));
  }
  const uchar *base = ix->m_file.map(0, size);
  if (!base)
    return fail(QStringLiteral("cannot be mapped (%1)").arg(ix->m_file.errorString()));
  if (std::memcmp(base, F::kMagic, 8) != 0)
    return fail(QStringLiteral("not a StreetLens index (.slidx)"));
  const auto version = readLe<quint32>(base + F::kVersionAt);
  if (version != F::kVersion)
    return fail(version > F::kVersion
                    ? QStringLiteral("written by a newer StreetLens (index format %1; this one reads %2)")
                          .arg(version)
                          .arg(F::kVersion)
                    : QStringLiteral("damaged: index format %1 is unknown").arg(version));
  const auto dim = readLe<quint32>(base + F::kDimAt);
  const auto count = readLe<quint64>(base + F::kCountAt);
  const auto matrixAt = readLe<quint64>(base + F::kMatrixAt);
  const auto tableAt = readLe<quint64>(base + F::kTableAt);
  const auto tableSize = readLe<quint64>(base + F::kTableSizeAt);
  ix->m_model = QString::fromLatin1(reinterpret_cast<const char *>(base + F::kModelAt), 64);
  if (dim == 0 || dim > quint32(F::kMaxDim) || !isHexSha(ix->m_model) || matrixAt != quint64(F::kHeaderSize))
    return fail(QStringLiteral("damaged: its header is not valid"));
  // Sizes in 64-bit arithmetic that cannot overflow: count is checked against the file first.
  if (count > quint64(size) / 2 / dim)
    return fail(
        QStringLiteral("truncated or damaged: the header counts %1 rows, the file holds fewer").arg(count));
  const quint64 matrixEnd = matrixAt + count * dim * 2;
  if (tableAt < matrixEnd || tableAt - matrixEnd > 8 || tableSize > quint64(size) ||
      tableAt + tableSize != quint64(size))
    return fail(QStringLiteral("truncated or damaged: %1 bytes where the header needs %2")
                    .arg(size)
                    .arg(qulonglong(std::max(matrixEnd, tableAt) + tableSize)));
  if (!expectedModelSha256.isEmpty() && expectedModelSha256 != ix->m_model)
    return fail(
        QStringLiteral("made with another model (weights %1…, this model's are %2…): index the photos "
                       "again with this model")
            .arg(ix->m_model.left(12), expectedModelSha256.left(12)));
  const QByteArray table =
      QByteArray::fromRawData(reinterpret_cast<const char *>(base + tableAt), qsizetype(tableSize));
  if (QCryptographicHash::hash(table, QCryptographicHash::Sha256) !=
      QByteArray::fromRawData(reinterpret_cast<const char *>(base + F::kTableShaAt), 32))
    return fail(QStringLiteral("damaged: its table of photos does not match its checksum"));
  // The table: per row u32 length, UTF-8 path, 32-byte SHA-256, u8 has-position, f64 lat, f64 lon.
  ix->m_entries.reserve(size_t(count));
  const uchar *p = base + tableAt, *end = p + tableSize;
  for (quint64 i = 0; i < count; ++i) {
    if (end - p < 4)
      return fail(QStringLiteral("damaged: its table ends at row %1 of %2").arg(i).arg(count));
    const auto len = readLe<quint32>(p);
    p += 4;
    if (quint64(end - p) < quint64(len) + 32 + 1 + 16)
      return fail(QStringLiteral("damaged: its table ends at row %1 of %2").arg(i).arg(count));
    IndexEntry e;
    e.path = QString::fromUtf8(reinterpret_cast<const char *>(p), qsizetype(len));
    p += len;
    e.sha256 = hex(QByteArray(reinterpret_cast<const char *>(p), 32));
    p += 32;
    const uchar hasPos = *p++;
    const double lat = readLe<double>(p), lon = readLe<double>(p + 8);
    p += 16;
    if (hasPos > 1 || (hasPos && !(std::abs(lat) <= 90 && std::abs(lon) <= 180)))
      return fail(QStringLiteral("damaged: row %1 has an invalid position").arg(i));
    if (hasPos)
      e.location = geo::GeoPoint{lat, lon};
    ix->m_entries.push_back(std::move(e));
  }
  if (p != end)
    return fail(QStringLiteral("damaged: %1 bytes follow its table").arg(end - p));
  ix->m_dim = int(dim);
  ix->m_count = std::int64_t(count);
  ix->m_matrix = reinterpret_cast<const std::uint16_t *>(base + matrixAt);
  // Every row must be a unit vector (float16 rounding moves |r|^2 by < 1e-3 at dim 768).
  std::vector<float> norms(static_cast<size_t>(count));
  kernel::squaredNorms(ix->m_matrix, ix->m_count, ix->m_dim, norms.data());
  for (quint64 i = 0; i < count; ++i)
    if (!(std::abs(norms[i] - 1.0f) < 0.02f))
      return fail(
          QStringLiteral("damaged: row %1 (%2) is not a unit vector").arg(i).arg(ix->m_entries[i].path));
  ix->m_invNorm.resize(norms.size());
  for (size_t i = 0; i < norms.size(); ++i)
    ix->m_invNorm[i] = 1.0f / std::sqrt(norms[i]);
  return ix;
}

std::vector<float> EmbeddingIndex::row(std::int64_t r) const {
  std::vector<float> out(static_cast<size_t>(m_dim));
  kernel::widen(rowData(r), out.data(), out.size());
  return out;
}

std::vector<std::vector<SearchHit>>
EmbeddingIndex::search(const float *queries, int m, int k, int threads,
                       const std::vector<std::uint8_t> *candidates) const {
  std::vector<std::vector<SearchHit>> result(size_t(std::max(m, 0)));
  const size_t kk = size_t(std::clamp<std::int64_t>(k, 0, m_count));
  if (m <= 0 || kk == 0)
    return result;
  std::vector<float> q(size_t(m) * size_t(m_dim));
  for (int i = 0; i < m; ++i) {
    const float *in = queries + size_t(i) * size_t(m_dim);
    double n2 = 0;
    for (int d = 0; d < m_dim; ++d)
      n2 += double(in[d]) * in[d];
    const double inv = n2 > 0 && std::isfinite(n2) ? 1.0 / std::sqrt(n2) : 0.0;
    for (int d = 0; d < m_dim; ++d)
      q[size_t(i) * size_t(m_dim) + size_t(d)] = float(in[d] * inv);
  }
  int t = threads > 0 ? threads : QThread::idealThreadCount();
  t = int(std::clamp<std::int64_t>(m_count / 8192, 1, std::max(1, t))); // small indexes: one thread
  std::vector<std::vector<std::vector<SearchHit>>> heaps(
      static_cast<size_t>(t), std::vector<std::vector<SearchHit>>(static_cast<size_t>(m)));
  auto work = [&](int part) {
    const std::int64_t first = m_count * part / t, last = m_count * (part + 1) / t;
    std::vector<float> rows(size_t(kBlockRows) * size_t(m_dim)), scores(size_t(kBlockRows) * size_t(m));
    auto &mine = heaps[size_t(part)];
    for (auto &h : mine)
      h.reserve(kk);
    for (std::int64_t b = first; b < last; b += kBlockRows) {
      const int n = int(std::min<std::int64_t>(kBlockRows, last - b));
      kernel::widen(rowData(b), rows.data(), size_t(n) * size_t(m_dim));
      kernel::dotBlock(q.data(), m, rows.data(), n, m_dim, scores.data());
      for (int r = 0; r < n; ++r) {
        if (candidates && !(*candidates)[size_t(b + r)])
          continue;
        for (int i = 0; i < m; ++i)
          offer(mine[size_t(i)], kk,
                {b + r, scores[size_t(r) * size_t(m) + size_t(i)] * m_invNorm[size_t(b + r)]});
      }
    }
  };
  if (t == 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (int part = 1; part < t; ++part)
      pool.emplace_back(work, part);
    work(0);
    for (std::thread &th : pool)
      th.join();
  }
  for (int i = 0; i < m; ++i) {
    std::vector<SearchHit> &all = result[size_t(i)];
    for (auto &part : heaps)
      all.insert(all.end(), part[size_t(i)].begin(), part[size_t(i)].end());
    std::sort(all.begin(), all.end(), better);
    all.resize(std::min(all.size(), kk));
  }
  return result;
}

bool IndexWriter::fail(QString *error, const QString &what) {
  if (error)
    *error = QStringLiteral("%1: %2").arg(m_path, what);
  if (m_file)
    m_file->cancelWriting();
  m_file.reset();
  return false;
}

bool IndexWriter::begin(const QString &path, const QString &modelSha256, int dim, QString *error) {
  m_path = path;
  m_model = modelSha256.toLower();
  m_dim = dim;
  m_entries.clear();
  if (dim <= 0 || dim > IndexFormat::kMaxDim || !isHexSha(m_model))
    return fail(error, QStringLiteral("an index needs the model's SHA-256 and the embedding size"));
  m_file = std::make_unique<QSaveFile>(path);
  if (!m_file->open(QIODevice::WriteOnly))
    return fail(error, QStringLiteral("cannot be written (%1)").arg(m_file->errorString()));
  const QByteArray header(IndexFormat::kHeaderSize, '\0'); // filled in by finish()
  if (m_file->write(header) != header.size())
    return fail(error, QStringLiteral("cannot be written (%1)").arg(m_file->errorString()));
  m_row.resize(size_t(dim));
  return true;
}

bool IndexWriter::add(const IndexEntry &entry, const float *embedding, QString *error) {
  if (!m_file)
    return fail(error, QStringLiteral("not open for writing"));
  double n2 = 0;
  for (int d = 0; d < m_dim; ++d)
    n2 += double(embedding[d]) * embedding[d];
  if (!(n2 > 0) || !std::isfinite(n2))
    return fail(error, QStringLiteral("%1: its embedding is zero or not finite").arg(entry.path));
  const double inv = 1.0 / std::sqrt(n2);
  for (int d = 0; d < m_dim; ++d)
    m_row[size_t(d)] = qToLittleEndian(floatToHalf(float(embedding[d] * inv)));
  const qint64 bytes = qint64(m_row.size()) * 2;
  if (m_file->write(reinterpret_cast<const char *>(m_row.data()), bytes) != bytes)
    return fail(error, QStringLiteral("cannot be written (%1)").arg(m_file->errorString()));
  m_entries.push_back(entry);
  return true;
}

bool IndexWriter::finish(QString *error) {
  if (!m_file)
    return fail(error, QStringLiteral("not open for writing"));
  QByteArray table;
  for (const IndexEntry &e : m_entries) {
    const QByteArray path = e.path.toUtf8();
    const QByteArray sha = QByteArray::fromHex(e.sha256.toLatin1());
    if (sha.size() != 32)
      return fail(error, QStringLiteral("%1: no SHA-256 of the photo").arg(e.path));
    char num[8];
    qToLittleEndian(quint32(path.size()), num);
    table.append(num, 4).append(path).append(sha).append(char(e.location ? 1 : 0));
    qToLittleEndian(e.location ? e.location->lat : 0.0, num);
    table.append(num, 8);
    qToLittleEndian(e.location ? e.location->lon : 0.0, num);
    table.append(num, 8);
  }
  const quint64 matrixEnd =
      quint64(IndexFormat::kHeaderSize) + quint64(m_entries.size()) * quint64(m_dim) * 2;
  const quint64 tableAt = (matrixEnd + 7) / 8 * 8;
  const QByteArray pad(qsizetype(tableAt - matrixEnd), '\0');
  if (m_file->write(pad) != pad.size() || m_file->write(table) != table.size())
    return fail(error, QStringLiteral("cannot be written (%1)").arg(m_file->errorString()));
  QByteArray header(IndexFormat::kHeaderSize, '\0');
  uchar *h = reinterpret_cast<uchar *>(header.data());
  std::memcpy(h, IndexFormat::kMagic, 8);
  qToLittleEndian(IndexFormat::kVersion, h + IndexFormat::kVersionAt);
  qToLittleEndian(quint32(m_dim), h + IndexFormat::kDimAt);
  qToLittleEndian(quint64(m_entries.size()), h + IndexFormat::kCountAt);
  std::memcpy(h + IndexFormat::kModelAt, m_model.toLatin1().constData(), 64);
  qToLittleEndian(quint64(IndexFormat::kHeaderSize), h + IndexFormat::kMatrixAt);
  qToLittleEndian(tableAt, h + IndexFormat::kTableAt);
  qToLittleEndian(quint64(table.size()), h + IndexFormat::kTableSizeAt);
  const QByteArray sha = QCryptographicHash::hash(table, QCryptographicHash::Sha256);
  std::memcpy(h + IndexFormat::kTableShaAt, sha.constData(), 32);
  if (!m_file->seek(0) || m_file->write(header) != header.size() || !m_file->commit())
    return fail(error, QStringLiteral("cannot be written (%1)").arg(m_file->errorString()));
  m_file.reset();
  return true;
}

} // namespace streetlens::library
