import { formatTimestamp } from './formatTimestamp';

describe('formatTimestamp', () => {
  it('writes the moment in UTC to the minute', () => {
    expect(formatTimestamp('2026-01-10T13:05:59+01:00')).toBe(
      '2026-01-10 12:05 UTC',
    );
  });

  it('shows text that is not a timestamp as it is', () => {
    expect(formatTimestamp('yesterday')).toBe('yesterday');
  });
});
