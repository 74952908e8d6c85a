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
      const subject = { entityRef: 'component:default/a', kind: 'Component' };
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
  );

  it.each(databases.eachSupportedId())(
    'aggregates only the given entities, by tier, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const save = (name: string, score: number, gap: number) =>
        store.saveResult(
          {
            entityRef: `component:default/${name}`,
            kind: 'Component',
            ownerRef: 'group:default/t',
          },
          result(`component:default/${name}`, score, start, gap),
          86_400,
        );
      await save('a', 80, 0);
      await save('b', 60, 2);
      await save('c', 40, 3);
      await save('hidden', 90, 5);
      const groups = await store.aggregate('tier', [
        'component:default/a',
        'component:default/b',
        'component:default/c',
      ]);
      expect(groups).toEqual([
        {
          key: 'tier-2',
          entities: 1,
          averageScore: 40,
          atTarget: 0,
          gapItems: 3,
        },
        {
          key: 'tier-1',
          entities: 2,
          averageScore: 70,
          atTarget: 1,
          gapItems: 2,
        },
      ]);
    },
  );
});
