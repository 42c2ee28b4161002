#pragma once
// Finds the files of a Hugging Face CLIP model folder: a plain folder, a Hugging Face cache repo
// folder (models--owner--name/snapshots/<rev>/, following refs/main), or a cache root that holds
// one. Pure file-system logic, no torch; usable from any thread.
#include <QString>
#include <QStringList>
#include <optional>

namespace streetlens {

enum class WeightsFormat { Safetensors, ShardedSafetensors, TorchPickle };

// The resolved files of one model folder.
struct ModelFolder {
  QString dir;              // folder that holds the files (a snapshot folder in the cache layout)
  QString configPath;       // config.json
  QString preprocessorPath; // preprocessor_config.json (may be empty: defaults are used)
  QString vocabPath;        // vocab.json
  QString mergesPath;       // merges.txt
  WeightsFormat format = WeightsFormat::Safetensors;
  QString weightsPath; // model.safetensors, model.safetensors.index.json or pytorch_model.bin
  QString name;        // e.g. "geolocal/StreetCLIP" when known from the cache layout, else folder name
};

QString weightsFormatName(WeightsFormat f);

// Resolves `path` (see class comment). The error names the folder and what is missing.
std::optional<ModelFolder> resolveModelFolder(const QString &path, QString *error);

// Hugging Face cache roots in the order transformers uses them: $HF_HUB_CACHE, $HUGGINGFACE_HUB_CACHE,
// $HF_HOME/hub, $XDG_CACHE_HOME/huggingface/hub, ~/.cache/huggingface/hub (existing ones only).
QStringList huggingFaceCacheRoots();

// Cache repo folders (models--geolocal--StreetCLIP first, then other CLIP-looking repos) that resolve.
QStringList findCachedModels();

} // namespace streetlens
