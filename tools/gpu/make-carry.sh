#!/usr/bin/env bash
# Makes what the GPU kit carries to the device machine, in .gpu-carry/ (git-ignored), for
# tools/gpu/run-on-device.sh:
#   .gpu-carry/qt-prefix.tar.xz   Debian 12's Qt 6.4 Core + Test (headers, CMake config, moc/rcc)
#                                 and every library they need except glibc, libstdc++ and libgcc,
#                                 unpacked from the .deb files (apt-get download + dpkg-deb -x)
#   .gpu-carry/tiny-clip.tar.gz   the parity fixture (model/, model-bin/, pixels/, expected.json)
#   .gpu-carry/MANIFEST           what is in them, with sizes and the packages' versions
# The device has a compiler, CMake, ninja and a PyTorch wheel but no Qt and no package registry,
# and it runs a newer glibc (2.39) than Debian 12's (2.36), which these libraries need at least.
# Everything that travels (the tracked tree plus this folder) must stay under 64 MiB: the script
# fails, naming the sizes, when it would not.
#   tools/gpu/make-carry.sh            needs apt-get and dpkg-deb; on a host that is not Debian 12 it
#                                      reads bookworm's package lists into a private apt state
# Env: STREETLENS_FIXTURE_DIR (default ../shared/fixtures/tiny-clip), STREETLENS_DEBIAN_MIRROR.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/.gpu-carry
fixture=${STREETLENS_FIXTURE_DIR:-$root/../shared/fixtures/tiny-clip}
mirror=${STREETLENS_DEBIAN_MIRROR:-http://deb.debian.org/debian}
limit_mib=64

# Qt Core and Test with their headers, CMake packages and host tools, and the whole closure of
# their shared libraries below glibc/libstdc++/libgcc (checked below).
PACKAGES=(libqt6core6 libqt6test6 qt6-base-dev qt6-base-dev-tools qmake6
  libicu72 libdouble-conversion3 libpcre2-16-0 libpcre2-8-0 libb2-1 libgomp1
  libglib2.0-0 libffi8 libmount1 libblkid1 libselinux1 libzstd1 zlib1g)
# What the device itself must provide (glibc, the C++ runtime).
SYSTEM_SONAMES="libc.so.6 libm.so.6 libdl.so.2 librt.so.1 libpthread.so.0 ld-linux-x86-64.so.2 libstdc++.so.6 libgcc_s.so.1"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out/debs"

codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
apt_opts=()
if [ "$codename" != bookworm ]; then
  # Another release: bookworm's lists in a private state, leaving the host's apt untouched.
  mkdir -p "$out/apt/lists/partial" "$out/apt/cache/archives/partial"
  echo "deb $mirror bookworm main" >"$out/apt/sources.list"
  apt_opts=(-o Dir::Etc::SourceList="$out/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o Dir::State::Lists="$out/apt/lists" -o Dir::Cache="$out/apt/cache" -o APT::Architecture=amd64)
  apt-get "${apt_opts[@]}" update -q >&2
fi
missing=()
for p in "${PACKAGES[@]}"; do
  ls "$out/debs/${p}_"*.deb >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "make-carry: downloading ${missing[*]}" >&2
  (cd "$out/debs" && apt-get "${apt_opts[@]}" download "${missing[@]}" >&2) || {
    [ "$codename" = bookworm ] && apt-get update -q >&2 && (cd "$out/debs" && apt-get download "${missing[@]}" >&2)
  }
fi

# Unpack, then keep only what the engine-only build needs.
x=$work/x
mkdir -p "$x"
for d in "$out"/debs/*.deb; do
  dpkg-deb -x "$d" "$x"
done
p=$work/qt # the prefix: Debian's own layout (usr/..., lib/...), which Qt's CMake files expect
mkdir -p "$p"
cp -a "$x/usr" "$p/"
[ -d "$x/lib" ] && cp -a "$x/lib" "$p/"
inc=$p/usr/include/x86_64-linux-gnu/qt6
find "$inc" -mindepth 1 -maxdepth 1 ! -name QtCore ! -name QtTest -exec rm -rf {} +
cm=$p/usr/lib/x86_64-linux-gnu/cmake
find "$cm" -mindepth 1 -maxdepth 1 ! -name Qt6 ! -name Qt6Core ! -name Qt6CoreTools ! -name Qt6Test \
  ! -name Qt6BuildInternals ! -name Qt6HostInfo -exec rm -rf {} +
rm -rf "$p/usr/share/doc" "$p/usr/share/man" "$p/usr/share/locale" "$p/usr/share/lintian" "$p/usr/share/bug" \
  "$p/usr/lib/x86_64-linux-gnu/qt6/mkspecs/modules" "$p/usr/lib/x86_64-linux-gnu/qt6/plugins" \
  "$p/usr/lib/x86_64-linux-gnu/qt6/metatypes" "$p/usr/lib/x86_64-linux-gnu/pkgconfig" "$p/usr/share/qt6" \
  "$p/usr/sbin" "$p/sbin" "$p/bin" "$p/usr/libexec" "$p/usr/share/gdb" "$p/usr/share/glib-2.0"
# Host tools: the build runs moc; Qt6CoreTools' CMake package checks that the others it names exist.
find "$p/usr/lib/qt6/libexec" -mindepth 1 ! -name moc ! -name rcc ! -name cmake_automoc_parser \
  ! -name tracegen ! -name qlalr -exec rm -rf {} +
find "$p/usr/lib/qt6/bin" -mindepth 1 ! -name "qtpaths*" ! -name "qmake*" ! -name androiddeployqt ! -name androidtestrunner \
  -exec rm -rf {} +
find "$p/usr/bin" -mindepth 1 ! -name x86_64-linux-gnu-qmake6 -exec rm -rf {} +
# Libraries of Qt modules we do not carry (qt6-base-dev's .so links to Gui, Widgets…) would dangle.
find "$p" -xtype l -delete

# The closure check: every DT_NEEDED of every ELF file carried is carried too, or is glibc's /
# the C++ runtime's. Without it a missing library would only show on the device.
carried=$(find "$p" -name '*.so*' \( -type f -o -type l \) -printf '%f\n' | sort -u)
bad=0
while IFS= read -r f; do
  for need in $(readelf -d "$f" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    if ! grep -qxF "$need" <<<"$carried" && ! grep -qw -- "$need" <<<"$SYSTEM_SONAMES"; then
      echo "make-carry: ${f#"$p"/} needs $need, which is neither carried nor glibc/libstdc++" >&2
      bad=1
    fi
  done
done < <(find "$p" -type f -exec sh -c 'head -c4 "$1" | grep -q ELF' _ {} \; -print)
[ "$bad" -eq 0 ] || exit 1
# And none needs a newer glibc than the device's 2.39 (Debian 12 builds against 2.36).
newest=$(find "$p" -type f -exec sh -c 'head -c4 "$1" | grep -q ELF && objdump -T "$1"' _ {} \; 2>/dev/null |
  grep -o 'GLIBC_2\.[0-9]*' | sort -t. -k2 -n -u | tail -1)
echo "make-carry: newest glibc symbol version needed: $newest" >&2
case "$newest" in GLIBC_2.[0-9] | GLIBC_2.[12][0-9] | GLIBC_2.3[0-9]) ;; *)
  echo "make-carry: $newest is newer than the device's glibc 2.39" >&2
  exit 1
  ;;
esac

tar -C "$work" -cf - qt | xz -T0 -6 >"$out/qt-prefix.tar.xz.new"
mv "$out/qt-prefix.tar.xz.new" "$out/qt-prefix.tar.xz"

# The fixture, as the parity suites read it.
[ -f "$fixture/expected.json" ] || { echo "make-carry: no tiny-clip fixture at $fixture" >&2; exit 1; }
tar -C "$fixture/.." -czf "$out/tiny-clip.tar.gz.new" --exclude=images tiny-clip
mv "$out/tiny-clip.tar.gz.new" "$out/tiny-clip.tar.gz"

{
  echo "# made by tools/gpu/make-carry.sh on $(date -u +%F)"
  for d in "$out"/debs/*.deb; do dpkg-deb -f "$d" Package Version | paste -sd' '; done
  du -b "$out/qt-prefix.tar.xz" "$out/tiny-clip.tar.gz" | sed "s|$out/||"
  echo "unpacked Qt prefix: $(du -sb "$p" | cut -f1) bytes"
} >"$out/MANIFEST"

# What travels: the tracked tree, untracked files git does not ignore, and the carried files (not
# debs/ or apt/: run-on-device.sh needs only the two archives).
tree=$(cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 du -cb 2>/dev/null | tail -1 | cut -f1)
carry=$(du -cb "$out/qt-prefix.tar.xz" "$out/tiny-clip.tar.gz" "$out/MANIFEST" | tail -1 | cut -f1)
total=$((tree + carry))
awk -v t="$tree" -v c="$carry" -v l="$limit_mib" 'BEGIN {
  printf "make-carry: tree %.1f MiB + carry %.1f MiB = %.1f MiB (limit %d MiB)\n", t / 1048576, c / 1048576, (t + c) / 1048576, l }' >&2
if [ "$total" -gt $((limit_mib * 1048576)) ]; then
  echo "make-carry: over the device tool's $limit_mib MiB" >&2
  exit 1
fi
