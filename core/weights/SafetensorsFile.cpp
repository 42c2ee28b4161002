// Dtype table and SafetensorsFile: a validated read-only memory map of one .safetensors file.
#include "core/weights/Safetensors.h"

#include <QFile>
#include <QFileInfo>

namespace streetlens {
namespace {

struct DTypeRow {
  DType dtype;
  const char *name;
  int size;
};

constexpr DTypeRow kDTypes[] = {
    {DType::Bool, "BOOL", 1},       {DType::U8, "U8", 1},           {DType::I8, "I8", 1},
    {DType::F8_E5M2, "F8_E5M2", 1}, {DType::F8_E4M3, "F8_E4M3", 1}, {DType::I16, "I16", 2},
    {DType::U16, "U16", 2},         {DType::F16, "F16", 2},         {DType::BF16, "BF16", 2},
    {DType::I32, "I32", 4},         {DType::U32, "U32", 4},         {DType::F32, "F32", 4},
    {DType::F64, "F64", 8},         {DType::I64, "I64", 8},         {DType::U64, "U64", 8},
};

const DTypeRow *rowOf(DType d) {
  for (const DTypeRow &r : kDTypes)
    if (r.dtype == d)
      return &r;
  return nullptr;
}

} // namespace

std::optional<DType> dtypeFromString(QStringView name) {
  for (const DTypeRow &r : kDTypes)
    if (name == QLatin1String(r.name))
      return r.dtype;
  return std::nullopt;
}

QString dtypeName(DType dtype) {
  const DTypeRow *r = rowOf(dtype);
  return r ? QString::fromLatin1(r->name) : QStringLiteral("?");
}

int dtypeSize(DType dtype) {
  const DTypeRow *r = rowOf(dtype);
  return r ? r->size : 0;
}

int64_t TensorInfo::numel() const {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

SafetensorsFile::~SafetensorsFile() {
  if (file_ && map_)
    file_->unmap(const_cast<uchar *>(reinterpret_cast<const uchar *>(map_)));
}

std::unique_ptr<SafetensorsFile> SafetensorsFile::open(const QString &path, QString *error) {
  QString scratch;
  QString &err = error ? *error : scratch;
  err.clear();
  const QFileInfo info(path);
  if (!info.exists()) {
    err = path + QStringLiteral(": file does not exist");
    return nullptr;
  }
  if (!info.isFile()) {
    err = path + QStringLiteral(": not a regular file");
    return nullptr;
  }
  auto file = std::make_unique<QFile>(path);
  if (!file->open(QIODevice::ReadOnly)) {
    err = path + QStringLiteral(": cannot open for reading: ") + file->errorString();
    return nullptr;
  }
  const qint64 size = file->size();
  if (size < 8) {
    // Too small to map meaningfully; let the parser produce the standard message.
    const QByteArray head = file->read(8);
    QString why;
    parseSafetensorsHeader(reinterpret_cast<const uint8_t *>(head.constData()), size_t(head.size()),
                           uint64_t(size < 0 ? 0 : size), &why);
    err = path + QStringLiteral(": ") + why;
    return nullptr;
  }
  uchar *map = file->map(0, size);
  if (!map) {
    err = path + QStringLiteral(": cannot memory-map the file: ") + file->errorString();
    return nullptr;
  }
  QString why;
  auto header = parseSafetensorsHeader(map, size_t(size), uint64_t(size), &why);
  if (!header) {
    file->unmap(map);
    err = path + QStringLiteral(": ") + why;
    return nullptr;
  }
  std::unique_ptr<SafetensorsFile> out(new SafetensorsFile);
  out->path_ = path;
  out->file_ = std::move(file);
  out->map_ = map;
  out->size_ = uint64_t(size);
  out->header_ = std::move(*header);
  out->byName_.reserve(qsizetype(out->header_.tensors.size()));
  for (size_t i = 0; i < out->header_.tensors.size(); ++i)
    out->byName_.insert(out->header_.tensors[i].name, i);
  return out;
}

const TensorInfo *SafetensorsFile::find(const QString &name) const {
  const auto it = byName_.constFind(name);
  return it == byName_.constEnd() ? nullptr : &header_.tensors[*it];
}

const uint8_t *SafetensorsFile::data(const TensorInfo &info) const {
  const uint64_t dataSize = size_ - header_.dataOffset;
  if (info.end < info.begin || info.end > dataSize)
    return nullptr;
  return map_ + header_.dataOffset + info.begin;
}

} // namespace streetlens
