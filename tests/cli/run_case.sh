#!/usr/bin/env bash
# Runs one golden CLI case: tests/cli/cases/<case>/cmd holds the arguments
# (shell words, run from the repository root), optional `stdin` is fed to
# the command, optional `env` adds KEY=VALUE lines to its environment; `stdout`, `stderr` and `status` hold what must come out.
# With --update the expectations are rewritten from this run instead, and
# `git diff` is the review.
#
#   run_case.sh CCHC_BINARY REPO_ROOT CASE_NAME [--update]
# CCHC_CASES names another folder of cases (tests/cli/windows-cases, the
# cases that only cchc.exe runs).
set -u
bin=$1 root=$2 name=$3 mode=${4:-}
dir="${CCHC_CASES:-$root/tests/cli/cases}/$name"
[ -f "$dir/cmd" ] || { echo "no such case: $dir/cmd" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
input=/dev/null
[ -f "$dir/stdin" ] && input="$dir/stdin"
extra_env=()
[ -f "$dir/env" ] && mapfile -t extra_env <"$dir/env"

cd "$root" || exit 2
# A fixed, minimal environment: no colour, no terminal width, the C locale.
eval "set -- $(cat "$dir/cmd")"
env -i PATH="$PATH" LC_ALL=C TMPDIR="$work" "${extra_env[@]}" "$bin" "$@" <"$input" >"$work/stdout" 2>"$work/stderr"
echo $? >"$work/status"

if [ "$mode" = "--update" ]; then
  cp "$work/stdout" "$work/stderr" "$work/status" "$dir/"
  exit 0
fi
failed=0
for f in status stdout stderr; do
  if ! diff -u --label "expected $f" --label "actual $f" "$dir/$f" "$work/$f"; then failed=1; fi
done
exit $failed
