#!/usr/bin/env bash
# `cmake --install BUILD --prefix DIR` puts the program, both man pages and
# both completions where man, bash-completion and zsh look for them, as
# they are in docs/, and the installed program runs.
#   install.sh BUILD_DIR REPO_ROOT
set -u
build=$1 root=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
status=0
fail() {
  echo "FAIL: $*" >&2
  status=1
}
cmake --install "$build" --prefix "$prefix" >/dev/null || fail "cmake --install"
same() { # INSTALLED SOURCE
  [ -f "$prefix/$1" ] || {
    fail "$1 not installed"
    return
  }
  cmp -s "$prefix/$1" "$root/$2" || fail "$1 differs from $2"
}
same share/man/man1/cchc.1 docs/cchc.1
same share/man/vi/man1/cchc.1 docs/cchc.vi.1
same share/bash-completion/completions/cchc docs/cchc.bash-completion
same share/zsh/site-functions/_cchc docs/_cchc
[ -x "$prefix/bin/cchc" ] || fail "bin/cchc not installed"
"$prefix/bin/cchc" --version | grep -q '^cchc ' || fail "the installed cchc does not run"
# man finds both pages under the prefix, by language (-L vi: as LANG=vi_VN does).
MANPATH="$prefix/share/man" LC_ALL=C.UTF-8 man -P cat cchc 2>/dev/null | grep -q '^EXAMPLES' ||
  fail "man cchc: no English page under $prefix/share/man"
MANPATH="$prefix/share/man" LC_ALL=C.UTF-8 man -L vi -P cat cchc 2>/dev/null | grep -q '^VÍ DỤ' ||
  fail "man -L vi cchc: no Vietnamese page under $prefix/share/man"
[ $status -eq 0 ] && echo "install: bin, man pages (en, vi) and completions (bash, zsh) in place"
exit $status
