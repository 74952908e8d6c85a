import { ReadinessResult } from '@vigil/plugin-reliability-common';

/** What the overview needs of an entity besides its result. @public */
export interface ReadinessSubject {
  entityRef: string;
  kind: string;
  title?: string;
  ownerRef?: string;
  systemRef?: string;
}

/** One history point. @public */
export interface ReadinessHistoryPoint {
  at: Date;
  score: number;
  level?: string;
  gapCount: number;
}

/** The headline of a stored result. @public */
export interface ReadinessSummary {
  score: number;
  level?: string;
  targetLevel?: string;
  gapCount: number;
  evaluatedAt: string;
}

/** One group of the overview. @public */
export interface ReadinessAggregate {
  key: string | null;
  entities: number;
  averageScore: number;
  atTarget: number;
  gapItems: number;
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
   */
  saveResult(
    subject: ReadinessSubject,
    result: ReadinessResult,
    historyEverySeconds: number,
  ): Promise<void>;
  getHistory(entityRef: string, since: Date): Promise<ReadinessHistoryPoint[]>;
  /** The headline of the stored results of these entities, by entity ref. */
  getSummaries(entityRefs: string[]): Promise<Map<string, ReadinessSummary>>;
  /** Aggregates by a column over the given entities only. */
  aggregate(
    groupBy: 'tier' | 'owner' | 'system' | 'level',
    entityRefs: string[],
  ): Promise<ReadinessAggregate[]>;
  prune(before: Date): Promise<number>;
}
