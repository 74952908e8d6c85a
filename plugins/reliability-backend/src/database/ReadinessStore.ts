import { ReadinessResult } from '@vigil/plugin-reliability-common';

/** What the overview needs of an entity besides its result. @public */
export interface ReadinessSubject {
  entityRef: string;
  kind: string;
  title?: string;
  ownerRef?: string;
  systemRef?: string;
  /** Which reliability basics the entity has (see overview/coverage.ts). */
  coverage: {
    slo: boolean;
    runbook: boolean;
    onCall: boolean;
    drTested: boolean;
  };
  /** Metadata values that do not parse. */
  errorCount: number;
  /** Policy findings that count now. */
  violationCount: number;
}

/** One history point. @public */
export interface ReadinessHistoryPoint {
  at: Date;
  score: number;
  level?: string;
  gapCount: number;
}

/** One stored result as the overview reads it: columns, no document. @public */
export interface StoredOverviewRow extends ReadinessSubject {
  tier?: string;
  score: number;
  level?: string;
  targetLevel?: string;
  gapCount: number;
  evaluatedAt: Date;
}

/** One history point with its entity, for trends. @public */
export interface EntityHistoryPoint extends ReadinessHistoryPoint {
  entityRef: string;
}

/**
 * Storage of readiness results and their history.
 *
 * @public
 */
export interface ReadinessStore {
  /**
   * Saves the latest result. A history point is written when the result
   * changed, or when the last point is older than `historyEverySeconds`.
   * A stored result evaluated later than this one is kept.
   */
  saveResult(
    subject: ReadinessSubject,
    result: ReadinessResult,
    historyEverySeconds: number,
  ): Promise<void>;
  /** {@link ReadinessStore.saveResult} for many, in few transactions. */
  saveResults(
    items: Array<{ subject: ReadinessSubject; result: ReadinessResult }>,
    historyEverySeconds: number,
  ): Promise<void>;
  /** The last stored result of an entity, if it has been evaluated. */
  getResult(entityRef: string): Promise<ReadinessResult | undefined>;
  getHistory(entityRef: string, since: Date): Promise<ReadinessHistoryPoint[]>;
  /** Every stored result's overview columns. */
  listOverviewRows(): Promise<StoredOverviewRow[]>;
  /** Changes whenever a result is saved: count and newest evaluation. */
  version(): Promise<string>;
  /** History points of all entities since a moment, oldest first. */
  historySince(since: Date): Promise<EntityHistoryPoint[]>;
  prune(before: Date): Promise<number>;
}
