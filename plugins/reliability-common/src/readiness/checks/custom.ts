/*
 * Custom checks: applicability by kind and tier, and a guarded call, so a
 * check that throws, hangs on a promise in a synchronous evaluation or
 * returns nonsense gives `error` (never `fail`).
 */
import { Entity } from '@backstage/catalog-model';
import { CHECK_STATES, CheckResult } from '../../checks';
import { ReadinessCheckContext, ReadinessCustomCheck } from '../types';
import { EvaluationContext, notApplicable, Verdict } from './context';

/** The context a custom check is given. */
export function customCheckContext(
  context: EvaluationContext,
): ReadinessCheckContext {
  const { related } = context;
  return {
    entity: context.entity,
    profile: context.profile,
    tier: context.tier,
    related,
    relatedEntities: [
      ...(related.owner ? [related.owner] : []),
      ...related.dependencies,
      ...related.dependents,
      ...related.slos,
    ] as Entity[],
    facts: context.facts,
    policy: context.policy,
    now: context.now,
  };
}

/** Not applicable by kind or tier, or undefined when the check applies. */
export function customCheckNotApplicable(
  check: ReadinessCustomCheck,
  context: EvaluationContext,
): Verdict | undefined {
  const kinds = (check.kinds ?? ['component']).map(k =>
    k.toLocaleLowerCase('en-US'),
  );
  if (!kinds.includes(context.kind)) {
    return notApplicable(`applies to ${kinds.join(', ')} entities only`);
  }
  if (check.tiers) {
    if (context.tierValue === undefined) {
      return notApplicable(
        `applies to tiers ${check.tiers.join(', ')}, and no tier is declared`,
      );
    }
    if (!check.tiers.includes(context.tierValue)) {
      return notApplicable(`not required for ${context.tier}`);
    }
  }
  return undefined;
}

const errorMessage = (check: ReadinessCustomCheck, reason: unknown) =>
  `the check ${check.id} could not be evaluated: ${
    reason instanceof Error ? reason.message : String(reason)
  }`;

/** A custom check's result, validated; `error` when it is not a result. */
export function customCheckVerdict(
  check: ReadinessCustomCheck,
  result: unknown,
): CheckResult {
  const value = result as Partial<CheckResult> | undefined;
  if (
    typeof value !== 'object' ||
    value === null ||
    !(CHECK_STATES as readonly unknown[]).includes(value.state)
  ) {
    return {
      state: 'error',
      message: errorMessage(
        check,
        `it returned ${
          JSON.stringify(result) ?? String(result)
        }, not a result with a state among ${CHECK_STATES.join(', ')}`,
      ),
    };
  }
  return {
    state: value.state as CheckResult['state'],
    ...(typeof value.message === 'string' ? { message: value.message } : {}),
    ...(typeof value.fix === 'string' ? { fix: value.fix } : {}),
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Runs a custom check synchronously: a promise it returns is an error. */
export function runCustomCheckSync(
  check: ReadinessCustomCheck,
  context: ReadinessCheckContext,
): CheckResult {
  try {
    const result = check.evaluate(context);
    if (isThenable(result)) {
      // Keep an eventual rejection from surfacing as an unhandled one.
      Promise.resolve(result).catch(() => undefined);
      return {
        state: 'error',
        message: errorMessage(
          check,
          'it is asynchronous; use evaluateReadinessAsync',
        ),
      };
    }
    return customCheckVerdict(check, result);
  } catch (error) {
    return { state: 'error', message: errorMessage(check, error) };
  }
}

/** Runs a custom check, awaiting it. */
export async function runCustomCheck(
  check: ReadinessCustomCheck,
  context: ReadinessCheckContext,
): Promise<CheckResult> {
  try {
    return customCheckVerdict(check, await check.evaluate(context));
  } catch (error) {
    return { state: 'error', message: errorMessage(check, error) };
  }
}
