#!/usr/bin/env bash
# docs/cchc.1 and docs/cchc.bash-completion are what the binary generates
# from its option definitions; regenerate them with
#   build/cchc --generate man --lang en > docs/cchc.1
#   build/cchc --generate bash --lang en > docs/cchc.bash-completion
#   generated_docs.sh CCHC_BINARY REPO_ROOT
set -u
bin=$1 root=$2
status=0
diff -u "$root/docs/cchc.1" <("$bin" --generate man --lang en) || status=1
diff -u "$root/docs/cchc.bash-completion" <("$bin" --generate bash --lang en) || status=1
bash -n "$root/docs/cchc.bash-completion" || status=1
[ $status -eq 0 ] && echo "generated_docs: current" || echo "FAIL: regenerate docs/cchc.1 and docs/cchc.bash-completion (see the top of this script)" >&2
exit $status
