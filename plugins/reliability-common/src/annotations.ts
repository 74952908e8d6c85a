/**
 * Annotation keys of Vigil's reliability metadata (DESIGN.md §3.1).
 *
 * @public
 */
export const RELIABILITY_ANNOTATIONS = {
  /** Criticality: `tier-0` … `tier-3` (also `0` … `3`). */
  tier: 'vigil/tier',
  /** Primary runbook URL. */
  runbook: 'vigil/runbook',
  /** Recovery time objective, a duration such as `1h`. */
  rto: 'vigil/rto',
  /** Recovery point objective, a duration such as `15m`. */
  rpo: 'vigil/rpo',
  /** Disaster-recovery posture. */
  drStrategy: 'vigil/dr-strategy',
  /** ISO date of the last successful DR test. */
  drTested: 'vigil/dr-tested',
  /** DR procedure URL. */
  drRunbook: 'vigil/dr-runbook',
  /** Main service dashboard URL. */
  dashboard: 'vigil/dashboard',
} as const;

/**
 * The name of one reliability annotation field, e.g. `tier` or `rto`.
 *
 * @public
 */
export type ReliabilityAnnotationField = keyof typeof RELIABILITY_ANNOTATIONS;

/**
 * Kinds that carry reliability metadata and get a Reliability tab.
 *
 * @public
 */
export const RELIABILITY_ENTITY_KINDS = ['Component', 'System', 'Resource'];
