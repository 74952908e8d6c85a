import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  fakePrometheus,
  SeenRequest,
  SeriesValue,
} from './__testUtils__/fakePrometheus';
import {
  badTotalIncrease,
  goodTotalRate,
  pyrraBurnrate,
  pyrraGeneric,
  sloth,
} from './__testUtils__/indicators';
import { PrometheusSliDataSource } from './PrometheusSliDataSource';
import { DEFAULT_SETTINGS, PrometheusSourceSettings } from './settings';

const server = setupServer();
registerMswTestHooks(server);

const url = 'http://prometheus.test:9090';
const SECRET = 'Bearer s3cret-token';
const T0 = 1_795_651_200; // a multiple of 5 minutes
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const sloRef = 'slo:default/orders-availability';

function source(settings: Partial<PrometheusSourceSettings> = {}) {
  const logger = mockServices.logger.mock();
  const dataSource = new PrometheusSliDataSource(
    {
      ...DEFAULT_SETTINGS,
      id: 'main',
      url,
      headers: { Authorization: SECRET },
      ...settings,
    },
    { logger, clock: () => new Date(T0 * 1000) },
  );
  return { dataSource, logger };
}

function serve(value: SeriesValue): SeenRequest[] {
  const seen: SeenRequest[] = [];
  server.use(...fakePrometheus(url, value, seen));
  return seen;
}

const read = (
  dataSource: PrometheusSliDataSource,
  indicator: Record<string, unknown>,
  start: number,
  end: number,
) =>
  dataSource.readCounts({
    sloRef,
    indicator,
    ranges: [{ start: iso(start), end: iso(end) }],
  });

/** 10 requests/s, 1 % of them failing: rates per second. */
const steadyRates: SeriesValue = name =>
  ({ good: '9.9', bad: '0.1', total: '10' }[name]);

describe('PrometheusSliDataSource', () => {
  it('reads good/total rates as counts per aligned bucket, in one query_range and one instant query', async () => {
    const seen = serve(steadyRates);
    const { dataSource } = source();
    const end = T0 + 120; // 2 minutes after the last boundary
    const result = await read(dataSource, goodTotalRate, T0 - 900, end);

    expect(result).toEqual({
      status: 'ok',
      counts: [
        { start: iso(T0 - 900), end: iso(T0 - 600), good: 2970, total: 3000 },
        { start: iso(T0 - 600), end: iso(T0 - 300), good: 2970, total: 3000 },
        { start: iso(T0 - 300), end: iso(T0), good: 2970, total: 3000 },
        { start: iso(T0), end: iso(end), good: 1188, total: 1200 },
      ],
    });
    expect(seen.map(s => s.endpoint)).toEqual(['query_range', 'query']);
    const [range, tail] = seen;
    expect(Object.fromEntries(range.params)).toMatchObject({
      start: String(T0 - 600),
      end: String(T0),
      step: '300',
    });
    expect(range.query).toBe(
      'label_replace(sum(sum(rate(http_requests_total{code!~"5.."}[5m]))), "vigil_series", "good", "", "") or ' +
        'label_replace(sum(sum(rate(http_requests_total[5m]))), "vigil_series", "total", "", "")',
    );
    expect(tail.query).toContain('[2m]');
    expect(tail.params.get('time')).toBe(String(end));
    expect(range.headers.get('authorization')).toBe(SECRET);
  });

  it('needs no instant query when the read ends on a boundary', async () => {
    const seen = serve(steadyRates);
    const { dataSource } = source();
    await read(dataSource, goodTotalRate, T0 - 28 * 86_400, T0);
    expect(seen.map(s => s.endpoint)).toEqual(['query_range']);
  });

  it('stays within 11,000 points per series whatever the range', async () => {
    const seen = serve(steadyRates);
    const { dataSource } = source({ minStepSeconds: 60 });
    const result = await read(dataSource, goodTotalRate, T0 - 90 * 86_400, T0);
    const { start, end, step } = Object.fromEntries(seen[0].params);
    const points = (Number(end) - Number(start)) / Number(step) + 1;
    expect(points).toBeLessThanOrEqual(11_000);
    expect(step).toBe('900');
    expect(result.status === 'ok' && result.counts.length).toBe(8640);
  });

  it('reads bad/total increases; a bad series that does not exist counts zero', async () => {
    serve((name, t) => {
      if (name === 'total') return '3000';
      return t === T0 ? '30' : undefined; // errors only in the last bucket
    });
    const { dataSource } = source();
    const result = await read(dataSource, badTotalIncrease, T0 - 600, T0);
    expect(result).toEqual({
      status: 'ok',
      counts: [
        { start: iso(T0 - 600), end: iso(T0 - 300), good: 3000, total: 3000 },
        { start: iso(T0 - 300), end: iso(T0), good: 2970, total: 3000 },
      ],
    });
  });

  it("reads Sloth's error ratio as time-weighted buckets (seconds of good service)", async () => {
    const seen = serve(name => (name === 'ratio' ? '0.01' : undefined));
    const { dataSource } = source();
    const result = await read(dataSource, sloth, T0 - 300, T0 + 60);
    expect(result).toEqual({
      status: 'ok',
      counts: [
        { start: iso(T0 - 300), end: iso(T0), good: 297, total: 300 },
        { start: iso(T0), end: iso(T0 + 60), good: 59.4, total: 60 },
      ],
    });
    expect(seen[0].query).toContain(
      'avg(avg_over_time(slo:sli_error:ratio_rate5m{sloth_id="orders-availability"}[5m]))',
    );
  });

  it("reads Pyrra's generic rules as counts and its burn-rate rules as ratios", async () => {
    const seen = serve(
      name => ({ bad: '0.5', total: '50', ratio: '0.01' }[name]),
    );
    const { dataSource } = source();
    await expect(read(dataSource, pyrraGeneric, T0 - 300, T0)).resolves.toEqual(
      {
        status: 'ok',
        counts: [
          { start: iso(T0 - 300), end: iso(T0), good: 14850, total: 15000 },
        ],
      },
    );
    await expect(
      read(dataSource, pyrraBurnrate, T0 - 300, T0),
    ).resolves.toMatchObject({
      status: 'ok',
      counts: [{ good: 297, total: 300 }],
    });
    expect(seen[0].query).toContain(
      'pyrra_errors:rate5m{slo="orders-availability"}',
    );
    expect(seen[0].query).toContain(
      'pyrra_requests:rate5m{slo="orders-availability"}',
    );
    expect(seen[1].query).toContain(
      'http_requests:burnrate5m{slo="orders-availability"}',
    );
  });

  it.each(['NaN', '+Inf', '-Inf', '-3'])(
    'leaves out a bucket whose value is %s',
    async bad => {
      serve((name, t) =>
        name === 'total' && t === T0 - 300 ? bad : steadyRates(name, t, 300),
      );
      const { dataSource } = source();
      const result = await read(dataSource, goodTotalRate, T0 - 900, T0);
      expect(result.status === 'ok' && result.counts.map(c => c.end)).toEqual([
        iso(T0 - 600),
        iso(T0),
      ]);
    },
  );

  it('answers no-data when every value is NaN or infinite', async () => {
    serve(name => (name === 'ratio' ? 'NaN' : undefined));
    const { dataSource } = source();
    await expect(read(dataSource, sloth, T0 - 900, T0)).resolves.toEqual({
      status: 'no-data',
      reason: expect.stringMatching(
        /^Prometheus source 'main': every value from .* was NaN, ±Inf, negative or a ratio outside \[0, 1\] \(3 bucket\(s\) left out\)$/,
      ),
    });
  });

  it('answers no-data, naming the query, when Prometheus returns an empty vector', async () => {
    serve(() => undefined);
    const { dataSource } = source();
    await expect(
      read(dataSource, goodTotalRate, T0 - 900, T0),
    ).resolves.toEqual({
      status: 'no-data',
      reason: expect.stringContaining(
        'returned no series (empty vector) from 2026-11-25T23:45:00.000Z to 2026-11-26T00:00:00.000Z: check the metric names and labels of label_replace(sum(sum(rate(http_requests_total{code!~"5.."}[{{window}}])))',
      ),
    });
  });

  it('answers no-data when only the numerator has series', async () => {
    serve(name => (name === 'good' ? '1' : undefined));
    const { dataSource } = source();
    await expect(
      read(dataSource, goodTotalRate, T0 - 900, T0),
    ).resolves.toMatchObject({
      status: 'no-data',
      reason: expect.stringContaining('the total query returned no series'),
    });
  });

  it('answers no-data without a request for an indicator it cannot read', async () => {
    const seen = serve(steadyRates);
    const { dataSource, logger } = source();
    const result = await read(
      dataSource,
      { thresholdMetric: {} },
      T0 - 900,
      T0,
    );
    expect(result).toEqual({
      status: 'no-data',
      reason: expect.stringMatching(
        /^Prometheus source 'main': the Prometheus source reads ratio indicators only/,
      ),
    });
    expect(seen).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    await read(dataSource, { thresholdMetric: {} }, T0 - 900, T0);
    expect(logger.warn).toHaveBeenCalledTimes(1); // once per SLO and reason
  });

  it('answers ok with no counts for no ranges, without a request', async () => {
    const seen = serve(steadyRates);
    const { dataSource } = source();
    await expect(
      dataSource.readCounts({ sloRef, indicator: goodTotalRate, ranges: [] }),
    ).resolves.toEqual({ status: 'ok', counts: [] });
    expect(seen).toEqual([]);
  });

  it("answers no-data with Prometheus' message on a 4xx", async () => {
    server.use(
      http.post(`${url}/api/v1/query_range`, () =>
        HttpResponse.json(
          {
            status: 'error',
            errorType: 'bad_data',
            error: 'parse error: unexpected }',
          },
          { status: 400 },
        ),
      ),
    );
    const { dataSource } = source();
    await expect(
      read(dataSource, goodTotalRate, T0 - 900, T0),
    ).resolves.toEqual({
      status: 'no-data',
      reason:
        "Prometheus source 'main': answered HTTP 400 (bad_data: parse error: unexpected })",
    });
  });

  describe('when Prometheus fails after a good answer', () => {
    const faults: Array<[string, () => Response | Promise<Response>, RegExp]> =
      [
        [
          'answers 500',
          () => new HttpResponse('boom', { status: 500 }),
          /answered HTTP 500 \(boom\)/,
        ],
        [
          'answers 503',
          () => new HttpResponse(null, { status: 503 }),
          /answered HTTP 503/,
        ],
        [
          'is slower than the timeout',
          async () => {
            await delay(1000);
            return HttpResponse.json({});
          },
          /gave no answer within 100 ms/,
        ],
        ['is unreachable', () => HttpResponse.error(), /cannot be reached/],
        [
          'answers garbage',
          () => new HttpResponse('<html>'),
          /not the Prometheus API: it is not JSON/,
        ],
        [
          'answers JSON of another shape',
          () =>
            HttpResponse.json({
              status: 'success',
              data: { resultType: 'matrix', result: [{ values: 3 }] },
            }),
          /not the Prometheus API/,
        ],
      ];

    it.each(faults)(
      'keeps the last good counts, marked stale, while it %s, and recovers',
      async (_what, fault, reason) => {
        const { dataSource, logger } = source({ timeoutMs: 100 });
        serve(steadyRates);
        const good = await read(dataSource, goodTotalRate, T0 - 600, T0);
        expect(good.status).toBe('ok');

        server.use(http.post(`${url}/api/v1/query_range`, fault));
        const stale = await read(dataSource, goodTotalRate, T0 - 300, T0 + 300);
        expect(stale).toEqual({
          status: 'stale',
          reason: expect.stringMatching(reason),
          counts: good.status === 'ok' ? good.counts : [],
          asOf: iso(T0),
        });
        expect(stale.status === 'stale' && stale.reason).toMatch(
          /showing the last good counts, read at 2026-11-26T00:00:00.000Z$/,
        );
        // Once per outage, not once per read.
        await read(dataSource, goodTotalRate, T0 - 300, T0 + 300);
        expect(logger.warn).toHaveBeenCalledTimes(1);

        server.resetHandlers();
        serve(name => (name === 'total' ? '20' : '20'));
        await expect(
          read(dataSource, goodTotalRate, T0 - 300, T0 + 300),
        ).resolves.toEqual({
          status: 'ok',
          counts: [
            { start: iso(T0 - 300), end: iso(T0), good: 6000, total: 6000 },
            { start: iso(T0), end: iso(T0 + 300), good: 6000, total: 6000 },
          ],
        });
        expect(logger.info).toHaveBeenCalledWith(
          "Prometheus source 'main' answers again",
        );
      },
    );

    it('says so when there is no earlier answer to show', async () => {
      server.use(
        http.post(
          `${url}/api/v1/query_range`,
          () => new HttpResponse(null, { status: 502 }),
        ),
      );
      const { dataSource } = source();
      await expect(
        read(dataSource, goodTotalRate, T0 - 600, T0),
      ).resolves.toEqual({
        status: 'stale',
        reason:
          "Prometheus source 'main' answered HTTP 502 (no body); no earlier answer to show",
      });
    });

    it('does not show the counts of other queries when the SLO changed', async () => {
      const { dataSource } = source();
      serve(steadyRates);
      await read(dataSource, goodTotalRate, T0 - 600, T0);
      server.use(
        http.post(
          `${url}/api/v1/query_range`,
          () => new HttpResponse(null, { status: 500 }),
        ),
      );
      await expect(
        read(dataSource, badTotalIncrease, T0 - 600, T0),
      ).resolves.toEqual({
        status: 'stale',
        reason: expect.stringContaining('no earlier answer to show'),
      });
    });

    it('fails the read when only the instant query fails', async () => {
      serve(steadyRates);
      server.use(
        http.post(
          `${url}/api/v1/query`,
          () => new HttpResponse(null, { status: 500 }),
        ),
      );
      const { dataSource } = source();
      await expect(
        read(dataSource, goodTotalRate, T0 - 600, T0 + 60),
      ).resolves.toMatchObject({
        status: 'stale',
      });
    });
  });

  it('never puts a header value in a reason or a log line', async () => {
    const { dataSource, logger } = source({ timeoutMs: 50 });
    const outcomes = [];
    for (const fault of [
      () => new HttpResponse('denied', { status: 401 }),
      () => new HttpResponse('x', { status: 500 }),
      () => HttpResponse.error(),
      async () => {
        await delay(500);
        return HttpResponse.json({});
      },
    ]) {
      server.use(http.post(`${url}/api/v1/query_range`, fault));
      outcomes.push(await read(dataSource, goodTotalRate, T0 - 600, T0));
    }
    const logged = [
      logger.warn,
      logger.info,
      logger.error,
      logger.debug,
    ].flatMap(fn => fn.mock.calls);
    expect(JSON.stringify([outcomes, logged])).not.toContain('s3cret');
    expect(outcomes.map(o => o.status)).toEqual([
      'no-data',
      'stale',
      'stale',
      'stale',
    ]);
  });

  it('says once that the source answers again, even when the answer is empty', async () => {
    const { dataSource, logger } = source();
    server.use(
      http.post(`${url}/api/v1/query_range`, () => HttpResponse.error()),
    );
    await read(dataSource, goodTotalRate, T0 - 600, T0);
    server.resetHandlers();
    serve(() => undefined);
    await expect(
      read(dataSource, goodTotalRate, T0 - 600, T0),
    ).resolves.toMatchObject({ status: 'no-data' });
    await read(dataSource, goodTotalRate, T0 - 600, T0);
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(
      "Prometheus source 'main' answers again",
    );
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    server.use(
      http.post(`${url}/api/v1/query_range`, async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await delay(20);
        inFlight--;
        return HttpResponse.json({
          status: 'success',
          data: { resultType: 'matrix', result: [] },
        });
      }),
    );
    const { dataSource } = source({ concurrency: 2 });
    await Promise.all(
      Array.from({ length: 8 }, () =>
        read(dataSource, goodTotalRate, T0 - 600, T0),
      ),
    );
    expect(peak).toBe(2);
  });
});
