#!/usr/bin/env bash
# Text on a real terminal of 80 and 120 columns (tmux, capture-pane), with
# COLUMNS and with --width: no line is wider than the terminal, no header,
# number or owner is cut ("…" never appears), every owner and note reads in
# full, and the criteria switch to one record per block when even the
# numbers do not fit. tmux comes from scripts/setup.sh --test.
#   width.sh CCHC_BINARY REPO_ROOT OUT_DIR
set -u
bin=$1 root=$2 out=$3
cd "$root" || exit 2
mkdir -p "$out"
work=$(mktemp -d)
sock="$work/tmux.sock"
trap 'tmux -S "$sock" kill-server 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v tmux >/dev/null || fail "tmux is not installed (scripts/setup.sh --test)"

# check FILE WIDTH: nothing wider than WIDTH, nothing cut, every owner whole.
check() {
  local file=$1 width=$2
  python3 - "$file" "$width" <<'PY' || fail "$file at $width columns"
import sys, unicodedata
text = open(sys.argv[1], encoding='utf-8').read(); width = int(sys.argv[2])
def cols(s): return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
import re
for line in text.splitlines():
    # A finding is one line, as compilers print it; the terminal wraps it.
    if re.match(r'^\S+:\d+( \((hàng|row) \d+\))?: (error|warning|info|lỗi|cảnh báo|thông tin)\[', line): continue
    assert cols(line) <= width, f'line wider than {width}: {line!r}'
assert '…' not in text, 'a cell was cut'
# One record per block: a value's lines joined read whole. A table: each
# word of it is there (its lines share the rows with the other columns).
if '─[ 1 ]' in text:
    flat = ' '.join(l.replace(' │ ', ' ') for l in text.splitlines())
else:
    flat = None
    words = set(text.split())
for whole in ['Công chức Văn phòng - Thống kê (phụ trách CCHC)', 'Công chức VH-XH (Phụ trách LĐ TBXH)', 'Bộ phận tiếp nhận và trả kết quả phường',
              'Tỷ lệ đạt', 'Trong năm chỉ có 01/4 sáng kiến']:
    if flat is not None: assert whole in ' '.join(flat.split()), f'{whole!r} does not read in full'
    else: assert all(w in words for w in whole.split()), f'{whole!r} does not read in full'
PY
}

run_in_tmux() { # run_in_tmux WIDTH NAME COMMAND...: the pane's whole text, once the command ended
  local width=$1 name=$2; shift 2
  # The command says it ended on a tmux channel and keeps its pane until it
  # is told the pane was read: no polling, nothing timed (the timeout only
  # stops a hung command).
  tmux -S "$sock" -f /dev/null new-session -d -x "$width" -y 50 -s "$name" \
    "cd '$root' && env -u COLUMNS $* --no-color; tmux -S '$sock' wait-for -S ended-$name; tmux -S '$sock' wait-for read-$name"
  tmux -S "$sock" set-option -t "$name" history-limit 20000 >/dev/null
  timeout 300 tmux -S "$sock" wait-for "ended-$name" || fail "$name did not end"
  tmux -S "$sock" capture-pane -p -J -S -20000 -t "$name" >"$work/$name.pane"
  tmux -S "$sock" wait-for -S "read-$name"
  sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$work/$name.pane" >"$out/$name.capture.txt"
  tmux -S "$sock" kill-session -t "$name" 2>/dev/null
}

for width in 80 120; do
  run_in_tmux "$width" "report-$width" "$bin" report samples/phuong-1-2023.csv --out-of 100 --by criterion --by owner
  grep -q 'Theo tiêu chí' "$out/report-$width.capture.txt" || fail "nothing captured at $width columns"
  check "$out/report-$width.capture.txt" "$width"
done
grep -q '─\[ 1 \]' "$out/report-80.capture.txt" && echo "80 columns: one record per block"

# COLUMNS, when the output is not a terminal; --width overrides both.
COLUMNS=80 "$bin" report samples/phuong-1-2023.csv --out-of 100 >"$work/columns.txt" || fail "COLUMNS=80: exit $?"
check "$work/columns.txt" 80
"$bin" report samples/phuong-1-2023.csv --out-of 100 --width 100 >"$work/w100.txt" || fail "--width 100: exit $?"
check "$work/w100.txt" 100
COLUMNS=200 "$bin" report samples/phuong-1-2023.csv --out-of 100 --width 60 >"$work/w60.txt" || fail "--width 60: exit $?"
check "$work/w60.txt" 60
echo "captures: $out"
