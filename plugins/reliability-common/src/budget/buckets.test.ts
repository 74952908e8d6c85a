import { sanitizeBuckets, sumRange } from './buckets';
import { SliBucket } from './types';

const t = (hhmm: string) => `2026-06-01T${hhmm}:00Z`;
const ms = (hhmm: string) => Date.parse(t(hhmm));

describe('sanitizeBuckets', () => {
  it.each<[string, Partial<SliBucket>]>([
    ['NaN good', { good: NaN }],
    ['NaN total', { total: NaN }],
    ['+Infinity total', { total: Infinity }],
    ['-Infinity good', { good: -Infinity }],
    ['negative good', { good: -1 }],
    ['negative total', { total: -5 }],
    ['a count beyond 2^53 − 1', { total: 2 ** 60 }],
    ['a count written as a string', { total: '100' as unknown as number }],
    ['a missing count', { good: undefined as unknown as number }],
    ['an unreadable start', { start: 'yesterday' }],
    ['an invalid Date', { end: new Date('nope') }],
    ['end before start', { start: t('10:05'), end: t('10:00') }],
    ['an empty time range', { start: t('10:00'), end: t('10:00') }],
  ])('sets aside a bucket with %s, and counts it', (_name, change) => {
    const ok: SliBucket = {
      start: t('09:00'),
      end: t('09:05'),
      good: 9,
      total: 10,
    };
    const result = sanitizeBuckets([
      ok,
      { start: t('10:00'), end: t('10:05'), good: 5, total: 10, ...change },
    ]);
    expect(result.invalid).toBe(1);
    expect(result.buckets).toEqual([
      { start: ms('09:00'), end: ms('09:05'), good: 9, total: 10 },
    ]);
  });

  it('clamps good > total to total and counts the bucket', () => {
    const result = sanitizeBuckets([
      { start: t('10:00'), end: t('10:05'), good: 120, total: 100 },
      { start: t('10:05'), end: t('10:10'), good: 100, total: 100 },
    ]);
    expect(result.clamped).toBe(1);
    expect(result.invalid).toBe(0);
    expect(result.buckets.map(b => b.good)).toEqual([100, 100]);
  });

  it('accepts Dates and ISO strings, sorts oldest first and finds overlaps', () => {
    const result = sanitizeBuckets([
      { start: t('10:05'), end: t('10:10'), good: 1, total: 1 },
      {
        start: new Date(t('10:00')),
        end: new Date(t('10:05')),
        good: 2,
        total: 2,
      },
    ]);
    expect(result.buckets.map(b => b.good)).toEqual([2, 1]);
    expect(result.overlapping).toBe(false);
    expect(
      sanitizeBuckets([
        { start: t('10:00'), end: t('10:10'), good: 1, total: 1 },
        { start: t('10:05'), end: t('10:15'), good: 1, total: 1 },
      ]).overlapping,
    ).toBe(true);
  });

  it('keeps zero-traffic buckets: they cover time without events', () => {
    const result = sanitizeBuckets([
      { start: t('10:00'), end: t('10:05'), good: 0, total: 0 },
    ]);
    expect(result.buckets).toHaveLength(1);
    expect(result.invalid).toBe(0);
  });
});

describe('sumRange', () => {
  const { buckets } = sanitizeBuckets([
    { start: t('10:00'), end: t('11:00'), good: 50, total: 60 },
    { start: t('11:00'), end: t('11:10'), good: 10, total: 10 },
    // a gap from 11:10 to 11:30
    { start: t('11:30'), end: t('12:00'), good: 30, total: 30 },
  ]);

  it('counts buckets wholly inside exactly', () => {
    expect(sumRange(buckets, ms('10:00'), ms('12:00'))).toMatchObject({
      good: 90,
      total: 100,
    });
  });

  it('counts a bucket partly inside in proportion to the overlap', () => {
    // 10:30–11:00 is half of the first bucket: 25 good of 30.
    const sum = sumRange(buckets, ms('10:30'), ms('11:10'));
    expect(sum.good).toBeCloseTo(35, 12);
    expect(sum.total).toBeCloseTo(40, 12);
    expect(sum.coverage).toBe(1);
  });

  it('reports coverage: the share of the range with buckets', () => {
    // 10:00–12:00 with 20 minutes missing.
    expect(sumRange(buckets, ms('10:00'), ms('12:00')).coverage).toBeCloseTo(
      100 / 120,
      12,
    );
    // data starting at 10:00 in a range from 09:00: half covered.
    expect(sumRange(buckets, ms('09:00'), ms('11:00')).coverage).toBe(0.5);
    expect(sumRange(buckets, ms('09:00'), ms('11:00')).firstStart).toBe(
      ms('10:00'),
    );
  });

  it('does not count overlapping buckets twice in coverage', () => {
    const overlapping = sanitizeBuckets([
      { start: t('10:00'), end: t('10:30'), good: 1, total: 1 },
      { start: t('10:10'), end: t('10:20'), good: 1, total: 1 },
      { start: t('10:15'), end: t('10:45'), good: 1, total: 1 },
    ]).buckets;
    expect(sumRange(overlapping, ms('10:00'), ms('11:00')).coverage).toBe(0.75);
  });

  it('gives zeros and coverage 0 for an empty range or no bucket', () => {
    expect(sumRange(buckets, ms('10:00'), ms('10:00'))).toEqual({
      good: 0,
      total: 0,
      coverage: 0,
      firstStart: undefined,
    });
    expect(sumRange([], ms('10:00'), ms('11:00')).coverage).toBe(0);
  });
});
