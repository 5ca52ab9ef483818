#!/usr/bin/env bash
# A province's folder is read a part of the files at a time (2048 a part,
# 256 when criterion rows are kept; see print_in_parts): across the
# part boundaries the output is one document — csv has one header and
# every sheet's rows in file order, json is one valid document with every
# sheet and the findings of a file with no sheet, html is one page, text and
# md keep their blank lines, xlsx is one workbook, and check's findings
# are one list in every format — and the exit status and the csv's line on
# standard error are those of the whole run.
#   parts.sh CCHC_BINARY REPO_ROOT
set -u
bin=$1 root=$2
cd "$root" || exit 2
work=$(mktemp -d); [ -n "${KEEP:-}" ] && echo "$work"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

python3 - "$work/province" <<'PY' || fail "making the folder"
import os, sys
folder = sys.argv[1]
os.makedirs(folder)
head = "Mục,Nội dung,Điểm tối đa,Điểm tự đánh giá,Điểm thẩm định,Trách nhiệm bộ phận phụ trách\n"
clean = head + "1.1,Kế hoạch,2,2,1.5,Văn phòng\n1.2,Báo cáo,1,1,1,Một cửa\n"
for i in range(2100):
    text = clean
    if i == 2050:   # after the first part: an appraised score above its max
        text = head + "1.1,Kế hoạch,2,2,1.5,Văn phòng\n1.2,Báo cáo,1,1,1.5,Một cửa\n"
    if i == 2060:   # no header at all: a finding of the file, no sheet
        text = "không phải bảng điểm\n"
    open(os.path.join(folder, f"phuong-{i:04}.csv"), "w", encoding="utf-8").write(text)
open(os.path.join(folder, "..", "one.csv"), "w", encoding="utf-8").write(clean)
PY

"$bin" report "$work/province" --out-of 100 --format csv --by owner >"$work/out.csv" 2>"$work/err.csv"
status=$?
[ "$status" -eq 1 ] || fail "csv: exit status $status, expected 1 (an error past the first part)"
"$bin" report "$work/one.csv" --out-of 100 --format csv --by owner >"$work/one.out.csv" || fail "one sheet"
python3 - "$work/out.csv" "$work/one.out.csv" <<'PY' || fail "csv across parts"
import sys
out = open(sys.argv[1], encoding="utf-8", newline="").read().split("\r\n")
one = open(sys.argv[2], encoding="utf-8", newline="").read().split("\r\n")
assert out[0] == one[0], "header"
assert out.count(one[0]) == 1, "the header is written once"
rows = [l for l in out[1:] if l]
per_sheet = len([l for l in one[1:] if l])
assert len(rows) == 2099 * per_sheet, (len(rows), per_sheet)
files = []
for l in rows:
    name = l.split(",")[0]
    if not files or files[-1] != name:
        files.append(name)
assert len(files) == 2099 and files == sorted(files), "every sheet once, in file order"
PY
[ "$(grep -c 'phuong-2050.csv' "$work/err.csv")" -eq 1 ] || fail "csv: no line on stderr for the file with an error"

"$bin" report "$work/province" --out-of 100 --format json --by owner >"$work/out.json" 2>/dev/null
[ $? -eq 1 ] || fail "json: exit status"
python3 - "$work/out.json" <<'PY' || fail "json across parts"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(doc["sheets"]) == 2099, len(doc["sheets"])
assert [s["file"] for s in doc["sheets"]] == sorted(s["file"] for s in doc["sheets"])
assert all("owners" in s and "criteria" not in s for s in doc["sheets"])
assert [f["file"].endswith("phuong-2060.csv") for f in doc["findings"]] == [True], doc["findings"]
bad = [s for s in doc["sheets"] if s["file"].endswith("phuong-2050.csv")][0]
assert any(f["severity"] == "error" for f in bad["findings"])
PY

# Without --by every criterion row is kept, so a part holds fewer files (256).
"$bin" report "$work/province" --out-of 100 --format json >"$work/all.json" 2>/dev/null
[ $? -eq 1 ] || fail "json without --by: exit status"
python3 - "$work/all.json" <<'PY' || fail "json without --by across parts"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(doc["sheets"]) == 2099, len(doc["sheets"])
assert all([c["code"] for c in s["criteria"]] == ["1.1", "1.2"] for s in doc["sheets"])
PY

for format in text md; do
  "$bin" report "$work/province" --out-of 100 --format $format --by sheet >"$work/out.$format" 2>/dev/null
  [ $? -eq 1 ] || fail "$format: exit status"
done
[ "$(grep -c '^== ' "$work/out.text")" -eq 2099 ] || fail "text: a heading per sheet"
# Every heading after the first follows a blank line, also the first of a part.
[ "$(grep -B1 '^== ' "$work/out.text" | grep -c '^$')" -eq 2098 ] || fail "text: blank lines between sheets"
[ "$(grep -c '^## ' "$work/out.md")" -eq 2099 ] || fail "md: a heading per sheet"
[ "$(grep -B1 '^## ' "$work/out.md" | grep -c '^$')" -eq 2098 ] || fail "md: blank lines between sheets"
"$bin" report "$work/province" --out-of 100 --format html --by sheet >"$work/out.html" 2>/dev/null
[ $? -eq 1 ] || fail "html: exit status"
[ "$(grep -c '<!DOCTYPE html>' "$work/out.html")" -eq 1 ] || fail "html: one page head"
[ "$(grep -c '</html>' "$work/out.html")" -eq 1 ] || fail "html: one page end"
[ "$(grep -c '^<h2>' "$work/out.html")" -eq 2099 ] || fail "html: a heading per sheet"

# xlsx: one workbook, its worksheets filled part after part (256 files a
# part without --by): every sheet's rows once, in file order, the owner
# worksheet holding what the csv holds, and the findings worksheet last.
# Debian's python3, where python3-openpyxl is (not another python3 first on PATH).
debian_python3() { if [ -x /usr/bin/python3 ]; then /usr/bin/python3 "$@"; else python3 "$@"; fi; }
debian_python3 -c 'import openpyxl' 2>/dev/null || fail "python3-openpyxl is not installed (scripts/setup.sh --test)"
"$bin" report "$work/province" --out-of 100 --format xlsx -o "$work/out.xlsx" 2>/dev/null
[ $? -eq 1 ] || fail "xlsx: exit status"
debian_python3 - "$work/out.xlsx" "$work/out.csv" <<'PY' || fail "xlsx across parts"
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
names = book.sheetnames
assert names[-1] == "Kết quả kiểm tra", names
for name in names[:-1]:
    rows = list(book[name].iter_rows(values_only=True))
    files = [r[0] for r in rows[1:] if r[0]]
    assert rows[0][0] == "Tệp" and "Tệp" not in files, (name, "one header")
    seen = list(dict.fromkeys(files))
    assert len(seen) == 2099 and seen == sorted(seen), (name, len(seen))
    assert all(a <= b for a, b in zip(files, files[1:])), (name, "file order")
owners = list(book["Theo bộ phận phụ trách"].iter_rows(values_only=True))[1:]
csv = [l.split(",") for l in open(sys.argv[2], encoding="utf-8", newline="").read().split("\r\n")[1:] if l]
assert len(owners) == len(csv), (len(owners), len(csv))
for x, c in zip(owners, csv):
    assert x[0] == c[0] and x[3] == c[3], (x, c)
    assert abs(float(x[8]) - float(c[8])) < 1e-9, (x, c)  # points lost, typed
found = [r[0] for r in list(book["Kết quả kiểm tra"].iter_rows(values_only=True))[1:]]
assert any(f.endswith("phuong-2050.csv") for f in found) and any(f.endswith("phuong-2060.csv") for f in found), found
PY
# cchc check reads the folder in parts too: one list, one table, one array.
"$bin" check "$work/province" >"$work/check.text" 2>/dev/null
[ $? -eq 1 ] || fail "check: exit status"
grep -q 'phuong-2050.csv' "$work/check.text" && grep -q 'phuong-2060.csv' "$work/check.text" ||
  fail "check: the findings past the first part"
"$bin" check "$work/province" --format csv >"$work/check.csv" 2>/dev/null
[ "$(grep -c '^Tệp,' "$work/check.csv")" -eq 1 ] || fail "check csv: one header"
[ "$(grep -c 'phuong-20[56]0.csv' "$work/check.csv")" -eq "$(grep -c 'phuong-20[56]0.csv' "$work/check.text")" ] ||
  fail "check csv: a row per finding"
"$bin" check "$work/province" --format md >"$work/check.md" 2>/dev/null
[ "$(grep -c '^| Tệp |' "$work/check.md")" -eq 1 ] || fail "check md: one table"
"$bin" check "$work/province" --format json >"$work/check.json" 2>/dev/null
python3 - "$work/check.json" "$work/check.text" <<'PY' || fail "check json across parts"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
lines = [l for l in open(sys.argv[2], encoding="utf-8").read().split("\n") if l]
assert len(doc["findings"]) == len(lines) > 0, (len(doc["findings"]), len(lines))
PY
"$bin" check "$work/province" --format html >"$work/check.html" 2>/dev/null
[ "$(grep -c '<table data-kind="findings">' "$work/check.html")" -eq 1 ] || fail "check html: one table"
[ "$(grep -c '</html>' "$work/check.html")" -eq 1 ] || fail "check html: one page"
echo "parts: ok"
