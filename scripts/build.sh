#!/usr/bin/env bash
# Configures and builds StreetLens into build/release (or $STREETLENS_BUILD_DIR) with Ninja.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
build=${STREETLENS_BUILD_DIR:-$root/build/release}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
# Torch translation units need ~1.5 GB each; two cores, two jobs.
ninja -C "$build" -j "${STREETLENS_JOBS:-$(nproc)}"
