#!/usr/bin/env bash
# Installs what is missing (apt), builds, and starts the StreetLens desktop app.
# Arguments are passed to the app, e.g. scripts/run.sh --model ~/models/StreetCLIP photo.jpg
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
exec "${STREETLENS_BUILD_DIR:-$root/build/release}/app/streetlens" "$@"
