#!/usr/bin/env bash
# The whole test suite, in the order that fails fastest. Each step prints its
# own closing line; the script stops at the first failing step and ends with
# one line that adds up every test run: "vigil: N passed, M failed".
set -euo pipefail
cd "$(dirname "$0")/.."

results="e2e/results"
mkdir -p "$results"

step() { echo; echo "=== vigil test: $* ==="; }

step "type check (tsc)"
npx tsc --noEmit --incremental false
echo "tsc: no type errors"

step "lint (eslint, every package)"
npx backstage-cli repo lint

step "unit and integration tests (jest, every package; stores on SQLite and PostgreSQL, Prometheus source on a real Prometheus)"
source scripts/test-postgres.sh
source scripts/test-prometheus.sh
CI=true npx backstage-cli repo test --watchAll=false 2>&1 | tee "$results/jest.log"

step "end-to-end (real backend + frontend, headless Chromium)"
node e2e/run.mjs 2>&1 | tee "$results/e2e.log"

# Both runners passed (pipefail would have stopped us otherwise): add up.
jest_line="$(grep -E '^Tests: ' "$results/jest.log" | tail -1)"
e2e_line="$(grep -E '^e2e: [0-9]+ passed, [0-9]+ failed$' "$results/e2e.log" | tail -1)"
count() { echo "$1" | grep -oE "[0-9]+ $2" | grep -oE '[0-9]+' || echo 0; }
passed=$(( $(count "$jest_line" passed) + $(count "$e2e_line" passed) ))
failed=$(( $(count "$jest_line" failed) + $(count "$e2e_line" failed) ))
echo
echo "vigil: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
