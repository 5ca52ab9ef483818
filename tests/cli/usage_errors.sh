#!/usr/bin/env bash
# Every kind of error CLI11 raises from cchc's command line is said in the
# output language, with the cchc: prefix, a hint where the help is, and
# exit status 2; none of CLI11's English words reach a Vietnamese clerk.
# CLI11 2.1's other classes cannot come from cchc's command line: it
# declares no needs/excludes between options (RequiresError, ExcludesError),
# looks no option up by name after parsing (OptionNotFound) and reads no
# configuration file (FileError, ConfigError).
#   usage_errors.sh CCHC_BINARY REPO_ROOT
set -u
bin=$1 root=$2
cd "$root" || exit 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
sheet=samples/phuong-1-2023.csv
english='not expected|is required|required .* missing|Could not convert|not in \{|Should be true|flag override|Run with --help|At Most'

# expect CLASS "ARGS" "VIETNAMESE PART" "ENGLISH PART"; the English run adds
# --lang=en (as one word: `en` alone before a command would be read as a FILE).
expect() {
  local class=$1 args=$2 vi=$3 en=$4 lang want hint
  for lang in vi en; do
    if [ $lang = vi ]; then want=$vi hint='(xem cchc'; else want=$en hint='(see cchc'; fi
    eval "set -- $args"
    # --lang=en after the command: at the end it could be taken as a value.
    if [ $lang = en ] && [ $# -gt 0 ] && [[ $1 != -* ]]; then set -- "$1" --lang=en "${@:2}"; elif [ $lang = en ]; then set -- --lang=en "$@"; fi
    "$bin" "$@" </dev/null >"$work/out" 2>"$work/err"
    local status=$? err
    err=$(cat "$work/err")
    if [ $status -ne 2 ] || [ -s "$work/out" ] || [[ "$err" != "cchc: "*"$want"*"$hint"*"--help)" ]] ||
      { [ $lang = vi ] && grep -Eq "$english" "$work/err"; } || [ "$(wc -l <"$work/err")" -ne 1 ]; then
      echo "FAIL: $class ($lang): cchc $* gave status $status, stderr: $err (wanted: $want … $hint … --help))" >&2
      failed=1
    fi
  done
}

expect ExtrasError "report $sheet --frobnicate" "--frobnicate: không có tùy chọn này" "--frobnicate: no such option"
expect ExtrasError "report $sheet --formt csv" "--formt: không có tùy chọn này; có phải ý bạn là --format?" \
  "--formt: no such option; did you mean --format?"
expect ExtrasError "check $sheet --stirct" "có phải ý bạn là --strict?" "did you mean --strict?"
expect ExtrasError "template extra.csv" "'extra.csv': lệnh template không nhận tệp hay đối số nào" \
  "'extra.csv': the template command takes no file or argument"
expect RequiredError "--strict=on" "thiếu <lệnh>: hãy dùng một trong report, check, compare, template, explain" \
  "no command: use one of report, check, compare, template, explain"
expect RequiredError "--verison" "--verison: không có tùy chọn này; có phải ý bạn là --version?" \
  "--verison: no such option; did you mean --version?"
expect ArgumentMismatch "report $sheet --format" "--format cần một giá trị (ĐỊNH_DẠNG) ngay sau nó" \
  "--format needs a value (FORMAT) right after it"
expect ArgumentMismatch "report $sheet --top 1 --top 2" "--top: chỉ nhận 1 giá trị, đã cho 2" "--top: takes 1 value(s), 2 were given"
expect ConversionError "check $sheet --strict=maybe" "--strict là cờ bật/tắt, không nhận giá trị" \
  "--strict is an on/off flag and takes no value"
expect ValidationError "template --lang=fr" "--lang: 'fr' không phải một trong vi, en" "--lang: 'fr' is not one of vi, en"

# A word one edit from a command is a misspelt command only when no such file
# exists: a sheet really named so is still read (`cchc FILE` is `cchc report FILE`).
mkdir "$work/here" && cp "$sheet" "$work/here/repor"
(cd "$work/here" && "$bin" repor --by sheet --format csv) >"$work/out" 2>"$work/err" ||
  { echo "FAIL: a file named repor was not reported: $(cat "$work/err")" >&2; failed=1; }
grep -q '^repor,repor,' "$work/out" || { echo "FAIL: the file repor: $(cat "$work/out")" >&2; failed=1; }
# Only the first word can be a misspelt command: a later one may be a value.
"$bin" --unit reports "$sheet" --by sheet --format csv >"$work/out" 2>"$work/err" ||
  { echo "FAIL: --unit reports FILE: $(cat "$work/err")" >&2; failed=1; }
grep -q ',reports,' "$work/out" || { echo "FAIL: --unit reports: $(cat "$work/out")" >&2; failed=1; }

[ $failed -eq 0 ] && echo "usage_errors: all passed"
exit $failed
