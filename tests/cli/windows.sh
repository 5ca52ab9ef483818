#!/usr/bin/env bash
# What only cchc.exe does, under wine (registered with -DCCHC_TEST_WINDOWS_EXE):
# the output's bytes are Linux's (no CR before LF) in every text format;
# --output replaces an existing file whole and leaves nothing beside it; a
# file with Vietnamese letters in its name is read and written; sheets
# dropped on cchc.exe (CCHC_DROP_TEST=1: no browser, no message box, the
# message on standard output) get their HTML report beside them, equal to
# `cchc report --format html` of each, and an input is never written over.
#   windows.sh CCHC_BINARY REPO_ROOT
set -u
bin=$1 root=$2
cd "$root" || exit 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
sheet=samples/phuong-1-2023.csv

# The bytes of the golden cases, which the Linux build gives: no CR anywhere.
for c in report-reference-text report-reference-md report-reference-csv report-reference-json \
  report-reference-html check-reference; do
  eval "set -- $(cat "tests/cli/cases/$c/cmd")"
  LC_ALL=C "$bin" "$@" >"$work/out" 2>/dev/null
  cmp -s "$work/out" "tests/cli/cases/$c/stdout" || fail "$c: the bytes differ from Linux's"
  # CSV ends its records with CRLF on Linux too (RFC 4180); nothing else has a CR.
  [ "$c" = report-reference-csv ] || ! grep -q $'\r' "$work/out" || fail "$c: a CR in the output"
done

# --output over an existing file: replaced whole, nothing left beside it.
"$bin" report "$sheet" --out-of 100 --format json >"$work/expected.json"
printf 'old\r\nfile\r\n' >"$work/out.json"
"$bin" report "$sheet" --out-of 100 --format json -o "$work/out.json" || fail "-o over a file: exit $?"
cmp -s "$work/expected.json" "$work/out.json" || fail "-o over a file: not the output"
[ "$(ls "$work" | grep -c cchc-)" -eq 0 ] || fail "-o over a file: a temporary file left beside it"

# Vietnamese letters in the names read and written.
cp "$sheet" "$work/bảng điểm.csv"
"$bin" report "$work/bảng điểm.csv" --out-of 100 -o "$work/báo cáo.txt" || fail "a Vietnamese file name: exit $?"
[ -s "$work/báo cáo.txt" ] || fail "no 'báo cáo.txt' written"
grep -q "Tốt" "$work/báo cáo.txt" || fail "'báo cáo.txt' does not hold the report"

# Dropped on cchc.exe: a report beside each sheet.
mkdir "$work/drop"
cp "$sheet" "$work/drop/bang-diem.csv"
cp samples/wards/phuong-1-2022.csv "$work/drop/phường 1.csv"
CCHC_DROP_TEST=1 "$bin" "$work/drop/bang-diem.csv" "$work/drop/phường 1.csv" >"$work/message" 2>"$work/err"
status=$?
[ $status -eq 0 ] || [ $status -eq 1 ] || fail "drop: exit status $status: $(cat "$work/err")"
for name in bang-diem "phường 1"; do
  [ -s "$work/drop/$name.cchc.html" ] || fail "drop: no $name.cchc.html"
  "$bin" report "$work/drop/$name.csv" --format html >"$work/expected.html" 2>/dev/null
  cmp -s "$work/expected.html" "$work/drop/$name.cchc.html" || fail "drop: $name.cchc.html is not cchc report --format html"
done
grep -q "bang-diem.csv → bang-diem.cchc.html: 0 lỗi, " "$work/message" || fail "drop: the message lacks the counts: $(cat "$work/message")"
grep -q "Báo cáo bang-diem.cchc.html mở trong trình duyệt" "$work/message" || fail "drop: no browser line: $(cat "$work/message")"
# A sheet named as another's report: that report is not written over it.
echo "giữ nguyên" >"$work/drop/bang-diem.cchc.html"
CCHC_DROP_TEST=1 "$bin" "$work/drop/bang-diem.csv" "$work/drop/bang-diem.cchc.html" >"$work/message" 2>/dev/null
[ $? -eq 2 ] || fail "drop onto an input: exit status is not 2"
[ "$(cat "$work/drop/bang-diem.cchc.html")" = "giữ nguyên" ] || fail "drop: an input was written over"
grep -q "không ghi báo cáo" "$work/message" || fail "drop onto an input: no message: $(cat "$work/message")"
# Not dropped: a command or an option is a command line, as without CCHC_DROP_TEST.
CCHC_DROP_TEST=1 "$bin" report "$work/drop/bang-diem.csv" --out-of 100 >"$work/out" || fail "report with CCHC_DROP_TEST: exit $?"
grep -q "Tổng hợp" "$work/out" || fail "report with CCHC_DROP_TEST was taken as dropped: $(head -3 "$work/out")"
echo "windows: all passed"
