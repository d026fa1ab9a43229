#!/usr/bin/env bash
# Issue 21: the whole suite, several times in a row, while another build runs beside it without pause.
#
# Usage: bash benchmarks/suite_beside_build.sh [RUNS]   (default 3), from a clone whose .venv is installed.
# A second copy of the project (a throwaway clone in a temporary folder, sharing this .venv) rebuilds the
# workbook with `histkit build --force` in a loop for as long as the suite runs. Prints each run's summary
# line and wall time, and the number of builds beside it; exits non-zero if any run failed.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
here=$PWD
beside=$(mktemp -d)
trap 'kill "$loop" 2>/dev/null; wait "$loop" 2>/dev/null; rm -rf "$beside"' EXIT
git clone -q "$here" "$beside/repo"
[ -e "$here/../shared" ] && ln -s "$(cd "$here/../shared" && pwd)" "$beside/shared"
(
  cd "$beside/repo"
  n=0
  while true; do
    HISTKIT_ROOT="$beside/repo" "$here/.venv/bin/histkit" build --force >/dev/null 2>&1 && n=$((n + 1))
    echo "$n" >"$beside/builds"
  done
) &
loop=$!
status=0
for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  .venv/bin/python -m pytest -q -p no:cacheprovider >"$beside/suite-$i.log" 2>&1
  rc=$?
  summary=$(tail -1 "$beside/suite-$i.log")
  [ "$rc" -eq 0 ] || grep -E "^(FAILED|ERROR)" "$beside/suite-$i.log"
  end=$(date +%s)
  echo "run $i: exit $rc in $((end - start)) s, $(cat "$beside/builds" 2>/dev/null || echo 0) builds beside so far: $summary"
  [ "$rc" -eq 0 ] || status=1
done
exit $status
