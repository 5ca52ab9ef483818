#!/usr/bin/env bash
# --format xlsx read back by a spreadsheet library and by a spreadsheet:
# python3-openpyxl checks the worksheets, the cell types and number formats,
# the frozen header, the autofilter and the chart parts; LibreOffice
# converts the workbook to PDF and pdftoppm to a PNG left in OUT_DIR to look
# at. Also: never onto a terminal, atomic -o, long or odd sheet names, too
# many rows, compare. Tools from scripts/setup.sh --test; without them the
# test fails, it is not skipped.
#   xlsx.sh CCHC_BINARY REPO_ROOT OUT_DIR
set -u
bin=$1 root=$2 out=$3
cd "$root" || exit 2
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# Debian's python3, where python3-openpyxl is (not another python3 first on PATH).
python3() { if [ -x /usr/bin/python3 ]; then /usr/bin/python3 "$@"; else command python3 "$@"; fi; }
python3 -c 'import openpyxl' 2>/dev/null || fail "python3-openpyxl is not installed (scripts/setup.sh --test)"
soffice=$(command -v soffice) || fail "LibreOffice is not installed (scripts/setup.sh --test)"
command -v pdftoppm >/dev/null || fail "poppler-utils is not installed (scripts/setup.sh --test)"

book="$out/report.xlsx"
"$bin" report samples/phuong-1-2023.csv --out-of 100 --format xlsx -o "$book" 2>"$work/err" || fail "report --format xlsx: exit $? $(cat "$work/err")"
python3 - "$book" <<'PY' || fail "the workbook read back wrong"
import sys, zipfile, openpyxl
path = sys.argv[1]
wb = openpyxl.load_workbook(path)
names = wb.sheetnames
for name in ['Tổng hợp', 'Theo lĩnh vực', 'Theo bộ phận phụ trách', 'Theo tiêu chí']:
    assert name in names, f'no worksheet {name}: {names}'
def rows(name):
    ws = wb[name]
    return ws, [[c for c in r] for r in ws.iter_rows()]
ws, cells = rows('Theo tiêu chí')
assert ws.freeze_panes == 'A2', ws.freeze_panes
assert ws.auto_filter.ref and ws.auto_filter.ref.startswith('A1:'), ws.auto_filter.ref
header = [c.value for c in cells[0]]
assert header[:4] == ['Tệp', 'Đơn vị', 'Kỳ', 'Mục'], header
code, line, mx, ach, note = (header.index(h) for h in ['Mục', 'Dòng', 'Tối đa', 'Tỷ lệ đạt', 'Ghi chú'])
codes = [r[code].value for r in cells[1:]]
assert all(isinstance(c, str) for c in codes), codes
for c in ['1.6', '7.2', '1.1.3']:
    assert c in codes, f'code {c} lost: {codes}'
r = cells[1 + codes.index('1.1.3')]
assert r[mx].data_type == 'n' and r[mx].value == 2 and r[mx].number_format == '0.00', (r[mx].value, r[mx].number_format)
assert r[line].data_type == 'n' and r[line].number_format == '0'
assert r[ach].data_type == 'n' and abs(r[ach].value - 0.955) < 1e-9 and r[ach].number_format == '0.00%', (r[ach].value, r[ach].number_format)
assert r[note].alignment.wrap_text, 'the note does not wrap'
assert ws.row_dimensions[r[0].row].height and ws.row_dimensions[r[0].row].height >= 15, 'no row height for the note'
total = cells[-1]
assert total[code].value == 'Tổng cộng' and total[code].font.b, 'no bold total row'
assert total[mx].value == 20 and total[mx].font.b
assert ws.column_dimensions['F'].width > 20, 'the content column is not widened'
ws, cells = rows('Tổng hợp')
header = [c.value for c in cells[0]]
idx = header.index('Chỉ số')
assert cells[1][idx].value == 91 and cells[1][idx].number_format == '0.00'
ws, cells = rows('Nhiệm vụ theo bộ phận')
first = [c.value for c in cells[1]]
assert first[3] == 'Bộ phận tiếp nhận và trả kết quả phường', first
sub = next(r for r in cells[1:] if r[5].value == 'Cộng')
assert sub[6].value == 2.33 and sub[6].font.b, 'owner tasks: no bold owner total'
z = zipfile.ZipFile(path)
charts = [n for n in z.namelist() if n.startswith('xl/charts/chart')]
assert len(charts) == 2, f'expected two charts (domain, owner): {charts}'
for n in charts:
    assert b'<c:barChart>' in z.read(n), n
print('worksheets', names, 'charts', charts)
PY

# LibreOffice draws it; the PNG of the first pages is left to look at.
"$soffice" -env:UserInstallation="file://$work/profile" --headless --norestore --convert-to pdf --outdir "$work" "$book" \
  >"$work/soffice.log" 2>&1 || fail "LibreOffice could not convert the workbook: $(tail -3 "$work/soffice.log")"
[ -s "$work/report.pdf" ] || fail "no PDF from LibreOffice"
rm -f "$out"/report-*.png
pdftoppm -png -r 80 -f 1 -l 3 "$work/report.pdf" "$out/report" || fail "pdftoppm failed"
ls "$out"/report-*.png >/dev/null 2>&1 || fail "no PNG"

# English worksheet names.
"$bin" report samples/phuong-1-2023.csv --format xlsx --lang en -o "$work/en.xlsx" || fail "--lang en: exit $?"
python3 -c 'import openpyxl,sys; n=openpyxl.load_workbook(sys.argv[1]).sheetnames; assert "By owner" in n and "Summary" in n, n' "$work/en.xlsx" \
  || fail "--lang en: wrong worksheet names"

# compare: the ranking and its chart; two periods: the change.
"$bin" compare samples/wards --out-of 100 --format xlsx -o "$out/compare.xlsx" || fail "compare: exit $?"
python3 - "$out/compare.xlsx" <<'PY' || fail "compare workbook wrong"
import sys, zipfile, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert 'Xếp hạng' in wb.sheetnames, wb.sheetnames
assert any(n.startswith('xl/charts/') for n in zipfile.ZipFile(sys.argv[1]).namelist()), 'no ranking chart'
PY
# The ranking's bars say "unit · period" (a hidden column after the table
# that the chart's categories point at); two sheets of the same unit and
# period are told apart by their file.
cp samples/wards/phuong-2-2023.csv "$work/copy.csv"
"$bin" compare samples/wards/phuong-1-2022.csv samples/wards/phuong-3-2023.csv samples/wards/phuong-2-2023.csv "$work/copy.csv" \
  --out-of 100 --format xlsx -o "$work/labels.xlsx" 2>"$work/err" || [ $? -eq 1 ] || fail "compare labels: $(cat "$work/err")"
python3 - "$work/labels.xlsx" "$work/copy.csv" <<'PY' || fail "compare: the chart's bars are not labelled unit · period"
import sys, openpyxl
from openpyxl.utils import column_index_from_string, range_boundaries
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['Xếp hạng']
header = [c.value for c in ws[1]]
while header and header[-1] is None:
    header.pop()
assert len(ws._charts) == 1, ws._charts
series = ws._charts[0].series[0]
cats, vals = series.cat.strRef.f, series.val.numRef.f
sheet, ref = cats.rsplit('!', 1)
assert sheet.strip("'") == 'Xếp hạng', cats
lo_col, lo_row, hi_col, hi_row = range_boundaries(ref.replace('$', ''))
assert lo_col == hi_col == len(header) + 1, (cats, header)   # just after the table, no header of its own
letter = openpyxl.utils.get_column_letter(lo_col)
assert ws.column_dimensions[letter].hidden, f'column {letter} is not hidden'
labels = [ws.cell(row=r, column=lo_col).value for r in range(lo_row, hi_row + 1)]
unit, period, file = header.index('Đơn vị'), header.index('Kỳ'), header.index('Tệp')
rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2, max_row=hi_row)]
assert len(labels) == len(rows) == 4, (labels, rows)
pairs = [(row[unit], str(row[period])) for row in rows]
assert pairs.count(('Phường 2', '2023')) == 2, pairs
for label, row, pair in zip(labels, rows, pairs):
    expected = f'{pair[0]} · {pair[1]}'
    if pairs.count(pair) > 1:
        expected += f' ({row[file]})'
    assert label == expected, (label, expected)
assert 'Phường 1 · 2022' in labels and f'Phường 2 · 2023 ({sys.argv[2]})' in labels, labels
assert len(set(labels)) == 4, labels
vsheet, vref = vals.rsplit('!', 1)
vc = range_boundaries(vref.replace('$', ''))[0]
assert header[vc - 1] == 'Chỉ số', (vals, header)
print('labels', labels)
PY
"$bin" compare samples/wards/phuong-1-2022.csv samples/wards/phuong-1-2023.csv --out-of 100 --format xlsx -o "$work/periods.xlsx" \
  || fail "compare periods: exit $?"
python3 -c 'import openpyxl,sys; n=openpyxl.load_workbook(sys.argv[1]).sheetnames; assert "Thay đổi giữa hai kỳ" in n, n' "$work/periods.xlsx" \
  || fail "compare periods: no period change worksheet"

# Never onto a terminal; a pipe is fine.
if command -v script >/dev/null; then
  script -qec "$bin report samples/phuong-1-2023.csv --format xlsx" /dev/null >"$work/tty.out" 2>&1
  status=$?
  if [ "${CCHC_TEST_WINDOWS:-}" = 1 ]; then
    # wine draws its console on the pseudo-terminal a cell at a time, with
    # cursor sequences between the letters: the screen's text without them.
    perl -pi -e 's/\e\[(\d*)C/" " x ($1 || 1)/ge; s/\e\[[0-9;?]*[A-Za-z]//g' "$work/tty.out"
    [ $status -eq 2 ] || fail "xlsx onto a terminal: exit status $status, not 2"
  fi
  grep -q 'nhị phân' "$work/tty.out" || fail "xlsx onto a terminal was not refused: $(head -c 300 "$work/tty.out")"
fi
"$bin" report samples/phuong-1-2023.csv --format xlsx | cat >"$work/piped.xlsx" || fail "xlsx into a pipe: exit $?"
cmp -s <(unzip -l "$work/piped.xlsx" | awk '{print $4}' | sort) <(unzip -l "$book" | awk '{print $4}' | sort) \
  || fail "the piped workbook differs from the -o one"

# -o onto an input is refused, and a failed run leaves the old file whole.
cp samples/phuong-1-2023.csv "$work/in.csv"
"$bin" report "$work/in.csv" --format xlsx -o "$work/in.csv" 2>"$work/err" && fail "-o onto the input was accepted"
cmp -s "$work/in.csv" samples/phuong-1-2023.csv || fail "the input was written onto"

# A unit name with []:*?/\ and past 31 characters becomes no worksheet name
# (worksheets are named by table), and the workbook still opens.
"$bin" report samples/phuong-1-2023.csv --unit 'Phường [1]: *?/\ với một tên dài hơn ba mươi mốt ký tự' --format xlsx \
  -o "$work/odd.xlsx" || fail "odd unit: exit $?"
python3 -c 'import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1])["Tổng hợp"]; assert ws["B2"].value.startswith("Phường [1]"), ws["B2"].value' \
  "$work/odd.xlsx" || fail "odd unit: the unit did not arrive whole"

# A sheet with no criteria, and all-zero bars.
printf '%s\n' 'Mục,Nội dung,Điểm tối đa,Điểm thẩm định,Ghi chú' '1.1,A,0,0,' >"$work/zero.csv"
"$bin" report "$work/zero.csv" --format xlsx -o "$work/zero.xlsx" || true
python3 -c 'import openpyxl,sys; openpyxl.load_workbook(sys.argv[1])' "$work/zero.xlsx" || fail "all-zero workbook does not open"
printf '%s\n' 'Mục,Nội dung,Điểm tối đa,Điểm thẩm định,Ghi chú' >"$work/none.csv"
"$bin" report "$work/none.csv" --format xlsx -o "$work/none.xlsx" 2>/dev/null
[ ! -e "$work/none.xlsx" ] || python3 -c 'import openpyxl,sys; openpyxl.load_workbook(sys.argv[1])' "$work/none.xlsx" \
  || fail "a workbook without criteria does not open"

# Past Excel's 1,048,576 rows: a clear message, exit 2, no file (the unit
# tests reach a lower limit with a few rows; this is the real one, end to end).
python3 - "$work/big.csv" <<'PY'
import sys
with open(sys.argv[1], 'w') as f:
    f.write('Đơn vị,Mục,Nội dung,Điểm tối đa,Điểm thẩm định,Ghi chú\n')
    for u in range(1_050_000 // 50 + 2):
        for c in range(1, 51):
            f.write(f'U{u},1.{c},x,1,1,\n')
PY
"$bin" report "$work/big.csv" --by criterion --format xlsx -o "$work/big.xlsx" 2>"$work/err"
status=$?
[ $status -eq 2 ] || fail "past 1,048,576 rows: exit $status, not 2"
grep -q "trang tính 'Theo tiêu chí' (bảng --by criterion) sẽ vượt quá 1048576 dòng" "$work/err" \
  || fail "past 1,048,576 rows: no clear message: $(head -c 300 "$work/err")"
grep -q -- '--by' "$work/err" && grep -q 'chia thư mục' "$work/err" || fail "past 1,048,576 rows: the message says not what to do"
[ ! -e "$work/big.xlsx" ] || fail "past 1,048,576 rows: a file was written"
ls "$work" | grep -q 'cchc-' && fail "a temporary file was left behind"
echo "pictures: $(ls "$out"/*.png)"
