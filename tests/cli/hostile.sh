#!/usr/bin/env bash
# Hostile inputs too large or too dynamic for a golden file: each must end
# with its exit status and a clear message, never a crash or a hang.
#   hostile.sh CCHC_BINARY REPO_ROOT
set -u
bin=$1 root=$2
cd "$root" || exit 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
header='Mục,Nội dung,Điểm tối đa,Điểm thẩm định,Ghi chú'
# expect STATUS PATTERN COMMAND...: the exit status, and a pattern in stderr
expect() {
  local status=$1 pattern=$2; shift 2
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  [ "$got" -eq "$status" ] || fail "$*: exit status $got, expected $status; stderr: $(head -c 300 "$work/err")"
  grep -q -- "$pattern" "$work/err" || fail "$*: stderr lacks '$pattern': $(head -c 300 "$work/err")"
}

# A 20 MiB cell: over the 16 MiB a line may have.
{ echo "$header"; printf '1.1,A,1,1,"'; head -c $((20 << 20)) /dev/zero | tr '\0' x; echo '"'; } >"$work/big-cell.csv"
expect 2 "big-cell.csv:2: error: line is longer than 16 MiB" "$bin" check --lang en "$work/big-cell.csv"

# A line of a million delimiters.
{ echo "$header"; head -c 1000000 /dev/zero | tr '\0' ,; echo; } >"$work/commas.csv"
expect 2 "commas.csv:2: error: more than 2000 cells in one row" "$bin" check --lang en "$work/commas.csv"

# Valid UTF-8 for the first 64 KiB, then a byte that is not.
{ echo "$header"; seq 1 3000 | sed 's/.*/1.&,Nội dung dài cho đủ sáu mươi tư KiB,1,1,ghi chú/'; printf '2.1,\xff,1,1,\n'; } >"$work/late.csv"
expect 2 "late.csv:3002: error: byte 0xFF is not UTF-8" "$bin" check --lang en "$work/late.csv"

# A FIFO is read like the file it carries.
mkfifo "$work/fifo.csv"
cat samples/phuong-1-2023.csv >"$work/fifo.csv" &
"$bin" report "$work/fifo.csv" --by sheet --format csv --out-of 100 >"$work/fifo.out" 2>"$work/err" || fail "FIFO: exit $?"
wait
grep -q ',16,20.00,18.50,11.00,9.00,55.00,91.00,100.00,Tốt' "$work/fifo.out" || fail "FIFO: wrong totals"

# Standard input closed.
expect 2 "cannot read" "$bin" check --lang en - <&-

# A file that becomes shorter while it is read: tests/unit/test_file_shorter.cpp
# cuts it between two reads (one stream, and each part of a file read in two).
# Here, without timing, a sysfs file: a regular file whose size (4096) is more
# than a read gives, as a file cut short before cchc reads on.
short=
for f in /sys/devices/system/cpu/online /sys/kernel/mm/transparent_hugepage/enabled; do
  if [ -f "$f" ] && [ "$(stat -c %s "$f")" -gt "$(wc -c <"$f")" ]; then short=$f; break; fi
done
if [ -n "$short" ]; then
  expect 2 "$short: the file became shorter while it was read (" "$bin" check --lang en "$short"
else
  echo "hostile: no sysfs file shorter than its size; the shorter-file case is left to the unit test"
fi

# Output to a full disk.
expect 2 "cannot write the output: No space left on device" sh -c "'$bin' report --lang en samples/phuong-1-2023.csv >/dev/full"
if [ "${CCHC_TEST_WINDOWS:-}" = 1 ]; then
  # Windows has no /dev/full (wine shows it as a file that cannot be
  # replaced); its device is NUL, written in place as POSIX writes /dev/null.
  "$bin" report samples/phuong-1-2023.csv -o NUL >"$work/out" 2>"$work/err" || fail "-o NUL: exit $?: $(cat "$work/err")"
  [ ! -s "$work/out" ] && [ ! -s "$work/err" ] || fail "-o NUL printed something"
else
  expect 2 "cannot write '/dev/full': No space left on device" "$bin" report --lang en samples/phuong-1-2023.csv -o /dev/full
fi

# A reader that stops early: quiet, exit 0.
"$bin" report samples/phuong-1-2023.csv samples/phuong-1-2023.csv samples/phuong-1-2023.csv 2>"$work/err" | head -1 >/dev/null
[ "${PIPESTATUS[0]}" -eq 0 ] || fail "closed pipe: exit status ${PIPESTATUS[0]}"
[ ! -s "$work/err" ] || fail "closed pipe: stderr not empty: $(cat "$work/err")"

# Hostile workbooks (hostile_workbooks.py writes them): each its message,
# exit 2, and the other files of the run still read.
/usr/bin/python3 tests/cli/hostile_workbooks.py "$work/wb" || fail "hostile_workbooks.py"
expect 2 "not-a-workbook.xlsx: the file is named like a workbook but is no Excel" "$bin" check --lang en "$work/wb/not-a-workbook.xlsx"
expect 2 "truncated.xlsx: cannot read the workbook: the zip is broken or truncated" "$bin" check --lang en "$work/wb/truncated.xlsx"
expect 2 "corrupt.xlsx: cannot read the workbook: the zip is broken or truncated" "$bin" check --lang en "$work/wb/corrupt.xlsx"
expect 2 "encrypted.xlsx: the workbook is password-protected (encrypted) and cannot be read; remove the password in Excel: File → Info → Protect Workbook" "$bin" check --lang en "$work/wb/encrypted.xlsx"
expect 2 "bomb.xlsx: the part xl/worksheets/sheet1.xml inflates too much" "$bin" check --lang en "$work/wb/bomb.xlsx"
expect 2 "dtd.xlsx: the part xl/worksheets/sheet1.xml declares a DTD or XML entities" "$bin" check --lang en "$work/wb/dtd.xlsx"
expect 2 "rows.xlsx\[Sheet1\]: the worksheet has more than 1048576 rows" "$bin" check --lang en "$work/wb/rows.xlsx"
expect 2 "columns.xlsx\[Sheet1\]: the cell CZZ2 is past 2000 columns" "$bin" check --lang en "$work/wb/columns.xlsx"
expect 2 "shared-string.xlsx\[Sheet1\]: the cell A2 refers to shared string 99" "$bin" check --lang en "$work/wb/shared-string.xlsx"
expect 2 "strict.xlsx: the workbook is saved as Strict Open XML" "$bin" check --lang en "$work/wb/strict.xlsx"
expect 2 "binary.xlsb: this is a binary workbook (.xlsb), which cchc does not read; open it in Excel and save it as" "$bin" check --lang en "$work/wb/binary.xlsb"
expect 2 "other.xlsx: the file is a zip but no .xlsx or .ods workbook" "$bin" check --lang en "$work/wb/other.xlsx"
expect 2 "bad-xml.xlsx: the part xl/worksheets/sheet1.xml is not well-formed XML" "$bin" check --lang en "$work/wb/bad-xml.xlsx"
expect 2 "rows.ods\\[Sheet1\\]: the worksheet has more than 1048576 rows" "$bin" check --lang en "$work/wb/rows.ods"
expect 2 "khẩu" "$bin" check "$work/wb/encrypted.xlsx"
"$bin" report "$work/wb/bomb.xlsx" "$work/wb/good.xlsx" --format csv --by sheet >"$work/out" 2>"$work/err"
[ $? -eq 2 ] || fail "a bad workbook beside a good one: exit status is not 2"
grep -q 'good.xlsx\[Sheet1\],good,,1,2.00,,1.50' "$work/out" || fail "the good workbook beside a bad one was not reported: $(cat "$work/out")"
# A workbook on standard input is known by its bytes.
"$bin" report --format csv --by sheet - <"$work/wb/good.xlsx" >"$work/out" 2>"$work/err" || fail "workbook on stdin: exit $?"
grep -q '<stdin>\[Sheet1\],stdin,,1,2.00' "$work/out" || fail "workbook on stdin: $(cat "$work/out")"

# Killed while writing --output: the previous file stays whole, or the new
# one is complete; never half of it.
mkdir "$work/sheets"
for i in $(seq 1 300); do cp samples/phuong-1-2023.csv "$work/sheets/sheet-$i.csv"; done
"$bin" report "$work/sheets" --format json >"$work/complete.json" 2>/dev/null
for delay in 0.01 0.05 0.1 0.2 0.4; do
  echo previous >"$work/out.json"
  "$bin" report "$work/sheets" --format json -o "$work/out.json" 2>/dev/null &
  pid=$!
  sleep $delay
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  if [ "$(cat "$work/out.json")" != previous ] && ! cmp -s "$work/out.json" "$work/complete.json"; then
    fail "killed after ${delay}s: out.json is neither the old file nor the complete new one"
  fi
done
echo "hostile: all passed"
