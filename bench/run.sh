#!/usr/bin/env bash
# The cchc benchmark, one command, from anywhere:
#   bash bench/run.sh [--quick] [--rounds N] [--only w1,w2,w3,w3small,w1d,...]
#                     [--tools 'cchc,cchc check,cchc json,cat,duckdb']
# Builds a Release cchc into build-release/, installs the peers that are
# missing (Debian: hyperfine miller sqlite3 time, python3 and nodejs/npm if
# missing; npm: @duckdb/node-api into bench/work/node, not the repository),
# generates the workloads into bench/work/ once, checks every peer's sums
# against cchc's, times everything interleaved and writes bench/results.md.
# Every workload comes clean and dirty (bench/README.md); cchc runs report
# (csv), check and report --format json on each.
# --quick: W2 1,000 files and W3 500,000 rows instead of 10,000 and 5,000,000.
# Other options are passed to bench/harness.py. Needs root to install.
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
work="${CCHC_BENCH_WORK:-$bench/work}"
quick=()
harness_args=()
for a in "$@"; do
  case "$a" in
    --quick) quick=(--quick) ;;
    *) harness_args+=("$a") ;;
  esac
done

say() { printf '\n== %s\n' "$*"; }

# 1. Peers and tools, from Debian when missing.
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v mlr >/dev/null || need+=(miller)
command -v sqlite3 >/dev/null || need+=(sqlite3)
[ -x /usr/bin/time ] || need+=(time)
command -v python3 >/dev/null || need+=(python3)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
command -v cmake >/dev/null || need+=(cmake)
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "run.sh: missing ${need[*]}; run as root or: apt-get install -y ${need[*]}" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; }
fi
bash "$root/scripts/setup.sh" # cchc's own build dependencies (nothing when present)

# 2. DuckDB from the npm registry, into the work folder.
mkdir -p "$work/node"
if [ ! -f "$work/node/node_modules/@duckdb/node-api/package.json" ]; then
  say "npm install @duckdb/node-api into $work/node"
  (cd "$work/node" && { [ -f package.json ] || echo '{"private": true}' > package.json; } &&
    npm install --no-audit --no-fund --loglevel=error @duckdb/node-api)
fi
export DUCKDB_NODE_DIR="$work/node"

# 3. A Release cchc. Others may be editing src/ while this runs: a failed
#    build (half-saved sources) is tried again a few times.
say "building cchc (Release) into $root/build-release"
cmake -S "$root" -B "$root/build-release" -DCMAKE_BUILD_TYPE=Release -DCCHC_BUILD_TESTS=OFF >/dev/null
for attempt in 1 2 3 4 5; do
  if cmake --build "$root/build-release" -j2 >"$work/build.log" 2>&1; then break; fi
  [ "$attempt" -eq 5 ] && { tail -30 "$work/build.log" >&2; echo "run.sh: the build failed" >&2; exit 1; }
  echo "build failed (attempt $attempt), trying again in 20 s" >&2
  sleep 20
done
cchc="$root/build-release/cchc"
"$cchc" --version

# 4. The workloads (skipped when present with the same parameters).
say "workloads"
python3 "$bench/generate.py" "${quick[@]}" "$work"

# 5. Verify, time, write bench/results.md.
say "verifying and timing"
python3 "$bench/harness.py" --cchc "$cchc" --work "$work" "${quick[@]}" "${harness_args[@]}"
