#!/usr/bin/env bash
# The backend at scale: refresh wall time and RSS, overview p95 under 20
# concurrent clients. Usage: bench/scale/run.sh [components]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/node-env.sh
node bench/scale/run.mjs "${1:-10000}"
