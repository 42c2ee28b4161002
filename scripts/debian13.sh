#!/usr/bin/env bash
# Runs a command inside a Debian 13 ("trixie") root on this (Debian 12) machine: the honest test
# bed for LibTorch 2.6, Qt 6.8, exiv2 0.28, OpenCV 4.10 and GCC 14.
#   scripts/debian13.sh [COMMAND...]        default command: bash (interactive)
# The root is made with debootstrap under .cache/debian13/ (git ignores .cache/; override with
# STREETLENS_DEBIAN13_ROOT) and the project's own scripts/install-deps.sh runs inside it. It is
# remade from scratch when the package list in install-deps.sh changes (a stamp holds its hash).
# The checkout is bind-mounted at /w/streetlens and the tiny-clip fixture at
# /w/shared/fixtures/tiny-clip, so build folders land in the checkout's build*/ (git-ignored).
# Needs root (debootstrap, mount, chroot); every mount is undone on exit.
#   STREETLENS_DEBIAN13_FLAVOUR=gpu-kit   a second, bare root (.cache/debian13-gpu-kit/) with only
#       the packages listed in tools/gpu/dry-run-packages.txt (LibTorch, a compiler, CMake; no Qt):
#       the GPU kit's dry run (tools/gpu/dry-run.sh) builds there against the carried Qt prefix.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
flavour=${STREETLENS_DEBIAN13_FLAVOUR:-full}
case "$flavour" in
  full) rootfs=${STREETLENS_DEBIAN13_ROOT:-$root/.cache/debian13/rootfs} ;;
  gpu-kit) rootfs=${STREETLENS_DEBIAN13_ROOT:-$root/.cache/debian13-gpu-kit/rootfs} ;;
  *) echo "debian13: STREETLENS_DEBIAN13_FLAVOUR must be full or gpu-kit (got '$flavour')" >&2; exit 2 ;;
esac
mirror=${STREETLENS_DEBIAN_MIRROR:-http://deb.debian.org/debian}
fixture=${STREETLENS_FIXTURE_DIR:-$root/../shared/fixtures/tiny-clip}

if [ "$(id -u)" -ne 0 ]; then
  exec sudo -E "$0" "$@"
fi
if ! command -v debootstrap >/dev/null; then
  echo "debian13: debootstrap is missing; installing it" >&2
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap >&2
fi

# The stamp: the package list (and the mirror) the root was made from.
if [ "$flavour" = gpu-kit ]; then
  package_list() { grep -v '^#' "$root/tools/gpu/dry-run-packages.txt" | xargs; }
  stamp_value=$( (package_list; echo "$mirror") | sha256sum | cut -c1-16)
else
  stamp_value=$( (sed -n '/^PACKAGES=(/,/^)/p' "$root/scripts/install-deps.sh"; echo "$mirror") | sha256sum | cut -c1-16)
fi
stamp="$rootfs/.streetlens-stamp"

mounts=()
cleanup() {
  local i
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
    umount "${mounts[$i]}" 2>/dev/null || umount -l "${mounts[$i]}" 2>/dev/null || true
  done
}
trap cleanup EXIT INT TERM
mount_once() { # mount args... target (last)
  local target="${*: -1}"
  mkdir -p "$target"
  if mountpoint -q "$target"; then
    return 0 # left over from an earlier run that was killed: reuse it
  fi
  mount "$@"
  mounts+=("$target")
}
# Undo mounts an earlier, killed run left inside the root (so rm -rf cannot reach the checkout).
unmount_leftovers() {
  local m
  for m in $(awk -v r="$rootfs/" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r); do
    umount "$m" 2>/dev/null || umount -l "$m"
  done
}

if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$stamp_value" ]; then
  start=$SECONDS
  unmount_leftovers
  rm -rf --one-file-system "$rootfs"
  mkdir -p "$(dirname "$rootfs")"
  echo "debian13: making a Debian 13 root in $rootfs (debootstrap trixie)" >&2
  debootstrap --variant=minbase trixie "$rootfs.partial" "$mirror" >/dev/null
  mv "$rootfs.partial" "$rootfs"
  cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
  mkdir -p "$rootfs/w/streetlens/scripts"
  cp "$root/scripts/install-deps.sh" "$rootfs/w/install-deps.sh"
  mount_once -t proc proc "$rootfs/proc"
  mount_once --bind /dev "$rootfs/dev"
  if [ "$flavour" = gpu-kit ]; then
    chroot "$rootfs" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
      DEBIAN_FRONTEND=noninteractive bash -c "apt-get update -q && apt-get install -y -q --no-install-recommends $(package_list)" >&2
  else
    chroot "$rootfs" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
      bash /w/install-deps.sh >&2
  fi
  chroot "$rootfs" apt-get clean
  echo "$stamp_value" >"$stamp"
  echo "debian13: root ready in $((SECONDS - start)) s" >&2
fi

cp /etc/resolv.conf "$rootfs/etc/resolv.conf" 2>/dev/null || true
mount_once -t proc proc "$rootfs/proc"
mount_once --bind /dev "$rootfs/dev"
mount_once -t tmpfs -o mode=1777 tmpfs "$rootfs/dev/shm"
mount_once --bind "$root" "$rootfs/w/streetlens"
envs=(PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}")
if [ -d "$fixture" ]; then
  mount_once --bind -o ro "$(cd "$fixture" && pwd)" "$rootfs/w/shared/fixtures/tiny-clip"
  envs+=(STREETLENS_FIXTURE_DIR=/w/shared/fixtures/tiny-clip)
fi
# Pass the project's own settings through (jobs, which builds, fuzz, sanitizer options).
while IFS='=' read -r name _; do
  case "$name" in STREETLENS_FIXTURE_DIR | STREETLENS_DEBIAN13_ROOT) ;;
  STREETLENS_* | ASAN_OPTIONS | UBSAN_OPTIONS | LSAN_OPTIONS | QT_QPA_PLATFORM) envs+=("$name=${!name}") ;;
  esac
done < <(env)

[ $# -gt 0 ] || set -- bash
chroot "$rootfs" /usr/bin/env -i "${envs[@]}" bash -c 'cd /w/streetlens && exec "$@"' debian13 "$@"
