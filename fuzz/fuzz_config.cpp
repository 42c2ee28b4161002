// libFuzzer target: config.json and preprocessor_config.json parsers on arbitrary bytes.
#include "core/imageio/ClipImageProcessor.h"
#include "core/model/ClipConfig.h"

#include <QByteArray>
#include <QString>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
  QString error;
  if (auto cfg = streetlens::parseClipConfig(bytes, QStringLiteral("fuzz"), &error)) {
    // A config that parses must also validate (parse already did) and have sane derived sizes.
    if (cfg->vision.gridSize() <= 0 || cfg->vision.numPositions() <= 1)
      __builtin_trap();
  }
  (void)streetlens::parsePreprocessorConfig(bytes, &error);
  return 0;
}
