/*
 * error-budget-healthy: the budget states of the entity's SLOs, from the
 * `error-budget` fact (computed elsewhere by the budget maths).
 */
import { CheckState } from '../../checks';
import { BUDGET_STATES } from '../../budget/types';
import { ERROR_BUDGET_FACT, ErrorBudgetFact } from '../types';
import { CheckEvaluator, NOT_A_SERVICE, notApplicable } from './context';

/**
 * Below this share of budget left, error-budget-healthy warns
 * (DESIGN.md §5.1).
 *
 * @public
 */
export const LOW_BUDGET_REMAINING = 0.25;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const finite = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** One budget, or undefined when the value is not one. */
function readFact(value: unknown): ErrorBudgetFact | undefined {
  if (!isObject(value)) return undefined;
  const state = value.state;
  if (!(BUDGET_STATES as readonly unknown[]).includes(state)) {
    return undefined;
  }
  // A plain fact, or an ErrorBudgetResult of the budget maths.
  const remaining =
    finite(value.remaining) ??
    (isObject(value.errorBudget)
      ? finite(value.errorBudget.remaining)
      : undefined);
  return { state: state as ErrorBudgetFact['state'], remaining };
}

/** The budgets of one SLO: one, or one per objective. */
function readFacts(value: unknown): Array<ErrorBudgetFact | undefined> {
  if (Array.isArray(value) && value.length > 0) return value.map(readFact);
  return [readFact(value)];
}

const percent = (share: number) =>
  `${Math.round(share * 1000) / 10} % of the budget left`;

/** How one SLO's budget state reads as a check state. */
function judge(fact: ErrorBudgetFact | undefined): {
  state: CheckState;
  text: string;
} {
  if (!fact) return { state: 'no-data', text: 'no budget data yet' };
  const left =
    fact.remaining === undefined ? '' : ` (${percent(fact.remaining)})`;
  switch (fact.state) {
    case 'exhausted':
      return { state: 'fail', text: `budget exhausted${left}` };
    case 'burning':
      return { state: 'fail', text: `budget burning fast${left}` };
    case 'at-risk':
      return { state: 'warn', text: `budget at risk${left}` };
    case 'no-data':
      return { state: 'no-data', text: 'no SLI data' };
    default:
      if (
        fact.remaining !== undefined &&
        fact.remaining < LOW_BUDGET_REMAINING
      ) {
        return {
          state: 'warn',
          text: `only ${percent(fact.remaining)}, below ${
            LOW_BUDGET_REMAINING * 100
          } %`,
        };
      }
      return { state: 'pass', text: `healthy${left}` };
  }
}

/** Fail outranks no-data, which outranks warn, which outranks pass. */
const SEVERITY: CheckState[] = ['fail', 'no-data', 'warn', 'pass'];

type Judged = { state: CheckState; text: string };

/** The most severe of the judgements; the first of equals. */
function worst<T extends { state: CheckState }>(judged: T[]): T {
  let found = judged[0];
  for (const candidate of judged) {
    if (SEVERITY.indexOf(candidate.state) < SEVERITY.indexOf(found.state)) {
      found = candidate;
    }
  }
  return found;
}

/**
 * The facts by lower-case SLO ref (a later spelling of the same ref wins).
 * A loop, not Object.entries and map: this runs for every entity with SLOs.
 */
function factsByRef(facts: Record<string, unknown>): Map<string, unknown> {
  const byRef = new Map<string, unknown>();
  for (const ref of Object.keys(facts)) {
    byRef.set(ref.toLowerCase(), facts[ref]);
  }
  return byRef;
}

const ADVICE: Partial<Record<CheckState, string>> = {
  fail: 'Slow down risky changes and spend effort on reliability until the budget recovers.',
  warn: 'The budget is running low: watch the burn rate before the next risky change.',
  'no-data':
    'No error-budget data has arrived: check the SLO data source (metricSourceRef) or push samples to the built-in source.',
};

/** error-budget-healthy. Without SLOs there is no budget: not applicable. */
export const evaluateErrorBudgetHealthy: CheckEvaluator = context => {
  if (!context.reliabilityKind) return notApplicable(NOT_A_SERVICE);
  if (context.slos.length === 0) {
    return notApplicable('the entity has no SLO, so no error budget');
  }
  const raw = context.facts[ERROR_BUDGET_FACT];
  const byRef = factsByRef(isObject(raw) ? raw : {});
  const verdicts: Judged[] = [];
  const lines: string[] = [];
  for (const slo of context.slos) {
    const facts = readFacts(byRef.get(slo.entityRef.toLowerCase()));
    const verdict = worst(facts.map(judge));
    verdicts.push(verdict);
    lines.push(`${slo.entityRef}: ${verdict.text}`);
  }
  const state = worst(verdicts).state;
  if (state === 'pass') return { state, message: lines.join('\n') };
  const advice = ADVICE[state];
  if (advice) lines.push(advice);
  return { state, message: lines.join('\n') };
};
