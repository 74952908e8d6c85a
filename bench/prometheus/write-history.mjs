#!/usr/bin/env node
/*
 * Writes synthetic Prometheus history as OpenMetrics text on stdout, for
 * `promtool tsdb create-blocks-from openmetrics`. Used by
 * scripts/test-prometheus.sh (integration tests) and the benchmark.
 *
 *   node write-history.mjs --end <unix seconds> [--days 31] [--bench-services 100]
 *
 * One sample a minute, 17 s after the minute (scrapes are not aligned on
 * bucket boundaries, so increase() extrapolates as it does in real life).
 * Deterministic: the same --end gives the same data.
 *
 * Series:
 * - vigil_http_requests_total{service="orders",code="200"|"500"}: a daily
 *   traffic wave with noise, 0.05 % errors, incidents (5 % for 2 h 20 days
 *   before the end, 1 % for 6 h 3 days before, 2 % in the last hour), and a
 *   counter reset (a restart) 10 days before the end;
 * - what Sloth and Pyrra would record from them: slo:sli_error:ratio_rate5m
 *   {sloth_id="orders-availability"}, vigil_http_requests:burnrate5m and
 *   pyrra_requests:rate5m / pyrra_errors:rate5m {slo="orders-availability"};
 * - slo:sli_error:ratio_rate5m{sloth_id="idle-availability"}: always NaN
 *   (no traffic: 0/0), and vigil_inf_ratio{service="weird"}: always +Inf;
 * - with --bench-services N: vigil_bench_requests_total{service="svc-000"…,
 *   code="200"|"500"} for N services.
 */
import { writeSync } from 'node:fs';

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .join(' ')
    .split('--')
    .filter(Boolean)
    .map(pair => pair.trim().split(/\s+/)),
);
const end = Number(args.end);
const days = Number(args.days ?? 31);
const benchServices = Number(args['bench-services'] ?? 0);
if (!Number.isInteger(end) || end <= 0 || !(days > 0)) {
  process.stderr.write(
    'usage: write-history.mjs --end <unix seconds> [--days 31] [--bench-services N]\n',
  );
  process.exit(2);
}

const MINUTE = 60;
const DAY = 86_400;
const OFFSET = 17;
const firstMinute = Math.ceil((end - days * DAY) / MINUTE);
const lastMinute = Math.floor((end - OFFSET) / MINUTE);
const times = [];
for (let m = firstMinute; m <= lastMinute; m++) times.push(m * MINUTE + OFFSET);

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Events per minute of one service: [total, errors] for each sample time. */
function traffic(seed, base, incidents) {
  const random = prng(seed);
  return times.map(t => {
    const wave = 1 + 0.5 * Math.sin((2 * Math.PI * (t % DAY)) / DAY);
    const total = Math.round(base * wave * (0.9 + 0.2 * random()));
    const incident = incidents.find(i => t > i.from && t <= i.to);
    const errorRate = incident ? incident.rate : 0.0005;
    const errors = Math.min(
      total,
      Math.round(total * errorRate * (0.5 + random())),
    );
    return [total, errors];
  });
}

let buffer = '';
const flush = () => {
  writeSync(1, buffer);
  buffer = '';
};
const write = line => {
  buffer += `${line}\n`;
  if (buffer.length > 1 << 20) flush();
};
const number = v =>
  Number.isNaN(v) ? 'NaN' : v === Infinity ? '+Inf' : String(v);

/** A counter per code; `resetAt`: the counters restart from 0 there. */
function writeCounters(name, labels, perMinute, resetAt) {
  for (const [code, index] of [
    ['200', 0],
    ['500', 1],
  ]) {
    let value = 0;
    times.forEach((t, i) => {
      if (resetAt !== undefined && t > resetAt && times[i - 1] <= resetAt) {
        value = 0;
      }
      const [total, errors] = perMinute[i];
      value += index === 0 ? total - errors : errors;
      write(`${name}{${labels},code="${code}"} ${value} ${t}`);
    });
  }
}

/** A recorded series from the events of the last 5 minutes. */
function writeRecorded(name, labels, perMinute, of) {
  let total = 0;
  let errors = 0;
  times.forEach((t, i) => {
    total += perMinute[i][0];
    errors += perMinute[i][1];
    if (i >= 5) {
      total -= perMinute[i - 5][0];
      errors -= perMinute[i - 5][1];
    }
    write(`${name}{${labels}} ${number(of(errors, total))} ${t}`);
  });
}

const orders = traffic(1, 600, [
  { from: end - 20 * DAY, to: end - 20 * DAY + 7200, rate: 0.05 },
  { from: end - 3 * DAY - 6 * 3600, to: end - 3 * DAY, rate: 0.01 },
  { from: end - 3600, to: end, rate: 0.02 },
]);

write('# TYPE vigil_http_requests counter');
writeCounters(
  'vigil_http_requests_total',
  'service="orders"',
  orders,
  end - 10 * DAY,
);
const ratio = (errors, total) => errors / total;
write('# TYPE slo:sli_error:ratio_rate5m gauge');
writeRecorded(
  'slo:sli_error:ratio_rate5m',
  'sloth_id="orders-availability",sloth_service="orders",sloth_slo="availability",sloth_window="5m"',
  orders,
  ratio,
);
writeRecorded(
  'slo:sli_error:ratio_rate5m',
  'sloth_id="idle-availability",sloth_service="idle",sloth_slo="availability",sloth_window="5m"',
  times.map(() => [0, 0]),
  ratio,
);
write('# TYPE vigil_http_requests:burnrate5m gauge');
writeRecorded(
  'vigil_http_requests:burnrate5m',
  'slo="orders-availability"',
  orders,
  ratio,
);
write('# TYPE pyrra_requests:rate5m gauge');
writeRecorded(
  'pyrra_requests:rate5m',
  'slo="orders-availability"',
  orders,
  (_e, t) => t / 300,
);
write('# TYPE pyrra_errors:rate5m gauge');
writeRecorded(
  'pyrra_errors:rate5m',
  'slo="orders-availability"',
  orders,
  e => e / 300,
);
write('# TYPE vigil_inf_ratio gauge');
writeRecorded('vigil_inf_ratio', 'service="weird"', orders, () => Infinity);

if (benchServices > 0) {
  write('# TYPE vigil_bench_requests counter');
  for (let s = 0; s < benchServices; s++) {
    const service = `svc-${String(s).padStart(3, '0')}`;
    const perMinute = traffic(1000 + s, 100 + (s % 10) * 50, [
      {
        from: end - (s % 28) * DAY - 3600,
        to: end - (s % 28) * DAY,
        rate: 0.03,
      },
    ]);
    writeCounters(
      'vigil_bench_requests_total',
      `service="${service}"`,
      perMinute,
    );
  }
}
write('# EOF');
flush();
