#!/usr/bin/env bash
# Installs every Debian 12 package StreetLens needs to build, run and test.
# Idempotent: does nothing (and needs no network) when everything is present.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build clang clang-format pkg-config
  # Qt 6
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6sql6-sqlite qt6-svg-dev libqt6svg6-dev libgl-dev
  # engine: LibTorch (CPU) with an optimised BLAS
  libtorch-dev libopenblas0-openmp
  # images and metadata (OpenCV core/imgproc/imgcodecs only, never highgui)
  libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev libexiv2-dev
  # tests, benchmarks, screenshots
  libgtest-dev libbenchmark-dev xvfb xauth imagemagick poppler-utils sqlite3 fonts-dejavu-core strace
  python3-numpy
  # packaging test: desktop entry, AppStream metainfo and MIME type validation
  desktop-file-utils appstream shared-mime-info
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
