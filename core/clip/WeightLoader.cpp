#include "core/clip/WeightLoader.h"

#include "core/weights/Safetensors.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <cstring>
#include <map>
#include <torch/serialize.h>

namespace streetlens::clip {
namespace {

// The source tensors by name, plus whatever keeps their memory alive.
struct Source {
  std::map<std::string, torch::Tensor> tensors;
  std::vector<std::unique_ptr<SafetensorsFile>> files;
  QString label; // file name for messages
};

std::optional<torch::ScalarType> torchType(DType t) {
  switch (t) {
  case DType::F32:
    return torch::kFloat;
  case DType::F16:
    return torch::kHalf;
  case DType::BF16:
    return torch::kBFloat16;
  case DType::F64:
    return torch::kDouble;
  case DType::I64:
    return torch::kLong;
  case DType::I32:
    return torch::kInt;
  case DType::I16:
    return torch::kShort;
  case DType::I8:
    return torch::kChar;
  case DType::U8:
    return torch::kByte;
  case DType::Bool:
    return torch::kBool;
  default:
    return std::nullopt;
  }
}

QString shapeText(c10::IntArrayRef s) {
  QStringList parts;
  for (auto d : s)
    parts << QString::number(d);
  return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

bool addSafetensors(const QString &path, Source &src, QString *error) {
  auto file = SafetensorsFile::open(path, error);
  if (!file)
    return false;
  for (const TensorInfo &t : file->header().tensors) {
    const auto type = torchType(t.dtype);
    const std::string name = t.name.toStdString();
    if (!type) {
      // Unusual element types are fine for tensors we ignore; a parameter with one fails below.
      src.tensors[name] = torch::Tensor();
      continue;
    }
    const uint8_t *p = file->data(t);
    if (!p) {
      *error = QStringLiteral("%1: tensor %2 lies outside the file").arg(path, t.name);
      return false;
    }
    std::vector<int64_t> shape(t.shape.begin(), t.shape.end());
    const int size = dtypeSize(t.dtype);
    torch::Tensor view;
    if (reinterpret_cast<uintptr_t>(p) % size == 0) {
      view = torch::from_blob(const_cast<uint8_t *>(p), shape, torch::TensorOptions().dtype(*type));
    } else { // misaligned writer: copy into an aligned tensor
      view = torch::empty(shape, torch::TensorOptions().dtype(*type));
      std::memcpy(view.data_ptr(), p, t.byteSize());
    }
    if (src.tensors.count(name)) {
      *error = QStringLiteral("%1: tensor %2 appears in more than one shard").arg(path, t.name);
      return false;
    }
    src.tensors[name] = view;
  }
  src.files.push_back(std::move(file));
  return true;
}

bool readPickle(const QString &path, Source &src, QString *error) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) {
    *error = QStringLiteral("%1: cannot open (%2)").arg(path, f.errorString());
    return false;
  }
  if (f.size() > kMaxPickleBytes) {
    *error = QStringLiteral("%1: %2 bytes is larger than any CLIP checkpoint this app accepts")
                 .arg(path)
                 .arg(f.size());
    return false;
  }
  std::vector<char> bytes(static_cast<size_t>(f.size()));
  if (f.read(bytes.data(), f.size()) != f.size()) {
    *error = QStringLiteral("%1: read failed (%2)").arg(path, f.errorString());
    return false;
  }
  if (bytes.size() < 4 || std::memcmp(bytes.data(), "PK\x03\x04", 4) != 0) {
    *error =
        QStringLiteral("%1: not a torch zip checkpoint (legacy non-zip pickles are not supported; re-save "
                       "with torch.save or use model.safetensors)")
            .arg(path);
    return false;
  }
  torch::IValue root;
  try {
    root = torch::pickle_load(bytes);
  } catch (const std::exception &e) {
    const std::string what = e.what();
    *error = QStringLiteral("%1: cannot read the torch checkpoint (%2)")
                 .arg(path, QString::fromStdString(what.substr(0, what.find('\n'))));
    return false;
  }
  bytes.clear();
  bytes.shrink_to_fit();
  if (!root.isGenericDict()) {
    *error =
        QStringLiteral("%1: the checkpoint is not a state dict (a mapping of names to tensors)").arg(path);
    return false;
  }
  for (const auto &kv : root.toGenericDict()) {
    if (!kv.key().isString()) {
      *error = QStringLiteral("%1: state dict has a key that is not a string").arg(path);
      return false;
    }
    const std::string name = kv.key().toStringRef();
    if (!kv.value().isTensor()) {
      *error = QStringLiteral("%1: entry %2 is not a tensor").arg(path, QString::fromStdString(name));
      return false;
    }
    src.tensors[name] = kv.value().toTensor();
  }
  return true;
}

bool isIgnoredBuffer(const std::string &name) {
  static const std::string suffix = "position_ids";
  return name.size() >= suffix.size() &&
         name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

QString listed(const QStringList &names) {
  const int shown = 8;
  QString s = names.mid(0, shown).join(QStringLiteral(", "));
  if (names.size() > shown)
    s += QStringLiteral(" and %1 more").arg(names.size() - shown);
  return s;
}

} // namespace

bool loadWeights(ClipModelImpl &model, const ModelFolder &folder, QString *error) {
  QString err;
  Source src;
  src.label = QFileInfo(folder.weightsPath).fileName();
  bool ok = false;
  try {
    switch (folder.format) {
    case WeightsFormat::Safetensors:
      ok = addSafetensors(folder.weightsPath, src, &err);
      break;
    case WeightsFormat::ShardedSafetensors: {
      const auto index = readShardIndex(folder.weightsPath, &err);
      ok = index.has_value();
      for (int i = 0; ok && i < index->shards.size(); ++i)
        ok = addSafetensors(index->shards[i], src, &err);
      break;
    }
    case WeightsFormat::TorchPickle:
      ok = readPickle(folder.weightsPath, src, &err);
      break;
    }
  } catch (const std::exception &e) {
    err = QStringLiteral("%1: %2").arg(folder.weightsPath,
                                       QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
    ok = false;
  }
  if (!ok) {
    *error = err;
    return false;
  }

  QStringList missing, wrongShape, wrongType;
  QSet<QString> used;
  torch::NoGradGuard noGrad;
  for (auto &item : model.named_parameters(/*recurse=*/true)) {
    const std::string &key = item.key();
    const auto it = src.tensors.find(key);
    const QString qkey = QString::fromStdString(key);
    if (it == src.tensors.end()) {
      missing << qkey;
      continue;
    }
    used.insert(qkey);
    const torch::Tensor &t = it->second;
    torch::Tensor &param = item.value();
    if (!t.defined() || !t.is_floating_point()) {
      wrongType << qkey;
      continue;
    }
    if (t.sizes() != param.sizes()) {
      wrongShape << QStringLiteral("%1 (expected %2, found %3)")
                        .arg(qkey, shapeText(param.sizes()), shapeText(t.sizes()));
      continue;
    }
    param.copy_(t);
  }
  QStringList unexpected;
  for (const auto &kv : src.tensors) {
    const QString name = QString::fromStdString(kv.first);
    if (!used.contains(name) && !isIgnoredBuffer(kv.first))
      unexpected << name;
  }
  QStringList problems;
  if (!missing.isEmpty())
    problems << QStringLiteral("missing tensors: ") + listed(missing);
  if (!wrongShape.isEmpty())
    problems << QStringLiteral("wrong shape: ") + listed(wrongShape);
  if (!wrongType.isEmpty())
    problems << QStringLiteral("not floating point: ") + listed(wrongType);
  if (!unexpected.isEmpty())
    problems << QStringLiteral("unexpected tensors: ") + listed(unexpected);
  if (!problems.isEmpty()) {
    *error = QStringLiteral("%1: does not match config.json — %2")
                 .arg(folder.weightsPath, problems.join(QStringLiteral("; ")));
    return false;
  }
  // Non-finite weights would silently produce NaN probabilities.
  for (auto &item : model.named_parameters(true)) {
    if (!torch::isfinite(item.value()).all().item<bool>()) {
      *error = QStringLiteral("%1: tensor %2 contains NaN or infinite values")
                   .arg(folder.weightsPath, QString::fromStdString(item.key()));
      return false;
    }
  }
  return true;
}

} // namespace streetlens::clip
