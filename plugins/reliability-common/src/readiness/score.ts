import { CheckState } from '../checks';
import { CheckOutcome } from './types';

/**
 * States that pass: `warn` passes now (it is about to fail), `exempt`
 * passes while its exemption is in force.
 *
 * @public
 */
export const PASSING_STATES: readonly CheckState[] = ['pass', 'warn', 'exempt'];

/**
 * States that hold a level back and belong in the gap. `no-data` does: a
 * level is only reached on evidence. `error` never does (the check failed,
 * not the entity); nor does `not-applicable`.
 *
 * @public
 */
export const BLOCKING_STATES: readonly CheckState[] = ['fail', 'no-data'];

/**
 * `localeCompare` without its per-call setup: the same collator (the
 * default locale's) made once.
 */
const compareIds = new Intl.Collator().compare;

const passes = (o: CheckOutcome) => PASSING_STATES.includes(o.state);
const blocks = (o: CheckOutcome) =>
  o.counts && BLOCKING_STATES.includes(o.state);

/**
 * The weighted share of counting checks that pass, 0–100 with one
 * decimal. `no-data` and `error` are left out of the denominator (nothing
 * is known); with nothing to count, the score is 0.
 *
 * @public
 */
export function readinessScore(checks: CheckOutcome[]): number {
  let passed = 0;
  let total = 0;
  for (const check of checks) {
    if (!check.counts) continue;
    if (passes(check)) {
      passed += check.weight;
      total += check.weight;
    } else if (check.state === 'fail') {
      total += check.weight;
    }
  }
  return total === 0 ? 0 : Math.round((passed / total) * 1000) / 10;
}

/**
 * The highest level such that no counting check of it, or of a lower
 * level, fails or lacks data (exempt and warn pass). Checks of levels the
 * policy does not list are ignored here. Undefined when the lowest level
 * is not reached, or when no check counts at all.
 *
 * @public
 */
export function readinessLevel(
  checks: CheckOutcome[],
  levels: string[],
): string | undefined {
  if (!checks.some(c => c.counts)) return undefined;
  let reached: string | undefined;
  for (const level of levels) {
    if (checks.some(c => c.level === level && blocks(c))) break;
    reached = level;
  }
  return reached;
}

/**
 * The counting checks that hold the entity below its target level (fail
 * or no-data), from the level above the current one up to the target,
 * ordered by level, then weight (heaviest first), then id. Without a
 * target level, the gap is the next level up.
 *
 * @public
 */
export function readinessGap(
  checks: CheckOutcome[],
  levels: string[],
  level: string | undefined,
  targetLevel: string | undefined,
): CheckOutcome[] {
  const current = level === undefined ? -1 : levels.indexOf(level);
  const target =
    targetLevel === undefined
      ? Math.min(current + 1, levels.length - 1)
      : levels.indexOf(targetLevel);
  const rank = (c: CheckOutcome) => levels.indexOf(c.level);
  const gap: CheckOutcome[] = [];
  for (const check of checks) {
    if (blocks(check) && rank(check) > current && rank(check) <= target) {
      gap.push(check);
    }
  }
  if (gap.length > 1) {
    gap.sort(
      (a, b) =>
        rank(a) - rank(b) || b.weight - a.weight || compareIds(a.id, b.id),
    );
  }
  return gap;
}
