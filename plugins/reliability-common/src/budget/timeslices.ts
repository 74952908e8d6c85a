import { CleanBucket } from './buckets';

/** Events in one time slice. */
interface SliceCounts {
  good: number;
  total: number;
}

/**
 * Time slices of fixed length on a grid `anchor + k × length`, with the
 * events of the buckets spread into them (a bucket across a slice boundary
 * is split in proportion to time). Only slices that received buckets are
 * stored.
 */
export interface SliceGrid {
  anchor: number;
  sliceMs: number;
  slices: Map<number, SliceCounts>;
}

/**
 * How the slices of a range score. Timeslices: each measured slice is good
 * (1) or bad (1). RatioTimeslices: each measured slice adds its SLI to
 * `good` and 1 − SLI to `bad` (bad-slice equivalents).
 */
export interface SliceSummary {
  /** Complete slices in the range, with or without events. */
  complete: number;
  /** Complete slices with events. */
  measured: number;
  good: number;
  bad: number;
}

/** A slice whose SLI is this close below the target still meets it (binary rounding). */
const SLICE_TOLERANCE = 1e-12;

/** Spreads the buckets' events over the slice grid, within `[from, to]`. */
export function buildSliceGrid(
  buckets: readonly CleanBucket[],
  anchor: number,
  sliceMs: number,
  from: number,
  to: number,
): SliceGrid {
  const slices = new Map<number, SliceCounts>();
  for (const bucket of buckets) {
    const start = Math.max(bucket.start, from);
    const end = Math.min(bucket.end, to);
    if (end <= start) continue;
    const length = bucket.end - bucket.start;
    const first = Math.floor((start - anchor) / sliceMs);
    const last = Math.ceil((end - anchor) / sliceMs) - 1;
    for (let k = first; k <= last; k++) {
      const sliceStart = anchor + k * sliceMs;
      const overlap =
        Math.min(end, sliceStart + sliceMs) - Math.max(start, sliceStart);
      if (overlap <= 0) continue;
      const share = overlap === length ? 1 : overlap / length;
      const counts = slices.get(k) ?? { good: 0, total: 0 };
      counts.good += bucket.good * share;
      counts.total += bucket.total * share;
      slices.set(k, counts);
    }
  }
  return { anchor, sliceMs, slices };
}

/**
 * Scores the complete slices that lie wholly inside `[from, to]`. A slice
 * without events is neither good nor bad: it is not measured. With
 * `sliceTarget` (Timeslices) a slice is good when its SLI ≥ the target;
 * without it (RatioTimeslices) each slice counts its SLI.
 */
export function summarizeSlices(
  grid: SliceGrid,
  from: number,
  to: number,
  sliceTarget: number | undefined,
): SliceSummary {
  const { anchor, sliceMs } = grid;
  const kMin = Math.ceil((from - anchor) / sliceMs);
  const kMax = Math.floor((to - anchor) / sliceMs) - 1;
  const summary: SliceSummary = {
    complete: Math.max(0, kMax - kMin + 1),
    measured: 0,
    good: 0,
    bad: 0,
  };
  for (const [k, counts] of grid.slices) {
    if (k < kMin || k > kMax || !(counts.total > 0)) continue;
    const sli = Math.min(1, counts.good / counts.total);
    summary.measured++;
    if (sliceTarget === undefined) {
      summary.good += sli;
      summary.bad += 1 - sli;
    } else if (sli >= sliceTarget - SLICE_TOLERANCE) {
      summary.good++;
    } else {
      summary.bad++;
    }
  }
  return summary;
}
