#!/usr/bin/env bash
# The man pages and the shell completions are what the binary generates
# from its option definitions; regenerate them with
#   build/cchc --generate man --lang en > docs/cchc.1
#   build/cchc --generate man --lang vi > docs/cchc.vi.1
#   build/cchc --generate bash > docs/cchc.bash-completion
#   build/cchc --generate zsh > docs/_cchc          (its descriptions in Vietnamese)
# Each man page also renders through groff without a warning, and shows
# no backslash.
#   generated_docs.sh CCHC_BINARY REPO_ROOT
set -u
bin=$1 root=$2
status=0
diff -u "$root/docs/cchc.1" <("$bin" --generate man --lang en) || status=1
diff -u "$root/docs/cchc.vi.1" <("$bin" --generate man --lang vi) || status=1
diff -u "$root/docs/cchc.bash-completion" <("$bin" --generate bash) || status=1
diff -u "$root/docs/_cchc" <("$bin" --generate zsh) || status=1
bash -n "$root/docs/cchc.bash-completion" || status=1
zsh -n "$root/docs/_cchc" || status=1
[ $status -eq 0 ] || echo "FAIL: regenerate the man pages and completions in docs/ (see the top of this script)" >&2

# page SECTION...: renders without warnings and shows every SECTION heading.
render() {
  local page=$1
  shift
  local text
  text=$(LC_ALL=C.UTF-8 groff -k -man -Tutf8 -ww "$page" 2>"$page.warnings.$$" | col -b) || status=1
  if [ -s "$page.warnings.$$" ]; then
    echo "FAIL: groff warns on $page:" >&2
    cat "$page.warnings.$$" >&2
    status=1
  fi
  rm -f "$page.warnings.$$"
  # a backslash on the page is an escape written twice
  if grep -n '\\' <<<"$text" >&2; then
    echo "FAIL: $page shows a backslash (escaped twice?)" >&2
    status=1
  fi
  for section in "$@"; do
    grep -q "^$section\$" <<<"$text" || {
      echo "FAIL: $page has no section $section" >&2
      status=1
    }
  done
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$root/docs/cchc.1" "$root/docs/cchc.vi.1" "$tmp/"
render "$tmp/cchc.1" NAME SYNOPSIS COMMANDS "SHARED OPTIONS" INPUT EXAMPLES "EXIT STATUS"
render "$tmp/cchc.vi.1" "TÊN" "CÚ PHÁP" "LỆNH" "TÙY CHỌN CHUNG" "ĐẦU VÀO" "VÍ DỤ" "MÃ THOÁT"
[ $status -eq 0 ] && echo "generated_docs: current, and both man pages render"
exit $status
