#pragma once
// Process-wide malloc settings that keep the towers' large activation buffers inside the process
// between layers. Torch-free on purpose: the programs' main() calls it before any thread starts.

namespace streetlens::clip {

// glibc only (a no-op elsewhere); idempotent, thread-safe. Serves every allocation from the one
// main heap (no per-thread arenas, no mmap for big blocks) and keeps up to 1 GiB of freed memory
// instead of handing it back to the kernel. Without it every 10-40 MB tensor is a fresh mmap whose
// pages fault in again on first touch, which on this VM made the fp32 image tower 2.4x slower
// (docs/PERFORMANCE.md). Resident memory stays at the high-water mark of one batch, which the
// soak test (tools/soak.sh) shows to be flat. STREETLENS_MALLOC=default leaves glibc's settings alone.
void tuneAllocatorForInference();

} // namespace streetlens::clip
