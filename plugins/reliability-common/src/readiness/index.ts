/*
 * The readiness evaluator: (entity, related entities, facts, policy, now)
 * → checks, score, level, target level and gap (DESIGN.md §5).
 */
export * from './types';
export { BUILT_IN_CHECKS } from './checks';
export { DR_TEST_DUE_WARNING_DAYS } from './checks/metadata';
export { LOW_BUDGET_REMAINING } from './checks/errorBudget';
export { TECHDOCS_ANNOTATION } from './checks/techdocs';
export { evaluateReadiness, evaluateReadinessAsync } from './evaluate';
export { isExemptionInForce } from './exemptions';
export { openSloSkeleton } from './fixes';
export {
  BLOCKING_STATES,
  PASSING_STATES,
  readinessGap,
  readinessLevel,
  readinessScore,
} from './score';
