#!/usr/bin/env bash
# The libraries only a workbook needs (libzip, libxlsxwriter and the
# libcrypto both bring) are opened the first time a workbook is read or
# written (include/cchc/platform/library.hpp), not at every start: a run on
# a CSV sheet never loads them, a run on a workbook does and reads it, and
# --format xlsx does and writes it. Seen through the dynamic loader's own
# log (LD_DEBUG=files), on Linux. cchc.exe is linked to all of them
# (scripts/build-windows.sh checks it imports only Windows' own DLLs): under
# wine (CCHC_TEST_WINDOWS=1) only what it reads and writes is checked.
#   libraries.sh CCHC_BINARY REPO_ROOT
set -u
bin=$1 root=$2
cd "$root" || exit 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

loaded() { # the shared libraries the loader opened for this run (its log on stderr)
  LD_DEBUG=files "$@" 2>&1 >/dev/null | sed -n 's/.*file=\([^ ]*\) .*generating link map.*/\1/p' | sort -u
}

if [ "${CCHC_TEST_WINDOWS:-}" != 1 ]; then
  readelf -d "$bin" | grep -Eq 'NEEDED.*(libzip|libxlsxwriter|libcrypto)' &&
    fail "cchc is linked to a workbook library at start: $(readelf -d "$bin" | grep NEEDED | tr -s ' ')"

  csv=$(loaded "$bin" report samples/phuong-1-2023.csv --out-of 100)
  echo "$csv" | grep -Eq 'libzip|libxlsxwriter|libcrypto' && fail "a CSV run loaded: $(echo $csv)"

  book=$(loaded "$bin" report samples/phuong-1-2023.xlsx --out-of 100)
  echo "$book" | grep -q 'libzip' || fail "reading a workbook did not load libzip: $(echo $book)"
  echo "$book" | grep -q 'libxlsxwriter' && fail "reading a workbook loaded libxlsxwriter"

  written=$(loaded "$bin" report samples/phuong-1-2023.csv --out-of 100 --format xlsx -o "$work/out.xlsx")
  echo "$written" | grep -q 'libxlsxwriter' || fail "--format xlsx did not load libxlsxwriter: $(echo $written)"
fi

# What the libraries do, on every platform: the workbook read, one written.
[ "$("$bin" report samples/phuong-1-2023.xlsx --out-of 100 --format csv | tail -n +2 | cut -d, -f4-)" = \
  "$("$bin" report samples/phuong-1-2023.csv --out-of 100 --format csv | tail -n +2 | cut -d, -f4-)" ] ||
  fail "the workbook's figures differ from the CSV's"
"$bin" report samples/phuong-1-2023.csv --out-of 100 --format xlsx -o "$work/out.xlsx" || fail "--format xlsx: exit $?"
[ "$(head -c 2 "$work/out.xlsx")" = "PK" ] || fail "--format xlsx wrote no workbook"
echo "libraries: opened on first use"
