#!/usr/bin/env bash
# Colour only on a terminal, never with NO_COLOR or --no-color, never in a
# pipe. `script` gives the command a pseudo-terminal.
#   terminal_color.sh CCHC_BINARY REPO_ROOT
set -u
bin=$1 root=$2
cd "$root" || exit 2
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v script >/dev/null || fail "script (util-linux) is needed"
esc=$'\x1b['

out=$(env -u NO_COLOR script -qec "$bin report samples/phuong-1-2023.csv --by sheet" /dev/null)
[[ "$out" == *"$esc"* ]] || fail "no colour on a terminal"
out=$(NO_COLOR=1 script -qec "$bin report samples/phuong-1-2023.csv --by sheet" /dev/null)
[[ "$out" != *"$esc"* ]] || fail "colour despite NO_COLOR"
out=$(env -u NO_COLOR script -qec "$bin report samples/phuong-1-2023.csv --by sheet --no-color" /dev/null)
[[ "$out" != *"$esc"* ]] || fail "colour despite --no-color"
out=$(env -u NO_COLOR "$bin" report samples/phuong-1-2023.csv --by sheet | cat)
[[ "$out" != *"$esc"* ]] || fail "colour in a pipe"
echo "terminal_color: all passed"
