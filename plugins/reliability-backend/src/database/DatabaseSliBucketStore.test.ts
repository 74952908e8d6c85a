import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { storeDatabaseIds } from '../__testUtils__/storeDatabases';
import { DatabaseSliBucketStore } from './DatabaseSliBucketStore';

const day = (d: number, h = 0) => new Date(Date.UTC(2026, 10, d, h));
const bucket = (d: number, good: number, total: number) => ({
  start: day(d),
  end: day(d, 1),
  good,
  total,
});

describe('DatabaseSliBucketStore', () => {
  const databases = TestDatabases.create({ ids: storeDatabaseIds() });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    return DatabaseSliBucketStore.create({
      database: { getClient: async () => knex },
    });
  }

  it.each(databases.eachSupportedId())(
    'keeps counts beyond 2^31 exactly, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const big = 5_000_000_000;
      await store.putBuckets(
        'slo:default/a',
        [bucket(1, big - 7, big)],
        day(2),
      );
      const [row] = await store.listBuckets('slo:default/a', day(1), day(2));
      expect(row).toMatchObject({ good: big - 7, total: big });
      expect(row.start.toISOString()).toBe(day(1).toISOString());
    },
  );

  it.each(databases.eachSupportedId())(
    'lists only the asked SLO and range, oldest first, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.putBuckets(
        'slo:default/a',
        [bucket(3, 3, 3), bucket(1, 1, 1)],
        day(4),
      );
      await store.putBuckets('slo:default/b', [bucket(2, 2, 2)], day(4));
      const rows = await store.listBuckets('slo:default/a', day(1), day(3, 12));
      expect(rows.map(r => r.good)).toEqual([1, 3]);
      expect(
        await store.listBuckets('slo:default/a', day(2), day(2, 12)),
      ).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'prunes buckets that ended before the retention, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.putBuckets(
        'slo:default/a',
        [bucket(1, 1, 1), bucket(5, 5, 5)],
        day(6),
      );
      expect(await store.pruneBefore(day(3))).toBe(1);
      const rows = await store.listBuckets('slo:default/a', day(1), day(9));
      expect(rows.map(r => r.good)).toEqual([5]);
    },
  );
});
