#!/usr/bin/env zsh
# docs/_cchc in a real interactive zsh (on a pseudo-terminal, zsh/zpty):
# for each LINE, types it and a Tab in the folder DIR, and prints the words
# the completion offered on one line ("LINE => word word …"). compadd is
# wrapped to record what the completion functions add. Nothing waits for a
# time: each step waits for a marker the shell prints when it is done.
#   completion.zsh DOCS_DIR DIR LINE...
emulate -L zsh
zmodload zsh/zpty || exit 2
docs=$1 dir=$2
shift 2
hits=$(mktemp -d)
trap 'rm -rf $hits' EXIT
zpty cchc_test zsh -f -i || exit 2
# step TEXT MARKER: sends TEXT, then a command printing <MARKER>, and waits
# for that output (not the echo of the typed command: it shows the
# arithmetic, not its value).
step() {
  zpty -w cchc_test "$1; print '<'\$((${2}+0))'>'"
  zpty -r -m cchc_test _ "*<$2>*" || exit 2
}
step "PROMPT=; unsetopt autolist listambiguous listbeep; fpath=($docs \$fpath); autoload -Uz compinit; compinit -u -D; cd $dir" 1000
# After a completion, _main_complete calls the functions of comppostfuncs
# (then empties it): this one tells the test the Tab's completion is over.
step '_cchc_test_done() { print -rn -- "<done${HITS:t}>" >/dev/tty }' 1002
# (a call that only computes matches, -O -A -D, is passed through)
step 'compadd() { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi; local -a got; builtin compadd -A got "$@"; (($#got)) && print -rl -- $got >>$HITS; builtin compadd "$@" }' 1001
integer n=1
for line in "$@"; do
  step "HITS=$hits/$n; comppostfuncs=(_cchc_test_done)" $((2000 + n))
  # Nothing more is typed before the completion is over: zle would skip
  # what it has not done yet when input is waiting.
  zpty -w -n cchc_test "$line"$'\t'
  zpty -r -m cchc_test _ "*<done$n>*" || exit 2
  zpty -w -n cchc_test $'\C-u'
  step ":" $((3000 + n))
  print -r -- "$line => ${(j: :)${(fou)"$(<$hits/$n 2>/dev/null)"}}"
  ((n++))
done
zpty -d cchc_test
