/*
 * Error budgets (DESIGN §6.1): pure maths over bucketed good/total counts.
 */
export * from './types';
export { windowBounds } from './windows';
export { BURN_WINDOW_SETS, resolveBurnWindowSet } from './burnRates';
export type { ResolvedBurnAlert } from './burnRates';
export {
  DEFAULT_BUDGET_ACTIONS,
  evaluateErrorBudget,
  toBudgetSlo,
} from './evaluate';
