import { CheckResult } from '../checks';
import { ReliabilityPolicy } from '../policy/types';
import { BUILT_IN_CHECKS, BUILT_IN_EVALUATORS } from './checks';
import {
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

/** A check's level and weight under a policy, worked out once per policy. */
const settingsByPolicy = new WeakMap<
  ReliabilityPolicy,
  Map<string, { level: string; weight: number }>
>();

function settingsOf(
  policy: ReliabilityPolicy,
  check: { id: string; level: string; weight?: number },
) {
  let byCheck = settingsByPolicy.get(policy);
  if (!byCheck) {
    byCheck = new Map();
    settingsByPolicy.set(policy, byCheck);
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

/** Level, weight, pending, exemption and `counts` around one result. */
function outcome(
  input: ReadinessInput,
  check: {
    id: string;
    title: string;
    level: string;
    weight?: number;
    custom?: boolean;
  },
  result: CheckResult,
  enabledFrom: string | undefined,
  pending: boolean,
): CheckOutcome {
  const { policy, now } = input;
  const { level, weight } = settingsOf(policy, check);
  const found = input.exemptions?.length
    ? findExemption(input.exemptions, check.id, now)
    : undefined;
  const exempted = found ? applyExemption(result, found) : result;
  let message = exempted.message;
  if (pending && enabledFrom) {
    const note = `Reported only: counts from ${enabledFrom} (reliability.policy.checks.${check.id}.enabledFrom).`;
    message = message ? `${message}\n${note}` : note;
  }
  // Built field by field: this runs 14+ times per entity in a refresh.
  const built: CheckOutcome = {
    id: check.id,
    title: check.title,
    level,
    weight,
    state: exempted.state,
    counts: result.state !== 'not-applicable' && !pending,
    pending,
  };
  if (message) built.message = message;
  if (exempted.fix) built.fix = exempted.fix;
  if (enabledFrom) built.enabledFrom = enabledFrom;
  const exemption = (exempted as ReturnType<typeof applyExemption>).exemption;
  if (exemption) built.exemption = exemption;
  if (check.custom) built.custom = true;
  return built;
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

function builtInOutcomes(
  input: ReadinessInput,
  context: EvaluationContext,
): CheckOutcome[] {
  return BUILT_IN_CHECKS.map(definition => {
    let verdict: Verdict;
    try {
      verdict = BUILT_IN_EVALUATORS[definition.id](context);
    } catch (error) {
      verdict = {
        state: 'error',
        message: `the check ${definition.id} could not be evaluated: ${reason(
          error,
        )}`,
      };
    }
    const ids = enabledFromKeys(definition);
    const enabledFrom = enabledFromOf(input.policy, ids);
    // A failure found by the metadata policy is pending exactly when the
    // policy says so, so the score agrees with the catalog and the CLI.
    const pending = verdict.violations?.length
      ? verdict.violations.every(v => v.pending)
      : isPending(enabledFrom, input.now);
    return outcome(input, definition, verdict, enabledFrom, pending);
  });
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
  return outcome(
    input,
    {
      id: String(check.id),
      title: String(check.title ?? check.id),
      level: String(check.level),
      weight: check.weight,
      custom: true,
    },
    result,
    enabledFrom,
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
  return {
    entityRef: context.entityRef,
    ...(context.tier ? { tier: context.tier } : {}),
    score: readinessScore(checks),
    ...(level ? { level } : {}),
    ...(targetLevel ? { targetLevel } : {}),
    gap: context.reliabilityKind
      ? readinessGap(checks, levels, level, targetLevel)
      : [],
    checks,
    evaluatedAt: input.now.toISOString(),
  };
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
  const seen = new Set(checks.map(c => c.id));
  const checkContext = customCheckContext(context);
  for (const check of input.customChecks ?? []) {
    const result =
      customPrecheck(check, context, seen) ??
      runCustomCheckSync(check, checkContext);
    checks.push(customOutcome(input, check, result));
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
