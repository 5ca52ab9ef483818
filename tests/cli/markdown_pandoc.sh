#!/usr/bin/env bash
# The Markdown of the reference report through pandoc into Word (DOCX): the
# words on either side of a line break in a cell keep their space, a
# percentage stays one unbreakable piece, and the columns get widths in
# proportion to their content (not all the same). pandoc comes from
# scripts/setup.sh --test.
#   markdown_pandoc.sh CCHC_BINARY REPO_ROOT OUT_DIR
set -u
bin=$1 root=$2 out=$3
cd "$root" || exit 2
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v pandoc >/dev/null || fail "pandoc is not installed (scripts/setup.sh --test)"
command -v unzip >/dev/null || fail "unzip is not installed (scripts/setup.sh --test)"

"$bin" report samples/phuong-1-2023.csv --out-of 100 --format md >"$out/report.md" || fail "cchc --format md: exit $?"
# As a clerk runs it: pandoc reads .md as its own Markdown.
pandoc -o "$out/report.docx" "$out/report.md" || fail "pandoc could not convert the Markdown"
unzip -p "$out/report.docx" word/document.xml >"$work/document.xml" || fail "no word/document.xml"
python3 - "$work/document.xml" <<'PY' || fail "the Word document is wrong"
import re, sys
xml = open(sys.argv[1], encoding='utf-8').read()
cells = []
for tc in re.findall(r'<w:tc>(.*?)</w:tc>', xml, re.S):
    cells.append(''.join(re.findall(r'<w:t(?: [^>]*)?>([^<]*)</w:t>', tc)).replace('&amp;', '&'))
assert cells, 'no table cells'
text = '\n'.join(cells)
assert 'Hoàn thành 44/46 nhiệm vụ, đạt 95,68%' in text, 'the space at a line break was lost'
assert '44/46nhiệm' not in text
assert '55,00\u00a0%' in text, 'the percentage can break before its sign'
assert '55,00 %' not in text
for t in ['Tổng hợp', 'Theo lĩnh vực', 'Theo bộ phận phụ trách', 'Theo tiêu chí']:
    assert t in xml, f'no heading {t}'
# pandoc sizes a table's columns from the separator's dashes: the criteria's
# content column is wider than its code column.
grids = re.findall(r'<w:tblGrid>(.*?)</w:tblGrid>', xml, re.S)
widths = [[int(w) for w in re.findall(r'w:w="(\d+)"', g)] for g in grids]
criteria = widths[3]  # summary, domains, owners, criteria, findings
assert len(criteria) == 10 and criteria[2] > 3 * criteria[0], f'the content column is not the wide one: {criteria}'
print('cells', len(cells), 'criterion table columns', criteria)
PY
echo "docx: $out/report.docx"
