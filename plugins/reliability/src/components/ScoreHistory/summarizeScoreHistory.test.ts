import { summarizeScoreHistory } from './summarizeScoreHistory';

describe('summarizeScoreHistory', () => {
  it('says nothing without history', () => {
    expect(summarizeScoreHistory([])).toBe('');
  });

  it('names the one snapshot there is', () => {
    expect(
      summarizeScoreHistory([
        { at: '2026-11-27T10:00:00.000Z', score: 81, gapCount: 0 },
      ]),
    ).toBe('Score 81 on 2026-11-27 (1 snapshot)');
  });

  it('gives the first and last score and the days between, whatever the order', () => {
    expect(
      summarizeScoreHistory([
        { at: '2026-11-27T10:00:00.000Z', score: 81, gapCount: 0 },
        { at: '2026-10-28T10:00:00.000Z', score: 62, gapCount: 3 },
        { at: '2026-11-10T10:00:00.000Z', score: 70, gapCount: 2 },
      ]),
    ).toBe(
      'Score 62 → 81 over 30 days (2026-10-28 to 2026-11-27, 3 snapshots)',
    );
  });

  it('says "within a day" for snapshots of the same day', () => {
    expect(
      summarizeScoreHistory([
        { at: '2026-11-27T09:00:00.000Z', score: 50, gapCount: 2 },
        { at: '2026-11-27T10:00:00.000Z', score: 75, gapCount: 1 },
      ]),
    ).toBe(
      'Score 50 → 75 within a day (2026-11-27 to 2026-11-27, 2 snapshots)',
    );
  });
});
