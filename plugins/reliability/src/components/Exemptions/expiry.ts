/** Today in UTC as YYYY-MM-DD, the earliest expiry date to offer. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The last day an exemption granted now may run to: its expiry (the end of
 * that day, see expiryOfDay) must lie at most `maxDays` days ahead, as the
 * backend checks.
 */
export function lastDayWithin(maxDays: number, now: Date = new Date()): string {
  // How long after midnight expiryOfDay's expiry falls.
  const endOfDay = Date.parse(expiryOfDay('1970-01-01'));
  return todayUtc(new Date(now.getTime() + maxDays * 86_400_000 - endOfDay));
}

/**
 * The expiry sent for a chosen day: the end of that day in UTC, so an
 * exemption "until 2026-12-31" still counts on the 31st everywhere.
 */
export function expiryOfDay(day: string): string {
  return `${day}T23:59:59.000Z`;
}

/** True while the exemption counts: its expiry lies ahead. */
export function isInForce(
  exemption: { expiresAt: string },
  now: Date = new Date(),
): boolean {
  const expires = Date.parse(exemption.expiresAt);
  return !Number.isNaN(expires) && expires > now.getTime();
}
