#pragma once
// EngineOptions: how an engine is created — model folder, device, precision, batch size, threads.
// The one options type of the app's settings, the CLI's --device/--precision/--batch-size/--threads
// and TorchEngine. Plain value, copied to the thread that creates the engine.
#include <QString>

namespace streetlens {

struct EngineOptions {
  QString modelDir;                           // model folder (plain or Hugging Face cache layout)
  QString device = QStringLiteral("auto");    // auto | cpu | cuda | cuda:N
  QString precision = QStringLiteral("auto"); // auto | fp32 | bf16 | fp16
  int threads = 0;                            // 0 = one per available core
  // Images per forward pass (texts use 4x); 0 = auto: 8 on the CPU, from free memory on CUDA.
  int batchSize = 0;
  // Test hook for the out-of-memory path: a forward pass over more than this many inputs throws
  // as an allocation failure would (0 = off).
  int simulateOomAboveBatch = 0;
};

} // namespace streetlens
