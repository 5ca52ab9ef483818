#!/usr/bin/env bash
# --output: the file holds exactly what standard output would; an input is
# never overwritten; an unwritable place is exit status 2 with a message
# (also with --quiet) and leaves nothing behind; the previous output
# survives a failed run; a new file honours the umask, an old one keeps
# its mode.
#   output_file.sh CCHC_BINARY REPO_ROOT
set -u
bin=$1 root=$2
cd "$root" || exit 2
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
sheet=samples/phuong-1-2023.csv

"$bin" report "$sheet" --out-of 100 --format json >"$work/expected.json" || fail "stdout run"
"$bin" report "$sheet" --out-of 100 --format json -o "$work/out.json" >"$work/stdout" 2>"$work/stderr"
[ $? -eq 0 ] || fail "--output run exit status"
[ ! -s "$work/stdout" ] || fail "--output also wrote to stdout"
cmp -s "$work/expected.json" "$work/out.json" || fail "--output content differs from stdout"
[ "$(ls "$work" | grep -c cchc-)" -eq 0 ] || fail "temporary file left behind"

cp "$sheet" "$work/input.csv"
"$bin" report --lang en "$work/input.csv" -o "$work/input.csv" 2>"$work/stderr"
[ $? -eq 2 ] || fail "writing over an input must be exit status 2"
cmp -s "$sheet" "$work/input.csv" || fail "the input file was changed"
grep -q "is one of the input files" "$work/stderr" || fail "no message for output = input"

mkdir "$work/locked"
echo "previous" >"$work/locked/out.txt"
chmod a-w "$work/locked"
if [ "$(id -u)" -ne 0 ]; then
  "$bin" report --lang en "$sheet" -o "$work/locked/out.txt" 2>"$work/stderr"
  [ $? -eq 2 ] || fail "unwritable folder must be exit status 2"
  grep -q "cannot write" "$work/stderr" || fail "no message for an unwritable folder"
fi
"$bin" report --lang en "$sheet" -o "$work/no-such-folder/out.txt" 2>"$work/stderr"
[ $? -eq 2 ] || fail "missing folder must be exit status 2"
grep -q "cannot write '$work/no-such-folder/out.txt'" "$work/stderr" || fail "no message for a missing folder"

chmod u+w "$work/locked"
"$bin" report "$sheet" --format nope -o "$work/locked/out.txt" 2>/dev/null
[ "$(cat "$work/locked/out.txt")" = "previous" ] || fail "a failed run changed the previous output"
# A new file gets the umask's mode; a file written over keeps its own.
# Windows has no umask and no mode bits (CCHC_TEST_WINDOWS=1, cchc.exe under
# wine): there the files are written and compared, their modes not asked.
modes=1
[ "${CCHC_TEST_WINDOWS:-}" = 1 ] && modes=0
mode_is() { [ $modes -eq 0 ] || [ "$(stat -c %a "$1")" = "$2" ]; }
(umask 027 && "$bin" report "$sheet" -o "$work/new.txt") || fail "-o new file"
mode_is "$work/new.txt" 640 || fail "a new output is $(stat -c %a "$work/new.txt") under umask 027, not 640"
(umask 077 && "$bin" report "$sheet" -o "$work/new2.txt") || fail "-o new file"
mode_is "$work/new2.txt" 600 || fail "a new output is $(stat -c %a "$work/new2.txt") under umask 077, not 600"
echo old >"$work/kept.txt"
chmod 664 "$work/kept.txt"
(umask 077 && "$bin" report "$sheet" -o "$work/kept.txt") || fail "-o existing file"
mode_is "$work/kept.txt" 664 || fail "an output written over is $(stat -c %a "$work/kept.txt"), not its 664"
cmp -s "$work/new.txt" "$work/kept.txt" || fail "the file written over does not hold the output"

# --quiet never hides why the exit status is 2.
"$bin" report -q "$sheet" -o "$work/no-such-folder/out.txt" 2>"$work/stderr"
[ $? -eq 2 ] || fail "-q with an unwritable output must be exit status 2"
grep -q "không ghi được" "$work/stderr" || fail "-q hid why the output could not be written"
# -q -o FILE still writes FILE: quiet is about the terminal, not the file asked for.
"$bin" report -q "$sheet" --out-of 100 --format json -o "$work/quiet.json" >"$work/stdout" 2>&1 || fail "-q -o run"
cmp -s "$work/expected.json" "$work/quiet.json" || fail "-q -o did not write the output"
[ ! -s "$work/stdout" ] || fail "-q -o printed something"
"$bin" check -q tests/data/does-not-exist.csv 2>"$work/stderr"
[ $? -eq 2 ] || fail "-q with a missing file must be exit status 2"
grep -q "không mở được" "$work/stderr" || fail "-q hid that a file cannot be read"

"$bin" report "$sheet" -o /dev/full 2>"$work/stderr"
[ $? -eq 2 ] || fail "/dev/full must be exit status 2"
echo "output_file: all passed"
