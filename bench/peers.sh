#!/usr/bin/env bash
# StreetLens against the peers users would really pick (issue #24), side by side in one run:
#   PyTorch 2.6 eager (Hugging Face's modeling_clip.py image tower, SDPA), fp32 and bf16 autocast;
#   ONNX Runtime 1.21 on that model exported with torch.onnx.export (opset 17), all optimisations, and
#   after its transformer optimizer (the eager-attention export, attention/quick_gelu/layer norms fused);
#   StreetLens's engine_bench built against LibTorch 2.6 (Debian 13 root) and LibTorch 1.13 (this
#   Debian 12 host), fp32 and bf16;
# all on the same random weights at StreetCLIP's sizes (bench/peers.py make), the same pixels, threads
# and batch, each process measuring its own GEMM peak per dtype. Prints one table; the last line is
#   streetlens-vs-fastest-peer: fp32 R1x bf16 R2x
# (R = the fastest peer's fp32 s/image divided by StreetLens's fastest fp32 / bf16 s/image).
#
#   bench/peers.sh                      everything (installs the peer packages into the Debian 13
#                                       root of scripts/debian13.sh and builds engine_bench in both)
# Settings (environment): STREETLENS_PEERS_THREADS (default: all cores), STREETLENS_PEERS_BATCH
# (default 2, engine_bench's), STREETLENS_PEERS_REPS (default 3: best of), STREETLENS_PEERS_INT8=1
# (adds ONNX Runtime's dynamic int8 route), STREETLENS_PEERS_HOST_BUILD (default build/release),
# STREETLENS_PEERS_PIPELINE (default 1: also the app's and the CLI's whole pipeline, bench/pipeline_bench,
# on a random model at StreetCLIP's sizes and 4032x3024 JPEGs, decode included; 0 skips it),
# STREETLENS_PEERS_PIPELINE_IMAGES (default 6), STREETLENS_FIXTURE_DIR (the tokenizer's source, default
# ../shared/fixtures/tiny-clip).
# A benchmark, never a test: nothing in CI runs it. Needs root for the Debian 13 root (sudo).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
threads=${STREETLENS_PEERS_THREADS:-$(nproc)}
batch=${STREETLENS_PEERS_BATCH:-2}
reps=${STREETLENS_PEERS_REPS:-3}
host_build=${STREETLENS_PEERS_HOST_BUILD:-build/release}
root_build=build/debian13-bench
work=build/peers # relative: the same path on the host and inside the root (checkout at /w/streetlens)
mkdir -p "$work"
in_root() { scripts/debian13.sh "$@"; }
say() { echo "peers: $*" >&2; }

say "peer packages in the Debian 13 root"
# shellcheck disable=SC2016 # expanded inside the root
in_root bash -c 'pkgs="python3-torch python3-onnx python3-onnxruntime python3-numpy"
  dpkg -s $pkgs >/dev/null 2>&1 || { export DEBIAN_FRONTEND=noninteractive; apt-get update -q >&2 &&
    apt-get install -y -q --no-install-recommends $pkgs >&2; }'

say "engine_bench against LibTorch 2.6 (Debian 13 root, $root_build)"
in_root bash -c "[ -f $root_build/build.ninja ] || cmake -S . -B $root_build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSTREETLENS_ENGINE_ONLY=ON >&2; ninja -C $root_build engine_bench >&2"
say "engine_bench against LibTorch 1.13 (this host, $host_build)"
[ -f "$host_build/build.ninja" ] ||
  cmake -S . -B "$host_build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >&2
pipeline=${STREETLENS_PEERS_PIPELINE:-1}
if [ "$pipeline" = 1 ]; then
  ninja -C "$host_build" engine_bench pipeline_bench >&2
else
  ninja -C "$host_build" engine_bench >&2
fi

if [ ! -f "$work/weights.safetensors" ] || [ "$(cat "$work/batch" 2>/dev/null || echo 0)" -lt "$batch" ]; then
  say "random weights and pixels at StreetCLIP's sizes"
  rm -f "$work"/*.onnx
  in_root python3 bench/peers.py make "$work" --batch "$batch"
  echo "$batch" >"$work/batch"
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
say "PyTorch and ONNX Runtime (Debian 13 root; load $load_before)"
int8=()
[ "${STREETLENS_PEERS_INT8:-0}" = 1 ] && int8=(--int8)
in_root python3 bench/peers.py run "$work" --batch "$batch" --threads "$threads" --reps "$reps" "${int8[@]}" \
  >"$work/python.json" 2> >(grep --line-buffered -v -e '^Schema error: Trying to register schema' -e '^$' >&2)
say "StreetLens, LibTorch 2.6"
in_root "$root_build/bench/engine_bench" --weights "$work/weights.safetensors" --pixels "$work/pixels.safetensors" \
  --embeds-out "$work/libtorch2" --images "$batch" --reps "$reps" --threads "$threads" >"$work/libtorch2.json"
say "StreetLens, LibTorch 1.13"
"$host_build/bench/engine_bench" --weights "$work/weights.safetensors" --pixels "$work/pixels.safetensors" \
  --embeds-out "$work/libtorch1" --images "$batch" --reps "$reps" --threads "$threads" >"$work/libtorch1.json"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

if [ "$pipeline" = 1 ]; then
  # The whole pipeline as users run it (JPEG decode, preprocessing, the towers, the label set, the
  # project file), app and CLI, LibTorch 1.13 (the host's build has the app's code), both dtypes.
  fixture=${STREETLENS_FIXTURE_DIR:-$root/../shared/fixtures/tiny-clip}
  if [ ! -f "$work/model/model.safetensors" ]; then
    rm -rf "$work/label-cache"
    say "a whole random model at StreetCLIP's sizes for the pipeline (tokenizer from $fixture)"
    in_root python3 bench/peers.py model "$work"
    for f in vocab.json merges.txt tokenizer_config.json special_tokens_map.json preprocessor_config.json; do
      install -m 0644 "$fixture/model/$f" "$work/model/"
    done
  fi
  for dtype in fp32 bf16; do
    say "the app's and the CLI's pipeline, LibTorch 1.13, $dtype"
    "$host_build/bench/pipeline_bench" --model "$work/model" --images "${STREETLENS_PEERS_PIPELINE_IMAGES:-6}" \
      --rounds 1 --precision "$dtype" --threads "$threads" --image-size 4032x3024 --cache "$work/label-cache" \
      >"$work/pipeline.$dtype.txt"
  done
fi

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) vCPUs," \
  "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
  "flags: $(grep -m1 '^flags' /proc/cpuinfo | grep -o -w -E 'avx2|avx512f|avx512_bf16|amx_bf16' | xargs)"
echo "host: $(sed -n 's/^PRETTY_NAME="\(.*\)"/\1/p' /etc/os-release), $(dpkg-query -W -f '${Package} ${Version}' libtorch1.13 2>/dev/null ||
  echo libtorch ?), g++ $(g++ -dumpfullversion), OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}"
# shellcheck disable=SC2016 # expanded inside the root
echo "root: $(in_root bash -c '. /etc/os-release; echo "$PRETTY_NAME"; dpkg-query -W -f "\${Package} \${Version}; " \
  python3-torch python3-onnx python3-onnxruntime python3-numpy libtorch2.6 2>/dev/null; echo "g++ $(g++ -dumpfullversion)"' | xargs)"
echo "python process: $(in_root python3 -c 'import json,sys; d=json.loads(open(sys.argv[1]).read().splitlines()[-1])
print(", ".join(f"{k} {d[k]}" for k in ("python", "torch", "onnx", "onnxruntime", "numpy", "threads", "batch")))' "$work/python.json")"
echo "load average (1/5/15 min): before $load_before, after $load_after; threads $threads, batch $batch, best of $reps"
if [ "$pipeline" = 1 ]; then
  for dtype in fp32 bf16; do
    echo "pipeline $dtype (LibTorch 1.13, $(sed -n 's/^images: \([0-9]*\) (\([0-9x]*\) JPEG).*/\1 images of \2/p' \
      "$work/pipeline.$dtype.txt")): $(grep -E '^(cli|app) pipeline \(' "$work/pipeline.$dtype.txt" |
      sed 's/ (.*): /: /' | paste -sd ';' | sed 's/;/; /g')"
  done
fi
exec "$root/scripts/debian13.sh" python3 bench/peers.py report "$work" --batch "$batch" \
  "$work/python.json" "$work/libtorch2.json" "$work/libtorch1.json"
