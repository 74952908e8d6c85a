import { CheckState } from '../checks';
import { readinessGap, readinessLevel, readinessScore } from './score';
import { CheckOutcome } from './types';

const LEVELS = ['bronze', 'silver', 'gold'];

function o(
  id: string,
  level: string,
  state: CheckState,
  weight = 1,
  counts = state !== 'not-applicable',
): CheckOutcome {
  return { id, title: id, level, state, weight, counts, pending: false };
}

describe('readinessScore', () => {
  it('is the weighted share of counting checks that pass', () => {
    expect(
      readinessScore([
        o('a', 'bronze', 'pass', 3),
        o('b', 'silver', 'fail', 1),
        o('c', 'gold', 'fail', 2),
      ]),
    ).toBe(50);
  });

  it('counts warn and exempt as passing', () => {
    expect(
      readinessScore([
        o('a', 'bronze', 'warn', 2),
        o('b', 'silver', 'exempt', 2),
        o('c', 'gold', 'fail', 1),
      ]),
    ).toBe(80);
  });

  it('leaves no-data, error, not-applicable and pending checks out', () => {
    expect(
      readinessScore([
        o('a', 'bronze', 'pass', 1),
        o('b', 'bronze', 'fail', 1),
        o('c', 'silver', 'no-data', 5),
        o('d', 'silver', 'error', 5),
        o('e', 'gold', 'not-applicable', 5),
        o('f', 'gold', 'fail', 5, false),
      ]),
    ).toBe(50);
  });

  it('rounds to one decimal', () => {
    expect(
      readinessScore([o('a', 'bronze', 'pass', 2), o('b', 'bronze', 'fail')]),
    ).toBe(66.7);
  });

  it('is 0 when nothing counts', () => {
    expect(readinessScore([])).toBe(0);
    expect(readinessScore([o('a', 'bronze', 'no-data')])).toBe(0);
  });
});

describe('readinessLevel', () => {
  it('is the highest level with every lower level passing', () => {
    expect(
      readinessLevel(
        [
          o('a', 'bronze', 'pass'),
          o('b', 'silver', 'exempt'),
          o('c', 'gold', 'fail'),
        ],
        LEVELS,
      ),
    ).toBe('silver');
  });

  it('stops at the first failing level even when a higher one passes', () => {
    expect(
      readinessLevel(
        [
          o('a', 'bronze', 'pass'),
          o('b', 'silver', 'fail'),
          o('c', 'gold', 'pass'),
        ],
        LEVELS,
      ),
    ).toBe('bronze');
  });

  it('is undefined when the lowest level fails or nothing counts', () => {
    expect(readinessLevel([o('a', 'bronze', 'fail')], LEVELS)).toBeUndefined();
    expect(
      readinessLevel([o('a', 'bronze', 'not-applicable')], LEVELS),
    ).toBeUndefined();
  });

  it('is held back by no-data but not by error, warn or a pending fail', () => {
    expect(
      readinessLevel(
        [o('a', 'bronze', 'pass'), o('b', 'silver', 'no-data')],
        LEVELS,
      ),
    ).toBe('bronze');
    expect(
      readinessLevel(
        [
          o('a', 'bronze', 'pass'),
          o('b', 'silver', 'error'),
          o('c', 'silver', 'warn'),
          o('d', 'gold', 'fail', 1, false),
        ],
        LEVELS,
      ),
    ).toBe('gold');
  });

  it('reaches a level whose checks do not apply (levels are per tier)', () => {
    expect(
      readinessLevel(
        [o('a', 'bronze', 'pass'), o('b', 'silver', 'not-applicable')],
        LEVELS,
      ),
    ).toBe('gold');
  });
});

describe('readinessGap', () => {
  const checks = [
    o('a', 'bronze', 'pass'),
    o('b', 'silver', 'fail', 1),
    o('c', 'silver', 'fail', 3),
    o('d', 'silver', 'no-data', 2),
    o('e', 'silver', 'error', 2),
    o('f', 'gold', 'fail', 2),
    o('g', 'silver', 'fail', 1, false),
  ];

  it('lists what blocks the levels up to the target, by level then weight', () => {
    expect(
      readinessGap(checks, LEVELS, 'bronze', 'gold').map(c => c.id),
    ).toEqual(['c', 'd', 'b', 'f']);
  });

  it('stops at the target level', () => {
    expect(
      readinessGap(checks, LEVELS, 'bronze', 'silver').map(c => c.id),
    ).toEqual(['c', 'd', 'b']);
  });

  it('is empty when the target is reached', () => {
    expect(readinessGap(checks, LEVELS, 'gold', 'silver')).toEqual([]);
  });

  it('without a target, is the next level up', () => {
    expect(
      readinessGap(
        [o('a', 'bronze', 'fail'), o('b', 'silver', 'fail')],
        LEVELS,
        undefined,
        undefined,
      ).map(c => c.id),
    ).toEqual(['a']);
  });

  it('orders equal weights by id', () => {
    expect(
      readinessGap(
        [o('z', 'bronze', 'fail'), o('m', 'bronze', 'fail')],
        LEVELS,
        undefined,
        'bronze',
      ).map(c => c.id),
    ).toEqual(['m', 'z']);
  });
});
