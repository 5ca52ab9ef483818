#!/usr/bin/env bash
# Regenerates the README's pictures in docs/ from the real programs: the
# reference report as HTML in headless Chromium, as xlsx through LibreOffice
# (PDF, then pdftoppm), and as text laid out on 80 columns.
# Needs what scripts/setup.sh --test installs.
#   scripts/pictures.sh [CCHC_BINARY]   (default build/test/cchc)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/test/cchc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chrome() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/profile" --hide-scrollbars "$@" 2>/dev/null
}

"$bin" report samples/phuong-1-2023.csv --out-of 100 --format html -o "$work/report.html"
chrome --screenshot="docs/report-html.png" --window-size=1000,1900 "file://$work/report.html"

"$bin" report samples/phuong-1-2023.csv --out-of 100 --format xlsx -o "$work/report.xlsx"
soffice -env:UserInstallation="file://$work/lo" --headless --norestore --convert-to pdf --outdir "$work" \
  "$work/report.xlsx" >/dev/null 2>&1
# The third page: the owners and their chart.
pdftoppm -png -r 110 -f 3 -l 3 -singlefile "$work/report.pdf" docs/report-xlsx

# The text report laid out on 80 columns (tests/cli/width.sh checks the
# same in a real 80-column tmux), drawn as a terminal page.
"$bin" report samples/phuong-1-2023.csv --out-of 100 --by owner --by criterion --width 80 | head -90 >"$work/text.txt"
python3 - "$work/text.txt" "$work/text.html" <<'PY'
import html, sys
text = open(sys.argv[1], encoding='utf-8').read().rstrip()
open(sys.argv[2], 'w', encoding='utf-8').write(
    '<!DOCTYPE html><meta charset="utf-8"><body style="margin:0;background:#111;color:#ddd">'
    '<pre style="font:14px/1.25 \'Noto Mono\',\'Liberation Mono\',\'DejaVu Sans Mono\',monospace;margin:8px">' + html.escape(text) + '</pre>')
PY
chrome --screenshot="docs/report-text-80.png" --window-size=720,1560 "file://$work/text.html"
ls -l docs/*.png
