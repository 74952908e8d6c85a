import { expiryOfDay, lastDayWithin } from './expiry';

describe('lastDayWithin', () => {
  const maxDays = 90;
  const aheadMs = (day: string, now: Date) =>
    Date.parse(expiryOfDay(day)) - now.getTime();

  it.each([
    '2026-11-27T16:00:00.000Z',
    '2026-11-27T00:00:00.000Z',
    '2026-11-27T23:59:59.000Z',
    '2026-12-31T12:30:00.000Z',
  ])('gives the last day whose end lies within the cap, from %s', nowText => {
    const now = new Date(nowText);
    const last = lastDayWithin(maxDays, now);
    const cap = maxDays * 86_400_000;
    // The backend's check: expiresAt <= now + maxDays days.
    expect(aheadMs(last, now)).toBeLessThanOrEqual(cap);
    const next = new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(aheadMs(next, now)).toBeGreaterThan(cap);
  });

  it('counts from today', () => {
    expect(lastDayWithin(90, new Date('2026-11-27T16:00:00.000Z'))).toBe(
      '2027-02-24',
    );
  });
});
