#!/usr/bin/env node
/*
 * bench/scale/run.sh [components] — the backend at scale, on SQLite:
 *   1. starts the real backend (catalog, permissions, the reliability
 *      suite) with N generated components (vigilDemo.syntheticEntities);
 *   2. waits until the catalog has processed them all;
 *   3. triggers the scheduled readiness refresh and prints its wall time
 *      and the backend's RSS growth (targets ≤ 60 s, ≤ 300 MB);
 *   4. runs 20 concurrent clients against the overview routes and the
 *      stored entity result route and prints p50/p95 (targets ≤ 200 ms,
 *      ≤ 30 ms), and the on-demand entity route the tab uses; first two
 *      baselines: a route that does nothing and one that only verifies the
 *      caller's token, the floor any route of this process stands on.
 * A benchmark, not a test. Port 7007 must be free.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const count = Number(process.argv[2] ?? 10000);
const BASE = 'http://localhost:7007';
const CLIENTS = 20;
const REQUESTS_PER_CLIENT = 25;
const resultsDir = path.join(root, 'bench/results');
mkdirSync(resultsDir, { recursive: true });
const configFile = path.join(resultsDir, 'scale.yaml');
writeFileSync(
  configFile,
  [
    'vigilDemo:',
    `  syntheticEntities: ${count}`,
    '  traffic: false',
    'reliability:',
    '  policy:',
    // Every generated entity admitted: the dev policy rejects faulty tier-0s.
    '    enforcement: { tiers: { tier-0: warn } }',
    '  readiness:',
    '    refreshMinutes: 600', // only the refresh this script triggers
    '',
  ].join('\n'),
);

const log = [];
const backend = spawn(
  process.execPath,
  [
    '-r',
    '@backstage/cli/config/nodeTransform.cjs',
    'src/index.ts',
    '--config',
    '../../app-config.yaml',
    '--config',
    configFile,
  ],
  {
    cwd: path.join(root, 'packages/backend'),
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
for (const stream of [backend.stdout, backend.stderr]) {
  stream.setEncoding('utf8');
  stream.on('data', chunk => log.push(...chunk.split('\n')));
}
// The backend's graceful shutdown can take long: a benchmark does not wait.
const stop = () => backend.exitCode === null && backend.kill('SIGKILL');
process.on('exit', stop);

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const rssMb = () => {
  const status = readFileSync(`/proc/${backend.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
};

async function until(what, timeoutMs, probe) {
  const start = Date.now();
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() - start > timeoutMs)
      throw new Error(`timed out waiting for ${what}`);
    if (backend.exitCode !== null)
      throw new Error(`backend exited: ${log.slice(-20).join('\n')}`);
    await sleep(1000);
  }
}

async function main() {
  const token = await until('guest sign-in', 240_000, async () => {
    const res = await fetch(`${BASE}/api/auth/guest/refresh`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    return res.ok ? (await res.json()).backstageIdentity.token : undefined;
  });
  const headers = { authorization: `Bearer ${token}` };
  const api = (p, init = {}) => fetch(`${BASE}${p}`, { headers, ...init });

  const ingestStart = Date.now();
  // Done when every component is in, or when the count stops moving.
  let last = -1;
  let lastChange = Date.now();
  const components = await until(
    'the catalog to process every component',
    900_000,
    async () => {
      const res = await api(
        '/api/catalog/entities/by-query?filter=kind=component&limit=1',
      );
      const { totalItems } = await res.json();
      if (totalItems !== last) {
        last = totalItems;
        lastChange = Date.now();
      }
      return totalItems >= count || Date.now() - lastChange > 60_000
        ? totalItems
        : undefined;
    },
  );
  // Stitching finishes after the entities appear; give it a moment to settle.
  await sleep(10_000);
  console.log(
    `bench: catalog holds ${components} components after ${(
      (Date.now() - ingestStart) /
      1000
    ).toFixed(0)} s of waiting`,
  );

  const rssBefore = rssMb();
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb());
  }, 250);
  const logFrom = log.length;
  const started = Date.now();
  const trigger = await api(
    '/api/reliability/.backstage/scheduler/v1/tasks/reliability-readiness-refresh/trigger',
    { method: 'POST' },
  );
  if (!trigger.ok) throw new Error(`trigger answered ${trigger.status}`);
  const line = await until('the refresh to finish', 900_000, async () =>
    log.slice(logFrom).find(l => /Readiness of \d+ entit/.test(l)),
  );
  const wall = (Date.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, rssMb());
  console.log(`bench: backend said: ${line.replace(/^.*?(Readiness)/, '$1')}`);
  console.log(
    `bench: full refresh of ${count} components: ${wall.toFixed(
      1,
    )} s wall (target ≤ 60 s); RSS ${rssBefore.toFixed(
      0,
    )} MB before, peak ${peak.toFixed(0)} MB, growth ${(
      peak - rssBefore
    ).toFixed(0)} MB (target ≤ 300 MB)`,
  );

  /** Runs `clients` clients, each sending `requests` requests in turn. */
  async function timed(pathFor, clients, requests) {
    const times = [];
    let failures = 0;
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let i = 0; i < requests; i++) {
          const t = performance.now();
          const res = await api(pathFor(client * requests + i));
          await res.arrayBuffer();
          times.push(performance.now() - t);
          if (!res.ok) failures++;
        }
      }),
    );
    const ms = p => `${percentile(times, p).toFixed(0)} ms`;
    return `p50 ${ms(50)}, p95 ${ms(95)}${
      failures ? `, ${failures} FAILED` : ''
    }`;
  }

  async function load(name, pathFor) {
    // One warm-up request (fills the per-caller caches), then the load.
    await (await api(pathFor(0))).arrayBuffer();
    const concurrent = await timed(pathFor, CLIENTS, REQUESTS_PER_CLIENT);
    // Offset so a single client does not repeat the requests just sent.
    const single = await timed(i => pathFor(i + 5000), 1, 100);
    console.log(
      `bench: ${name}: ${CLIENTS} concurrent clients × ${REQUESTS_PER_CLIENT}: ${concurrent}; one client × 100: ${single}`,
    );
  }
  const groupings = ['owner', 'system', 'domain', 'tier', 'level'];
  const entity = i => `component/default/service-${(i * 37) % count}`;
  const loads = [
    // Floors: what the same process answers with no work of ours behind it.
    [
      'baseline GET /api/reliability/health (unauthenticated, does nothing)',
      () => '/api/reliability/health',
    ],
    [
      'baseline GET /api/auth/v1/userinfo (the auth backend: verifies the token, answers its claims)',
      () => '/api/auth/v1/userinfo',
    ],
    [
      'GET /overview (aggregates, groupBy cycling owner/system/domain/tier/level)',
      i =>
        `/api/reliability/overview?groupBy=${groupings[i % groupings.length]}`,
    ],
    [
      'GET /overview/entities?tier=tier-0&sort=gap',
      () => '/api/reliability/overview/entities?tier=tier-0&sort=gap&limit=25',
    ],
    ['GET /overview/kpis', () => '/api/reliability/overview/kpis'],
    // A different query each request: nothing is answered from memory.
    [
      'GET /overview?groupBy=owner&search=<different each request> (uncached)',
      i => `/api/reliability/overview?groupBy=owner&search=service-${i}`,
    ],
    [
      'GET /overview/entities?search=<different each request>&sort=score (uncached)',
      i =>
        `/api/reliability/overview/entities?search=service-${i}&sort=score&limit=25`,
    ],
    [
      'GET /entities/:ref/readiness (stored entity result)',
      i => `/api/reliability/entities/${entity(i)}/readiness`,
    ],
    [
      'GET /entities/:ref (the tab: metadata and readiness evaluated on demand)',
      i => `/api/reliability/entities/${entity(i)}`,
    ],
  ];
  for (const [name, pathFor] of loads) await load(name, pathFor);
  console.log(`bench: backend RSS at the end ${rssMb().toFixed(0)} MB`);
}

main()
  .then(() => {
    stop();
    process.exit(0);
  })
  .catch(error => {
    console.error(`bench: ${error.message}`);
    stop();
    process.exit(1);
  });
