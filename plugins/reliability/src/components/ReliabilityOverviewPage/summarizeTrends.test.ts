import { summarizeTrends } from './summarizeTrends';

const point = (
  date: string,
  averageScore: number,
  atTarget: number,
  entities = 40,
) => ({ date, averageScore, atTarget, entities });

describe('summarizeTrends', () => {
  it('says where both series started and ended', () => {
    expect(
      summarizeTrends(
        [
          point('2026-09-01', 0, 0, 0),
          point('2026-09-02', 61.25, 10),
          point('2026-09-03', 64, 10),
          point('2026-11-30', 72.5, 8, 42),
        ],
        90,
      ),
    ).toBe(
      'From 2026-09-02 to 2026-11-30, the average score rose from 61.3 to 72.5 and the entities at target fell from 10 to 8 (of 42 on the last day).',
    );
  });

  it('says when a series stayed level', () => {
    expect(
      summarizeTrends(
        [point('2026-11-29', 70, 5), point('2026-11-30', 70, 5)],
        90,
      ),
    ).toBe(
      'From 2026-11-29 to 2026-11-30, the average score stayed at 70 and the entities at target stayed at 5 (of 40 on the last day).',
    );
  });

  it('reads a single day and no history', () => {
    expect(summarizeTrends([point('2026-11-30', 50, 3, 7)], 90)).toBe(
      'On 2026-11-30: average score 50, 3 of 7 entities at target (one day of history so far).',
    );
    expect(summarizeTrends([], 30)).toBe(
      'No readiness history in the last 30 days for these entities.',
    );
  });
});
