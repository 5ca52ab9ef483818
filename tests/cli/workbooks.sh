#!/usr/bin/env bash
# Every sample read from a workbook gives the figures its CSV gives:
# LibreOffice converts each sample headless to .xlsx, .ods and .xls (the
# code column imported as text, as a clerk's sheet has it), and cchc's
# totals, domains and owners from each workbook must equal those from the
# CSV (the file column aside). Then the sample folder in one run of mixed
# workbooks and CSV ranks as the CSV folder does. Registered where
# LibreOffice is installed (scripts/setup.sh --test installs it).
#   workbooks.sh CCHC_BINARY REPO_ROOT SOFFICE
set -u
bin=$1 root=$2 soffice=$3
cd "$root" || exit 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# The 1-based column of the header cell "Mục" in a sample's first line.
code_column() { head -1 "$1" | tr ',' '\n' | grep -n '^Mục$' | head -1 | cut -d: -f1; }
figures() { # figures FILE...: every table but the file names
  for by in sheet domain owner; do
    "$bin" report "$@" --out-of 100 --format csv --by "$by" --lang en | cut -d, -f2-
  done
}

mkdir "$work/mixed"
formats=(xlsx ods xls)
# One LibreOffice run per format and code column: it converts many files at once.
for to in "${formats[@]}"; do
  for group in samples/phuong-1-2023.csv "samples/wards/*.csv"; do
    # shellcheck disable=SC2086 # the group is a glob
    set -- $group
    col=$(code_column "$1")
    [ -n "$col" ] || fail "$1: no Mục column"
    "$soffice" -env:UserInstallation="file://$work/profile" --headless --norestore \
      --infilter="CSV:44,34,76,1,$col/2" --convert-to "$to" --outdir "$work/$to/$(dirname "$1")" "$@" >/dev/null 2>&1 ||
      fail "LibreOffice could not convert $* to $to"
  done
done
i=0
for csv in samples/phuong-1-2023.csv samples/wards/*.csv; do
  name=$(basename "$csv" .csv)
  figures "$csv" >"$work/expected" 2>&1
  for to in "${formats[@]}"; do
    book="$work/$to/$(dirname "$csv")/$name.$to"
    [ -s "$book" ] || fail "no $book"
    figures "$book" >"$work/got" 2>&1
    diff "$work/expected" "$work/got" >"$work/diff" || fail "$book gives other figures than $csv: $(head -20 "$work/diff")"
  done
  # The folder mixes the formats: one sample each.
  case $csv in
    samples/wards/*)
      to=${formats[$((i % 3))]}
      cp "$work/$to/samples/wards/$name.$to" "$work/mixed/"
      i=$((i + 1)) ;;
  esac
done
cp samples/wards/phuong-1-2022.csv "$work/mixed/" # and a CSV beside them
rm -f "$work/mixed/phuong-1-2022."x*
"$bin" compare samples/wards --out-of 100 --format csv --lang en | cut -d, -f1-9 >"$work/expected"
"$bin" compare "$work/mixed" --out-of 100 --format csv --lang en | cut -d, -f1-9 >"$work/got"
diff "$work/expected" "$work/got" >"$work/diff" || fail "a mixed folder ranks otherwise: $(cat "$work/diff")"
echo "workbooks: all passed"
