#pragma once
// Copies a checkpoint into a ClipModel name for name: every parameter must be present with the
// exact shape; tensors the model does not have are reported (legacy `position_ids` buffers are
// ignored). Reads model.safetensors (validated and memory-mapped), sharded safetensors (index
// json) and pytorch_model.bin (a torch zip pickle, via LibTorch's own unpickler which runs no
// Python and builds only known types). Runs on the thread that builds the engine.
#include "core/clip/ClipModel.h"
#include "core/model/ModelFolder.h"

#include <QString>

namespace streetlens::clip {

// Fills `model` (float32 CPU parameters) from the folder's weights. Returns false with an error
// naming the file and the tensors concerned.
bool loadWeights(ClipModelImpl &model, const ModelFolder &folder, QString *error);

// Largest pytorch_model.bin the loader will read into memory (the pickle is read whole).
inline constexpr qint64 kMaxPickleBytes = 8LL << 30;

} // namespace streetlens::clip
