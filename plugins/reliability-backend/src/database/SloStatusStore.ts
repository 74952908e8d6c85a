import { BudgetState } from '@vigil/plugin-reliability-common';

/**
 * Where the counts behind a status came from and how that went. `stale`
 * means the source failed and the figures are the last good ones.
 *
 * @public
 */
export interface SloSourceStatus {
  status: 'ok' | 'stale' | 'no-data';
  reason?: string;
}

/** @public */
export interface StoredSloStatus {
  sloRef: string;
  serviceRef?: string;
  state: BudgetState;
  source: SloSourceStatus;
  /** The serialised ErrorBudgetResult (dates as ISO strings). */
  result: Record<string, unknown>;
  evaluatedAt: Date;
}

/** @public */
export interface SloHistoryPoint {
  at: Date;
  state: BudgetState;
  remaining?: number;
  sli?: number;
}

/**
 * Storage of error-budget statuses and their history.
 *
 * @public
 */
export interface SloStatusStore {
  /**
   * Saves the latest status. A history point is added when the state
   * changed or the last point is at least `historyEverySeconds` old.
   * A stored status evaluated later than this one is kept.
   */
  saveStatus(
    status: StoredSloStatus,
    point: SloHistoryPoint,
    historyEverySeconds: number,
  ): Promise<void>;
  /**
   * {@link SloStatusStore.saveStatus} for many SLOs at once, in a few
   * statements: all of them or, if it fails, none.
   */
  saveStatuses(
    items: Array<{ status: StoredSloStatus; point: SloHistoryPoint }>,
    historyEverySeconds: number,
  ): Promise<void>;
  getStatus(sloRef: string): Promise<StoredSloStatus | undefined>;
  getStatuses(sloRefs: string[]): Promise<StoredSloStatus[]>;
  /** The state of every SLO and its service, without the result documents. */
  listStates(): Promise<
    Array<{ sloRef: string; serviceRef?: string; state: BudgetState }>
  >;
  getHistory(sloRef: string, since: Date): Promise<SloHistoryPoint[]>;
  /** Deletes history points older than `before`; returns how many. */
  prune(before: Date): Promise<number>;
}
