/**
 * One bucket of good and total event counts for one SLO.
 *
 * @public
 */
export interface SliBucketRow {
  sloRef: string;
  start: Date;
  end: Date;
  good: number;
  total: number;
  receivedAt: Date;
}

/**
 * A stored bucket whose time range overlaps a new one without being the
 * same range: counting both would count events twice.
 *
 * @public
 */
export interface BucketOverlap {
  incoming: { start: Date; end: Date };
  stored: { start: Date; end: Date };
}

/**
 * Storage of the built-in SLI source.
 *
 * @public
 */
export interface SliBucketStore {
  /**
   * Writes all buckets or none. A bucket with the same range as a stored
   * one replaces it (idempotent re-sends); a bucket that overlaps a stored
   * one with another range is refused and nothing is written.
   */
  putBuckets(
    sloRef: string,
    buckets: Array<{ start: Date; end: Date; good: number; total: number }>,
    receivedAt: Date,
  ): Promise<{ written: number } | { overlaps: BucketOverlap[] }>;
  /** Buckets that end after `from` and start before `to`, oldest first. */
  listBuckets(sloRef: string, from: Date, to: Date): Promise<SliBucketRow[]>;
  /** Deletes buckets that ended before `before`; returns how many. */
  pruneBefore(before: Date): Promise<number>;
}
