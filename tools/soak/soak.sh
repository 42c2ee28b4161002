#!/usr/bin/env bash
# R7 soak (docs/SECURITY.md): runs `streetlens-cli predict` over N distinct images (default
# 5,000) into a project file with JSON streamed to a file, samples the process's resident memory
# (VmRSS) twice a second against the number of images finished, and fails when memory after the
# warm-up (the first 10 % of the images) grows by 5 % or more.
# Usage: tools/soak/soak.sh [N] [MODEL_DIR]   (env: STREETLENS_CLI, SOAK_DIR, SOAK_ARGS)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-5000}
model=${2:-${STREETLENS_FIXTURE_DIR:-$root/../shared/fixtures/tiny-clip}/model}
cli=${STREETLENS_CLI:-$root/build/release/app/streetlens-cli}
[ -x "$cli" ] || cli=$root/build/app/streetlens-cli
work=${SOAK_DIR:-$(mktemp -d /tmp/streetlens-soak.XXXXXX)}
[ -d "$model" ] || { echo "soak: no model folder at $model" >&2; exit 2; }
[ -x "$cli" ] || { echo "soak: no streetlens-cli (build first or set STREETLENS_CLI)" >&2; exit 2; }

echo "soak: $n images, model $model, work dir $work"
rm -rf "$work/images" "$work/run.streetlens"* "$work/out.json"
python3 "$root/tools/soak/make_images.py" "$work/images" "$n"

start=$(date +%s.%N)
# shellcheck disable=SC2086
"$cli" predict --model "$model" --cache-dir "$work/cache" --project "$work/run.streetlens" \
  ${SOAK_ARGS:-} "$work/images" > "$work/out.json" 2> "$work/stderr.log" &
pid=$!
: > "$work/rss.tsv"
while kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
  done_count=$(grep -c '"path"' "$work/out.json" 2>/dev/null || true)
  [ -n "$rss" ] && printf '%s\t%s\t%s\n' "$(date +%s.%N)" "${done_count:-0}" "$rss" >> "$work/rss.tsv"
  sleep 0.5
done
rc=0
wait "$pid" || rc=$?
end=$(date +%s.%N)
[ "$rc" -eq 0 ] || { echo "soak: streetlens-cli exited with $rc; see $work/stderr.log" >&2; tail -5 "$work/stderr.log" >&2; exit 1; }
finished=$(grep -c '"path"' "$work/out.json")
python3 - "$work/rss.tsv" "$n" "$finished" "$start" "$end" <<'PY'
import sys
path, n, finished, start, end = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
rows = [tuple(float(x) for x in line.split("\t")) for line in open(path) if line.strip()]
warm = [r for r in rows if r[1] >= 0.1 * n]
if finished != n or len(warm) < 5:
    sys.exit("soak: %d of %d images in the output, %d samples after warm-up" % (finished, n, len(warm)))
base = warm[0][2]
peak = max(r[2] for r in warm)
print("%10s %12s" % ("images", "RSS MiB"))
for frac in [0.1 * i for i in range(1, 11)]:
    pick = [r for r in rows if r[1] <= frac * n]
    if pick:
        print("%10d %12.1f" % (pick[-1][1], pick[-1][2] / 1024))
growth = 100.0 * (peak - base) / base
print("images: %d in %.0f s (%.1f/s); RSS after warm-up %.1f MiB, peak %.1f MiB: growth %.2f %% (limit 5 %%)"
      % (finished, end - start, finished / (end - start), base / 1024, peak / 1024, growth))
sys.exit(0 if growth < 5.0 else 1)
PY
