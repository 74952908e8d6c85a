/*
 * The checks decided by the metadata policy: tier-declared, on-call,
 * runbook, dashboard, dr-strategy, rto-within-tier, rpo-within-tier,
 * dr-tested-recently, lifecycle-production.
 *
 * None of them re-implements a rule. A check fails exactly when
 * `evaluateMetadataPolicy` reports a violation of its rule (or a parse
 * error of one of its annotations, rule `metadata-valid`); otherwise it
 * passes where the tier requires the field or limits its value, and is
 * not applicable where it does not.
 */
import { RELIABILITY_ANNOTATIONS } from '../../annotations';
import { PolicyViolation } from '../../policy/evaluateMetadataPolicy';
import { MetadataRequirement, TierPolicy } from '../../policy/types';
import { ON_CALL_ANNOTATIONS, ReliabilityProfile } from '../../profile';
import { isoDateMs, isoDayOfMs } from '../../textFormats';
import { annotationFix, violationsFix } from '../fixes';
import {
  CheckEvaluator,
  EvaluationContext,
  NO_TIER,
  NOT_A_SERVICE,
  notApplicable,
  Verdict,
} from './context';

/**
 * A DR test is due "soon" (the check warns) within this many days of the
 * tier's maximum age (DESIGN.md §5.1).
 *
 * @public
 */
export const DR_TEST_DUE_WARNING_DAYS = 14;

const DAY_MS = 86_400_000;

interface MetadataCheckSpec {
  /** The metadata policy's rule. */
  rule: MetadataRequirement | 'tier-declared';
  /** Annotations whose parse errors (`metadata-valid`) belong to this check. */
  annotations: string[];
  /** Only Components carry the field (lifecycle). */
  componentOnly?: boolean;
  /**
   * The tier limits the value: a declared value is then checked (and the
   * check applies) even where the tier does not require the field.
   */
  limited?: (tierPolicy: TierPolicy, profile: ReliabilityProfile) => boolean;
  /** The pass (or warn) verdict; the requirement or limit is known to hold. */
  pass: (context: EvaluationContext) => Verdict;
}

/** The shared answer when a check finds no violation (never modified). */
const NO_VIOLATIONS = Object.freeze([]) as unknown as PolicyViolation[];

/** The fields of annotations: where their parse errors are reported. */
const annotationFields = (annotations: string[]) =>
  annotations.map(key => `metadata.annotations.${key}`);

/**
 * The violations of `evaluateMetadataPolicy` that decide the check: its
 * rule's, and the parse errors (`metadata-valid`) of the given fields.
 */
function violationsOfFields(
  context: EvaluationContext,
  rule: string,
  fields: string[],
): PolicyViolation[] {
  // Most checks find none: the list is only made for the first one.
  let found: PolicyViolation[] | undefined;
  for (const v of context.metadata.violations) {
    if (
      v.rule === rule ||
      (v.rule === 'metadata-valid' && fields.includes(v.field))
    ) {
      (found ??= []).push(v);
    }
  }
  return found ?? NO_VIOLATIONS;
}

/** The violations of `evaluateMetadataPolicy` that decide the check. */
export function violationsOf(
  context: EvaluationContext,
  rule: string,
  annotations: string[] = [],
): PolicyViolation[] {
  return violationsOfFields(context, rule, annotationFields(annotations));
}

/** A fail verdict made of metadata-policy violations, as the CLI words them. */
export function violationsVerdict(violations: PolicyViolation[]): Verdict {
  return {
    state: 'fail',
    message:
      violations.length === 1
        ? violations[0].message
        : violations.map(v => v.message).join('\n'),
    fix: violationsFix(violations),
    violations,
  };
}

function metadataCheck(spec: MetadataCheckSpec): CheckEvaluator {
  // Worked out once, not per entity.
  const fields = annotationFields(spec.annotations);
  const tierRequirement = spec.rule as MetadataRequirement;
  return context => {
    if (!context.reliabilityKind) return notApplicable(NOT_A_SERVICE);
    if (spec.componentOnly && context.kind !== 'component') {
      return notApplicable('only Components have a spec.lifecycle');
    }
    const violations = violationsOfFields(context, spec.rule, fields);
    if (violations.length > 0) return violationsVerdict(violations);
    if (spec.rule === 'tier-declared') return spec.pass(context);
    const { tier, tierPolicy, profile } = context;
    if (!tier) return notApplicable(NO_TIER);
    if (!tierPolicy) {
      return notApplicable(`the policy says nothing about ${tier}`);
    }
    const required = tierPolicy.require.includes(tierRequirement);
    if (!required && !spec.limited?.(tierPolicy, profile)) {
      return notApplicable(`not required for ${tier}`);
    }
    return spec.pass(context);
  };
}

const pass = (message: string): Verdict => ({ state: 'pass', message });

function drTestedVerdict(context: EvaluationContext): Verdict {
  const tested = context.profile.dr.lastTested;
  const maxDays = context.tierPolicy?.maxDrTestAgeDays;
  if (!tested) {
    // Only reachable when required with no date, which is a violation.
    return pass('no DR test date is required');
  }
  if (maxDays === undefined) {
    return pass(`last DR test on ${tested}`);
  }
  const testedMs = isoDateMs(tested);
  // The same age as evaluateMetadataPolicy's: whole days since the test.
  const ageDays = Math.floor((context.now.getTime() - testedMs) / DAY_MS);
  const due = isoDayOfMs(testedMs + maxDays * DAY_MS);
  if (ageDays > maxDays - DR_TEST_DUE_WARNING_DAYS) {
    const left = maxDays - ageDays;
    return {
      state: 'warn',
      message: `metadata.annotations.${
        RELIABILITY_ANNOTATIONS.drTested
      } is ${tested}, ${ageDays} days ago; ${
        context.tier
      } needs a DR test every ${maxDays} days, so the next one is due by ${due} (${
        left === 0 ? 'today' : `in ${left} day${left === 1 ? '' : 's'}`
      }). Run it and record its date.`,
      fix: `# after the next DR test (due by ${due}), its date:\n${annotationFix(
        RELIABILITY_ANNOTATIONS.drTested,
        due,
      )}`,
    };
  }
  return pass(`last DR test on ${tested}; the next is due by ${due}`);
}

/** The evaluators of the metadata checks, by check id. */
export const METADATA_CHECK_EVALUATORS: Record<string, CheckEvaluator> = {
  'tier-declared': metadataCheck({
    rule: 'tier-declared',
    annotations: [RELIABILITY_ANNOTATIONS.tier],
    pass: ({ profile }) =>
      pass(
        profile.tier?.source === 'tag'
          ? `${profile.tier.label} (from the tag ${profile.tier.tag}; metadata.annotations.${RELIABILITY_ANNOTATIONS.tier} would win over it)`
          : `${profile.tier?.label}`,
      ),
  }),
  'on-call': metadataCheck({
    rule: 'on-call',
    annotations: ON_CALL_ANNOTATIONS.map(a => a.annotation),
    pass: ({ profile }) =>
      pass(
        `paged through ${profile.onCall[0]?.provider} (${profile.onCall[0]?.annotation})`,
      ),
  }),
  runbook: metadataCheck({
    rule: 'runbook',
    annotations: [RELIABILITY_ANNOTATIONS.runbook],
    pass: ({ profile }) => pass(`runbook: ${profile.runbook?.url}`),
  }),
  dashboard: metadataCheck({
    rule: 'dashboard',
    annotations: [RELIABILITY_ANNOTATIONS.dashboard],
    pass: ({ profile }) => pass(`dashboard: ${profile.dashboard?.url}`),
  }),
  'dr-strategy': metadataCheck({
    rule: 'dr-strategy',
    // The DR procedure belongs with the strategy: a broken URL fails here.
    annotations: [
      RELIABILITY_ANNOTATIONS.drStrategy,
      RELIABILITY_ANNOTATIONS.drRunbook,
    ],
    pass: ({ profile }) =>
      pass(`disaster-recovery strategy: ${profile.dr.strategy}`),
  }),
  'rto-within-tier': metadataCheck({
    rule: 'rto',
    annotations: [RELIABILITY_ANNOTATIONS.rto],
    limited: (tierPolicy, profile) =>
      tierPolicy.maxRtoSeconds !== undefined && profile.rto !== undefined,
    pass: ({ profile, tier }) =>
      pass(`RTO ${profile.rto?.text} is within the limit of ${tier}`),
  }),
  'rpo-within-tier': metadataCheck({
    rule: 'rpo',
    annotations: [RELIABILITY_ANNOTATIONS.rpo],
    limited: (tierPolicy, profile) =>
      tierPolicy.maxRpoSeconds !== undefined && profile.rpo !== undefined,
    pass: ({ profile, tier }) =>
      pass(`RPO ${profile.rpo?.text} is within the limit of ${tier}`),
  }),
  'dr-tested-recently': metadataCheck({
    rule: 'dr-tested',
    annotations: [RELIABILITY_ANNOTATIONS.drTested],
    limited: (tierPolicy, profile) =>
      tierPolicy.maxDrTestAgeDays !== undefined &&
      profile.dr.lastTested !== undefined,
    pass: drTestedVerdict,
  }),
  'lifecycle-production': metadataCheck({
    rule: 'lifecycle-production',
    annotations: [],
    componentOnly: true,
    pass: () => pass('spec.lifecycle is production'),
  }),
};
