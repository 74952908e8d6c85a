import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { storeDatabaseIds } from '../__testUtils__/storeDatabases';
import { DatabaseSloStatusStore } from './DatabaseSloStatusStore';
import { StoredSloStatus } from './SloStatusStore';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 0, minute));
const status = (
  minute: number,
  state: StoredSloStatus['state'],
): StoredSloStatus => ({
  sloRef: 'slo:default/a',
  serviceRef: 'component:default/orders',
  state,
  source: { status: 'ok' },
  result: { state, errorBudget: { remaining: 0.5 } },
  evaluatedAt: at(minute),
});

describe('DatabaseSloStatusStore', () => {
  const databases = TestDatabases.create({ ids: storeDatabaseIds() });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    return DatabaseSloStatusStore.create({
      database: { getClient: async () => knex },
    });
  }

  it.each(databases.eachSupportedId())(
    'keeps one status and writes history on change or once per period, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const save = (minute: number, state: StoredSloStatus['state']) =>
        store.saveStatus(
          status(minute, state),
          { at: at(minute), state, remaining: 0.5 },
          3600,
        );
      await save(0, 'healthy');
      await save(1, 'healthy'); // same state, within the hour: no point
      await save(2, 'burning'); // changed: a point
      await save(70, 'burning'); // an hour later: a point
      const history = await store.getHistory('slo:default/a', at(0));
      expect(history.map(p => [p.at.toISOString(), p.state])).toEqual([
        [at(0).toISOString(), 'healthy'],
        [at(2).toISOString(), 'burning'],
        [at(70).toISOString(), 'burning'],
      ]);
      const latest = await store.getStatus('slo:default/a');
      expect(latest).toMatchObject({
        state: 'burning',
        serviceRef: 'component:default/orders',
      });
      expect(latest!.evaluatedAt.toISOString()).toBe(at(70).toISOString());
      expect(
        await store.getStatuses(['slo:default/a', 'slo:default/none']),
      ).toHaveLength(1);
      expect(await store.prune(at(60))).toBe(2);
      expect(await store.getHistory('slo:default/a', at(0))).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'saves many SLOs at once with the same history rule, the last of a ref winning, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const of = (
        ref: string,
        minute: number,
        state: StoredSloStatus['state'],
      ) => ({
        status: { ...status(minute, state), sloRef: ref },
        point: { at: at(minute), state, remaining: 0.5 },
      });
      await store.saveStatuses(
        [of('slo:default/a', 0, 'healthy'), of('slo:default/b', 0, 'healthy')],
        3600,
      );
      // 250 SLOs: more rows than one INSERT takes. a: same state within
      // the hour (no point); b: changed (a point); c–: new (a point each).
      const many = Array.from({ length: 248 }, (_, i) =>
        of(`slo:default/c${i}`, 1, 'at-risk'),
      );
      await store.saveStatuses(
        [
          of('slo:default/a', 1, 'healthy'),
          of('slo:default/b', 1, 'burning'),
          ...many,
          of('slo:default/b', 2, 'exhausted'),
        ],
        3600,
      );
      const points = async (ref: string) =>
        (await store.getHistory(ref, at(0))).map(p => [
          p.at.toISOString(),
          p.state,
        ]);
      expect(await points('slo:default/a')).toEqual([
        [at(0).toISOString(), 'healthy'],
      ]);
      expect(await points('slo:default/b')).toEqual([
        [at(0).toISOString(), 'healthy'],
        [at(2).toISOString(), 'exhausted'],
      ]);
      expect(await points('slo:default/c247')).toEqual([
        [at(1).toISOString(), 'at-risk'],
      ]);
      expect((await store.listStates()).length).toBe(250);
      expect(await store.getStatus('slo:default/b')).toMatchObject({
        state: 'exhausted',
      });
      expect(
        (await store.getStatus('slo:default/a'))!.evaluatedAt.toISOString(),
      ).toBe(at(1).toISOString());
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps a status evaluated later than the one being saved, yet saves one re-marked stale, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const save = (saved: StoredSloStatus) =>
        store.saveStatuses(
          [
            {
              status: saved,
              point: { at: saved.evaluatedAt, state: saved.state },
            },
          ],
          3600,
        );
      // An on-demand evaluation at minute 5 lands before a refresh page
      // evaluated at minute 3.
      await save(status(5, 'burning'));
      await save(status(3, 'healthy'));
      expect(await store.getStatus('slo:default/a')).toMatchObject({
        state: 'burning',
        source: { status: 'ok' },
      });
      // The last good status kept and marked stale has the same time.
      await save({
        ...status(5, 'burning'),
        source: { status: 'stale', reason: 'the source is down' },
      });
      expect(await store.getStatus('slo:default/a')).toMatchObject({
        state: 'burning',
        source: { status: 'stale', reason: 'the source is down' },
      });
      await save(status(6, 'healthy'));
      expect(await store.getStatus('slo:default/a')).toMatchObject({
        state: 'healthy',
        source: { status: 'ok' },
      });
    },
  );
});
