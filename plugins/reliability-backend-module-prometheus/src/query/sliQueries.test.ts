import { sliQueriesOf } from './sliQueries';

const source = (spec: Record<string, unknown>, ref = 'prom') => ({
  metricSource: { metricSourceRef: ref, spec },
});

const GOOD = 'sum(rate(http_requests_total{code!~"5.."}[{{window}}]))';
const TOTAL = 'sum(rate(http_requests_total[{{window}}]))';

describe('sliQueriesOf', () => {
  it('reads good/total query templates (raw mode) from a SliSpec', () => {
    expect(
      sliQueriesOf(
        {
          ratioMetric: {
            counter: true,
            good: source({ query: GOOD }),
            total: source({ query: TOTAL }),
          },
        },
        'prom',
      ),
    ).toEqual({
      kind: 'counts',
      mode: 'raw',
      numerator: 'good',
      numeratorQuery: { query: GOOD, valueType: 'rate' },
      totalQuery: { query: TOTAL, valueType: 'rate' },
    });
  });

  it('reads bad/total from a bare ratioMetric and from an SLI document spec', () => {
    const ratioMetric = {
      counter: true,
      bad: source({ query: 'sum(increase(errors_total[{{window}}]))' }),
      total: source({ query: 'sum(increase(requests_total[{{window}}]))' }),
    };
    const expected = {
      kind: 'counts',
      numerator: 'bad',
      numeratorQuery: { valueType: 'increase' },
      totalQuery: { valueType: 'increase' },
    };
    expect(sliQueriesOf(ratioMetric, 'prom')).toMatchObject(expected);
    expect(sliQueriesOf({ spec: { ratioMetric } }, 'prom')).toMatchObject(
      expected,
    );
  });

  it('takes an explicit valueType over the guess', () => {
    const result = sliQueriesOf(
      {
        ratioMetric: {
          good: source({
            query: 'sum(sum_over_time(good:increase5m[{{window}}:5m]))',
            valueType: 'increase',
          }),
          total: source({ query: TOTAL }),
        },
      },
      'prom',
    );
    expect(result).toMatchObject({
      numeratorQuery: { valueType: 'increase' },
      totalQuery: { valueType: 'rate' },
    });
  });

  it('builds the Sloth query from the SLO id (time-weighted error ratio)', () => {
    expect(
      sliQueriesOf(
        {
          ratioMetric: {
            rawType: 'failure',
            raw: source({ mode: 'sloth', id: 'orders-availability' }),
          },
        },
        'prom',
      ),
    ).toEqual({
      kind: 'ratio',
      mode: 'sloth',
      ratioOf: 'bad',
      query:
        'avg(avg_over_time(slo:sli_error:ratio_rate5m{sloth_id="orders-availability"}[{{window}}]))',
    });
  });

  it('builds the Pyrra queries: generic rules by default, burn-rate rules with metric', () => {
    const pyrra = (spec: Record<string, unknown>) =>
      sliQueriesOf(
        {
          ratioMetric: {
            rawType: 'failure',
            raw: source({ mode: 'pyrra', slo: 'orders', ...spec }),
          },
        },
        'prom',
      );
    expect(pyrra({})).toEqual({
      kind: 'counts',
      mode: 'pyrra',
      numerator: 'bad',
      numeratorQuery: {
        query:
          'sum(avg_over_time(pyrra_errors:rate5m{slo="orders"}[{{window}}]))',
        valueType: 'rate',
      },
      totalQuery: {
        query:
          'sum(avg_over_time(pyrra_requests:rate5m{slo="orders"}[{{window}}]))',
        valueType: 'rate',
      },
    });
    expect(
      pyrra({
        metric: 'http_requests_total',
        window: '3m',
        labels: { namespace: 'shop' },
      }),
    ).toEqual({
      kind: 'ratio',
      mode: 'pyrra',
      ratioOf: 'bad',
      query:
        'avg(avg_over_time(http_requests:burnrate3m{slo="orders",namespace="shop"}[{{window}}]))',
    });
  });

  it('reads a precomputed success ratio query', () => {
    expect(
      sliQueriesOf(
        {
          ratioMetric: {
            rawType: 'success',
            raw: source({ query: 'avg_over_time(up[{{window}}])' }),
          },
        },
        'prom',
      ),
    ).toMatchObject({ kind: 'ratio', mode: 'raw', ratioOf: 'good' });
  });

  it.each([
    [
      'a threshold metric',
      { thresholdMetric: source({ query: 'x' }) },
      /reads ratio indicators only/,
    ],
    ['no ratioMetric', { foo: 1 }, /has no ratioMetric/],
    [
      'a query without {{window}}',
      {
        ratioMetric: {
          good: source({ query: 'sum(rate(a[5m]))' }),
          total: source({ query: TOTAL }),
        },
      },
      /ratioMetric\.good\.metricSource\.spec\.query must use \{\{window\}\}/,
    ],
    [
      'another source',
      {
        ratioMetric: {
          good: source({ query: GOOD }),
          total: source({ query: TOTAL }, 'other'),
        },
      },
      /ratioMetric\.total reads metricSourceRef 'other', not this source 'prom'/,
    ],
    [
      'a missing total',
      { ratioMetric: { good: source({ query: GOOD }) } },
      /needs good \(or bad\) and total/,
    ],
    [
      'sloth with rawType success',
      {
        ratioMetric: {
          rawType: 'success',
          raw: source({ mode: 'sloth', id: 'x' }),
        },
      },
      /sloth records error ratios: write rawType: failure/,
    ],
    [
      'sloth without id',
      { ratioMetric: { rawType: 'failure', raw: source({ mode: 'sloth' }) } },
      /ratioMetric\.raw\.metricSource\.spec\.id must be a non-empty string/,
    ],
    [
      'an unknown mode',
      {
        ratioMetric: { rawType: 'failure', raw: source({ mode: 'nobl9' }) },
      },
      /mode must be raw, sloth or pyrra, got "nobl9"/,
    ],
    [
      'a recording-rule mode on good/total',
      {
        ratioMetric: {
          good: source({ mode: 'sloth', id: 'x' }),
          total: source({ query: TOTAL }),
        },
      },
      /mode "sloth" goes in the precomputed form/,
    ],
    [
      'a bad valueType',
      {
        ratioMetric: {
          good: source({ query: GOOD, valueType: 'gauge' }),
          total: source({ query: TOTAL }),
        },
      },
      /valueType must be rate or increase, got "gauge"/,
    ],
    [
      'a bad label name',
      {
        ratioMetric: {
          rawType: 'failure',
          raw: source({ mode: 'sloth', id: 'x', labels: { 'a-b': 'c' } }),
        },
      },
      /labels\.a-b must be a label name with a string value/,
    ],
  ])('explains %s', (_what, indicator, reason) => {
    const result = sliQueriesOf(indicator as Record<string, unknown>, 'prom');
    expect(result).toEqual({ problem: expect.stringMatching(reason) });
  });
});
