#!/usr/bin/env bash
# Installs what is missing (apt), builds everything and runs every test (CTest) twice: first the
# optimised build (build/release) after a libFuzzer smoke of 60 s per target, then the same suite
# under AddressSanitizer + UndefinedBehaviorSanitizer with leak detection (the `asan` preset,
# build/asan; R6 in docs/SECURITY.md). Any sanitizer report fails the test that caused it; waits in
# the robustness tests stretch for the slowdown.
#   STREETLENS_TEST_BUILD=release   only the optimised build and its suite (+ fuzz smoke)
#   STREETLENS_TEST_BUILD=asan      only the sanitized build and its suite
#   STREETLENS_SKIP_FUZZ=1          no fuzz smoke
# The parity tests need ../shared/fixtures/tiny-clip (or STREETLENS_FIXTURE_DIR) and fail without it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mode=${STREETLENS_TEST_BUILD:-all}
case "$mode" in all | release | asan) ;; *)
  echo "STREETLENS_TEST_BUILD must be all, release or asan (got '$mode')" >&2
  exit 2
  ;;
esac

suite() { # build folder
  ctest --test-dir "$1" --output-on-failure -j "${STREETLENS_TEST_JOBS:-2}" --timeout 2400
}

if [ "$mode" != asan ]; then
  start=$SECONDS
  "$root/scripts/build.sh"
  if [ -z "${STREETLENS_SKIP_FUZZ:-}" ]; then
    "$root/scripts/fuzz-smoke.sh"
  fi
  suite "${STREETLENS_BUILD_DIR:-$root/build/release}"
  echo "== optimised build and suite: $((SECONDS - start)) s"
fi

if [ "$mode" != release ]; then
  start=$SECONDS
  "$root/scripts/install-deps.sh"
  (cd "$root" && cmake --preset asan >/dev/null)
  ninja -C "$root/build/asan" -j "${STREETLENS_JOBS:-$(nproc)}"
  # ASan and LSan abort on a report, UBSan halts: the test that caused it fails.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:disable_coredump=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 suite "$root/build/asan"
  echo "== ASan + UBSan build and suite: $((SECONDS - start)) s"
fi
