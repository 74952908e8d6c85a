#!/usr/bin/env bash
# Benchmark of the Prometheus SLI data source: 1,000 SLOs against a real
# Prometheus holding 31 days of history for 100 services (started, and
# stopped on exit, by scripts/test-prometheus.sh; ≈ 30 s to backfill).
#
#   bench/prometheus/run.sh            # VIGIL_BENCH_SLOS=1000 by default
#
# Prints wall time, queries per SLO, p95 per SLO and memory; exits 1 when a
# target (≤ 60 s, ≤ 3 queries per SLO) is missed.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/node-env.sh
export VIGIL_PROMETHEUS_BENCH_SERVICES="${VIGIL_PROMETHEUS_BENCH_SERVICES:-100}"
source scripts/test-prometheus.sh
# The TypeScript sources run through the Backstage CLI's Node transform,
# as packages/cli/bin/vigil does.
node -r @backstage/cli/config/nodeTransform.cjs bench/prometheus/run.ts
