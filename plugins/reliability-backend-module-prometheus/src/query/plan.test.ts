import { planQueries } from './plan';

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const DAY = 86_400;
// A multiple of every step used below.
const T0 = 1_795_651_200;

const plan = (
  ranges: Array<[number, number]>,
  options = { minStepSeconds: 300, maxPoints: 11_000 },
) =>
  planQueries(
    ranges.map(([start, end]) => ({ start: iso(start), end: iso(end) })),
    options,
  );

describe('planQueries', () => {
  it('reads 28 days at the 5-minute minimum step: 8,064 points', () => {
    expect(plan([[T0 - 28 * DAY, T0]])).toEqual({
      stepSeconds: 300,
      range: { start: T0 - 28 * DAY + 300, end: T0, points: 8064 },
      requested: [{ start: T0 - 28 * DAY, end: T0 }],
    });
  });

  it('adds an instant query for the partial bucket after the last boundary', () => {
    const end = T0 + 133;
    expect(plan([[end - 30 * DAY, end]])).toMatchObject({
      stepSeconds: 300,
      range: { start: T0 - 30 * DAY + 300, end: T0, points: 8640 },
      tail: { start: T0, end },
    });
  });

  it('aligns the first bucket on a step boundary before the start', () => {
    const result = plan([[T0 + 100, T0 + 1000]]);
    expect(result).toMatchObject({
      range: { start: T0 + 300, end: T0 + 900, points: 3 },
      tail: { start: T0 + 900, end: T0 + 1000 },
    });
  });

  it('reads a range shorter than a step with the instant query alone', () => {
    expect(plan([[T0 + 10, T0 + 70]])).toEqual({
      stepSeconds: 300,
      tail: { start: T0 + 10, end: T0 + 70 },
      requested: [{ start: T0 + 10, end: T0 + 70 }],
    });
  });

  it.each([
    [90, 900],
    [366, 3600],
    [3 * 366, 10_800],
    [40 * 365, 2 * DAY],
  ])('keeps %d days within 11,000 points (step %d s)', (days, expectedStep) => {
    const result = plan([[T0 - days * DAY, T0]]);
    expect(result).toMatchObject({ stepSeconds: expectedStep });
    expect('range' in result && result.range!.points).toBeLessThanOrEqual(
      11_000,
    );
  });

  it('honours a smaller maxPoints and minimum step', () => {
    expect(
      plan([[T0 - DAY, T0]], { minStepSeconds: 60, maxPoints: 1000 }),
    ).toMatchObject({ stepSeconds: 120, range: { points: 720 } });
    expect(
      plan([[T0 - 3600, T0]], { minStepSeconds: 60, maxPoints: 11_000 }),
    ).toMatchObject({ stepSeconds: 60, range: { points: 60 } });
  });

  it('covers several ranges with one query over their hull', () => {
    expect(
      plan([
        [T0 - 3600, T0],
        [T0 - 7 * DAY, T0 - 6 * DAY],
      ]),
    ).toMatchObject({
      range: { start: T0 - 7 * DAY + 300, end: T0, points: 2016 },
    });
  });

  it('plans nothing for no ranges', () => {
    expect(plan([])).toEqual({ stepSeconds: 300, requested: [] });
  });

  it('explains an invalid range', () => {
    expect(
      planQueries([{ start: 'yesterday', end: iso(T0) }], {
        minStepSeconds: 300,
        maxPoints: 11_000,
      }),
    ).toEqual({
      problem: `range 0 (yesterday – ${iso(T0)}) is not a valid time range`,
    });
    expect(plan([[T0, T0]])).toMatchObject({
      problem: expect.stringContaining('is not a valid time range'),
    });
  });
});
