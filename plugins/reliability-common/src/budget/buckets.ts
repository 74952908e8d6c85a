import { SliBucket } from './types';

/** A bucket that passed {@link sanitizeBuckets}: times in ms, good ≤ total. */
export interface CleanBucket {
  start: number;
  end: number;
  good: number;
  total: number;
}

/** Buckets fit for the maths, oldest first, and what was set aside. */
export interface SanitizedBuckets {
  buckets: CleanBucket[];
  /** NaN, ±Infinity, negative or non-numeric counts; unreadable or empty time range. */
  invalid: number;
  /** good > total: good was lowered to total. */
  clamped: number;
  /** Some buckets overlap in time: their counts were summed. */
  overlapping: boolean;
}

function toMs(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') return Date.parse(value);
  return NaN;
}

/** Above 2^53 − 1 a count is not exact, and sums could overflow: invalid. */
const isCount = (value: unknown): value is number =>
  typeof value === 'number' &&
  Number.isFinite(value) &&
  value >= 0 &&
  value <= Number.MAX_SAFE_INTEGER;

/**
 * Keeps the buckets the maths can trust. A bucket whose good or total is
 * NaN, ±Infinity, negative, above 2^53 − 1 or not a number, or whose time
 * range is
 * unreadable or empty, is counted in `invalid` and treated as missing:
 * it adds neither events nor coverage. A bucket with good > total (scrape
 * skew between two counters) is kept with good = total and counted in
 * `clamped`.
 */
export function sanitizeBuckets(
  buckets: readonly SliBucket[],
): SanitizedBuckets {
  const clean: CleanBucket[] = [];
  let invalid = 0;
  let clamped = 0;
  for (const bucket of buckets) {
    const start = toMs(bucket?.start);
    const end = toMs(bucket?.end);
    if (
      !Number.isFinite(start) ||
      !Number.isFinite(end) ||
      end <= start ||
      !isCount(bucket.good) ||
      !isCount(bucket.total)
    ) {
      invalid++;
      continue;
    }
    let good = bucket.good;
    if (good > bucket.total) {
      good = bucket.total;
      clamped++;
    }
    clean.push({ start, end, good, total: bucket.total });
  }
  clean.sort((a, b) => a.start - b.start || a.end - b.end);
  let overlapping = false;
  let reach = -Infinity;
  for (const bucket of clean) {
    if (bucket.start < reach) overlapping = true;
    reach = Math.max(reach, bucket.end);
  }
  return { buckets: clean, invalid, clamped, overlapping };
}

/** Events and coverage of the range `[from, to]`. */
export interface RangeSum {
  good: number;
  total: number;
  /** Share of the range covered by at least one bucket, in [0, 1]; 0 for an empty range. */
  coverage: number;
  /** Start of the earliest bucket overlapping the range. */
  firstStart?: number;
}

/**
 * Sums the buckets over `[from, to]` (ms). A bucket partly inside counts in
 * proportion to the overlap: its events are taken as spread evenly over its
 * time range. A bucket wholly inside counts exactly.
 */
export function sumRange(
  buckets: readonly CleanBucket[],
  from: number,
  to: number,
): RangeSum {
  let good = 0;
  let total = 0;
  let covered = 0;
  let coveredUntil = from;
  let firstStart: number | undefined;
  for (const bucket of buckets) {
    if (bucket.start >= to) break;
    if (bucket.end <= from) continue;
    const overlapStart = Math.max(bucket.start, from);
    const overlapEnd = Math.min(bucket.end, to);
    if (overlapEnd <= overlapStart) continue;
    firstStart ??= bucket.start;
    const share =
      overlapStart === bucket.start && overlapEnd === bucket.end
        ? 1
        : (overlapEnd - overlapStart) / (bucket.end - bucket.start);
    good += bucket.good * share;
    total += bucket.total * share;
    // Buckets are sorted by start: the covered union grows left to right.
    if (overlapEnd > coveredUntil) {
      covered += overlapEnd - Math.max(overlapStart, coveredUntil);
      coveredUntil = overlapEnd;
    }
  }
  const length = to - from;
  const coverage = length > 0 ? Math.min(1, covered / length) : 0;
  return { good, total, coverage, firstStart };
}
