/*
 * Benchmark: 1,000 SLOs read from a real Prometheus by Vigil's Prometheus
 * data source and evaluated by the error-budget maths, as a refresh of the
 * backend would. Run through bench/prometheus/run.sh (it starts Prometheus
 * with 31 days of history for 100 services).
 *
 * Prints the wall time, the queries per SLO, the latency per SLO (p50, p95,
 * max) and the memory; exits 1 when a target is missed (≤ 60 s, ≤ 3
 * queries per SLO) or an SLO is not read.
 */
import {
  evaluateErrorBudget,
  BudgetSlo,
} from '@vigil/plugin-reliability-common';
import { PrometheusSliDataSource } from '@vigil/plugin-reliability-backend-module-prometheus';

const DAY = 86_400;
const url = process.env.VIGIL_TEST_PROMETHEUS_URL;
const end = Number(process.env.VIGIL_TEST_PROMETHEUS_END);
const sloCount = Number(process.env.VIGIL_BENCH_SLOS ?? 1000);
const services = Number(process.env.VIGIL_PROMETHEUS_BENCH_SERVICES ?? 100);
const parallel = Number(process.env.VIGIL_BENCH_PARALLEL ?? 8);
if (!url || !end) {
  throw new Error(
    'bench: run it through bench/prometheus/run.sh (VIGIL_TEST_PROMETHEUS_URL and VIGIL_TEST_PROMETHEUS_END are missing)',
  );
}

const spec = (s: Record<string, unknown>) => ({
  metricSource: { metricSourceRef: 'prometheus-main', spec: s },
});

/** A mix of modes: 5 in 10 good/total rates, 3 bad/total increases, 1 Sloth, 1 Pyrra. */
function indicatorOf(i: number): Record<string, unknown> {
  const service = `svc-${String(i % services).padStart(3, '0')}`;
  const requests = `vigil_bench_requests_total{service="${service}"}`;
  const errors = `vigil_bench_requests_total{service="${service}",code=~"5.."}`;
  const kind = i % 10;
  if (kind < 5) {
    const good = `vigil_bench_requests_total{service="${service}",code!~"5.."}`;
    return {
      ratioMetric: {
        counter: true,
        good: spec({ query: `sum(rate(${good}[{{window}}]))` }),
        total: spec({ query: `sum(rate(${requests}[{{window}}]))` }),
      },
    };
  }
  if (kind < 8) {
    return {
      ratioMetric: {
        counter: true,
        bad: spec({ query: `sum(increase(${errors}[{{window}}]))` }),
        total: spec({ query: `sum(increase(${requests}[{{window}}]))` }),
      },
    };
  }
  return {
    ratioMetric: {
      rawType: 'failure',
      raw:
        kind === 8
          ? spec({ mode: 'sloth', id: 'orders-availability' })
          : spec({ mode: 'pyrra', slo: 'orders-availability' }),
    },
  };
}

const slo = (i: number): BudgetSlo => ({
  target: [0.99, 0.995, 0.999][i % 3],
  budgetingMethod: 'Occurrences',
  timeWindow: {
    duration: { text: '30d', amount: 30, unit: 'd', seconds: 30 * DAY },
    isRolling: true,
  },
});

// Count every request the data source makes.
const requests = { query_range: 0, query: 0 };
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const path = String(input instanceof Request ? input.url : input);
  requests[path.endsWith('/query_range') ? 'query_range' : 'query']++;
  return realFetch(input, init);
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  const source = new PrometheusSliDataSource({
    id: 'prometheus-main',
    url: url!,
    headers: {},
    timeoutMs: 30_000,
    minStepSeconds: 300,
    maxPoints: 11_000,
    concurrency: 8,
  });
  // Now, between two 5-minute boundaries: each SLO needs the instant query.
  const nowSeconds = end - 137;
  const now = new Date(nowSeconds * 1000);
  const range = {
    start: new Date((nowSeconds - 30 * DAY) * 1000).toISOString(),
    end: now.toISOString(),
  };

  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const states: Record<string, number> = {};
  let buckets = 0;
  let readMs = 0;
  let mathsMs = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < sloCount; i = next++) {
      const t0 = performance.now();
      const answer = await source.readCounts({
        sloRef: `slo:bench/slo-${i}`,
        indicator: indicatorOf(i),
        ranges: [range],
      });
      const t1 = performance.now();
      const counts = answer.status === 'ok' ? answer.counts : [];
      const budget = evaluateErrorBudget({ slo: slo(i), buckets: counts, now });
      const t2 = performance.now();
      latencies.push(t2 - t0);
      readMs += t1 - t0;
      mathsMs += t2 - t1;
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      states[budget.state] = (states[budget.state] ?? 0) + 1;
      buckets += counts.length;
      if (answer.status !== 'ok' && (statuses[answer.status] ?? 0) <= 3) {
        process.stderr.write(
          `slo-${i}: ${JSON.stringify(answer).slice(0, 300)}\n`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  const wallSeconds = (performance.now() - started) / 1000;

  latencies.sort((a, b) => a - b);
  const queries = requests.query_range + requests.query;
  const perSlo = queries / sloCount;
  const memory = process.memoryUsage();
  const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
  const lines = [
    `SLOs: ${sloCount} (${parallel} evaluated at a time; data source concurrency 8), 30-day rolling windows over ${services} services + Sloth/Pyrra rules`,
    `wall time: ${wallSeconds.toFixed(1)} s (target ≤ 60 s)`,
    `queries: ${queries} (${requests.query_range} query_range + ${
      requests.query
    } instant) = ${perSlo.toFixed(2)} per SLO (target ≤ 3)`,
    `per SLO (read + budget maths): p50 ${percentile(latencies, 50).toFixed(
      0,
    )} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${latencies[
      latencies.length - 1
    ].toFixed(0)} ms`,
    `time per SLO, summed over all: read ${(readMs / sloCount).toFixed(
      0,
    )} ms, budget maths ${(mathsMs / sloCount).toFixed(0)} ms`,
    `buckets per SLO: ${(buckets / sloCount).toFixed(
      0,
    )} (5 m step: 8,640 whole + 1 partial; ≤ 11,000 points per query)`,
    `answers: ${JSON.stringify(statuses)}; budget states: ${JSON.stringify(
      states,
    )}`,
    `memory: RSS ${mb(memory.rss)} now, peak ${mb(
      process.resourceUsage().maxRSS * 1024,
    )}; heap used ${mb(
      memory.heapUsed,
    )} (with the last good answers of ${sloCount} SLOs held)`,
  ];
  process.stdout.write(`${lines.map(l => `bench: ${l}`).join('\n')}\n`);
  const ok =
    wallSeconds <= 60 && perSlo <= 3 && (statuses.ok ?? 0) === sloCount;
  process.stdout.write(`bench: ${ok ? 'targets met' : 'TARGETS MISSED'}\n`);
  process.exitCode = ok ? 0 : 1;
}

main().catch(error => {
  process.stderr.write(`bench: ${error?.stack ?? error}\n`);
  process.exitCode = 2;
});
