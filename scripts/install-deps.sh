#!/usr/bin/env bash
# Installs every Debian package StreetLens needs to build, run and test, on Debian 12 (bookworm:
# Qt 6.4, LibTorch 1.13, exiv2 0.27) and Debian 13 (trixie: Qt 6.8, LibTorch 2.6, exiv2 0.28).
# The package names are the same on both releases; the release is read from /etc/os-release only
# to say which one this is. Idempotent: does nothing (and needs no network) when all is present.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build clang clang-format pkg-config
  # Qt 6
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6sql6-sqlite qt6-svg-dev libgl-dev
  # engine: LibTorch (CPU) with an optimised BLAS
  libtorch-dev libopenblas0-openmp
  # images and metadata (OpenCV core/imgproc/imgcodecs only, never highgui)
  libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev libexiv2-dev
  # tests, benchmarks, screenshots
  libgtest-dev libbenchmark-dev xvfb xauth imagemagick poppler-utils sqlite3 fonts-dejavu-core strace
  python3-numpy
  # packaging: cpack's DEB generator (dpkg-shlibdeps, file), desktop entry, AppStream, MIME
  dpkg-dev file desktop-file-utils appstream shared-mime-info
)

codename="unknown"
[ -r /etc/os-release ] && codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-unknown}")"
case "$codename" in
  bookworm | trixie) ;;
  *) echo "install-deps: Debian 12 (bookworm) or 13 (trixie) expected, found '$codename'; trying anyway" >&2 ;;
esac

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "install-deps ($codename): installing ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
