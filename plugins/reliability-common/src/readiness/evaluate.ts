import { CheckResult } from '../checks';
import { PolicyViolation } from '../policy/evaluateMetadataPolicy';
import { enabledFromMs } from '../policy/enabledFrom';
import { ReliabilityPolicy } from '../policy/types';
import { isoString } from '../textFormats';
import { BUILT_IN_CHECKS, BUILT_IN_EVALUATORS } from './checks';
import {
  CheckEvaluator,
  createEvaluationContext,
  EvaluationContext,
  Verdict,
} from './checks/context';
import {
  customCheckContext,
  customCheckNotApplicable,
  runCustomCheck,
  runCustomCheckSync,
} from './checks/custom';
import { METADATA_CHECK_EVALUATORS } from './checks/metadata';
import { applyExemption, findExemption } from './exemptions';
import { readinessGap, readinessLevel, readinessScore } from './score';
import { checkSettings, enabledFromOf, isPending } from './settings';
import {
  BuiltInCheckDefinition,
  CheckOutcome,
  ReadinessCustomCheck,
  ReadinessInput,
  ReadinessResult,
} from './types';

const reason = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

/** A check as its outcome shows it: its id and title, and the policy's settings. */
interface CheckSettings {
  id: string;
  title: string;
  level: string;
  weight: number;
  enabledFrom: string | undefined;
  custom?: boolean;
}

/** A built-in check under one policy: its settings and its logic. */
interface BuiltInPlan extends CheckSettings {
  evaluate: CheckEvaluator;
  /** Midnight UTC of `enabledFrom` in ms; NaN when there is none. */
  enabledFromMs: number;
}

/**
 * Where a built-in check's `enabledFrom` is read. A check decided wholly by
 * a metadata-policy rule reads the rule's (`rto` for rto-within-tier), as
 * the catalog module and the CLI do, so they never disagree on what counts;
 * owner-resolves, which also checks the catalog, reads its own id first.
 */
function enabledFromKeys(definition: BuiltInCheckDefinition): string[] {
  if (!definition.rule || definition.rule === definition.id) {
    return [definition.id];
  }
  return definition.id in METADATA_CHECK_EVALUATORS
    ? [definition.rule]
    : [definition.id, definition.rule];
}

function builtInPlan(
  policy: ReliabilityPolicy,
  definition: BuiltInCheckDefinition,
): BuiltInPlan {
  const { level, weight } = checkSettings(policy, definition.id, definition);
  const enabledFrom = enabledFromOf(policy, enabledFromKeys(definition));
  return {
    id: definition.id,
    title: definition.title,
    level,
    weight,
    enabledFrom,
    evaluate: BUILT_IN_EVALUATORS[definition.id],
    enabledFromMs: enabledFromMs(enabledFrom),
  };
}

/**
 * The built-in checks under a policy, worked out once per policy: level,
 * weight and enabledFrom depend on the policy alone, and would otherwise
 * be looked up 15 times per entity.
 */
const builtInPlansByPolicy = new WeakMap<ReliabilityPolicy, BuiltInPlan[]>();

function builtInPlans(policy: ReliabilityPolicy): BuiltInPlan[] {
  let plans = builtInPlansByPolicy.get(policy);
  if (!plans) {
    plans = BUILT_IN_CHECKS.map(definition => builtInPlan(policy, definition));
    builtInPlansByPolicy.set(policy, plans);
  }
  return plans;
}

/** A custom check's level and weight under a policy, worked out once per policy. */
const customSettingsByPolicy = new WeakMap<
  ReliabilityPolicy,
  Map<string, { level: string; weight: number }>
>();

function customSettingsOf(
  policy: ReliabilityPolicy,
  check: { id: string; level: string; weight?: number },
) {
  let byCheck = customSettingsByPolicy.get(policy);
  if (!byCheck) {
    byCheck = new Map();
    customSettingsByPolicy.set(policy, byCheck);
  }
  // Custom checks may share an id with different defaults: key on all three.
  const key = `${check.id}\u0000${check.level}\u0000${check.weight}`;
  let settings = byCheck.get(key);
  if (!settings) {
    settings = checkSettings(policy, check.id, check);
    byCheck.set(key, settings);
  }
  return settings;
}

/** Pending note, exemption and `counts` around one result. */
function outcome(
  input: ReadinessInput,
  check: CheckSettings,
  result: CheckResult,
  pending: boolean,
): CheckOutcome {
  const { enabledFrom } = check;
  const found = input.exemptions?.length
    ? findExemption(input.exemptions, check.id, input.now)
    : undefined;
  const exempted = found ? applyExemption(result, found) : result;
  let message = exempted.message;
  if (pending && enabledFrom) {
    const note = `Reported only: counts from ${enabledFrom} (reliability.policy.checks.${check.id}.enabledFrom).`;
    message = message ? `${message}\n${note}` : note;
  }
  const fix = exempted.fix;
  const state = exempted.state;
  const counts = result.state !== 'not-applicable' && !pending;
  const { id, title, level, weight } = check;
  // One literal per common shape (message and fix or not), the rare
  // fields added after: this runs 15 times per entity in a refresh, and a
  // field added later costs a second allocation.
  let built: CheckOutcome;
  if (message && fix) {
    built = { id, title, level, weight, state, counts, pending, message, fix };
  } else if (message) {
    built = { id, title, level, weight, state, counts, pending, message };
  } else if (fix) {
    built = { id, title, level, weight, state, counts, pending, fix };
  } else {
    built = { id, title, level, weight, state, counts, pending };
  }
  if (enabledFrom) built.enabledFrom = enabledFrom;
  const exemption = (exempted as ReturnType<typeof applyExemption>).exemption;
  if (exemption) built.exemption = exemption;
  if (check.custom) built.custom = true;
  return built;
}

function evaluateBuiltIn(plan: BuiltInPlan, context: EvaluationContext) {
  try {
    return plan.evaluate(context);
  } catch (error) {
    const verdict: Verdict = {
      state: 'error',
      message: `the check ${plan.id} could not be evaluated: ${reason(error)}`,
    };
    return verdict;
  }
}

/** True when every violation is pending (a loop: no closure per check). */
function allPending(violations: PolicyViolation[]): boolean {
  for (const violation of violations) {
    if (!violation.pending) return false;
  }
  return true;
}

function builtInOutcomes(
  input: ReadinessInput,
  context: EvaluationContext,
): CheckOutcome[] {
  const plans = builtInPlans(input.policy);
  const now = input.now.getTime();
  const outcomes: CheckOutcome[] = [];
  for (const plan of plans) {
    const verdict = evaluateBuiltIn(plan, context);
    // A failure found by the metadata policy is pending exactly when the
    // policy says so, so the score agrees with the catalog and the CLI.
    const pending = verdict.violations?.length
      ? allPending(verdict.violations)
      : plan.enabledFromMs > now;
    outcomes.push(outcome(input, plan, verdict, pending));
  }
  return outcomes;
}

/** Why a custom check is not run: a bad or duplicate id, or not applicable. */
function customPrecheck(
  check: ReadinessCustomCheck,
  context: EvaluationContext,
  seen: Set<string>,
): CheckResult | undefined {
  if (typeof check?.evaluate !== 'function') {
    return {
      state: 'error',
      message: `the check ${check?.id} has no evaluate function`,
    };
  }
  if (seen.has(check.id)) {
    return {
      state: 'error',
      message: `the check id ${check.id} is used twice (built-in ids are reserved); only the first one is evaluated`,
    };
  }
  seen.add(check.id);
  return customCheckNotApplicable(check, context);
}

function customOutcome(
  input: ReadinessInput,
  check: ReadinessCustomCheck,
  result: CheckResult,
): CheckOutcome {
  const enabledFrom = enabledFromOf(input.policy, [check.id]);
  const { level, weight } = customSettingsOf(input.policy, {
    id: String(check.id),
    level: String(check.level),
    weight: check.weight,
  });
  return outcome(
    input,
    {
      id: String(check.id),
      title: String(check.title ?? check.id),
      level,
      weight,
      enabledFrom,
      custom: true,
    },
    result,
    isPending(enabledFrom, input.now),
  );
}

function summarize(
  input: ReadinessInput,
  context: EvaluationContext,
  checks: CheckOutcome[],
): ReadinessResult {
  const levels = input.policy.levels ?? [];
  const level = context.reliabilityKind
    ? readinessLevel(checks, levels)
    : undefined;
  const targetLevel = context.tierPolicy?.targetLevel;
  // Optional fields set one by one, in the order the result always had.
  const result = { entityRef: context.entityRef } as ReadinessResult;
  if (context.tier) result.tier = context.tier;
  result.score = readinessScore(checks);
  if (level) result.level = level;
  if (targetLevel) result.targetLevel = targetLevel;
  result.gap = context.reliabilityKind
    ? readinessGap(checks, levels, level, targetLevel)
    : [];
  result.checks = checks;
  // Formatted once per instant: every entity of a refresh shares `now`.
  result.evaluatedAt = isoString(input.now);
  return result;
}

/**
 * Evaluates an entity's readiness: every built-in check of DESIGN.md §5.2
 * and the custom checks, then the score, the level, the tier's target
 * level and the gap. Pure and synchronous: it reads only its input. A
 * custom check that returns a promise gives `error` here; use
 * {@link evaluateReadinessAsync} for those.
 *
 * @public
 */
export function evaluateReadiness(input: ReadinessInput): ReadinessResult {
  const context = createEvaluationContext(input);
  const checks = builtInOutcomes(input, context);
  if (input.customChecks?.length) {
    const seen = new Set(checks.map(c => c.id));
    const checkContext = customCheckContext(context);
    for (const check of input.customChecks) {
      const result =
        customPrecheck(check, context, seen) ??
        runCustomCheckSync(check, checkContext);
      checks.push(customOutcome(input, check, result));
    }
  }
  return summarize(input, context, checks);
}

/**
 * {@link evaluateReadiness} with asynchronous custom checks awaited (all
 * at once). A check that rejects gives `error`, never `fail`.
 *
 * @public
 */
export async function evaluateReadinessAsync(
  input: ReadinessInput,
): Promise<ReadinessResult> {
  const context = createEvaluationContext(input);
  const checks = builtInOutcomes(input, context);
  const seen = new Set(checks.map(c => c.id));
  const checkContext = customCheckContext(context);
  const custom = await Promise.all(
    (input.customChecks ?? []).map(async check => {
      const result =
        customPrecheck(check, context, seen) ??
        (await runCustomCheck(check, checkContext));
      return customOutcome(input, check, result);
    }),
  );
  return summarize(input, context, [...checks, ...custom]);
}
