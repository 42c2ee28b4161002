#include "core/model/ModelFolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>

namespace streetlens {
namespace {

bool isFile(const QString &p) {
  return QFileInfo(p).isFile();
}

// Picks the snapshot of a cache repo folder: refs/main when it points to an existing snapshot,
// else the most recently modified snapshot that has a config.json.
QString snapshotOf(const QDir &repo) {
  QFile ref(repo.filePath(QStringLiteral("refs/main")));
  if (ref.open(QIODevice::ReadOnly)) {
    const QString rev = QString::fromLatin1(ref.readAll()).trimmed();
    const QString snap = repo.filePath(QStringLiteral("snapshots/") + rev);
    if (!rev.isEmpty() && !rev.contains(QLatin1Char('/')) && isFile(snap + QStringLiteral("/config.json")))
      return snap;
  }
  const QDir snaps(repo.filePath(QStringLiteral("snapshots")));
  const auto entries = snaps.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time);
  for (const QFileInfo &e : entries)
    if (isFile(e.filePath() + QStringLiteral("/config.json")))
      return e.filePath();
  return {};
}

QString repoNameFromCacheFolder(const QString &folderName) {
  if (!folderName.startsWith(QLatin1String("models--")))
    return {};
  return folderName.mid(8).replace(QLatin1String("--"), QLatin1String("/"));
}

} // namespace

QString weightsFormatName(WeightsFormat f) {
  switch (f) {
  case WeightsFormat::Safetensors:
    return QStringLiteral("safetensors");
  case WeightsFormat::ShardedSafetensors:
    return QStringLiteral("sharded safetensors");
  case WeightsFormat::TorchPickle:
    return QStringLiteral("pytorch_model.bin (torch zip pickle)");
  }
  return {};
}

std::optional<ModelFolder> resolveModelFolder(const QString &path, QString *error) {
  auto fail = [&](const QString &what) -> std::optional<ModelFolder> {
    if (error)
      *error = what;
    return std::nullopt;
  };
  const QFileInfo info(path);
  if (!info.exists())
    return fail(QStringLiteral("%1: no such folder").arg(path));
  if (!info.isDir())
    return fail(QStringLiteral("%1: not a folder (choose the folder that holds config.json)").arg(path));

  QDir dir(info.absoluteFilePath());
  QString name = dir.dirName();
  // A cache root (…/hub) holding the StreetCLIP repo folder.
  if (!isFile(dir.filePath(QStringLiteral("config.json"))) &&
      QFileInfo(dir.filePath(QStringLiteral("models--geolocal--StreetCLIP"))).isDir())
    dir.setPath(dir.filePath(QStringLiteral("models--geolocal--StreetCLIP")));
  // A cache repo folder.
  if (QFileInfo(dir.filePath(QStringLiteral("snapshots"))).isDir()) {
    name = repoNameFromCacheFolder(dir.dirName());
    const QString snap = snapshotOf(dir);
    if (snap.isEmpty())
      return fail(QStringLiteral("%1: Hugging Face cache folder without a complete snapshot (no config.json)")
                      .arg(dir.path()));
    dir.setPath(snap);
  }

  ModelFolder m;
  m.dir = dir.absolutePath();
  m.name = name.isEmpty() ? dir.dirName() : name;
  m.configPath = dir.filePath(QStringLiteral("config.json"));
  if (!isFile(m.configPath))
    return fail(
        QStringLiteral("%1: config.json is missing — is this a Hugging Face CLIP model folder?").arg(m.dir));
  const QString pre = dir.filePath(QStringLiteral("preprocessor_config.json"));
  if (isFile(pre))
    m.preprocessorPath = pre;
  m.vocabPath = dir.filePath(QStringLiteral("vocab.json"));
  m.mergesPath = dir.filePath(QStringLiteral("merges.txt"));
  if (!isFile(m.vocabPath))
    return fail(QStringLiteral("%1: vocab.json is missing (the tokenizer needs vocab.json and merges.txt)")
                    .arg(m.dir));
  if (!isFile(m.mergesPath))
    return fail(QStringLiteral("%1: merges.txt is missing (the tokenizer needs vocab.json and merges.txt)")
                    .arg(m.dir));

  const QString st = dir.filePath(QStringLiteral("model.safetensors"));
  const QString idx = dir.filePath(QStringLiteral("model.safetensors.index.json"));
  const QString bin = dir.filePath(QStringLiteral("pytorch_model.bin"));
  if (isFile(st)) {
    m.format = WeightsFormat::Safetensors;
    m.weightsPath = st;
  } else if (isFile(idx)) {
    m.format = WeightsFormat::ShardedSafetensors;
    m.weightsPath = idx;
  } else if (isFile(bin)) {
    m.format = WeightsFormat::TorchPickle;
    m.weightsPath = bin;
  } else {
    return fail(QStringLiteral(
                    "%1: no weights (model.safetensors, model.safetensors.index.json or pytorch_model.bin)")
                    .arg(m.dir));
  }
  return m;
}

QStringList huggingFaceCacheRoots() {
  const auto env = QProcessEnvironment::systemEnvironment();
  QStringList candidates;
  for (const char *var : {"HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE"})
    if (env.contains(QLatin1String(var)))
      candidates << env.value(QLatin1String(var));
  if (env.contains(QStringLiteral("HF_HOME")))
    candidates << env.value(QStringLiteral("HF_HOME")) + QStringLiteral("/hub");
  if (env.contains(QStringLiteral("XDG_CACHE_HOME")))
    candidates << env.value(QStringLiteral("XDG_CACHE_HOME")) + QStringLiteral("/huggingface/hub");
  candidates << QDir::homePath() + QStringLiteral("/.cache/huggingface/hub");
  QStringList out;
  for (const QString &c : candidates) {
    const QString abs = QFileInfo(c).absoluteFilePath();
    if (QFileInfo(abs).isDir() && !out.contains(abs))
      out << abs;
  }
  return out;
}

QStringList findCachedModels() {
  QStringList streetclip, others;
  for (const QString &root : huggingFaceCacheRoots()) {
    const QDir d(root);
    for (const QString &e : d.entryList({QStringLiteral("models--*")}, QDir::Dirs | QDir::NoDotAndDotDot)) {
      const QString repo = d.filePath(e);
      if (!resolveModelFolder(repo, nullptr))
        continue;
      if (e == QLatin1String("models--geolocal--StreetCLIP"))
        streetclip << repo;
      else if (e.contains(QLatin1String("clip"), Qt::CaseInsensitive))
        others << repo;
    }
  }
  return streetclip + others;
}

} // namespace streetlens
