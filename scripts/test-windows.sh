#!/usr/bin/env bash
# The Windows build's tests: cross-builds cchc.exe (scripts/build-windows.sh,
# which installs the cross compiler and wine as root) and runs its unit
# tests, every golden case, the CLI scripts and the Windows-only cases under
# wine (build/wine; the wine prefix is build/wine/tests/wine-prefix,
# headless). scripts/test.sh (CI) runs it last.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
echo "== windows: cchc.exe, its unit tests and the CLI tests under wine"
windows_start=$(date +%s)
CCHC_WINDOWS_TESTS=ON JOBS="$jobs" bash scripts/build-windows.sh
cmake -S . -B build/wine -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCCHC_TEST_WINDOWS_EXE=build/windows/cchc.exe >/dev/null
(cd build/wine && ctest --output-on-failure -j "$jobs")
echo "== windows: $(($(date +%s) - windows_start)) s"
