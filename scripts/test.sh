#!/usr/bin/env bash
# Installs what is missing (apt), builds everything and runs every test (CTest) on both Debian
# releases we support. On this machine's release (Debian 12): a libFuzzer smoke of 60 s per target,
# then the optimised build (build/release) and its suite. Then, in a Debian 13 root made with
# debootstrap (scripts/debian13.sh, cached under .cache/debian13/): the build with
# AddressSanitizer + UndefinedBehaviorSanitizer and leak detection (build/debian13-asan; R6 in
# docs/SECURITY.md) and the same suite, so the sanitizers, LibTorch 2.6's SDPA attention, Qt 6.8,
# exiv2 0.28 and GCC 14 are all tested there. Any sanitizer report fails the test that caused it.
#   STREETLENS_TEST_BUILD=release    only the optimised build and its suite (+ fuzz smoke)
#   STREETLENS_TEST_BUILD=debian13   only the Debian 13 stage (ASan + UBSan build and suite)
#   STREETLENS_TEST_BUILD=asan       the ASan + UBSan build and suite on this system (build/asan,
#                                    or STREETLENS_ASAN_BUILD_DIR)
#   STREETLENS_TEST_BUILD=gpu-kit    only the GPU kit's dry run (tools/gpu/dry-run.sh: the engine-only
#                                    build against the carried Qt prefix in a Debian 13 root without
#                                    Qt; not part of "all")
#   STREETLENS_SKIP_FUZZ=1           no fuzz smoke
# The parity tests need ../shared/fixtures/tiny-clip (or STREETLENS_FIXTURE_DIR) and fail without it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mode=${STREETLENS_TEST_BUILD:-all}
case "$mode" in all | release | asan | debian13 | gpu-kit) ;; *)
  echo "STREETLENS_TEST_BUILD must be all, release, debian13, asan or gpu-kit (got '$mode')" >&2
  exit 2
  ;;
esac
total=$SECONDS
release_name() { (. /etc/os-release && echo "$PRETTY_NAME"); }

suite() { # build folder
  ctest --test-dir "$1" --output-on-failure -j "${STREETLENS_TEST_JOBS:-2}" --timeout 2400
}

if [ "$mode" = all ] || [ "$mode" = release ]; then
  start=$SECONDS
  echo "== $(release_name): optimised build, fuzz smoke and suite"
  "$root/scripts/build.sh"
  if [ -z "${STREETLENS_SKIP_FUZZ:-}" ]; then
    "$root/scripts/fuzz-smoke.sh"
  fi
  suite "${STREETLENS_BUILD_DIR:-$root/build/release}"
  echo "== $(release_name): optimised build and suite: $((SECONDS - start)) s"
fi

if [ "$mode" = asan ]; then
  start=$SECONDS
  build=${STREETLENS_ASAN_BUILD_DIR:-$root/build/asan}
  echo "== $(release_name): ASan + UBSan build and suite in $build"
  "$root/scripts/install-deps.sh"
  (cd "$root" && cmake --preset asan -B "$build" >/dev/null)
  ninja -C "$build" -j "${STREETLENS_JOBS:-$(nproc)}"
  # ASan and LSan abort on a report, UBSan halts: the test that caused it fails.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:disable_coredump=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 suite "$build"
  echo "== $(release_name): ASan + UBSan build and suite: $((SECONDS - start)) s"
fi

if [ "$mode" = all ] || [ "$mode" = debian13 ]; then
  start=$SECONDS
  echo "== Debian 13 root (scripts/debian13.sh)"
  STREETLENS_TEST_BUILD=asan STREETLENS_ASAN_BUILD_DIR=build/debian13-asan \
    "$root/scripts/debian13.sh" scripts/test.sh
  echo "== Debian 13 stage (root, ASan + UBSan build and suite): $((SECONDS - start)) s"
fi
if [ "$mode" = gpu-kit ]; then
  echo "== GPU kit dry run (tools/gpu/dry-run.sh)"
  "$root/tools/gpu/dry-run.sh"
fi
echo "== scripts/test.sh ($mode): $((SECONDS - total)) s"
