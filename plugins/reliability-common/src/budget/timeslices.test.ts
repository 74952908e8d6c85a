import { sanitizeBuckets } from './buckets';
import { buildSliceGrid, summarizeSlices } from './timeslices';

const MIN = 60_000;
const base = Date.parse('2026-06-01T10:00:00Z');
const at = (minutes: number) => new Date(base + minutes * MIN);

function gridOf(
  buckets: Array<[number, number, number, number]>,
  sliceMinutes = 1,
  anchor = 0,
) {
  const clean = sanitizeBuckets(
    buckets.map(([from, to, good, total]) => ({
      start: at(from),
      end: at(to),
      good,
      total,
    })),
  ).buckets;
  return buildSliceGrid(
    clean,
    anchor,
    sliceMinutes * MIN,
    base - 60 * MIN,
    base + 60 * MIN,
  );
}

describe('time slices', () => {
  const grid = gridOf([
    [0, 1, 100, 100], // SLI 1
    [1, 2, 95, 100], // SLI 0.95: meets a slice target of 0.95
    [2, 3, 94, 99], // SLI 0.9495: does not
    [3, 4, 0, 0], // no events: neither good nor bad
    // minute 4 has no bucket at all
    [5, 6, 50, 100], // SLI 0.5
  ]);

  it('Timeslices: a slice is good iff its SLI ≥ timeSliceTarget', () => {
    expect(summarizeSlices(grid, base, base + 6 * MIN, 0.95)).toEqual({
      complete: 6,
      measured: 4,
      good: 2,
      bad: 2,
    });
  });

  it('RatioTimeslices: each measured slice counts its SLI', () => {
    const summary = summarizeSlices(grid, base, base + 6 * MIN, undefined);
    expect(summary.measured).toBe(4);
    expect(summary.good).toBeCloseTo(1 + 0.95 + 94 / 99 + 0.5, 12);
    expect(summary.bad).toBeCloseTo(0 + 0.05 + 5 / 99 + 0.5, 12);
  });

  it('scores only slices wholly inside the range', () => {
    // [0.5 min, 5.5 min]: slices 1..4 are complete; 0 and 5 are cut.
    expect(
      summarizeSlices(grid, base + 0.5 * MIN, base + 5.5 * MIN, 0.95),
    ).toEqual({
      complete: 4,
      measured: 2,
      good: 1,
      bad: 1,
    });
  });

  it('splits a bucket across slices in proportion to time', () => {
    // 10 minutes, 1000 events, 100 bad, into 5-minute slices: 500 / 50 each.
    const split = gridOf([[0, 10, 900, 1000]], 5);
    const counts = [...split.slices.values()];
    expect(counts).toHaveLength(2);
    for (const c of counts) {
      expect(c.total).toBeCloseTo(500, 9);
      expect(c.good).toBeCloseTo(450, 9);
    }
  });

  it('puts slices on the grid of the anchor', () => {
    // anchored 30 s after the bucket start: the minute bucket spans two slices
    const shifted = gridOf([[0, 1, 10, 10]], 1, base + 0.5 * MIN);
    expect(shifted.slices.size).toBe(2);
  });
});
