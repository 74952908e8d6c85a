import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { SliCountsResult, SliDataSource } from '@vigil/plugin-reliability-node';
import { StoredSloStatus } from '../database/SloStatusStore';
import { SloEvaluator } from './SloEvaluator';

const now = new Date('2026-11-27T12:00:00Z');
const slo = {
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name: 'orders-availability', namespace: 'default' },
  spec: {
    service: 'orders',
    indicator: {
      metadata: { name: 'ratio' },
      spec: {
        ratioMetric: {
          counter: true,
          good: {
            metricSource: {
              metricSourceRef: 'prom',
              spec: { query: 'g[{{window}}]' },
            },
          },
          total: {
            metricSource: {
              metricSourceRef: 'prom',
              spec: { query: 't[{{window}}]' },
            },
          },
        },
      },
    },
    timeWindow: [{ duration: '1d', isRolling: true }],
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.99 }],
  },
} as unknown as Entity;

const counts = [
  {
    start: '2026-11-27T11:00:00Z',
    end: '2026-11-27T12:00:00Z',
    good: 990,
    total: 1000,
  },
];

function evaluator(
  answer: () => Promise<SliCountsResult>,
  previous?: StoredSloStatus,
) {
  const source: SliDataSource = {
    id: 'prom',
    type: 'prometheus',
    readCounts: answer,
  };
  return new SloEvaluator({
    buckets: {
      listBuckets: jest.fn(),
      putBuckets: jest.fn(),
      pruneBefore: jest.fn(),
    },
    dataSources: id => (id === 'prom' ? source : undefined),
    findSli: async () => undefined,
    statuses: {
      getStatus: async () => previous,
      listStates: jest.fn(async () => []),
      getStatuses: jest.fn(),
      saveStatus: jest.fn(),
      saveStatuses: jest.fn(),
      getHistory: jest.fn(),
      prune: jest.fn(),
    },
    logger: mockServices.logger.mock(),
  });
}

describe('SloEvaluator with an external source', () => {
  it('evaluates the counts of a healthy answer', async () => {
    const status = await evaluator(async () => ({
      status: 'ok',
      counts,
    })).evaluate(slo, now);
    expect(status.source).toEqual({ status: 'ok' });
    expect(status.result).toMatchObject({ inputs: { good: 990, total: 1000 } });
  });

  it('keeps the last good status, marked stale, when the source fails', async () => {
    const good = await evaluator(async () => ({
      status: 'ok',
      counts,
    })).evaluate(slo, now);
    const stale = await evaluator(
      async () => ({ status: 'stale', reason: 'HTTP 500' }),
      good,
    ).evaluate(slo, new Date(now.getTime() + 60_000));
    expect(stale.source).toEqual({ status: 'stale', reason: 'HTTP 500' });
    expect(stale.result).toEqual(good.result);
    expect(stale.evaluatedAt).toEqual(good.evaluatedAt);
  });

  it("uses the source's own last good counts when nothing is stored yet", async () => {
    const status = await evaluator(async () => ({
      status: 'stale',
      reason: 'timeout',
      counts,
    })).evaluate(slo, now);
    expect(status.source).toEqual({ status: 'stale', reason: 'timeout' });
    expect(status.result).toMatchObject({ inputs: { total: 1000 } });
  });

  it('turns a thrown error into stale, never a crash', async () => {
    const status = await evaluator(async () => {
      throw new Error('connection refused');
    }).evaluate(slo, now);
    expect(status).toMatchObject({
      state: 'no-data',
      source: { status: 'stale', reason: 'Error: connection refused' },
    });
  });

  it('says no-data for a source answering no-data', async () => {
    const status = await evaluator(async () => ({
      status: 'no-data',
      reason: 'empty vector',
    })).evaluate(slo, now);
    expect(status.state).toBe('no-data');
    expect(status.source).toEqual({
      status: 'no-data',
      reason: 'empty vector',
    });
  });
});
