/*
 * Against a real Prometheus (Debian's 2.42, started by
 * scripts/test-prometheus.sh) holding 31 days of backfilled history of
 * bench/prometheus/write-history.mjs: Vigil's figures equal what Prometheus
 * computes itself with PromQL over the same data, and faults turn into
 * stale or no-data answers that keep the last good counts.
 */
import { evaluateErrorBudget } from '@vigil/plugin-reliability-common';
import { SliCounts } from '@vigil/plugin-reliability-node';
import { startFaultyProxy } from './__testUtils__/faultyProxy';
import { startOwnPrometheus } from './__testUtils__/ownPrometheus';
import {
  prometheusUnderTest,
  promql,
} from './__testUtils__/prometheusUnderTest';
import { PrometheusSliDataSource } from './PrometheusSliDataSource';
import { DEFAULT_SETTINGS } from './settings';

const prometheus = prometheusUnderTest();
const describeWithPrometheus = prometheus ? describe : describe.skip;

const DAY = 86_400;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const ORDERS = 'vigil_http_requests_total{service="orders"}';
const ORDERS_GOOD = 'vigil_http_requests_total{service="orders",code!~"5.."}';
const ORDERS_BAD = 'vigil_http_requests_total{service="orders",code=~"5.."}';
const SLOTH = 'slo:sli_error:ratio_rate5m{sloth_id="orders-availability"}';
const PYRRA_BURNRATE =
  'vigil_http_requests:burnrate5m{slo="orders-availability"}';

const spec = (s: Record<string, unknown>) => ({
  metricSource: { metricSourceRef: 'prom', spec: s },
});
const indicators = {
  goodTotalRate: {
    ratioMetric: {
      counter: true,
      good: spec({ query: `sum(rate(${ORDERS_GOOD}[{{window}}]))` }),
      total: spec({ query: `sum(rate(${ORDERS}[{{window}}]))` }),
    },
  },
  badTotalIncrease: {
    ratioMetric: {
      counter: true,
      bad: spec({ query: `sum(increase(${ORDERS_BAD}[{{window}}]))` }),
      total: spec({ query: `sum(increase(${ORDERS}[{{window}}]))` }),
    },
  },
  sloth: {
    ratioMetric: {
      rawType: 'failure',
      raw: spec({ mode: 'sloth', id: 'orders-availability' }),
    },
  },
  pyrraGeneric: {
    ratioMetric: {
      rawType: 'failure',
      raw: spec({ mode: 'pyrra', slo: 'orders-availability' }),
    },
  },
  pyrraBurnrate: {
    ratioMetric: {
      rawType: 'failure',
      raw: spec({
        mode: 'pyrra',
        slo: 'orders-availability',
        metric: 'vigil_http_requests_total',
      }),
    },
  },
};

function dataSource(url: string, timeoutMs = 5000) {
  return new PrometheusSliDataSource({
    ...DEFAULT_SETTINGS,
    id: 'prom',
    url,
    headers: {},
    timeoutMs,
  });
}

const sum = (counts: SliCounts[]) =>
  counts.reduce(
    (acc, c) => ({ good: acc.good + c.good, total: acc.total + c.total }),
    { good: 0, total: 0 },
  );

async function readOk(
  source: PrometheusSliDataSource,
  indicator: Record<string, unknown>,
  start: number,
  end: number,
) {
  const result = await source.readCounts({
    sloRef: 'slo:default/orders-availability',
    indicator,
    ranges: [{ start: iso(start), end: iso(end) }],
  });
  if (result.status !== 'ok') {
    throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  }
  return result.counts;
}

/** |a − b| ≤ tolerance × |b|, with both numbers in the message. */
function expectClose(actual: number, expected: number, tolerance: number) {
  const error = Math.abs(actual - expected) / Math.abs(expected);
  if (!(error <= tolerance)) {
    throw new Error(
      `Vigil ${actual} vs PromQL ${expected}: relative error ${error} above ${tolerance}`,
    );
  }
}

describeWithPrometheus('against a real Prometheus', () => {
  const { url, end } = prometheus ?? { url: '', end: 0 };
  jest.setTimeout(60_000);

  describe('Vigil’s figures equal PromQL over the same data', () => {
    // A sum of 8,640 increase() over 5 m against one increase() over 30 d:
    // each 5 m window sees 4 scrape intervals and extrapolates them to 5 m
    // (samples sit 17 s after the minute, as real scrapes do), so the sum
    // differs from the 30 d figure by a few minutes of traffic at most.
    // 0.1 % of 30 days is 43 minutes: far above that, far below any bug
    // that loses or doubles a bucket (1/8,640 of the window each, in the
    // test below exactly). Error counts are noisier: 1 %.
    it.each([
      ['good/total rate queries', indicators.goodTotalRate],
      ['bad/total increase queries', indicators.badTotalIncrease],
      ['Pyrra generic rules', indicators.pyrraGeneric],
    ])('counts over 30 days (%s)', async (_what, indicator) => {
      const counts = await readOk(
        dataSource(url),
        indicator,
        end - 30 * DAY,
        end,
      );
      expect(counts).toHaveLength(8640);
      const window = sum(counts);
      const total = await promql(url, `sum(increase(${ORDERS}[30d]))`, end);
      const bad = await promql(url, `sum(increase(${ORDERS_BAD}[30d]))`, end);
      expectClose(window.total, total!, 0.001);
      expectClose(window.total - window.good, bad!, 0.01);
    });

    it.each([
      ['good/total rate queries', indicators.goodTotalRate],
      ['bad/total increase queries', indicators.badTotalIncrease],
    ])(
      'gives each bucket of the last hour, and the partial one, exactly as increase() over it (%s)',
      async (_what, indicator) => {
        const now = end - 137; // between two boundaries: an instant query reads the last bucket
        const counts = await readOk(
          dataSource(url),
          indicator,
          now - 3600,
          now,
        );
        expect(counts.map(c => [c.start, c.end])).toEqual([
          ...Array.from({ length: 12 }, (_, i) => [
            iso(end - 3900 + i * 300),
            iso(end - 3600 + i * 300),
          ]),
          [iso(end - 300), iso(now)],
        ]);
        for (const bucket of counts) {
          const at = Date.parse(bucket.end) / 1000;
          const seconds = at - Date.parse(bucket.start) / 1000;
          const total = await promql(
            url,
            `sum(increase(${ORDERS}[${seconds}s]))`,
            at,
          );
          const good = await promql(
            url,
            `sum(increase(${ORDERS_GOOD}[${seconds}s]))`,
            at,
          );
          expectClose(bucket.total, total!, 1e-9);
          expectClose(bucket.good, good!, 1e-9);
        }
      },
    );

    // Twelve 5 m windows against one 1 h window: each 5 m window misses
    // the minute between its last sample and the next window's first one
    // and extrapolates the other four to five. Errors come a dozen a
    // minute with ±50 % noise, so the two figures differ by ≈ 2 % (one
    // standard deviation) for errors; 10 % is five of them.
    it('sums the last hour to increase(…[1h]) within its extrapolation', async () => {
      const counts = await readOk(
        dataSource(url),
        indicators.goodTotalRate,
        end - 3600,
        end,
      );
      expect(counts).toHaveLength(12);
      const hour = sum(counts);
      const total = await promql(url, `sum(increase(${ORDERS}[1h]))`, end);
      const bad = await promql(url, `sum(increase(${ORDERS_BAD}[1h]))`, end);
      expectClose(hour.total, total!, 0.02);
      expectClose(hour.total - hour.good, bad!, 0.1);
    });

    it('gives the SLI and the 1 h burn rate of the budget maths as PromQL does', async () => {
      const now = end - 137; // between two boundaries: the instant query reads the last bucket
      const counts = await readOk(
        dataSource(url),
        indicators.goodTotalRate,
        now - 30 * DAY,
        now,
      );
      const budget = evaluateErrorBudget({
        slo: {
          target: 0.999,
          budgetingMethod: 'Occurrences',
          timeWindow: {
            duration: { text: '30d', amount: 30, unit: 'd', seconds: 30 * DAY },
            isRolling: true,
          },
        },
        buckets: counts,
        now: new Date(now * 1000),
      });
      const sli = await promql(
        url,
        `sum(increase(${ORDERS_GOOD}[30d])) / sum(increase(${ORDERS}[30d]))`,
        now,
      );
      const errorRatio1h = await promql(
        url,
        `sum(increase(${ORDERS_BAD}[1h])) / sum(increase(${ORDERS}[1h]))`,
        now,
      );
      expect(budget.inputs.coverage).toBeCloseTo(1, 6);
      expect(Math.abs(budget.sli! - sli!)).toBeLessThan(1e-5);
      // Same extrapolation as the test above: 10 %.
      const burn1h = budget.burnRates.find(b => b.seconds === 3600)!;
      expectClose(burn1h.errorRatio!, errorRatio1h!, 0.1);
      expectClose(burn1h.burnRate!, errorRatio1h! / 0.001, 0.1);
      // The incident of the last hour (2 % errors) burns at about 20×.
      expect(burn1h.burnRate).toBeGreaterThan(10);
    });

    it.each([
      ['Sloth', indicators.sloth, SLOTH],
      ['Pyrra burn-rate rules', indicators.pyrraBurnrate, PYRRA_BURNRATE],
    ])(
      "gives %s's own period error ratio (time-weighted)",
      async (_what, indicator, series) => {
        const counts = await readOk(
          dataSource(url),
          indicator,
          end - 30 * DAY,
          end,
        );
        const window = sum(counts);
        expect(window.total).toBe(30 * DAY); // seconds
        // Sloth's slo:sli_error:ratio_rate30d, computed by Prometheus.
        const own = await promql(
          url,
          `sum_over_time(${series}[30d]) / count_over_time(${series}[30d])`,
          end,
        );
        expect(Math.abs(1 - window.good / window.total - own!)).toBeLessThan(
          1e-9,
        );
      },
    );
  });

  describe('answers that are no data', () => {
    const read = (indicator: Record<string, unknown>) =>
      dataSource(url).readCounts({
        sloRef: 'slo:default/x',
        indicator,
        ranges: [{ start: iso(end - DAY), end: iso(end) }],
      });
    const ratioQuery = (query: string) => ({
      ratioMetric: { rawType: 'failure', raw: spec({ query }) },
    });

    it('NaN everywhere (no traffic: 0/0)', async () => {
      await expect(
        read({
          ratioMetric: {
            rawType: 'failure',
            raw: spec({ mode: 'sloth', id: 'idle-availability' }),
          },
        }),
      ).resolves.toEqual({
        status: 'no-data',
        reason: expect.stringContaining('every value from'),
      });
    });

    it('+Inf everywhere', async () => {
      await expect(
        read(ratioQuery('avg_over_time(vigil_inf_ratio[{{window}}])')),
      ).resolves.toEqual({
        status: 'no-data',
        reason: expect.stringContaining('NaN, ±Inf'),
      });
    });

    it('an empty vector', async () => {
      await expect(
        read(ratioQuery('avg_over_time(no_such_metric[{{window}}])')),
      ).resolves.toEqual({
        status: 'no-data',
        reason: expect.stringContaining('returned no series (empty vector)'),
      });
    });

    it("a query Prometheus rejects (HTTP 400), with Prometheus' message", async () => {
      await expect(
        read(ratioQuery('avg_over_time(vigil_inf_ratio[{{window}}]')),
      ).resolves.toEqual({
        status: 'no-data',
        reason: expect.stringMatching(
          /^Prometheus source 'prom': answered HTTP 400 \(bad_data: .*parse error/,
        ),
      });
    });
  });

  describe('faults: stale with the last good counts, then recovery', () => {
    it.each([
      ['slower than the timeout', 'slow', /gave no answer within 1000 ms/],
      [
        'answering 500',
        'error500',
        /answered HTTP 500 \(internal error: storage unavailable\)/,
      ],
      [
        'answering garbage',
        'garbage',
        /not the Prometheus API: it is not JSON/,
      ],
    ] as const)('%s', async (_what, mode, reason) => {
      const proxy = await startFaultyProxy(url);
      try {
        const source = dataSource(proxy.url, 1000);
        const good = await readOk(
          source,
          indicators.goodTotalRate,
          end - DAY,
          end,
        );

        proxy.setMode(mode);
        const stale = await source.readCounts({
          sloRef: 'slo:default/orders-availability',
          indicator: indicators.goodTotalRate,
          ranges: [{ start: iso(end - DAY), end: iso(end) }],
        });
        expect(stale).toEqual({
          status: 'stale',
          reason: expect.stringMatching(reason),
          counts: good,
          asOf: expect.any(String),
        });

        proxy.setMode('pass');
        await expect(
          readOk(source, indicators.goodTotalRate, end - DAY, end),
        ).resolves.toEqual(good);
      } finally {
        await proxy.close();
      }
    });

    it('stopped, then started again', async () => {
      const own = await startOwnPrometheus(end);
      try {
        const source = dataSource(own.url, 2000);
        const good = await readOk(source, indicators.sloth, end - DAY, end);
        expect(good).toHaveLength(288);

        await own.stop();
        const stale = await source.readCounts({
          sloRef: 'slo:default/orders-availability',
          indicator: indicators.sloth,
          ranges: [{ start: iso(end - DAY), end: iso(end) }],
        });
        expect(stale).toEqual({
          status: 'stale',
          reason: expect.stringMatching(/cannot be reached \(ECONNREFUSED\)/),
          counts: good,
          asOf: expect.any(String),
        });

        await own.start();
        await expect(
          readOk(source, indicators.sloth, end - DAY, end),
        ).resolves.toEqual(good);
      } finally {
        await own.cleanup();
      }
    });
  });
});
