import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ReadinessResult } from '@vigil/plugin-reliability-common';
import { storeDatabaseIds } from '../__testUtils__/storeDatabases';
import { DatabaseReadinessStore } from './DatabaseReadinessStore';

const DAY = 86_400_000;
const start = Date.UTC(2026, 10, 1);

const result = (
  entityRef: string,
  score: number,
  at: number,
  gap = 0,
): ReadinessResult => ({
  entityRef,
  tier: score > 50 ? 'tier-1' : 'tier-2',
  score,
  level: 'silver',
  targetLevel: 'gold',
  gap: Array.from({ length: gap }, (_, i) => ({
    id: `c${i}`,
    title: `c${i}`,
    level: 'gold',
    weight: 1,
    counts: true,
    pending: false,
    state: 'fail' as const,
  })),
  checks: [],
  evaluatedAt: new Date(at).toISOString(),
});

const NOTHING_COVERED = {
  coverage: { slo: false, runbook: false, onCall: false, drTested: false },
  errorCount: 0,
  violationCount: 0,
};

/** One component with nothing covered. */
const SUBJECT_A = {
  entityRef: 'component:default/a',
  kind: 'Component',
  ...NOTHING_COVERED,
};

describe('DatabaseReadinessStore', () => {
  const databases = TestDatabases.create({ ids: storeDatabaseIds() });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    return DatabaseReadinessStore.create({
      database: { getClient: async () => knex },
    });
  }

  it.each(databases.eachSupportedId())(
    'keeps history bounded: 30 days of refreshes every 30 minutes give a point per change and per day, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const subject = SUBJECT_A;
      let refreshes = 0;
      for (let t = start; t < start + 30 * DAY; t += 30 * 60_000) {
        // The score changes twice in the month; otherwise nothing moves.
        const score =
          60 + 10 * Math.min(2, Math.floor((t - start) / (10 * DAY)));
        await store.saveResult(
          subject,
          result(subject.entityRef, score, t),
          86_400,
        );
        refreshes++;
      }
      const points = await store.getHistory(subject.entityRef, new Date(start));
      expect(refreshes).toBe(1440);
      // One a day (30) at most, plus the two changes.
      expect(points.length).toBeGreaterThanOrEqual(30);
      expect(points.length).toBeLessThanOrEqual(32);
      expect(points.map(p => p.score)).toContain(70);
      expect(await store.prune(new Date(start + 15 * DAY))).toBeGreaterThan(10);
    },
    // 1,440 transactions: PostgreSQL needs more than the default 5 s.
    60_000,
  );

  it.each(databases.eachSupportedId())(
    'lists the overview columns of every result, with its coverage and findings, and versions them, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const before = await store.version();
      await store.saveResult(
        {
          entityRef: 'component:default/a',
          kind: 'Component',
          ownerRef: 'group:default/t',
          systemRef: 'system:default/s',
          coverage: {
            slo: true,
            runbook: false,
            onCall: true,
            drTested: false,
          },
          errorCount: 1,
          violationCount: 2,
        },
        result('component:default/a', 80, start, 0),
        86_400,
      );
      await store.saveResult(
        {
          entityRef: 'component:default/b',
          kind: 'Component',
          ...NOTHING_COVERED,
        },
        result('component:default/b', 40, start + 1000, 3),
        86_400,
      );
      expect(await store.version()).not.toBe(before);
      const rows = await store.listOverviewRows();
      const a = rows.find(r => r.entityRef === 'component:default/a');
      expect(a).toMatchObject({
        ownerRef: 'group:default/t',
        systemRef: 'system:default/s',
        tier: 'tier-1',
        score: 80,
        gapCount: 0,
        coverage: { slo: true, runbook: false, onCall: true, drTested: false },
        errorCount: 1,
        violationCount: 2,
      });
      expect(a?.evaluatedAt.getTime()).toBe(start);
      expect(
        rows.find(r => r.entityRef === 'component:default/b'),
      ).toMatchObject({
        score: 40,
        gapCount: 3,
        coverage: NOTHING_COVERED.coverage,
      });
      const history = await store.historySince(new Date(start));
      expect(history.map(p => p.entityRef).sort()).toEqual([
        'component:default/a',
        'component:default/b',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'saves a batch of 1,200 results in chunks, writing history only for new or changed entities, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const subject = (i: number) => ({
        entityRef: `component:default/s${i}`,
        kind: 'Component',
        ...NOTHING_COVERED,
      });
      const batch = (at: number, changed: (i: number) => boolean) =>
        Array.from({ length: 1200 }, (_, i) => ({
          subject: subject(i),
          result: result(subject(i).entityRef, changed(i) ? 30 : 60, at),
        }));
      await store.saveResults(
        batch(start, () => false),
        86_400,
      );
      // An hour later, every 100th entity changed: only those get a point.
      await store.saveResults(
        batch(start + 3_600_000, i => i % 100 === 0),
        86_400,
      );
      const history = await store.historySince(new Date(start));
      expect(history).toHaveLength(1200 + 12);
      const rows = await store.listOverviewRows();
      expect(rows).toHaveLength(1200);
      expect(rows.filter(r => r.score === 30)).toHaveLength(12);
      expect(
        rows.every(r => r.evaluatedAt.getTime() === start + 3_600_000),
      ).toBe(true);
      // An unchanged result keeps its document but tells the newer time.
      const unchanged = await store.getResult('component:default/s1');
      expect(unchanged?.score).toBe(60);
      expect(unchanged?.evaluatedAt).toBe(
        new Date(start + 3_600_000).toISOString(),
      );
      expect((await store.getResult('component:default/s100'))?.score).toBe(30);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists every overview row, in entity order, past one read of rows, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      // 2,345 entities: three reads of rows; saved in a shuffled order.
      const refs = Array.from(
        { length: 2345 },
        (_, i) => `component:default/s${String(i).padStart(4, '0')}`,
      );
      const shuffled = refs.map((_, i) => refs[(i * 11) % refs.length]);
      await store.saveResults(
        shuffled.map(ref => ({
          subject: { entityRef: ref, kind: 'Component', ...NOTHING_COVERED },
          result: result(ref, 60, start),
        })),
        86_400,
      );
      const rows = await store.listOverviewRows();
      expect(rows.map(r => r.entityRef)).toEqual(refs);
      expect(rows[2344]).toMatchObject({ score: 60, tier: 'tier-1' });
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps a result evaluated later than the one being saved (a refresh page saved after an on-demand refresh), on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const subject = SUBJECT_A;
      const ref = subject.entityRef;
      // The on-demand refresh (score 90) lands first; the page, evaluated
      // a minute earlier (score 40, then unchanged at 90), after it.
      await store.saveResult(subject, result(ref, 90, start + 60_000), 86_400);
      await store.saveResult(subject, result(ref, 40, start), 86_400);
      expect(await store.getResult(ref)).toMatchObject({
        score: 90,
        evaluatedAt: new Date(start + 60_000).toISOString(),
      });
      await store.saveResult(subject, result(ref, 90, start + 30_000), 86_400);
      expect((await store.getResult(ref))!.evaluatedAt).toBe(
        new Date(start + 60_000).toISOString(),
      );
      // A later evaluation replaces it, changed or not.
      await store.saveResult(subject, result(ref, 50, start + 120_000), 86_400);
      expect(await store.getResult(ref)).toMatchObject({ score: 50 });
      expect((await store.listOverviewRows())[0]).toMatchObject({ score: 50 });
      await store.saveResult(subject, result(ref, 50, start + 180_000), 86_400);
      expect((await store.getResult(ref))!.evaluatedAt).toBe(
        new Date(start + 180_000).toISOString(),
      );
      // In a page of several rows (one multi-row insert), only the row
      // stored later is kept.
      const other = { ...SUBJECT_A, entityRef: 'component:default/b' };
      await store.saveResults(
        [
          { subject, result: result(ref, 20, start + 150_000) },
          { subject: other, result: result(other.entityRef, 70, start) },
        ],
        86_400,
      );
      expect(await store.getResult(ref)).toMatchObject({ score: 50 });
      expect(await store.getResult(other.entityRef)).toMatchObject({
        score: 70,
      });
    },
  );
});
