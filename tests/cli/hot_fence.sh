#!/usr/bin/env bash
# Memory a thread keeps from sheet to sheet (thread_local) is a speed device
# of the hot path: it may live only in files whose first line starts
# "// HOT:", which bench/ guards. Fails naming any other file that holds it.
#   hot_fence.sh CCHC_BINARY REPO_ROOT   (the binary is not used)
set -u
root=$2
status=0
while IFS= read -r file; do
  if ! head -n 1 "$file" | grep -q '^// HOT:'; then
    echo "FAIL: $file keeps thread_local memory but its first line does not start \"// HOT:\"" >&2
    status=1
  fi
done < <(grep -rl --include='*.cpp' --include='*.hpp' 'thread_local' "$root/src" "$root/include")
[ $status -eq 0 ] && echo "hot_fence: every thread_local is in a HOT file"
exit $status
