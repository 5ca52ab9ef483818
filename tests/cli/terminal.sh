#!/usr/bin/env bash
# On a terminal: colour only there, never with NO_COLOR or --no-color, never in a
# pipe. `script` gives the command a pseudo-terminal.
#   terminal.sh CCHC_BINARY REPO_ROOT
set -u
bin=$1 root=$2
cd "$root" || exit 2
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v script >/dev/null || fail "script (util-linux) is needed"
# Colour is an SGR sequence (ESC [ … m): wine's console on a pseudo-terminal
# adds cursor sequences of its own (ESC [ ?25l …), never SGR ones.
sgr=$'\x1b\\[[0-9;]*m'
coloured() { grep -aqE "$sgr" <<<"$1"; }
# The text a pseudo-terminal shows: as written on POSIX; under wine
# (CCHC_TEST_WINDOWS=1), whose console draws a cell at a time with cursor
# sequences between the letters, the text without them.
screen() {
  if [ "${CCHC_TEST_WINDOWS:-}" = 1 ]; then
    perl -pe 's/\e\[(\d*)C/" " x ($1 || 1)/ge; s/\e\[[0-9;?]*[A-Za-z]//g; s/\r//g' <<<"$1" | tr -d '\n'
  else
    printf '%s' "$1"
  fi
}

out=$(env -u NO_COLOR TERM=xterm script -qec "$bin report samples/phuong-1-2023.csv --by sheet" /dev/null)
coloured "$out" || fail "no colour on a terminal"
out=$(NO_COLOR=1 TERM=xterm script -qec "$bin report samples/phuong-1-2023.csv --by sheet" /dev/null)
! coloured "$out" || fail "colour despite NO_COLOR"
# An empty NO_COLOR is not set (no-color.org); a dumb terminal gets none.
out=$(NO_COLOR= TERM=xterm script -qec "$bin report samples/phuong-1-2023.csv --by sheet" /dev/null)
coloured "$out" || fail "no colour with an empty NO_COLOR"
out=$(env -u NO_COLOR TERM=dumb script -qec "$bin report samples/phuong-1-2023.csv --by sheet" /dev/null)
! coloured "$out" || fail "colour despite TERM=dumb"
# No file and standard input a terminal: nothing to read, say so (a pipe is read instead: see report-stdin-implied).
out=$(script -qec "$bin check" /dev/null </dev/null)
status=$?
out=$(screen "$out")
[ $status -eq 2 ] || fail "check with no file on a terminal: exit status $status, not 2"
[[ "$out" == *"cchc: thiếu TỆP"*"cchc check < TỆP"* ]] || fail "check with no file on a terminal: no message: $out"
out=$(script -qec "$bin report --lang en" /dev/null </dev/null)
out=$(screen "$out")
[[ "$out" == *"cchc: no FILE"*"cchc report < FILE"* ]] || fail "report --lang en with no file on a terminal: $out"
out=$(env -u NO_COLOR script -qec "$bin report samples/phuong-1-2023.csv --by sheet --no-color" /dev/null)
! coloured "$out" || fail "colour despite --no-color"
out=$(env -u NO_COLOR "$bin" report samples/phuong-1-2023.csv --by sheet | cat)
! coloured "$out" || fail "colour in a pipe"

# The progress line: on a terminal, for a run longer than a second, erased
# at the end; never in a pipe. The second sheet is a FIFO whose writer waits
# for the line on the screen (`script -f` writes the screen to a file as it
# goes), so the run lasts until the line is shown however loaded the
# machine; the writer gives up after 20 s, so a reader that never comes
# cannot hang the test.
# POSIX only: Windows has no FIFO (wine reads one as an empty file and never
# opens it), and a pipe on standard input instead takes wine's console away
# from the program, so under wine no stream is a terminal at all then.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# deliver FIFO [TEXT]: the sample into FIFO once TEXT is in $work/screen (at once without TEXT).
deliver() {
    local fifo=$1 wanted=${2:-}
    for _ in $(seq 200); do
        [ -z "$wanted" ] || grep -aqF "$wanted" "$work/screen" 2>/dev/null && break
        sleep 0.1
    done
    timeout 20 sh -c 'cat samples/phuong-1-2023.csv >"$1"' sh "$fifo"
}
if [ "${CCHC_TEST_WINDOWS:-}" != 1 ]; then
    mkfifo "$work/slow.csv"
    deliver "$work/slow.csv" "đã đọc 1/2 tệp" &
    script -qfec "$bin report samples/phuong-1-2023.csv $work/slow.csv --by sheet --format csv >/dev/null" \
        "$work/screen" >/dev/null
    wait
    out=$(sed '1d;$d' "$work/screen") # without script's "Script started/done" lines
    [[ "$out" == *"đã đọc 1/2 tệp"* ]] || fail "no progress line on a slow run on a terminal"
    [[ "$out" == *$'\r\x1b[K' ]] || fail "the progress line is not erased at the end"
    # Not a terminal: no line to wait for (none is the point). The sheet
    # comes after 1.5 s, past the second the line waits for; a loaded
    # machine only makes the run longer, so this cannot pass wrongly.
    mkfifo "$work/slow2.csv"
    (sleep 1.5; deliver "$work/slow2.csv") &
    err=$("$bin" report samples/phuong-1-2023.csv "$work/slow2.csv" --by sheet 2>&1 >/dev/null)
    wait
    [ -z "$err" ] || fail "progress line written when standard error is not a terminal"
fi
# explain fits 80 columns: in a pipe (where nothing else is cut) and on a
# terminal of 80 columns, in both languages, on the layouts of tests/data.
widest() { tr -d '\r' | sed 's/\x1b\[[0-9;]*m//g' | LC_ALL=C.UTF-8 wc -L; }
for sheet in samples/phuong-1-2023.csv tests/data/layout/sub-items.csv tests/data/layout/restart-roman.csv \
    tests/data/layout/parts.csv; do
    for lang in vi en; do
        w=$("$bin" explain "$sheet" --lang "$lang" | widest)
        [ "$w" -le 80 ] || fail "explain $sheet --lang $lang is $w columns wide in a pipe"
        w=$(env -u COLUMNS script -qec "stty cols 80 rows 50; $bin explain $sheet --lang $lang" /dev/null | widest)
        [ "$w" -le 80 ] || fail "explain $sheet --lang $lang is $w columns wide on a terminal of 80"
    done
done
echo "terminal: all passed"
