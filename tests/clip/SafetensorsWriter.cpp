#include "tests/clip/SafetensorsWriter.h"

#include "core/weights/Safetensors.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cstring>

namespace streetlens::test {

bool writeSafetensors(const QString &path, const std::vector<RawTensor> &tensorsIn,
                      const QMap<QString, QString> &metadata) {
  std::vector<RawTensor> tensors = tensorsIn;
  std::sort(tensors.begin(), tensors.end(),
            [](const RawTensor &a, const RawTensor &b) { return a.name < b.name; });
  QJsonObject header;
  if (!metadata.isEmpty()) {
    QJsonObject m;
    for (auto it = metadata.begin(); it != metadata.end(); ++it)
      m.insert(it.key(), it.value());
    header.insert(QStringLiteral("__metadata__"), m);
  }
  qint64 offset = 0;
  QByteArray data;
  for (const RawTensor &t : tensors) {
    QJsonArray shape;
    for (auto d : t.shape)
      shape.append(qint64(d));
    header.insert(t.name,
                  QJsonObject{{QStringLiteral("dtype"), t.dtype},
                              {QStringLiteral("shape"), shape},
                              {QStringLiteral("data_offsets"), QJsonArray{offset, offset + t.bytes.size()}}});
    offset += t.bytes.size();
    data += t.bytes;
  }
  QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
  while (json.size() % 8)
    json += ' ';
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
    return false;
  const quint64 n = quint64(json.size());
  char len[8];
  for (int i = 0; i < 8; ++i)
    len[i] = char((n >> (8 * i)) & 0xff);
  return f.write(len, 8) == 8 && f.write(json) == json.size() && f.write(data) == data.size();
}

std::vector<RawTensor> readSafetensors(const QString &path) {
  std::vector<RawTensor> out;
  QString err;
  auto file = SafetensorsFile::open(path, &err);
  if (!file)
    return out;
  for (const TensorInfo &t : file->header().tensors)
    out.push_back({t.name, dtypeName(t.dtype), t.shape,
                   QByteArray(reinterpret_cast<const char *>(file->data(t)), qsizetype(t.byteSize()))});
  return out;
}

namespace {
uint16_t halfOf(float f) {
  uint32_t x;
  std::memcpy(&x, &f, 4);
  const uint32_t sign = (x >> 16) & 0x8000u;
  int32_t exp = int32_t((x >> 23) & 0xff) - 127 + 15;
  uint32_t mant = x & 0x7fffffu;
  if (exp >= 31)
    return uint16_t(sign | 0x7c00u);
  if (exp <= 0) {
    if (exp < -10)
      return uint16_t(sign);
    mant |= 0x800000u;
    const int shift = 14 - exp;
    uint32_t h = mant >> shift;
    const uint32_t rem = mant & ((1u << shift) - 1), halfway = 1u << (shift - 1);
    if (rem > halfway || (rem == halfway && (h & 1)))
      ++h;
    return uint16_t(sign | h);
  }
  uint32_t h = (uint32_t(exp) << 10) | (mant >> 13);
  const uint32_t rem = mant & 0x1fffu;
  if (rem > 0x1000u || (rem == 0x1000u && (h & 1)))
    ++h;
  return uint16_t(sign | h);
}
} // namespace

QByteArray f32ToF16(const QByteArray &f32) {
  QByteArray out(f32.size() / 2, Qt::Uninitialized);
  for (qsizetype i = 0; i < f32.size() / 4; ++i) {
    float f;
    std::memcpy(&f, f32.constData() + 4 * i, 4);
    const uint16_t h = halfOf(f);
    std::memcpy(out.data() + 2 * i, &h, 2);
  }
  return out;
}

QByteArray f32ToBf16(const QByteArray &f32) {
  QByteArray out(f32.size() / 2, Qt::Uninitialized);
  for (qsizetype i = 0; i < f32.size() / 4; ++i) {
    uint32_t x;
    std::memcpy(&x, f32.constData() + 4 * i, 4);
    x += 0x7fffu + ((x >> 16) & 1u);
    const uint16_t b = uint16_t(x >> 16);
    std::memcpy(out.data() + 2 * i, &b, 2);
  }
  return out;
}

} // namespace streetlens::test
