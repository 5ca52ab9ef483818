#!/usr/bin/env bash
# cchc's CSV in a real spreadsheet: LibreOffice converts it headless to
# .ods and .xlsx; scores and percentages must arrive as numbers (with the
# default import, and with --decimal-comma imported in a Vietnamese
# locale), and no cell may become a formula, though a raw CSV with the same
# hostile cells does. Registered only where LibreOffice is installed.
#   libreoffice.sh CCHC_BINARY REPO_ROOT SOFFICE
set -u
bin=$1 root=$2 soffice=$3
cd "$root" || exit 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
convert() { # convert FILTER_OPTIONS FORMAT FILE
  "$soffice" -env:UserInstallation="file://$work/profile" --headless --norestore \
    --infilter="CSV:$1" --convert-to "$2" --outdir "$work" "$3" >/dev/null 2>&1
}
content() { unzip -p "$1" content.xml; }

"$bin" compare samples/wards --out-of 100 --format csv --lang en >"$work/ranking.csv" || fail "cchc compare"
convert 44,34,76,1 ods "$work/ranking.csv" || fail "LibreOffice could not convert the ranking"
for value in 95.75 94 91 88.5 100 9 11.5; do
  content "$work/ranking.ods" | grep -q "office:value-type=\"float\" office:value=\"$value\"" \
    || fail "ranking: $value did not arrive as a number"
done

"$bin" report samples/phuong-1-2023.csv --format csv --by domain --decimal-comma --bom >"$work/domains.csv" || fail "cchc report"
convert 59,34,76,1,,1066 ods "$work/domains.csv" || fail "LibreOffice could not convert the decimal-comma table"
for value in 3.21 3.79 45.86 4.18 1.82 69.67 3.61 2.39 60.17; do
  content "$work/domains.ods" | grep -q "office:value-type=\"float\" office:value=\"$value\"" \
    || fail "decimal comma: $value did not arrive as a number"
done
convert 59,34,76,1,,1066 xlsx "$work/domains.csv" || fail "LibreOffice could not write .xlsx"
[ -s "$work/domains.xlsx" ] || fail "no .xlsx written"

"$bin" report tests/data/hostile-cells.csv --format csv --by criterion >"$work/hostile.csv" || fail "cchc report hostile"
convert 44,34,76,1 ods "$work/hostile.csv" || fail "LibreOffice could not convert the hostile table"
! content "$work/hostile.ods" | grep -q 'table:formula' || fail "a cell of cchc's CSV became a formula"
content "$work/hostile.ods" | grep -q "&apos;=HYPERLINK" || fail "the neutralised cell lost its text"
# The control: the same cells written raw do become formulas.
printf 'a,b\nx,=1+1\n' >"$work/raw.csv"
convert 44,34,76,1 ods "$work/raw.csv" || fail "LibreOffice could not convert the control"
content "$work/raw.ods" | grep -q 'table:formula' || fail "control: LibreOffice no longer runs =1+1; this test proves nothing"
echo "libreoffice: all passed ($("$soffice" --version | head -1))"
