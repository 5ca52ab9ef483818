#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (AddressSanitizer and
# UndefinedBehaviorSanitizer on) and runs each for SECONDS (default 20),
# starting from the seeds in tests/fuzz/corpus/<target>. New inputs go to
# build/fuzz/corpus, never into the repository; a crash or a broken
# property stops the run with the input saved as build/fuzz/crash-*.
#   scripts/fuzz.sh [SECONDS] [JOBS]
# The long campaign recorded in docs/fuzzing.md: scripts/fuzz.sh 1800 2
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
jobs=${2:-1}
bash scripts/setup.sh --test
CXX=clang++ cmake -S . -B build/fuzz -DCCHC_FUZZ=ON -DCCHC_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build/fuzz -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
for target in number note reader pipeline workbook_xml workbook_zip; do
  work=build/fuzz/corpus/$target
  mkdir -p "$work"
  echo "== fuzz_$target for ${seconds}s"
  ASAN_OPTIONS=detect_leaks=1 build/fuzz/tests/fuzz/fuzz_$target "$work" "tests/fuzz/corpus/$target" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -jobs="$jobs" -workers="$jobs" \
    -artifact_prefix=build/fuzz/crash-$target- -print_final_stats=1 2>&1 | grep -E 'stat::number_of_executed_units|stat::peak_rss|ERROR|property violated|Done|SUMMARY' || true
  if ls build/fuzz/crash-$target-* >/dev/null 2>&1; then
    echo "fuzz_$target found a failing input: $(ls build/fuzz/crash-$target-*)" >&2
    exit 1
  fi
done
echo "fuzz: no failing input"
