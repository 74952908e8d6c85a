import { SliCounts } from '@vigil/plugin-reliability-node';
import { SecondsRange } from '../query/plan';
import { isoSeconds as iso } from './isoSeconds';

/**
 * Good and total counts of consecutive buckets, held compactly (two
 * Float64Arrays, ≈ 16 bytes a bucket) so that the last good answer of many
 * SLOs fits in memory. A NaN total marks a missing bucket.
 */
export interface CountSeries {
  /** Start of the first whole bucket, unix seconds. */
  start: number;
  stepSeconds: number;
  good: Float64Array;
  total: Float64Array;
  /** The partial bucket after the last whole one. */
  tail?: { start: number; end: number; good: number; total: number };
}

const overlapsAny = (start: number, end: number, ranges: SecondsRange[]) =>
  ranges.some(range => start < range.end && end > range.start);

/** The buckets of `series` that overlap one of the `requested` ranges. */
export function toSliCounts(
  series: CountSeries,
  requested: SecondsRange[],
): SliCounts[] {
  const counts: SliCounts[] = [];
  const { start, stepSeconds, good, total, tail } = series;
  // A bucket's end is the next one's start: format each bound once.
  let endAt = NaN;
  let endText = '';
  for (let i = 0; i < total.length; i++) {
    const bucketStart = start + i * stepSeconds;
    const bucketEnd = bucketStart + stepSeconds;
    if (
      !Number.isNaN(total[i]) &&
      overlapsAny(bucketStart, bucketEnd, requested)
    ) {
      const startText = endAt === bucketStart ? endText : iso(bucketStart);
      endAt = bucketEnd;
      endText = iso(bucketEnd);
      counts.push({
        start: startText,
        end: endText,
        good: good[i],
        total: total[i],
      });
    }
  }
  if (tail && overlapsAny(tail.start, tail.end, requested)) {
    counts.push({
      start: iso(tail.start),
      end: iso(tail.end),
      good: tail.good,
      total: tail.total,
    });
  }
  return counts;
}

/** How many buckets hold counts. */
export function bucketCount(series: CountSeries): number {
  let count = series.tail ? 1 : 0;
  for (const total of series.total) {
    if (!Number.isNaN(total)) count++;
  }
  return count;
}
