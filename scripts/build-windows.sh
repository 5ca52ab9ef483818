#!/usr/bin/env bash
# Builds cchc.exe for 64-bit Windows on Debian: one static program, with
# no DLL beside it but Windows' own.
#   scripts/build-windows.sh
# 1. installs the MinGW-w64 cross compiler, its zlib and wine when missing
#    (needs root then), as scripts/setup.sh does for the Linux build;
# 2. builds the libraries Debian does not ship for Windows (utf8proc, expat,
#    libzip, libxlsxwriter, freexl, and fmt as a static library) from their Debian source packages, as
#    static libraries into build/windows/deps; a library already there is
#    not built again (delete build/windows/deps to rebuild them). The
#    sources come through a private apt configuration in
#    build/windows/deps-src: the machine's own apt sources stay as they are;
# 3. builds cchc with cmake/mingw-w64-x86_64.cmake into build/windows;
# 4. packs dist/cchc-<version>-windows-x64.zip: cchc.exe, the README (the
#    Vietnamese quick guide comes first in it) and samples/.
# The header-only libraries (CLI11, fast-cpp-csv-parser, doctest) are the
# Linux -dev packages' headers, linked into the prefix.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/build/windows
deps=$out/deps
src=$out/deps-src
triple=x86_64-w64-mingw32
jobs=${JOBS:-2}
step() { echo "build-windows: $*" >&2; }

# 1. The cross compiler, zlib for Windows, wine to run the result, and the
# Linux packages whose headers the Windows build reads.
packages=(cmake make g++-mingw-w64-x86-64-posix libz-mingw-w64-dev wine64 dpkg-dev
  libcli11-dev libfccp-dev libfmt-dev doctest-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "build-windows: missing packages: ${missing[*]}" >&2
    echo "build-windows: run as root: apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 2
  fi
  step "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. The libraries, each from the Debian source package of the version the
# Linux build uses where one is installed.
mkdir -p "$deps/include" "$deps/lib" "$src"
cc=$triple-gcc-posix
toolchain=$root/cmake/mingw-w64-x86_64.cmake
zlib=/usr/$triple/lib/libz.a
cmake_lib=(-G "Unix Makefiles" -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCCHC_WINDOWS_DEPS="$deps"
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$deps" -DCMAKE_INSTALL_LIBDIR=lib
  -DBUILD_SHARED_LIBS=OFF -DZLIB_LIBRARY="$zlib" -DZLIB_INCLUDE_DIR=/usr/$triple/include --no-warn-unused-cli)

apt_opts=(-o Dir::Etc::SourceList="$src/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
  -o Dir::State::Lists="$src/apt/lists" -o Dir::Cache="$src/apt/cache" -o Dir::State::status=/var/lib/dpkg/status
  -o APT::Sandbox::User=root)
# fetch runs in a subshell ($(...)): the lists, once there, say it is done.
apt_private() {
  [ -f "$src/apt/ready" ] && return
  mkdir -p "$src/apt/lists/partial" "$src/apt/cache/archives/partial"
  cat >"$src/apt/sources.list" <<'EOF'
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm-updates main
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian-security bookworm-security main
EOF
  step "apt-get update (private source lists in $src/apt)"
  apt-get "${apt_opts[@]}" update -qq
  touch "$src/apt/ready"
}

# fetch PACKAGE DEV-PACKAGE: unpacks the source package (patched as Debian
# builds it) into $src/PACKAGE and prints that directory. The version of the
# installed DEV-PACKAGE first, then the newest the mirror really holds.
fetch() {
  local package=$1 dev=$2 want versions v
  if [ -d "$src/$package" ]; then
    echo "$src/$package"
    return
  fi
  apt_private
  want=$(dpkg-query -W -f='${source:Version}' "$dev" 2>/dev/null || true)
  versions=$(apt-cache "${apt_opts[@]}" showsrc "$package" | sed -n 's/^Version: //p' | sort -rV | uniq)
  rm -rf "$src/tmp-$package"
  mkdir -p "$src/tmp-$package"
  for v in $want $versions; do
    if (cd "$src/tmp-$package" && apt-get "${apt_opts[@]}" source -qq "$package=$v" >&2 2>/dev/null); then
      mv "$(find "$src/tmp-$package" -mindepth 1 -maxdepth 1 -type d | head -1)" "$src/$package"
      rm -rf "$src/tmp-$package"
      echo "$src/$package"
      return
    fi
  done
  echo "build-windows: could not fetch the source package $package (tried: $want $versions)" >&2
  exit 1
}

built() { [ -f "$deps/.built-$1" ]; }
mark() { touch "$deps/.built-$1"; }

# cmake_dep NAME SOURCE-DIR [OPTIONS...]
cmake_dep() {
  local name=$1 dir=$2
  shift 2
  rm -rf "$src/build-$name"
  cmake -S "$dir" -B "$src/build-$name" "${cmake_lib[@]}" "$@" >"$src/build-$name.log" 2>&1 &&
    cmake --build "$src/build-$name" -j"$jobs" >>"$src/build-$name.log" 2>&1 &&
    cmake --install "$src/build-$name" >>"$src/build-$name.log" 2>&1 ||
    { tail -30 "$src/build-$name.log" >&2; echo "build-windows: $name failed, see $src/build-$name.log" >&2; exit 1; }
}

deps_start=$(date +%s)
if ! built utf8proc; then
  step "utf8proc"
  cmake_dep utf8proc "$(fetch utf8proc libutf8proc-dev)" -DUTF8PROC_ENABLE_TESTING=OFF
  mark utf8proc
fi
if ! built expat; then
  step "expat"
  dir=$(fetch expat libexpat1-dev)/expat
  # Debian builds expat with autotools; its security patches test
  # `XML_DTD == 1`, which the CMake build's config header defines empty.
  sed -i 's/^#cmakedefine XML_DTD$/#cmakedefine XML_DTD 1/' "$dir/expat_config.h.cmake"
  cmake_dep expat "$dir" -DEXPAT_SHARED_LIBS=OFF -DEXPAT_BUILD_TOOLS=OFF \
    -DEXPAT_BUILD_EXAMPLES=OFF -DEXPAT_BUILD_TESTS=OFF -DEXPAT_BUILD_DOCS=OFF -DEXPAT_BUILD_PKGCONFIG=OFF
  mark expat
fi
if ! built libzip; then
  step "libzip"
  cmake_dep libzip "$(fetch libzip libzip-dev)" -DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF -DENABLE_ZSTD=OFF \
    -DENABLE_GNUTLS=OFF -DENABLE_OPENSSL=OFF -DENABLE_MBEDTLS=OFF -DENABLE_COMMONCRYPTO=OFF \
    -DENABLE_WINDOWS_CRYPTO=OFF -DBUILD_TOOLS=OFF -DBUILD_REGRESS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_DOC=OFF
  mark libzip
fi
if ! built libxlsxwriter; then
  step "libxlsxwriter"
  cmake_dep libxlsxwriter "$(fetch libxlsxwriter libxlsxwriter-dev)" -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF
  mark libxlsxwriter
fi
# fmt as a static library, not header-only as on Linux: every file of
# cchc includes fmt, and compiling fmt's code into each of them made the
# cold build of each file about a third slower (measured on drop.cpp).
if ! built fmt; then
  step "fmt"
  # Installed into the prefix: its own headers, not the Linux ones'.
  [ -L "$deps/include/fmt" ] && rm "$deps/include/fmt"
  cmake_dep fmt "$(fetch fmtlib libfmt-dev)" -DFMT_DOC=OFF -DFMT_TEST=OFF -DFMT_FUZZ=OFF -DFMT_INSTALL=ON
  mark fmt
fi
# freexl converts the strings of .xls files with iconv, which Windows does
# not have: scripts/windows/iconv.c gives it the calls it makes, over
# Windows' own code page conversion.
# (Built again when iconv.c is newer: it is this repository's code.)
if ! built iconv || [ "$root/scripts/windows/iconv.c" -nt "$deps/.built-iconv" ]; then
  step "iconv (for freexl)"
  $cc -O2 -Wall -Wextra -c "$root/scripts/windows/iconv.c" -o "$src/iconv.o"
  $triple-ar rcs "$deps/lib/libiconv.a" "$src/iconv.o"
  cp "$root/scripts/windows/iconv.h" "$root/scripts/windows/localcharset.h" "$deps/include/"
  mark iconv
fi
if ! built freexl; then
  step "freexl"
  dir=$(fetch freexl libfreexl-dev)
  rm -rf "$src/build-freexl"
  mkdir -p "$src/build-freexl"
  (cd "$src/build-freexl" &&
    "$dir/configure" --host=$triple --prefix="$deps" --disable-shared --enable-static \
      CC=$cc CPPFLAGS="-I$deps/include" LDFLAGS="-L$deps/lib" CFLAGS=-O2 &&
    make -C headers install && make -C src -j"$jobs" install) >"$src/build-freexl.log" 2>&1 ||
    { tail -30 "$src/build-freexl.log" >&2; echo "build-windows: freexl failed, see $src/build-freexl.log" >&2; exit 1; }
  mark freexl
fi
# The header-only libraries: the Linux packages' headers.
for h in CLI libfccp doctest; do
  ln -sfn "/usr/include/$h" "$deps/include/$h"
done
deps_time=$(($(date +%s) - deps_start))
step "libraries ready in $deps (${deps_time}s)"

# 3. cchc itself, at -O2 as the Linux build (g++ 12 warns wrongly about
# std::string copies at -O3), without debug symbols. CCHC_WINDOWS_TESTS=ON
# builds the unit tests too (build/windows/tests/cchc_unit_tests.exe).
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root}
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
cchc_start=$(date +%s)
cmake -S "$root" -B "$out" -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCCHC_WINDOWS_DEPS="$deps" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" -DCMAKE_EXE_LINKER_FLAGS=-s \
  -DCCHC_WERROR=ON -DCCHC_BUILD_TESTS="${CCHC_WINDOWS_TESTS:-OFF}" "${launcher[@]}" >"$out/configure.log" 2>&1 ||
  { cat "$out/configure.log" >&2; exit 1; }
cmake --build "$out" -j"$jobs"
cchc_time=$(($(date +%s) - cchc_start))
step "cchc.exe built in ${cchc_time}s"

# Only Windows' own DLLs.
dlls=$($triple-objdump -p "$out/cchc.exe" | sed -n 's/^\s*DLL Name: //p' | sort -u)
step "imports: $(echo $dlls)"
if echo "$dlls" | grep -viqE '^(kernel32|user32|advapi32|shell32|msvcrt|ucrtbase|ws2_32|bcrypt|ole32|api-ms-win-.*)\.dll$'; then
  echo "build-windows: cchc.exe needs a DLL Windows does not have: $(echo "$dlls" | tr '\n' ' ')" >&2
  exit 1
fi

# 4. The zip.
version=$(sed -n 's/^project(cchc VERSION \([^ ]*\).*/\1/p' "$root/CMakeLists.txt")
name=cchc-$version-windows-x64
stage=$out/dist/$name
rm -rf "$stage"
mkdir -p "$stage" "$root/dist"
cp "$out/cchc.exe" "$stage/"
cp "$root/README.md" "$stage/README.md"
cp -r "$root/samples" "$stage/samples"
rm -f "$root/dist/$name.zip"
(cd "$out/dist" && cmake -E tar cf "$root/dist/$name.zip" --format=zip "$name")
step "dist/$name.zip"
