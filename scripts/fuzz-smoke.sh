#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for a short smoke
# (default 60 s; FUZZ_SECONDS overrides) on a corpus seeded from tests/data. Any crash fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${STREETLENS_FUZZ_BUILD_DIR:-$root/build/fuzz}
seconds=${FUZZ_SECONDS:-60}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSTREETLENS_FUZZ=ON -DSTREETLENS_WITH_GUI=OFF -DSTREETLENS_WITH_ENGINE=OFF -DSTREETLENS_TESTS=OFF \
  -DSTREETLENS_BENCH=OFF >/dev/null
if ! ninja -C "$build" fuzz_safetensors fuzz_tokenizer fuzz_image fuzz_config >"$build/fuzz-build.log" 2>&1; then
  tail -50 "$build/fuzz-build.log"; exit 1
fi
export STREETLENS_FIXTURE_DIR=${STREETLENS_FIXTURE_DIR:-$root/../shared/fixtures/tiny-clip}
corpus=$build/corpus
mkdir -p "$corpus"/{safetensors,tokenizer,image,config}
cp -n "$root"/tests/data/safetensors/good/*.safetensors "$root"/tests/data/safetensors/bad/*.safetensors \
  "$corpus/safetensors/" 2>/dev/null || true
cp -n "$root"/tests/data/images/* "$corpus/image/" 2>/dev/null || true
printf 'A Street View photo in France.' >"$corpus/tokenizer/seed"
cp -n "$STREETLENS_FIXTURE_DIR"/model/config.json "$corpus/config/config.json" 2>/dev/null || true
cp -n "$STREETLENS_FIXTURE_DIR"/model/preprocessor_config.json "$corpus/config/pre.json" 2>/dev/null || true
for t in safetensors tokenizer image config; do
  echo "fuzz_$t: ${seconds}s"
  (cd "$build" && ASAN_OPTIONS=detect_leaks=0 ./fuzz/fuzz_$t -max_total_time="$seconds" -rss_limit_mb=4096 \
     -timeout=10 -print_final_stats=1 "$corpus/$t" 2>&1 | grep -E "stat::number_of_executed_units|ERROR|SUMMARY|crash-" || true)
  # libFuzzer writes crash-*/timeout-*/oom-* files on failure
  if ls "$build"/crash-* "$build"/timeout-* "$build"/oom-* >/dev/null 2>&1; then
    echo "fuzz_$t found a problem:"; ls "$build"/crash-* "$build"/timeout-* "$build"/oom-* 2>/dev/null; exit 1
  fi
done
