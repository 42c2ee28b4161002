#!/usr/bin/env bash
# Renders streetlens.svg to the PNG sizes the package installs into the hicolor theme
# (png/streetlens-<size>.png). The PNGs are committed; rerun this after editing the SVG.
# Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/png"
for size in 16 32 48 64 128 256; do
  rsvg-convert --width "$size" --height "$size" "$here/streetlens.svg" -o "$here/png/streetlens-$size.png"
done
