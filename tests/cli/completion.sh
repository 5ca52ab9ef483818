#!/usr/bin/env bash
# The bash completion as bash-completion runs it: COMP_WORDS and COMP_CWORD
# set as bash sets them for a line, then _cchc, then COMPREPLY checked —
# commands, options, --version, the values of --format, --lang, --by,
# --delimiter and --encoding (each one cchc accepts), and the sheets of a
# folder. Then the zsh completion: its syntax, and what an interactive zsh
# offers with it for some lines (tests/cli/completion.zsh).
#   completion.sh CCHC_BINARY REPO_ROOT
set -u
bin=$1 root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() {
  echo "FAIL: $*" >&2
  status=1
}

# shellcheck disable=SC1091
source /usr/share/bash-completion/bash_completion || {
  echo "FAIL: bash-completion is not installed (scripts/setup.sh --test)" >&2
  exit 1
}
# shellcheck disable=SC1091
source "$root/docs/cchc.bash-completion"

# complete WORD... : COMPREPLY for the line of these words with the cursor
# at its end (pass "" for an empty last word), as bash would call _cchc. As
# in bash, "--format=j" is the three words "--format" "=" "j", and the line
# has no spaces around the "=".
complete_words() {
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE=$1
  local i
  for ((i = 1; i < $#; i++)); do
    if [ "${COMP_WORDS[i]}" = "=" ] || [ "${COMP_WORDS[i - 1]}" = "=" ]; then
      COMP_LINE+=${COMP_WORDS[i]}
    else
      COMP_LINE+=" ${COMP_WORDS[i]}"
    fi
  done
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _cchc cchc "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  printf '%s\n' "${COMPREPLY[@]}" | sort
}

# offers WORDS... -- EXPECTED... : every EXPECTED is among the completions.
offers() {
  local words=() got
  while [ "$1" != "--" ]; do
    words+=("$1")
    shift
  done
  shift
  got=$(complete_words "${words[@]}")
  for want in "$@"; do
    grep -qxF -- "$want" <<<"$got" || fail "'${words[*]}': '$want' not offered (got: $(tr '\n' ' ' <<<"$got"))"
  done
}

# lacks WORDS... -- UNWANTED... : no UNWANTED is among the completions.
lacks() {
  local words=() got
  while [ "$1" != "--" ]; do
    words+=("$1")
    shift
  done
  shift
  got=$(complete_words "${words[@]}")
  for unwanted in "$@"; do
    grep -qxF -- "$unwanted" <<<"$got" && fail "'${words[*]}': '$unwanted' offered"
  done
}

cd "$work" || exit 2
mkdir folder
touch a.csv b.xlsx c.ODS notes.doc

offers cchc "" -- report check compare template explain a.csv b.xlsx c.ODS folder
lacks cchc "" -- notes.doc
offers cchc - -- --version --help --format --out-of
offers cchc check - -- --verbose --strict --format
lacks cchc check - -- --top --periods
offers cchc report - -- --by --top
offers cchc compare --p -- --periods
offers cchc template - -- --criteria --output
lacks cchc template - -- --format --strict
offers cchc report --format "" -- text md csv csv-vn tsv json html xlsx
offers cchc report --format = j -- json
offers cchc check --lang "" -- vi en
offers cchc report --by "" -- sheet domain owner criterion owner-tasks
offers cchc report --by sheet,d -- sheet,domain
offers cchc report --delimiter "" -- comma semicolon tab pipe
offers cchc report --encoding W -- WINDOWS-1258
offers cchc report --out-of 100 "" -- a.csv b.xlsx folder
lacks cchc report --out-of 100 "" -- notes.doc report
offers cchc a.csv "" -- b.xlsx
lacks cchc template "" -- a.csv
offers cchc report -o "" -- notes.doc
lacks cchc report --out-of "" -- a.csv
lacks cchc report --width "" -- a.csv
lacks cchc report --sheet "" -- a.csv

# Every value offered is one cchc takes.
cd "$root" || exit 2
sheet=samples/phuong-1-2023.csv
value_ok() { # OPTION VALUE: cchc check accepts it (exit status 0 or 1, not a usage error)
  "$bin" check -q "$1" "$2" "$sheet"
  [ $? -le 1 ] || fail "cchc check $1 $2: not accepted"
}
cd "$work" || exit 2
for value in $(complete_words cchc check --encoding ""); do
  iconv -f "$value" -t UTF-8 </dev/null || fail "--encoding $value: iconv does not know it"
done
for option in --format --lang --delimiter; do
  for value in $(complete_words cchc check "$option" ""); do
    (cd "$root" && value_ok "$option" "$value")
  done
done
for value in $(complete_words cchc report --by ""); do
  (cd "$root" && "$bin" report -q --by "$value" "$sheet") || [ $? -le 1 ] || fail "--by $value: not accepted"
done

# zsh: the file parses, and an interactive zsh completes with it
# (completion.zsh types each line and a Tab on a pseudo-terminal).
if command -v zsh >/dev/null; then
  zsh -n "$root/docs/_cchc" || fail "docs/_cchc: zsh syntax"
  cd "$work" || exit 2
  got=$(zsh -f "$root/tests/cli/completion.zsh" "$root/docs" "$work" 'cchc ' 'cchc --v' 'cchc report --form' \
    'cchc report --format ' 'cchc report --by sheet,' 'cchc report --delimiter ' 'cchc check --ver' \
    'cchc a.csv --to' 'cchc template --' 'cchc report -o ')
  expected='cchc  => a.csv b.xlsx c.ODS check compare explain folder report template
cchc --v => --version
cchc report --form => --format
cchc report --format  => csv csv-vn html json md text tsv xlsx
cchc report --by sheet, => criterion domain owner owner-tasks
cchc report --delimiter  => comma pipe semicolon tab
cchc check --ver => --verbose --version
cchc a.csv --to => --top
cchc template -- => --bom --criteria --decimal-comma --encoding --help --lang --output --version
cchc report -o  => a.csv b.xlsx c.ODS folder notes.doc'
  [ "$got" = "$expected" ] || fail "zsh completion: $(diff <(echo "$expected") <(echo "$got"))"
else
  fail "zsh is not installed (scripts/setup.sh --test)"
fi

[ $status -eq 0 ] && echo "completion: bash and zsh complete commands, options, values and sheets"
exit $status
