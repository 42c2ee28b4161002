#pragma once
// Validated reader for the safetensors weight format (clip-parity-spec §9, reliability R1).
// Every file is treated as untrusted: the header is checked in the reference reader's order
// (length, UTF-8, strict JSON object, known dtypes, tensors tiling the data buffer exactly,
// overflow-checked sizes) before any tensor byte is handed out.
#include <QHash>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class QFile;

namespace streetlens {

// Element types of the safetensors format (names as written in the header: "BOOL", "F32", ...).
enum class DType { Bool, U8, I8, F8_E5M2, F8_E4M3, I16, U16, F16, BF16, I32, U32, F32, F64, I64, U64 };

// Parses a header dtype string ("F32", "BF16", ...); nullopt for anything unknown.
std::optional<DType> dtypeFromString(QStringView name);
// The header spelling of a dtype ("F32").
QString dtypeName(DType dtype);
// Size of one element in bytes.
int dtypeSize(DType dtype);

// One tensor entry of a header. begin/end are byte offsets relative to the data buffer
// (absolute file offset = dataOffset + begin); end is one past the last byte.
struct TensorInfo {
  QString name;
  DType dtype = DType::F32;
  std::vector<int64_t> shape; // empty = 0-rank scalar (1 element)
  uint64_t begin = 0, end = 0;
  // Product of the shape (1 for a scalar). Only meaningful for a validated entry.
  int64_t numel() const;
  uint64_t byteSize() const { return end - begin; }
};

// The validated header of one file: tensors sorted by begin, tiling [0, data size) exactly.
struct SafetensorsHeader {
  std::vector<TensorInfo> tensors; // sorted by begin
  QMap<QString, QString> metadata; // the optional "__metadata__" object
  uint64_t dataOffset = 0;         // 8 + N
};

// Largest header the reader accepts (same limit as the reference reader).
inline constexpr uint64_t kSafetensorsMaxHeaderLength = 100'000'000;

// Pure validation of a whole file layout from its first `available` bytes and its total size.
// Never reads beyond data[available); the header (8 + N bytes) must be inside `available`.
// On failure returns nullopt and, when error is non-null, a plain-words message that names the
// tensor concerned (the caller adds the file name).
std::optional<SafetensorsHeader> parseSafetensorsHeader(const uint8_t *data, size_t available,
                                                        uint64_t fileSize, QString *error);

// Owns a read-only memory map of one validated .safetensors file. Immutable after open():
// every method may be called from any thread concurrently. Tensor data is little-endian and is
// only as aligned as the writer made it (the reference writer pads to 8 bytes; others may not).
class SafetensorsFile {
public:
  // Maps and validates the file; on failure returns null and an error naming the file.
  static std::unique_ptr<SafetensorsFile> open(const QString &path, QString *error);
  ~SafetensorsFile();
  SafetensorsFile(const SafetensorsFile &) = delete;
  SafetensorsFile &operator=(const SafetensorsFile &) = delete;

  const SafetensorsHeader &header() const { return header_; }
  // The entry called `name`, or null.
  const TensorInfo *find(const QString &name) const;
  // Pointer to the first byte of the tensor inside the map (valid while this object lives);
  // null when the entry does not lie inside this file's data buffer.
  const uint8_t *data(const TensorInfo &info) const;
  QString path() const { return path_; }
  uint64_t fileSize() const { return size_; }

private:
  SafetensorsFile() = default;

  QString path_;
  std::unique_ptr<QFile> file_;
  const uint8_t *map_ = nullptr;
  uint64_t size_ = 0;
  SafetensorsHeader header_;
  QHash<QString, size_t> byName_;
};

// Contents of a sharded checkpoint's model.safetensors.index.json.
struct ShardIndex {
  QStringList shards;                // distinct shard files (absolute paths), sorted by file name
  QHash<QString, QString> weightMap; // tensor name -> absolute path of its shard
};

// Reads an index file, checking that every shard is a plain file name (no separators, not . or
// ..) that exists next to the index. The error names the index file and the problem.
std::optional<ShardIndex> readShardIndex(const QString &indexJsonPath, QString *error);

} // namespace streetlens
