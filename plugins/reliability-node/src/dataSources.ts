/**
 * Good and total event counts of one time range, as a source reports them.
 *
 * @public
 */
export interface SliCounts {
  /** Inclusive start, ISO timestamp. */
  start: string;
  /** Exclusive end, ISO timestamp. */
  end: string;
  good: number;
  total: number;
}

/**
 * A request for the counts of one SLO's indicator over some time ranges.
 *
 * @public
 */
export interface SliCountsRequest {
  /** Entity ref of the SLO, e.g. `slo:default/orders-availability`. */
  sloRef: string;
  /**
   * The indicator's source-specific definition as written in the SLO
   * (e.g. the OpenSLO `ratioMetric` with PromQL queries).
   */
  indicator: Record<string, unknown>;
  ranges: Array<{ start: string; end: string }>;
}

/**
 * The answer of a source. `no-data` and `stale` are normal answers, not
 * errors: a failing source never erases the last good value.
 *
 * @public
 */
export type SliCountsResult =
  | { status: 'ok'; counts: SliCounts[] }
  | { status: 'no-data'; reason: string }
  | {
      status: 'stale';
      reason: string;
      /** The last good counts for the same queries, when the source kept them. */
      counts?: SliCounts[];
      /** When those counts were read, ISO timestamp. */
      asOf?: string;
    };

/**
 * A source of SLI data, named by `metricSourceRef` in SLO documents.
 *
 * @public
 */
export interface SliDataSource {
  /** The name SLOs use in `metricSourceRef`, e.g. `prometheus-main`. */
  id: string;
  /** The kind of source, e.g. `prometheus` or `builtin`. */
  type: string;
  readCounts(request: SliCountsRequest): Promise<SliCountsResult>;
}
