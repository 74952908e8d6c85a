import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DatabaseSliBucketStore } from '../database/DatabaseSliBucketStore';
import { DatabaseSloStatusStore } from '../database/DatabaseSloStatusStore';
import { SloStatusStore } from '../database/SloStatusStore';
import { SloEvaluator } from './SloEvaluator';
import { SloService } from './SloService';
import { sloEntity as slo } from '../__testUtils__/sloEntity';

const now = new Date('2026-11-27T12:00:00Z');

describe('SloService.refreshAll', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  /** 450 SLOs: three catalog pages of 200. */
  const entities = Array.from({ length: 450 }, (_, i) => slo(`s${i}`));

  async function setUp(wrapStore?: (store: SloStatusStore) => SloStatusStore) {
    const knex = await databases.init('SQLITE_3');
    const database = { getClient: async () => knex };
    const stored = await DatabaseSloStatusStore.create({ database });
    const statuses = wrapStore ? wrapStore(stored) : stored;
    const buckets = await DatabaseSliBucketStore.create({ database });
    await buckets.putBuckets(
      'slo:default/s7',
      [
        {
          start: new Date('2026-11-27T11:00:00Z'),
          end: new Date('2026-11-27T12:00:00Z'),
          good: 990,
          total: 1000,
        },
      ],
      now,
    );
    const logger = mockServices.logger.mock();
    const evaluator = new SloEvaluator({
      buckets,
      dataSources: () => undefined,
      findSli: async () => undefined,
      statuses,
      logger,
    });
    const service = new SloService({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      evaluator,
      statuses,
      logger,
      gate: { blockOn: ['exhausted'], overrides: [] },
      historyEverySeconds: 3600,
      clock: () => now,
    });
    return { service, stored, logger };
  }

  /**
   * The store, except that saving a page at once fails: the refresh then
   * saves the page row by row, through `saveStatus`.
   */
  function pageSavesFailing(
    store: SloStatusStore,
    saveStatus: SloStatusStore['saveStatus'],
  ): SloStatusStore {
    return {
      getStatus: ref => store.getStatus(ref),
      getStatuses: refs => store.getStatuses(refs),
      listStates: () => store.listStates(),
      getHistory: (ref, since) => store.getHistory(ref, since),
      prune: before => store.prune(before),
      saveStatuses: async () => {
        throw new Error('the page is too much');
      },
      saveStatus,
    };
  }

  it('evaluates and saves every SLO of every catalog page, with a history point each', async () => {
    const { service, stored } = await setUp();
    expect(await service.refreshAll()).toEqual({ evaluated: 450, failed: 0 });
    expect(await stored.listStates()).toHaveLength(450);
    const s7 = await stored.getStatus('slo:default/s7');
    expect(s7).toMatchObject({ state: 'exhausted', source: { status: 'ok' } });
    expect(await stored.getHistory('slo:default/s449', now)).toEqual([
      { at: now, state: 'no-data', remaining: undefined, sli: undefined },
    ]);
    // Again, within the hour and unchanged: no second point.
    await service.refreshAll();
    expect(await stored.getHistory('slo:default/s7', now)).toHaveLength(1);
  });

  it('saves the rest of a page one by one when the page cannot be saved at once', async () => {
    const { service, stored, logger } = await setUp(store =>
      pageSavesFailing(store, async (status, point, every) => {
        if (status.sloRef === 'slo:default/s3') {
          throw new Error('this one row is bad');
        }
        await store.saveStatus(status, point, every);
      }),
    );
    expect(await service.refreshAll()).toEqual({ evaluated: 449, failed: 1 });
    expect(await stored.listStates()).toHaveLength(449);
    expect(await stored.getStatus('slo:default/s3')).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      'Error budget of slo:default/s3 could not be evaluated: Error: this one row is bad',
    );
  });

  /** Counts the event loop's turns from now until `stop`. */
  function countTurns() {
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    return {
      current: () => turns,
      stop: () => {
        ticking = false;
      },
    };
  }

  /** The most calls made within one turn, given the turn of each call. */
  function mostPerTurn(turnOfEach: number[]): number {
    const perTurn = new Map<number, number>();
    for (const turn of turnOfEach) {
      perTurn.set(turn, (perTurn.get(turn) ?? 0) + 1);
    }
    return Math.max(...perTurn.values());
  }

  it('lets the event loop turn at least every 25 SLOs, so requests are answered during a refresh', async () => {
    const { service } = await setUp();
    const turns = countTurns();
    const evaluate = SloEvaluator.prototype.evaluate;
    const turnOfEach: number[] = [];
    const spy = jest
      .spyOn(SloEvaluator.prototype, 'evaluate')
      .mockImplementation(function evaluateInTurn(this: SloEvaluator, ...args) {
        turnOfEach.push(turns.current());
        return evaluate.apply(this, args);
      });
    try {
      await service.refreshAll();
    } finally {
      turns.stop();
      spy.mockRestore();
    }
    expect(turnOfEach).toHaveLength(450);
    expect(mostPerTurn(turnOfEach)).toBeLessThanOrEqual(25);
  });

  it('lets the event loop turn at least every 25 rows when a page is saved one by one', async () => {
    const turnOfEach: number[] = [];
    const turns = countTurns();
    const { service } = await setUp(store =>
      pageSavesFailing(store, async (status, point, every) => {
        turnOfEach.push(turns.current());
        await store.saveStatus(status, point, every);
      }),
    );
    try {
      expect(await service.refreshAll()).toEqual({
        evaluated: 450,
        failed: 0,
      });
    } finally {
      turns.stop();
    }
    expect(turnOfEach).toHaveLength(450);
    expect(mostPerTurn(turnOfEach)).toBeLessThanOrEqual(25);
  });
});
