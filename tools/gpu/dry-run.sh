#!/usr/bin/env bash
# The GPU kit's dry run on a machine without a GPU: tools/gpu/run-on-device.sh --dry-run inside a
# Debian 13 root that has LibTorch 2.6 (CPU), a compiler, CMake and ninja but no Qt at all
# (scripts/debian13.sh with STREETLENS_DEBIAN13_FLAVOUR=gpu-kit; the packages are in
# tools/gpu/dry-run-packages.txt), so the build can only succeed with the carried Qt prefix, and
# Debian 12's libraries are loaded under a newer glibc (2.41) as on the device (2.39). Everything
# but the CUDA steps runs: configure, build, the parity suite and engine_bench's GPU report on the
# CPU, the engine's CPU suites. Makes the carry first when .gpu-carry/ lacks it.
#   tools/gpu/dry-run.sh        results in build/gpu-kit-dry-run/ (summary.txt first)
# Needs root (the Debian 13 root). On 2 cores: about 20 min the first time (5 min to make the root,
# the build without ccache), less once the root's ccache is warm.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if [ ! -f "$root/.gpu-carry/qt-prefix.tar.xz" ] || [ ! -f "$root/.gpu-carry/tiny-clip.tar.gz" ]; then
  "$root/tools/gpu/make-carry.sh"
fi
STREETLENS_DEBIAN13_FLAVOUR=gpu-kit "$root/scripts/debian13.sh" \
  env OUT=/w/streetlens/build/gpu-kit-dry-run STREETLENS_GPU_KIT_BUDGET_S="${STREETLENS_GPU_KIT_BUDGET_S:-3000}" \
  STREETLENS_JOBS="${STREETLENS_JOBS:-2}" tools/gpu/run-on-device.sh --dry-run
