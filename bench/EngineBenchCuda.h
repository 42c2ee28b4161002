#pragma once
// The CUDA half of engine_bench (bench/EngineBenchCuda.cpp): StreetCLIP's towers on a GPU. Kept
// apart from the CPU half so that engine_bench.cpp stays readable; no torch in this header.
#include <QString>

namespace streetlens::bench {

struct CudaBenchOptions {
  QString device = QStringLiteral("cuda"); // cuda or cuda:N
  QString tokenizerDir;                    // a folder with vocab.json + merges.txt
  double imageFlops = 0;                   // floating-point operations of one image through the tower
  int reps = 3;                            // best of this many timed runs
  int batchesPerRep = 4;                   // automatic-size batches per timed run
  int prompts = 1024;                      // prompts through the text tower
  int frames = 64;                         // 4032 x 3024 frames through preprocessing + engine (0: none)
  int batch = 0;                           // images per batch (0: the engine's automatic choice)
  int gemmSize = 8192;                     // n of the n x n x n product that measures the peak
};

// Prints the report; 0 on success, 1 when no CUDA device is usable. Device "cpu" runs the same report
// on the CPU (a dry run of the code; the numbers mean little there).
int runCudaBench(const CudaBenchOptions &options);

} // namespace streetlens::bench
