import { SliQueries } from '../query/sliQueries';
import { bucketCounts } from './bucketValues';
import { CountSeries, toSliCounts } from './countSeries';
import { LastGoodAnswers } from './lastGood';

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const counts = (numerator: 'good' | 'bad'): SliQueries => ({
  kind: 'counts',
  mode: 'raw',
  numerator,
  numeratorQuery: { query: 'n', valueType: 'rate' },
  totalQuery: { query: 't', valueType: 'increase' },
});
const ratio = (ratioOf: 'good' | 'bad'): SliQueries => ({
  kind: 'ratio',
  mode: 'raw',
  ratioOf,
  query: 'r',
});
const values = (v: Record<string, string>) => (name: string) => v[name];

describe('bucketCounts', () => {
  it('turns rates into events over the window and keeps increases', () => {
    expect(
      bucketCounts(values({ good: '2', total: '500' }), 300, counts('good')),
    ).toEqual({
      good: 600,
      total: 500,
    });
  });

  it('clamps good at zero when bad exceeds total (scrape skew)', () => {
    expect(
      bucketCounts(values({ bad: '2', total: '500' }), 300, counts('bad')),
    ).toEqual({
      good: 0,
      total: 500,
    });
  });

  it('weights a ratio by the seconds of the bucket', () => {
    expect(bucketCounts(values({ ratio: '0.25' }), 60, ratio('bad'))).toEqual({
      good: 45,
      total: 60,
    });
    expect(bucketCounts(values({ ratio: '0.25' }), 60, ratio('good'))).toEqual({
      good: 15,
      total: 60,
    });
  });

  it.each(['1.5', '-0.1', 'NaN', '+Inf', ''])('rejects the ratio %j', text => {
    expect(bucketCounts(values({ ratio: text }), 60, ratio('bad'))).toBe(
      'invalid',
    );
  });

  it('has nothing without a total or a ratio', () => {
    expect(bucketCounts(values({ good: '1' }), 60, counts('good'))).toBe(
      'missing',
    );
    expect(bucketCounts(values({}), 60, ratio('bad'))).toBe('missing');
  });
});

describe('toSliCounts', () => {
  const series: CountSeries = {
    start: 0,
    stepSeconds: 300,
    good: Float64Array.from([1, 2, 3, 4]),
    total: Float64Array.from([10, NaN, 30, 40]),
    tail: { start: 1200, end: 1260, good: 5, total: 50 },
  };

  it('keeps the buckets overlapping a requested range, without missing ones', () => {
    expect(toSliCounts(series, [{ start: 0, end: 1260 }])).toEqual([
      { start: iso(0), end: iso(300), good: 1, total: 10 },
      { start: iso(600), end: iso(900), good: 3, total: 30 },
      { start: iso(900), end: iso(1200), good: 4, total: 40 },
      { start: iso(1200), end: iso(1260), good: 5, total: 50 },
    ]);
    expect(
      toSliCounts(series, [
        { start: 100, end: 200 },
        { start: 950, end: 1000 },
      ]).map(c => c.start),
    ).toEqual([iso(0), iso(900)]);
  });
});

describe('LastGoodAnswers', () => {
  const answer = (fingerprint: string) => ({
    fingerprint,
    series: {
      start: 0,
      stepSeconds: 300,
      good: new Float64Array(),
      total: new Float64Array(),
    },
    requested: [],
    at: new Date(0),
  });

  it('answers only for the same queries', () => {
    const answers = new LastGoodAnswers();
    answers.set('slo:a', answer('q1'));
    expect(answers.get('slo:a', 'q1')?.fingerprint).toBe('q1');
    expect(answers.get('slo:a', 'q2')).toBeUndefined();
  });

  it('forgets the least recently answered SLO beyond its limit', () => {
    const answers = new LastGoodAnswers(2);
    answers.set('slo:a', answer('q'));
    answers.set('slo:b', answer('q'));
    answers.set('slo:a', answer('q'));
    answers.set('slo:c', answer('q'));
    expect(answers.size).toBe(2);
    expect(answers.get('slo:b', 'q')).toBeUndefined();
    expect(answers.get('slo:a', 'q')).toBeDefined();
  });
});
