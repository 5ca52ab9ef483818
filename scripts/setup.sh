#!/usr/bin/env bash
# Installs what cchc needs to build, from Debian's packages; with --test,
# also what the test suite needs (clang and its libFuzzer for the fuzz
# targets, and the programs the output tests open their files with).
# Does nothing when everything is already there; needs root otherwise.
#   scripts/setup.sh [--test]
set -euo pipefail

packages=(cmake g++ make libcli11-dev libfccp-dev libfmt-dev doctest-dev libutf8proc-dev libxlsxwriter-dev libzip-dev
  libexpat1-dev libfreexl-dev)
# The pictures the tests draw and read back: HTML in Chromium, xlsx read by
# openpyxl and drawn by LibreOffice (PDF, then pdftoppm), Markdown through
# pandoc, text in tmux; Liberation Serif stands in for Times New Roman, Noto
# Mono draws the text picture of scripts/pictures.sh. LibreOffice also writes
# the workbooks of tests/cli/workbooks.sh; openpyxl regenerates tests/data/workbook/.
# bash-completion and zsh run the completions, groff and man the man pages
# (tests/cli/completion.sh, generated_docs.sh, install.sh).
if [ "${1:-}" = "--test" ]; then
  packages+=(clang libclang-rt-14-dev clang-format chromium libreoffice-calc-nogui libreoffice-writer-nogui
    python3-openpyxl poppler-utils pandoc tmux unzip fonts-liberation fonts-noto-mono
    bash-completion zsh groff-base man-db bsdextrautils)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "setup: missing packages: ${missing[*]}" >&2
  echo "setup: run as root: apt-get install -y ${missing[*]}" >&2
  exit 2
fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
