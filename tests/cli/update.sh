#!/usr/bin/env bash
# Rewrites every golden CLI case from the current binary; review with git diff.
#   tests/cli/update.sh build/cchc [CASE...]
# (CCHC_CASES=tests/cli/windows-cases with cchc.exe under wine: those cases.)
set -eu
bin=$(realpath "$1"); shift
root=$(cd "$(dirname "$0")/../.." && pwd)
cases=("$@")
[ ${#cases[@]} -gt 0 ] || mapfile -t cases < <(ls "${CCHC_CASES:-$root/tests/cli/cases}")
for c in "${cases[@]}"; do bash "$root/tests/cli/run_case.sh" "$bin" "$root" "$c" --update; done
echo "updated ${#cases[@]} case(s)"
