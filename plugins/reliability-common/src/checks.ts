/**
 * The states a readiness check can take (DESIGN.md §5.1).
 *
 * - `pass`: the requirement is met.
 * - `fail`: it is not.
 * - `warn`: it passes now but is about to fail.
 * - `not-applicable`: not required for this tier or kind.
 * - `no-data`: it needs data that has not arrived.
 * - `error`: the check itself failed; never counted as a fail.
 * - `exempt`: an exemption in force covers it.
 *
 * @public
 */
export const CHECK_STATES = [
  'pass',
  'fail',
  'warn',
  'not-applicable',
  'no-data',
  'error',
  'exempt',
] as const;

/** @public */
export type CheckState = (typeof CHECK_STATES)[number];

/**
 * What one check says about one entity. Every non-pass result names the
 * field and how to fix it; `fix` holds the YAML to add where that applies.
 *
 * @public
 */
export interface CheckResult {
  state: CheckState;
  message?: string;
  fix?: string;
}
