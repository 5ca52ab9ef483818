#!/usr/bin/env bash
# Writes libreoffice.xlsx, libreoffice.ods and libreoffice.xls: openpyxl.xlsx
# (make_workbooks.py) opened and saved by LibreOffice, which stores the
# formulas' cached values, its own shared strings and styles.
# Also phuong-1-2023.xlsx and catalog-phuong-1-2023.xlsx: the sample sheet and
# catalog of samples/ saved as workbooks (the sheet also as
# samples/phuong-1-2023.xlsx, which the README's quick start reports).
#   bash tests/data/workbook/make_libreoffice.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/openpyxl.xlsx" "$work/libreoffice.xlsx"
for to in xlsx ods xls; do
  mkdir -p "$work/out"
  soffice -env:UserInstallation="file://$work/profile" --headless --convert-to "$to" --outdir "$work/out" \
    "$work/libreoffice.xlsx" >/dev/null 2>&1
  cp "$work/out/libreoffice.$to" "$here/libreoffice.$to"
done
# The reference sheet as LibreOffice saves it, its code column imported as text.
mkdir -p "$work/sample"
soffice -env:UserInstallation="file://$work/profile" --headless --infilter="CSV:44,34,76,1,1/2" --convert-to xlsx \
  --outdir "$work/sample" "$here/../../../samples/phuong-1-2023.csv" >/dev/null 2>&1
cp "$work/sample/phuong-1-2023.xlsx" "$here/phuong-1-2023.xlsx"
cp "$work/sample/phuong-1-2023.xlsx" "$here/../../../samples/phuong-1-2023.xlsx" # the quick start's
# The sample catalog (--criteria) as LibreOffice saves it, its code column imported as text.
soffice -env:UserInstallation="file://$work/profile" --headless --infilter="CSV:44,34,76,1,1/2" --convert-to xlsx \
  --outdir "$work/sample" "$here/../../../samples/catalog-phuong-1-2023.csv" >/dev/null 2>&1
cp "$work/sample/catalog-phuong-1-2023.xlsx" "$here/catalog-phuong-1-2023.xlsx"
