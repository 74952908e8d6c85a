/**
 * Synthetic traffic of one example SLO: the share of bad events before and
 * during the last `recentMinutes`, so that a burn can be recent.
 */
export interface TrafficProfile {
  sloName: string;
  /** How far back the first push reaches, in days (the SLO's window). */
  backfillDays: number;
  /** Events per minute. */
  eventsPerMinute: number;
  badRatio: number;
  /** A recent burst: its bad ratio over the last minutes. */
  recent?: { minutes: number; badRatio: number };
}

/**
 * Demo data for the example SLOs (examples/slos.yaml), one per budget
 * state; product-catalog-availability gets nothing, to show no-data.
 */
export const DEMO_PROFILES: TrafficProfile[] = [
  // 28 d at 99.95 %: 0.01 % errors spend a fifth of the budget.
  {
    sloName: 'orders-availability',
    backfillDays: 28,
    eventsPerMinute: 1000,
    badRatio: 0.0001,
  },
  // 28 d at 99.9 %: healthy.
  {
    sloName: 'search-api-availability',
    backfillDays: 28,
    eventsPerMinute: 400,
    badRatio: 0.0002,
  },
  // 7 d at 99.95 %: quiet history, then 1 % errors for two hours — burning.
  {
    sloName: 'payments-gateway-latency',
    backfillDays: 7,
    eventsPerMinute: 1000,
    badRatio: 0.0001,
    recent: { minutes: 120, badRatio: 0.01 },
  },
  // 7 d at 99.9 %: 0.2 % errors all week — exhausted twice over.
  {
    sloName: 'inventory-availability',
    backfillDays: 7,
    eventsPerMinute: 500,
    badRatio: 0.002,
  },
];

/** Whole events: good and total of `minutes` minutes of a profile at a time. */
export function countsOf(
  profile: TrafficProfile,
  minutes: number,
  minutesAgo: number,
): { good: number; total: number } {
  const recent = profile.recent && minutesAgo < profile.recent.minutes;
  const ratio = recent ? profile.recent!.badRatio : profile.badRatio;
  const total = profile.eventsPerMinute * minutes;
  return { good: total - Math.round(total * ratio), total };
}
