#!/usr/bin/env bash
# Installs what is missing (apt), builds everything and runs every test (CTest), after a libFuzzer
# smoke of 60 s per target (STREETLENS_SKIP_FUZZ=1 skips it locally).
# STREETLENS_TEST_BUILD=asan builds the `asan` preset (AddressSanitizer + UndefinedBehaviorSanitizer,
# build/asan) instead and runs the same suite under it with leak detection on (R6 in
# docs/SECURITY.md); waits in the robustness tests stretch for the slowdown.
# The parity tests need ../shared/fixtures/tiny-clip (or STREETLENS_FIXTURE_DIR) and fail without it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ "${STREETLENS_TEST_BUILD:-release}" = asan ]; then
  "$root/scripts/install-deps.sh"
  build=$root/build/asan
  (cd "$root" && cmake --preset asan >/dev/null)
  ninja -C "$build" -j "${STREETLENS_JOBS:-$(nproc)}"
  # Any report fails the test that caused it: ASan and LSan abort, UBSan halts.
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:disable_coredump=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
else
  "$root/scripts/build.sh"
  build=${STREETLENS_BUILD_DIR:-$root/build/release}
fi
if [ -z "${STREETLENS_SKIP_FUZZ:-}" ]; then
  "$root/scripts/fuzz-smoke.sh"
fi
ctest --test-dir "$build" --output-on-failure -j "${STREETLENS_TEST_JOBS:-2}" --timeout 2400
