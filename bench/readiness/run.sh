#!/usr/bin/env bash
# Readiness benchmark: Vigil's evaluator against json-rules-engine (the
# engine behind Tech Insights' fact checker) on the same 10,000 entities.
# Usage: bench/readiness/run.sh [entities]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/node-env.sh
node -r @backstage/cli/config/nodeTransform.cjs bench/readiness/run.ts "${1:-10000}"
