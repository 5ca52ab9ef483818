#!/usr/bin/env bash
# `cchc --help` and every command's --help begin with 2 to 4 examples, the same command lines
# in Vietnamese and in English, and each of them runs on the bundled
# samples/: exit status 0 or 1 (findings), never 2, and it prints or writes
# something.
#   help_examples.sh CCHC_BINARY REPO_ROOT
set -u
bin=$1 root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() {
  echo "FAIL: $*" >&2
  status=1
}

# help COMMAND [--lang en]: its --help ("main": cchc --help).
help() {
  local command=$1
  shift
  if [ "$command" = main ]; then "$bin" --help "$@"; else "$bin" "$command" --help "$@"; fi
}

# examples COMMAND HEADING [--lang en]: the example command lines of its help.
examples() {
  local command=$1 heading=$2
  shift 2
  help "$command" "$@" | awk -v h="$heading:" '
    $0 == h { inside = 1; next }
    inside && $0 == "" { exit }
    inside && /^  cchc / { sub(/^  /, ""); print }'
}

ln -s "$root/samples" "$work/samples"
cd "$work" || exit 2
for command in main report check compare template explain; do
  vi=$(examples "$command" "Ví dụ")
  en=$(examples "$command" Examples --lang en)
  n=$(grep -c . <<<"$vi")
  [ "$n" -ge 2 ] && [ "$n" -le 4 ] || fail "$command --help: $n examples, not 2 to 4"
  [ "$vi" = "$en" ] || fail "$command --help: the English examples are not the Vietnamese ones"
  first=$(help "$command" | sed -n 3p)
  [ "$first" = "Ví dụ:" ] || fail "$command --help: the examples do not follow the description (line 3: $first)"
  while IFS= read -r line; do
    rm -f ./*.csv ./*.xlsx
    # the line as a shell runs it (samples/wards/*-2023.csv is a glob)
    bash -c "${line/#cchc/\"\$0\"}" "$bin" >"$work/stdout" 2>"$work/stderr"
    code=$?
    [ $code -le 1 ] || fail "'$line': exit status $code: $(head -3 "$work/stderr")"
    written=$(find . -maxdepth 1 -type f \( -name '*.csv' -o -name '*.xlsx' \) -size +0 | wc -l)
    [ -s "$work/stdout" ] || [ "$written" -gt 0 ] || fail "'$line': printed and wrote nothing"
  done <<<"$vi"
done
[ $status -eq 0 ] && echo "help_examples: every command shows 2-4 examples and each runs on samples/"
exit $status
