#pragma once
// Test-only writer of safetensors files (reference layout: tensors sorted by name, header padded
// with spaces to a multiple of 8), used to build broken or converted model folders.
#include <QByteArray>
#include <QMap>
#include <QString>
#include <vector>

namespace streetlens::test {

struct RawTensor {
  QString name;
  QString dtype; // "F32", "F16", "BF16", "I64" …
  std::vector<int64_t> shape;
  QByteArray bytes;
};

bool writeSafetensors(const QString &path, const std::vector<RawTensor> &tensors,
                      const QMap<QString, QString> &metadata = {});
// Reads every tensor of a (valid) file back as raw bytes.
std::vector<RawTensor> readSafetensors(const QString &path);
// F32 bytes -> F16 / BF16 bytes (round to nearest even).
QByteArray f32ToF16(const QByteArray &f32);
QByteArray f32ToBf16(const QByteArray &f32);

} // namespace streetlens::test
