#include "core/clip/CpuAllocator.h"

#include <cstdlib>
#include <cstring>
#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace streetlens::clip {

void tuneAllocatorForInference() {
  static std::once_flag once;
  std::call_once(once, [] {
    const char *mode = std::getenv("STREETLENS_MALLOC");
    if (mode && std::strcmp(mode, "default") == 0)
      return;
#if defined(__GLIBC__)
    // Arenas created from now on: only the main one. Threads that already allocated keep theirs,
    // hence the call at the top of main().
    mallopt(M_ARENA_MAX, 1);
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    mallopt(M_TOP_PAD, 64 << 20);
#endif
  });
}

} // namespace streetlens::clip
