#!/usr/bin/env bash
# Installs what is missing (apt), builds everything and runs every test (CTest), after a
# libFuzzer smoke of 60 s per target (STREETLENS_SKIP_FUZZ=1 skips it locally).
# The parity tests need ../shared/fixtures/tiny-clip (or STREETLENS_FIXTURE_DIR) and fail without it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
build=${STREETLENS_BUILD_DIR:-$root/build/release}
if [ -z "${STREETLENS_SKIP_FUZZ:-}" ]; then
  "$root/scripts/fuzz-smoke.sh"
fi
ctest --test-dir "$build" --output-on-failure -j "${STREETLENS_TEST_JOBS:-2}" --timeout 1200
