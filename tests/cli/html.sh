#!/usr/bin/env bash
# --format html in a real browser: headless Chromium renders the reference
# report (a screenshot is left in OUT_DIR to look at) and the rendered page
# must hold every table, and bars whose drawn lengths are proportional to
# their values. Also: the page is self-contained, hostile text is escaped,
# --lang en, compare's ranking chart, and LibreOffice converting the page to
# DOCX with its tables (as when it is pasted into Word). Chromium and
# LibreOffice come from scripts/setup.sh --test; without them the test
# fails, it is not skipped.
#   html.sh CCHC_BINARY REPO_ROOT OUT_DIR
set -u
bin=$1 root=$2 out=$3
cd "$root" || exit 2
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
chromium=$(command -v chromium || command -v chromium-browser) || fail "chromium is not installed (scripts/setup.sh --test)"
browse() { # browse ARGS...: headless, as root too, with no network and a fresh profile
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" "$@" 2>>"$work/chromium.log"
}

"$bin" report samples/phuong-1-2023.csv --out-of 100 --format html -o "$out/report.html" || fail "cchc report --format html: exit $?"
page="$out/report.html"
grep -q '<!DOCTYPE html>' "$page" || fail "no doctype"
! grep -Eiq '<(script|link|img|iframe)|src=|url\(' "$page" || fail "the page loads something from outside"
grep -q '@page landscape' "$page" || fail "no landscape page for the criteria"
grep -q 'font-family: "Times New Roman"' "$page" || fail "Times New Roman is not first"
grep -q '<td class="num">55,00 %</td>' "$page" || fail "the achievement is not one unbreakable number cell"
for header in 'Mục' 'Nội dung' 'Điểm tối đa' 'Điểm tự đánh giá' 'Điểm thẩm định' 'Số điểm bị trừ' \
  'Ghi chú (Lý do giảm điểm)' 'Trách nhiệm bộ phận phụ trách'; do
  grep -q "<th[^>]*>$header</th>" "$page" || fail "the appendix lacks the column $header"
done
grep -q '<tr class="total"><td>Tổng cộng</td><td></td><td class="num">20.00</td><td class="num">18.50</td><td class="num">11.00</td><td class="num">9.00</td>' "$page" \
  || fail "no Tổng cộng row with the sheet's totals"
# What each owner must fix: the owner that lost most first, its criteria, its total.
grep -q '<tr><td>Bộ phận tiếp nhận và trả kết quả phường</td><td>1.7</td>' "$page" || fail "owner tasks: not by points lost"
grep -q '<tr class="total"><td>Bộ phận tiếp nhận và trả kết quả phường</td><td></td><td>Cộng</td><td class="num">2.33</td>' "$page" \
  || fail "owner tasks: no owner total"

# Rendered: a script added to a copy measures what Chromium drew.
sed 's|</body>|<script>for (const r of document.querySelectorAll("rect.bar")) r.setAttribute("data-drawn", r.getBoundingClientRect().width.toFixed(3));</script></body>|' \
  "$page" >"$work/measured.html"
browse --dump-dom --virtual-time-budget=3000 "file://$work/measured.html" >"$work/dom.html" || fail "chromium --dump-dom failed: $(tail -3 "$work/chromium.log")"
python3 - "$work/dom.html" <<'PY' || fail "the rendered page is wrong"
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.tables = []; self.figures = []; self.bars = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'table': self.tables.append(a.get('data-kind'))
        if tag == 'figure': self.figures.append(a.get('data-kind')); self.bars.append([])
        if tag == 'rect' and a.get('class') == 'bar':
            self.bars[-1].append((float(a['data-value']), float(a['data-drawn'])))
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
for kind in ['sheet', 'domain', 'owner', 'appendix', 'owner-tasks', 'findings']:
    assert kind in p.tables, f'no {kind} table in {p.tables}'
assert p.figures == ['domain', 'owner', 'criterion'], p.figures
for kind, bars in zip(p.figures, p.bars):
    assert bars, f'{kind}: no bars'
    ratios = [drawn / value for value, drawn in bars if value > 0]
    assert ratios, f'{kind}: every bar is zero'
    for value, drawn in bars:
        if value == 0: assert drawn == 0, f'{kind}: a zero bar is drawn {drawn} long'
    assert max(ratios) - min(ratios) < 0.01 * max(ratios), f'{kind}: bars not proportional: {bars}'
print('tables', p.tables, 'charts', [len(b) for b in p.bars])
PY
browse --screenshot="$out/report.png" --window-size=1100,2600 --hide-scrollbars "file://$page" >/dev/null \
  || fail "chromium --screenshot failed: $(tail -3 "$work/chromium.log")"
[ -s "$out/report.png" ] || fail "no screenshot"

# Pasted into Word: LibreOffice converts the page to DOCX with its tables intact.
soffice=$(command -v soffice) || fail "LibreOffice is not installed (scripts/setup.sh --test)"
cp "$page" "$work/paste.html"
"$soffice" -env:UserInstallation="file://$work/lo" --headless --norestore --convert-to 'docx:MS Word 2007 XML' \
  --outdir "$work" "$work/paste.html" >"$work/soffice.log" 2>&1 || fail "LibreOffice could not convert the page: $(tail -3 "$work/soffice.log")"
unzip -p "$work/paste.docx" word/document.xml >"$work/document.xml" || fail "no DOCX from LibreOffice"
tables=$(grep -o '<w:tbl>' "$work/document.xml" | wc -l)
[ "$tables" -ge 6 ] || fail "DOCX: $tables tables, expected the 6 of the page"
grep -q 'Tổng cộng' "$work/document.xml" || fail "DOCX: no Tổng cộng row"
cp "$work/paste.docx" "$out/report.docx"

# Hostile text in a note, a content and an owner is escaped, never markup.
printf '%s\n' 'Mục,Nội dung,Điểm tối đa,Điểm thẩm định,Ghi chú,Bộ phận phụ trách' \
  '1.1,"<script>alert(1)</script> & ""quoted"" '"'"'single'"'"'",2,1,"<b>bold</b> & <i>",A&B <Office>' >"$work/hostile.csv"
"$bin" report "$work/hostile.csv" --format html >"$work/hostile.html" || fail "hostile: exit $?"
! grep -q '<script>\|<b>bold\|<i>\|<Office>' "$work/hostile.html" || fail "hostile text came through as markup"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;' "$work/hostile.html" \
  || fail "the hostile content is not escaped as expected"
grep -q '&lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;' "$work/hostile.html" || fail "the hostile note is not escaped"
grep -q 'A&amp;B &lt;Office&gt;' "$work/hostile.html" || fail "the hostile owner is not escaped"

# English labels.
"$bin" report samples/phuong-1-2023.csv --out-of 100 --format html --lang en >"$work/en.html" || fail "--lang en: exit $?"
grep -q '<html lang="en">' "$work/en.html" || fail "--lang en: not an English page"
grep -q '<td>Total</td>' "$work/en.html" || fail "--lang en: no Total row"
grep -q 'Points lost by domain' "$work/en.html" || fail "--lang en: no English chart title"

# compare: the units ranked, as a chart too.
"$bin" compare samples/wards --out-of 100 --format html -o "$out/compare.html" || fail "compare --format html: exit $?"
grep -q '<table data-kind="ranking">' "$out/compare.html" || fail "compare: no ranking table"
grep -q '<figure data-kind="ranking">' "$out/compare.html" || fail "compare: no ranking chart"
# Its bars say "unit · period" (the whole label in each bar's tooltip); two
# sheets of the same unit and period are told apart by their file.
cp samples/wards/phuong-2-2023.csv "$work/copy.csv"
"$bin" compare samples/wards/phuong-1-2022.csv samples/wards/phuong-2-2023.csv "$work/copy.csv" --out-of 100 --format html \
  -o "$work/labels.html" 2>/dev/null || [ $? -eq 1 ] || fail "compare labels: exit $?"
grep -q '<g><title>Phường 1 · 2022: ' "$work/labels.html" || fail "compare: a bar is not labelled unit · period"
grep -q "<g><title>Phường 2 · 2023 (samples/wards/phuong-2-2023.csv): " "$work/labels.html" \
  || fail "compare: two bars of one unit and period are not told apart by their file"
grep -q "<g><title>Phường 2 · 2023 ($work/copy.csv): " "$work/labels.html" \
  || fail "compare: two bars of one unit and period are not told apart by their file"
browse --screenshot="$out/compare.png" --window-size=1100,1400 --hide-scrollbars "file://$out/compare.html" >/dev/null \
  || fail "chromium --screenshot of compare failed"
echo "screenshots: $out/report.png $out/compare.png"
