// libFuzzer target (reliability R2): the safetensors header/layout validator on arbitrary bytes.
// The whole input is the file: available == fileSize == size.
#include "core/weights/Safetensors.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  QString error;
  const auto header = streetlens::parseSafetensorsHeader(data, size, size, &error);
  if (header) {
    // Exercise the accessors a loader would use; any inconsistency is a bug.
    uint64_t covered = 0;
    for (const streetlens::TensorInfo &t : header->tensors) {
      if (t.begin != covered || t.end < t.begin)
        __builtin_trap();
      covered = t.end;
      if (uint64_t(t.numel()) * uint64_t(streetlens::dtypeSize(t.dtype)) != t.byteSize())
        __builtin_trap();
    }
    if (header->dataOffset + covered != size)
      __builtin_trap();
  } else if (error.isEmpty()) {
    __builtin_trap(); // every rejection must say why
  }
  return 0;
}
