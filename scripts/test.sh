#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what is missing (as root),
# builds with warnings as errors and runs every test, then builds again with
# AddressSanitizer and UndefinedBehaviorSanitizer and runs every test again,
# then runs each fuzz target for a short while (FUZZ_SECONDS, default 20),
# then cross-builds cchc.exe and runs the tests again against it under wine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test

jobs=$(nproc 2>/dev/null || echo 2)
run_suite() {
  local dir=$1; shift
  echo "== $dir: $*"
  cmake -S . -B "$dir" -DCCHC_WERROR=ON "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
  (cd "$dir" && ctest --output-on-failure -j "$jobs")
}

run_suite build/test -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build/test --target check_format
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run_suite build/sanitize -DCMAKE_BUILD_TYPE=Debug -DCCHC_SANITIZE=ON

echo "== fuzz: each target for ${FUZZ_SECONDS:-20}s"
bash scripts/fuzz.sh "${FUZZ_SECONDS:-20}"

# cchc.exe: cross-built, and its unit tests, every golden case and the CLI
# scripts run under wine (scripts/test-windows.sh).
bash scripts/test-windows.sh
