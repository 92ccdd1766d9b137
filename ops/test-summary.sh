#!/usr/bin/env bash
# Adds up the per-project lines of `dotnet test` into the one closing line CI reads: "N passed, N failed".
# The line never disagrees with the exit code: a run that failed outside any test (a class fixture's cleanup, a
# crashed test host, a build error) counts each such failure, so a red run never closes on "0 failed".
set -euo pipefail
log=${1:?usage: test-summary.sh LOG [EXIT_STATUS]}
status=${2:-0}
passed=0; failed=0; skipped=0
while read -r f p s; do
  failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s))
done < <(sed -nE 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/p' "$log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  outside=$(grep -cE '\[FAIL\]|Test Class Cleanup Failure|Test Collection Cleanup Failure|Test Assembly Cleanup Failure|error [A-Z]+[0-9]+:|The active test run was aborted|Test host process crashed' "$log" || true)
  [ "$outside" -gt 0 ] || outside=1
  echo "test run failed outside the counted tests ($outside failure(s)); see the lines above" >&2
  failed=$outside
fi
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
