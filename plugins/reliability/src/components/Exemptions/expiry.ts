/** Today in UTC as YYYY-MM-DD, the earliest expiry date to offer. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
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
