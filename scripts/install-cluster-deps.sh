#!/usr/bin/env bash
# Installs what the cluster tests need (tests/cluster/), apart from scripts/install-deps.sh so that
# the Debian 13 root (whose cache is keyed on install-deps.sh's package list) is not rebuilt for
# them. Idempotent: does nothing, and needs no network, when all is present.
#   scripts/install-cluster-deps.sh slurm   munge, slurmctld, slurmd and the SLURM clients (Debian)
#   scripts/install-cluster-deps.sh k8s     node and npm (Debian), then the npm packages pinned in
#                                           tests/cluster/k8s-schema/ into .cache/k8s-schema/
#                                           (or $STREETLENS_K8S_SCHEMA_DIR); prints that folder
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

apt_install() { # packages... (only the missing ones)
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "install-cluster-deps: installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -q >&2
  # The tests start daemons of their own (own key, socket, ports); the packages' services, where
  # an init starts them, are not used.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
}

case "${1:-}" in
slurm)
  apt_install munge slurmctld slurmd slurm-client
  ;;
k8s)
  command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
  dir=${STREETLENS_K8S_SCHEMA_DIR:-$root/.cache/k8s-schema}
  src=$root/tests/cluster/k8s-schema
  # Reinstalled when the pinned versions change (the lock file is the stamp).
  if ! cmp -s "$src/package-lock.json" "$dir/package-lock.json" || [ ! -d "$dir/node_modules/kubernetes-models" ]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    cp "$src/package.json" "$src/package-lock.json" "$dir/"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
  echo "$dir/node_modules"
  ;;
*)
  echo "usage: $0 slurm|k8s" >&2
  exit 2
  ;;
esac
