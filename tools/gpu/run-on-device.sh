#!/usr/bin/env bash
# The GPU kit: one command on a machine with a CUDA GPU, a compiler, CMake, ninja and a PyTorch
# wheel (no Qt, no package registry) that builds the engine and measures it. It
#   1. unpacks what tools/gpu/make-carry.sh made (.gpu-carry/: Debian 12's Qt Core + Test prefix
#      and the tiny-clip fixture) under $STREETLENS_GPU_KIT_WORK (default /tmp/streetlens-gpu-kit);
#   2. configures the engine-only build (-DSTREETLENS_ENGINE_ONLY=ON: LibTorch + Qt Core) against
#      the wheel's LibTorch (torch.utils.cmake_prefix_path) with CUDA, and builds it (-j of nproc);
#   3. runs the parity suite on CUDA in fp32 with the CPU's bounds (tst_clipparity), fp16/bf16
#      against fp32 (cosine >= 0.999), the automatic batch size and a real CUDA out-of-memory with
#      the halving and the CPU fallback (tst_cudaengine);
#   4. runs engine_bench --device cuda: images/s in fp16 and bf16 at the automatic batch size, the
#      tower's share of the card's measured matrix-multiply peak, text ms/prompt, and 4032x3024
#      decoded frames through preprocessing and the engine;
#   5. runs the engine's CPU suites (ctest) with what time is left.
# Everything goes to $OUT (summary.txt first; build.log, tests.log, bench.log, env.txt), at most
# 8 files as the device tool brings back. Each step has a time limit so that the whole run ends
# within $STREETLENS_GPU_KIT_BUDGET_S (default 560 s: one 600 s device call).
#
#   tools/gpu/run-on-device.sh             on the device (see docs/PERFORMANCE.md for the call)
#   tools/gpu/run-on-device.sh --dry-run   the same without a GPU: LibTorch from CMake's default
#                                          search (e.g. Debian 13's CPU 2.6), steps 3-4 on the CPU,
#                                          small; tools/gpu/dry-run.sh runs it in a Debian 13 root
#                                          that has no Qt, so the carried prefix must be complete
# Exit status: 0 when every step passed, 1 otherwise (summary.txt says which).
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
mode=device
[ "${1:-}" = --dry-run ] && mode=dry-run
start=$SECONDS
budget=${STREETLENS_GPU_KIT_BUDGET_S:-560}
OUT=${OUT:-$root/build/gpu-kit-out}
work=${STREETLENS_GPU_KIT_WORK:-/tmp/streetlens-gpu-kit}
carry=${STREETLENS_GPU_KIT_CARRY:-$root/.gpu-carry}
jobs=${STREETLENS_JOBS:-$(nproc)}
build=$work/build
mkdir -p "$OUT" "$work"
export root work carry build qtlib
summary=$OUT/summary.txt
rm -f "$OUT"/summary.txt "$OUT"/*.log "$OUT"/env.txt
: >"$summary"
# Step limits are sized for the device's 16 cores; a dry run on a small machine stretches them.
scale=${STREETLENS_GPU_KIT_STEP_SCALE:-$([ "$mode" = dry-run ] && echo 8 || echo 1)}
failed=0

say() { echo "$*" | tee -a "$summary"; }
left() { echo $((budget - (SECONDS - start))); }
# step NAME LIMIT_S LOG COMMAND...: runs with a time limit (capped by what is left of the budget).
step() {
  local name=$1 limit=$(($2 * scale)) log=$3 t0=$SECONDS rc
  shift 3
  local rest
  rest=$(left)
  [ "$limit" -gt "$rest" ] && limit=$rest
  if [ "$limit" -le 5 ]; then
    say "SKIP  $name: no time left in the ${budget} s budget"
    failed=1
    return 1
  fi
  echo "=== $name (limit ${limit} s)" >>"$log"
  if declare -F "$1" >/dev/null; then # a function of this script: run it in a child bash
    export -f "$1"
    set -- bash -c '"$@"' step "$@"
  fi
  timeout --kill-after=10 "$limit" "$@" >>"$log" 2>&1
  rc=$?
  if [ $rc -eq 0 ]; then
    say "PASS  $name ($((SECONDS - t0)) s)"
  else
    [ $rc -eq 124 ] && rc="timeout after ${limit} s"
    say "FAIL  $name ($((SECONDS - t0)) s, exit $rc; see $(basename "$log"))"
    failed=1
  fi
  [ "${rc}" = 0 ]
}

say "StreetLens GPU kit ($mode) at $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u '+%F %T') UTC"

# 1. Unpack the carry.
unpack() {
  rm -rf "$work/qt" "$work/tiny-clip"
  if command -v xz >/dev/null; then
    tar -C "$work" -xJf "$carry/qt-prefix.tar.xz"
  else # python3's tarfile reads xz where the xz program is missing
    python3 -c 'import sys, tarfile; t = tarfile.open(sys.argv[1]); t.extractall(sys.argv[2], **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))' "$carry/qt-prefix.tar.xz" "$work"
  fi
  tar -C "$work" -xzf "$carry/tiny-clip.tar.gz"
  ls "$work/qt/usr/lib/x86_64-linux-gnu/libQt6Core.so.6" "$work/tiny-clip/expected.json"
}
step "unpack the carried Qt prefix and fixture" 60 "$OUT/build.log" unpack || {
  say "nothing more to do without the carry (tools/gpu/make-carry.sh makes it)"
  exit 1
}
export qt=$work/qt
fixture=$work/tiny-clip
# The carried libraries that this machine lacks, as links in one folder for LD_LIBRARY_PATH: Qt's
# and ICU 72 always, the rest (glib, zstd, zlib…) only where the system has no library of that
# soname, so that a newer system copy wins and programs like ld keep their own.
qtlib=$work/lib
pick_libraries() {
  local f soname
  rm -rf "$qtlib" && mkdir -p "$qtlib"
  for f in $(find "$qt/usr/lib/x86_64-linux-gnu" "$qt/lib/x86_64-linux-gnu" -maxdepth 1 -type f -name 'lib*.so.*' 2>/dev/null); do
    soname=$(objdump -p "$f" | awk '$1 == "SONAME" { print $2 }')
    [ -n "$soname" ] || continue
    case "$soname" in
      libQt6* | libicu*) ;;
      *) ldconfig -p | grep -q "^[[:space:]]*$soname " && continue ;;
    esac
    ln -sf "$f" "$qtlib/$soname"
  done
  ls "$qtlib"
}
step "pick the carried libraries this machine lacks" 20 "$OUT/build.log" pick_libraries
export LD_LIBRARY_PATH_BEFORE=${LD_LIBRARY_PATH:-}

# 2. LibTorch, the environment, configure and build.
{
  echo "mode: $mode"
  uname -a
  (. /etc/os-release && echo "$PRETTY_NAME")
  ldd --version 2>&1 | head -1
  command -v c++ && c++ --version | head -1
  cmake --version | head -1
  ninja --version
  nproc
  nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.max.sm --format=csv 2>&1
  command -v nvcc && nvcc --version | tail -2
} >"$OUT/env.txt" 2>&1
prefix_path="$qt/usr"
extra=()
libpath=$qtlib
if [ "$mode" = device ]; then
  torch_dir=$(python3 -c 'import torch, os; print(os.path.dirname(torch.__file__))') || {
    say "FAIL  python3 cannot import torch"
    exit 1
  }
  python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, "cxx11abi", torch.compiled_with_cxx11_abi(), "gpu", torch.cuda.get_device_name(0) if torch.cuda.is_available() else None)' >>"$OUT/env.txt" 2>&1
  prefix_path="$prefix_path;$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')"
  # The wheel's CUDA libraries (nvidia/*/lib) and torch/lib: for the linker and at run time.
  site=$(dirname "$torch_dir")
  for d in "$torch_dir/lib" $(find "$site/nvidia" -maxdepth 3 -type d -name lib 2>/dev/null); do
    libpath=$libpath:$d
  done
  for c in /usr/local/cuda/bin /usr/local/cuda-*/bin; do
    [ -x "$c/nvcc" ] && export PATH=$PATH:$c && break
  done
  export TORCH_CUDA_ARCH_LIST=${TORCH_CUDA_ARCH_LIST:-9.0}
  extra+=(-DCMAKE_BUILD_TYPE=Release)
else
  extra+=(-DCMAKE_BUILD_TYPE=Release)
  command -v ccache >/dev/null && extra+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
export LD_LIBRARY_PATH=$libpath${LD_LIBRARY_PATH_BEFORE:+:$LD_LIBRARY_PATH_BEFORE}
echo "LD_LIBRARY_PATH=$LD_LIBRARY_PATH" >>"$OUT/env.txt"

step "configure (engine-only, LibTorch + carried Qt Core)" 120 "$OUT/build.log" \
  cmake -S "$root" -B "$build" -G Ninja "${extra[@]}" -DSTREETLENS_ENGINE_ONLY=ON \
  -DCMAKE_PREFIX_PATH="$prefix_path" -DQt6_DIR="$qt/usr/lib/x86_64-linux-gnu/cmake/Qt6" \
  -DSTREETLENS_FIXTURE_DIR="$fixture" || exit 1
# Qt must come from the carry, every Qt/ICU library too (not from a Qt the machine happens to have).
check_carried_qt() {
  grep -E '^Qt6(Core|Test)?_DIR' "$build/CMakeCache.txt"
  ! grep -E '^Qt6(Core|Test)?_DIR' "$build/CMakeCache.txt" | grep -v "$qt/"
}
step "Qt's CMake packages are the carried ones" 10 "$OUT/build.log" check_carried_qt
grep -q 'STREETLENS_TORCH_CUDA' "$build/build.ninja" 2>/dev/null && cuda_build=1 || cuda_build=0
say "LibTorch with CUDA: $([ $cuda_build = 1 ] && echo yes || echo no)"
step "build (ninja -j$jobs)" 330 "$OUT/build.log" ninja -C "$build" -j "$jobs" || exit 1
check_libraries() {
  local f bad=0
  for f in "$build"/tests/clip/tst_clipparity "$build"/bench/engine_bench; do
    ldd "$f" | grep -E 'libQt6|libicu' | tee -a /dev/stderr | grep -v -e "$qt/" -e "$qtlib/" && bad=1
    ldd "$f" | grep 'not found' && bad=1
  done
  [ $bad = 0 ]
}
step "every Qt/ICU library loads from the carry" 20 "$OUT/build.log" check_libraries

# 3 + 4. The GPU (or, dry, the same on the CPU).
tests=$OUT/tests.log
export STREETLENS_FIXTURE_DIR=$fixture QTEST_FUNCTION_TIMEOUT=600000
if [ "$mode" = device ]; then
  step "parity on CUDA, fp32, CPU bounds (tst_clipparity)" 90 "$tests" \
    env STREETLENS_TEST_DEVICE=cuda "$build/tests/clip/tst_clipparity"
  step "fp16/bf16 vs fp32, automatic batch, real out-of-memory (tst_cudaengine)" 200 "$tests" \
    env STREETLENS_TEST_DEVICE=cuda "$build/tests/clip/tst_cudaengine"
  step "engine_bench --device cuda" 150 "$OUT/bench.log" \
    "$build/bench/engine_bench" --device cuda --tokenizer "$fixture/model"
  nvidia-smi >>"$OUT/env.txt" 2>&1
else
  step "parity, fp32 (tst_clipparity, STREETLENS_TEST_DEVICE=cpu)" 300 "$tests" \
    env STREETLENS_TEST_DEVICE=cpu "$build/tests/clip/tst_clipparity"
  # tst_cudaengine cannot run without a GPU; that it built is what the dry run shows.
  step "tst_cudaengine was built" 5 "$tests" test -x "$build/tests/clip/tst_cudaengine"
  step "engine_bench's GPU report, small, on the CPU" 300 "$OUT/bench.log" \
    "$build/bench/engine_bench" --device cpu --tokenizer "$fixture/model" --batch 2 --batches 1 --reps 1 \
    --prompts 16 --frames 2 --gemm-size 512
  grep -q 'frames -> embeddings' "$OUT/bench.log" || {
    say "FAIL  engine_bench's report is incomplete (see bench.log)"
    failed=1
  }
fi

# 5. The engine's CPU suites with what is left. tst_otherconfig needs a python3 with numpy: the
# device's (torch's) has it; the dry run's bare root has none (CI runs that suite).
rest=$(left)
skip=tst_cudaengine
if [ "$mode" = device ]; then
  export STREETLENS_PYTHON=$(command -v python3)
else
  skip="tst_cudaengine|tst_otherconfig"
  say "SKIP  tst_otherconfig: the dry run's root has no numpy (CI runs it)"
fi
if [ "$rest" -gt 30 ]; then
  step "the engine's CPU suites (ctest -E '$skip')" "$((rest / scale))" "$tests" \
    env STREETLENS_TEST_DEVICE=cpu ctest --test-dir "$build" --output-on-failure -j 2 -E "$skip" \
    --timeout "$rest"
else
  say "SKIP  the engine's CPU suites: ${rest} s left"
fi

{
  echo
  echo "--- tests: the lines that carry numbers"
  grep -E 'PASS   :|FAIL!  :|QINFO  :|Totals' "$tests" | grep -E 'FAIL|QINFO|Totals' | cut -c1-300
  echo
  echo "--- engine_bench"
  cat "$OUT/bench.log"
} >>"$summary" 2>/dev/null
say "total $((SECONDS - start)) s; $([ $failed = 0 ] && echo 'every step passed' || echo 'some step FAILED')"
exit $failed
