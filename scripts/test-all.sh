#!/usr/bin/env bash
# The whole test suite, in the order that fails fastest. Each step prints its
# own closing line; the script stops at the first failing step.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { echo; echo "=== vigil test: $* ==="; }

step "type check (tsc)"
npx tsc --noEmit --incremental false
echo "tsc: no type errors"

step "lint (eslint, every package)"
npx backstage-cli repo lint

step "unit and integration tests (jest, every package)"
CI=true npx backstage-cli repo test --watchAll=false

step "end-to-end (real backend + frontend, headless Chromium)"
node e2e/run.mjs
