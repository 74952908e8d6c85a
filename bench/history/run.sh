#!/usr/bin/env bash
# History rows after 30 simulated days of refreshes.
# Usage: bench/history/run.sh [entities] [hoursBetweenRefreshes]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/node-env.sh
node -r @backstage/cli/config/nodeTransform.cjs bench/history/run.ts "${1:-10000}" "${2:-12}"
