/*
 * bench/history/run.sh [entities] [hoursBetweenRefreshes] — how many
 * readiness history rows 30 simulated days of refreshes leave, on a
 * SQLite file, through the real store and the real evaluator's results.
 * Each simulated day about 2 % of entities change (a fix, a regression).
 * The bound: one row per entity per day, plus one per change.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  DEFAULT_POLICY,
  evaluateReadiness,
  ReadinessResult,
} from '@vigil/plugin-reliability-common';
import { DatabaseReadinessStore } from '../../plugins/reliability-backend/src/database/DatabaseReadinessStore';
import knexFactory from 'knex';
import {
  random,
  syntheticCatalog,
} from '../../packages/backend/src/synthetic/syntheticCatalog';

const count = Number(process.argv[2] ?? 10000);
const hoursBetween = Number(process.argv[3] ?? 12);
const DAYS = 30;
const HOUR = 3_600_000;
const start = Date.UTC(2026, 9, 28);

async function main() {
  const dir = path.resolve(__dirname, '../results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'history-bench.sqlite');
  rmSync(file, { force: true });
  const client = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
  });
  const database: DatabaseService = { getClient: async () => client };
  const store = await DatabaseReadinessStore.create({ database });

  const catalog = syntheticCatalog(count);
  const now = new Date(start);
  const results: ReadinessResult[] = catalog.components.map(entity =>
    evaluateReadiness({
      entity,
      related: {
        dependencies: [],
        dependents: [],
        slos:
          catalog.slosByService.get(
            `component:default/${entity.metadata.name}`,
          ) ?? [],
      },
      facts: {},
      policy: DEFAULT_POLICY,
      now,
    }),
  );
  const subject = (r: ReadinessResult) => ({
    entityRef: r.entityRef,
    kind: 'Component',
    coverage: { slo: false, runbook: false, onCall: false, drTested: false },
    errorCount: 0,
    violationCount: 0,
  });

  const next = random(11);
  let saves = 0;
  let changes = 0;
  const began = performance.now();
  for (let t = start; t < start + DAYS * 24 * HOUR; t += hoursBetween * HOUR) {
    const newDay = (t - start) % (24 * HOUR) === 0;
    for (const [i, result] of results.entries()) {
      if (newDay && next() < 0.02) {
        // A change: the score moves by a check passing or failing.
        results[i] = {
          ...result,
          score: Math.max(
            0,
            Math.min(100, result.score + (next() < 0.5 ? -7 : 7)),
          ),
        };
        changes++;
      }
      await store.saveResult(
        subject(results[i]),
        { ...results[i], evaluatedAt: new Date(t).toISOString() },
        86_400,
      );
      saves++;
    }
    process.stdout.write(
      `\rbench: simulated ${((t - start) / (24 * HOUR)).toFixed(1)} days`,
    );
  }
  const seconds = (performance.now() - began) / 1000;
  const [{ rows }] = await client('reliability_readiness_history').count({
    rows: '*',
  });
  const bound = count * DAYS + changes;
  console.log('');
  console.log(
    `bench: ${count} entities, a refresh every ${hoursBetween} h for ${DAYS} days: ${saves} results saved in ${seconds.toFixed(
      0,
    )} s (${(saves / seconds).toFixed(0)}/s)`,
  );
  console.log(
    `bench: history rows: ${rows} (bound: ${count} × ${DAYS} days + ${changes} changes = ${bound}; ${(
      Number(rows) / count
    ).toFixed(1)} per entity); retention 400 days caps it at ≈ ${
      count * 400
    } + changes`,
  );
  console.log(
    `bench: SQLite file ${(statSync(file).size / 1048576).toFixed(
      0,
    )} MB (latest results and history)`,
  );
  await client.destroy();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
