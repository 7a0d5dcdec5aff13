#!/usr/bin/env bash
# README command 2: install what the tests need, build, run every test project, and end with the line
# CI reads:  Total: N passed, N failed, N skipped
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter "Category!=Integration").
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_test_prerequisites

RESULTS="TestResults/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RESULTS"

if ! dotnet build Monitoring.sln -c Release -nologo -v q -clp:ErrorsOnly; then
  echo "Build failed: no tests ran."
  exit 1
fi

# A test that hangs for 5 minutes is killed with a dump instead of eating the CI budget.
status=0
dotnet test Monitoring.sln -c Release --no-build -nologo \
  --logger "console;verbosity=normal" --logger trx --results-directory "$RESULTS" \
  --blame-hang-timeout 5m "$@" || status=$?

echo
[ $status -ne 0 ] && echo "dotnet test exited with $status (a failed test, or a test host that crashed or hung: see above)."
echo "Results per test assembly ($RESULTS):"
summary=0
/usr/bin/python3 scripts/test_summary.py "$RESULTS" || summary=$?
[ $status -ne 0 ] && exit $status
exit $summary
