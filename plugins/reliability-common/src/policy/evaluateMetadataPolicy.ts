import { Entity } from '@backstage/catalog-model';
import { RELIABILITY_ANNOTATIONS } from '../annotations';
import { MetadataError } from '../metadataError';
import { metadataErrorMessage } from '../metadataErrorMessage';
import {
  isReliabilityAvailable,
  parseReliabilityProfile,
  ReliabilityProfile,
} from '../profile';
import { isoDateMs, isoDay } from '../textFormats';
import { enabledFromMs } from './enabledFrom';
import { enforcementModeFor } from './enforcement';
import {
  EnforcementMode,
  MetadataRequirement,
  ReliabilityPolicy,
  TierPolicy,
} from './types';

/**
 * A metadata finding under the policy: what is wrong, and which rule says
 * so. `pending` findings come from rules whose `enabledFrom` lies ahead:
 * they are reported but never block.
 *
 * @public
 */
export interface PolicyViolation extends MetadataError {
  /** `metadata-valid`, `tier-declared` or a requirement id such as `runbook`. */
  rule: string;
  pending: boolean;
}

/**
 * The metadata verdict on one entity.
 *
 * @public
 */
export interface MetadataPolicyResult {
  entityRef: string;
  profile: ReliabilityProfile;
  /** The entity's tier label, if any. */
  tier?: string;
  enforcement: EnforcementMode;
  violations: PolicyViolation[];
}

const DAY_MS = 86_400_000;

function formatSeconds(seconds: number): string {
  const units: Array<[string, number]> = [
    ['w', 604800],
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ];
  for (const [unit, size] of units) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

const annotationField = (key: string) => `metadata.annotations.${key}`;

/** What a violation says is wrong; `value` as found, when there is one. */
interface Finding {
  field: string;
  value?: string;
  expected: string;
  example: string;
}

/**
 * A finding as a violation of `rule`: the fields of {@link metadataError}
 * and its message, then the rule, built in one object literal (this runs
 * for most entities of a catalog).
 */
function violation(
  entityRef: string,
  finding: Finding,
  rule: string,
  pending: boolean,
): PolicyViolation {
  const { field, value, expected, example } = finding;
  const message = metadataErrorMessage(
    entityRef,
    field,
    value,
    expected,
    example,
  );
  return 'value' in finding
    ? { entityRef, field, value, expected, example, message, rule, pending }
    : { entityRef, field, expected, example, message, rule, pending };
}

/** A parse error of the profile as a `metadata-valid` violation. */
function parseViolation(error: MetadataError): PolicyViolation {
  const { entityRef, field, value, expected, example, message } = error;
  const rule = 'metadata-valid';
  return 'value' in error
    ? {
        entityRef,
        field,
        value,
        expected,
        example,
        message,
        rule,
        pending: false,
      }
    : { entityRef, field, expected, example, message, rule, pending: false };
}

/** A required annotation: the rule, where it is read, how it is shown. */
interface AnnotationRequirement {
  rule: MetadataRequirement;
  key: string;
  what: string;
  example: (tierPolicy: TierPolicy) => string;
  present: (profile: ReliabilityProfile) => boolean;
}

const ANNOTATION_REQUIREMENTS: AnnotationRequirement[] = [
  {
    rule: 'runbook',
    key: RELIABILITY_ANNOTATIONS.runbook,
    what: 'a runbook URL (or a link of type runbook)',
    example: () => 'https://wiki.example.com/runbooks/orders',
    present: profile => Boolean(profile.runbook),
  },
  {
    rule: 'dashboard',
    key: RELIABILITY_ANNOTATIONS.dashboard,
    what: 'a dashboard URL (or a link of type dashboard)',
    example: () => 'https://grafana.example.com/d/orders',
    present: profile => Boolean(profile.dashboard),
  },
  {
    rule: 'dr-strategy',
    key: RELIABILITY_ANNOTATIONS.drStrategy,
    what: 'a disaster-recovery strategy',
    example: () => 'warm-standby',
    present: profile => Boolean(profile.dr.strategy),
  },
  {
    rule: 'rto',
    key: RELIABILITY_ANNOTATIONS.rto,
    what: 'a recovery time objective',
    example: tierPolicy => formatSeconds(tierPolicy.maxRtoSeconds ?? 3600),
    present: profile => Boolean(profile.rto),
  },
  {
    rule: 'rpo',
    key: RELIABILITY_ANNOTATIONS.rpo,
    what: 'a recovery point objective',
    example: tierPolicy => formatSeconds(tierPolicy.maxRpoSeconds ?? 900),
    present: profile => Boolean(profile.rpo),
  },
  {
    rule: 'dr-tested',
    key: RELIABILITY_ANNOTATIONS.drTested,
    what: 'the date of the last successful DR test',
    example: () => '2026-10-02',
    present: profile => Boolean(profile.dr.lastTested),
  },
];

/**
 * What a tier's policy asks of every entity of the tier, with the wording
 * of its findings: the same for all of them, so worked out once per tier
 * of a policy rather than per entity.
 */
interface TierRules {
  required: Set<MetadataRequirement>;
  owner: Finding;
  onCall: Finding;
  lifecycleExpected: string;
  /** The required annotations, each with its finding when it is missing. */
  annotations: Array<{
    rule: MetadataRequirement;
    field: string;
    present: (profile: ReliabilityProfile) => boolean;
    missing: Finding;
  }>;
  rto?: { maxSeconds: number; expected: string; example: string };
  rpo?: { maxSeconds: number; expected: string; example: string };
}

function limitRule(key: string, maxSeconds: number | undefined, tier: string) {
  if (maxSeconds === undefined) return undefined;
  return {
    maxSeconds,
    expected: `at most ${formatSeconds(maxSeconds)} for ${tier}`,
    example: `"${key}: ${formatSeconds(maxSeconds)}"`,
  };
}

function tierRulesOf(tier: string, tierPolicy: TierPolicy): TierRules {
  const required = new Set(tierPolicy.require);
  return {
    required,
    owner: {
      field: 'spec.owner',
      expected: `the group that owns the service (required for ${tier})`,
      example: '"owner: group:default/checkout-team"',
    },
    onCall: {
      field: 'metadata.annotations.pagerduty.com/service-id',
      expected: `an on-call routing: pagerduty.com/service-id, pagerduty.com/integration-key, opsgenie.com/team or opsgenie.com/component-selector (required for ${tier})`,
      example: '"pagerduty.com/service-id: PXXXXXX"',
    },
    lifecycleExpected: `production (${tier} services run in production)`,
    annotations: ANNOTATION_REQUIREMENTS.filter(r => required.has(r.rule)).map(
      requirement => ({
        rule: requirement.rule,
        field: annotationField(requirement.key),
        present: requirement.present,
        missing: {
          field: annotationField(requirement.key),
          expected: `${requirement.what} (required for ${tier})`,
          example: `"${requirement.key}: ${requirement.example(tierPolicy)}"`,
        },
      }),
    ),
    rto: limitRule(RELIABILITY_ANNOTATIONS.rto, tierPolicy.maxRtoSeconds, tier),
    rpo: limitRule(RELIABILITY_ANNOTATIONS.rpo, tierPolicy.maxRpoSeconds, tier),
  };
}

/** Per policy: the rules of each tier, and each rule's enabledFrom in ms. */
interface PolicyRules {
  tiers: Map<string, TierRules>;
  enabledFromByRule: Map<string, number>;
}

const rulesByPolicy = new WeakMap<ReliabilityPolicy, PolicyRules>();

function policyRules(policy: ReliabilityPolicy): PolicyRules {
  let rules = rulesByPolicy.get(policy);
  if (!rules) {
    rules = { tiers: new Map(), enabledFromByRule: new Map() };
    rulesByPolicy.set(policy, rules);
  }
  return rules;
}

function tierRules(
  policy: ReliabilityPolicy,
  tier: string,
  tierPolicy: TierPolicy,
): TierRules {
  const { tiers } = policyRules(policy);
  let rules = tiers.get(tier);
  if (!rules) {
    rules = tierRulesOf(tier, tierPolicy);
    tiers.set(tier, rules);
  }
  return rules;
}

/** True while the rule's `enabledFrom` (midnight UTC) lies ahead of `now`. */
function isRulePending(policy: ReliabilityPolicy, rule: string, now: Date) {
  const { enabledFromByRule } = policyRules(policy);
  let from = enabledFromByRule.get(rule);
  if (from === undefined) {
    from = enabledFromMs(policy.checks[rule]?.enabledFrom);
    enabledFromByRule.set(rule, from);
  }
  return from > now.getTime();
}

/** The entity being judged: what the rules need to report a finding. */
interface Judged {
  entity: Entity;
  entityRef: string;
  profile: ReliabilityProfile;
  tier: string;
  policy: ReliabilityPolicy;
  now: Date;
  violations: PolicyViolation[];
}

function violate(judged: Judged, rule: string, finding: Finding) {
  judged.violations.push(
    violation(
      judged.entityRef,
      finding,
      rule,
      isRulePending(judged.policy, rule, judged.now),
    ),
  );
}

const TIER_FIELD = annotationField(RELIABILITY_ANNOTATIONS.tier);

const TIER_MISSING: Finding = {
  field: TIER_FIELD,
  expected: 'the tier of the service, tier-0 (most critical) to tier-3',
  example: `"${RELIABILITY_ANNOTATIONS.tier}: tier-2"`,
};

/**
 * Applies the policy's metadata rules to one entity: the parser's errors,
 * a declared tier, the tier's required metadata and its limits (RTO, RPO,
 * age of the last DR test). The catalog module, the CLI and the backend all
 * call this, so they report the same findings.
 *
 * @public
 */
export function evaluateMetadataPolicy(
  entity: Entity,
  policy: ReliabilityPolicy,
  options: { now: Date },
): MetadataPolicyResult {
  const { now } = options;
  const profile = parseReliabilityProfile(entity, {
    now,
    conventions: policy.conventions,
  });
  const entityRef = profile.entityRef;
  const tier = profile.tier?.label;
  const violations: PolicyViolation[] = [];
  for (const error of profile.errors) {
    violations.push(parseViolation(error));
  }

  const enforcement = enforcementModeFor(policy, entity.kind ?? '', tier);
  const tierPolicy = tier ? policy.tiers[tier] : undefined;
  if (!isReliabilityAvailable(entity)) {
    return { entityRef, profile, tier, enforcement, violations };
  }
  if (!tier) {
    // An invalid tier is already reported by the parser.
    if (!hasError(profile, TIER_FIELD)) {
      violations.push(
        violation(
          entityRef,
          TIER_MISSING,
          'tier-declared',
          isRulePending(policy, 'tier-declared', now),
        ),
      );
    }
    return { entityRef, profile, tier, enforcement, violations };
  }
  if (tierPolicy) {
    const rules = tierRules(policy, tier, tierPolicy);
    const judged = {
      entity,
      entityRef,
      profile,
      tier,
      policy,
      now,
      violations,
    };
    checkRequirements(judged, rules);
    checkLimits(judged, rules, tierPolicy);
  }
  return { entityRef, profile, tier, enforcement, violations };
}

/** True when the parser reported the field (a present but invalid value). */
function hasError(profile: ReliabilityProfile, field: string): boolean {
  for (const error of profile.errors) {
    if (error.field === field) return true;
  }
  return false;
}

function checkRequirements(judged: Judged, rules: TierRules) {
  const { entity, profile } = judged;
  const { required } = rules;
  if (required.has('owner') && typeof entity.spec?.owner !== 'string') {
    violate(judged, 'owner', rules.owner);
  }
  if (required.has('on-call') && profile.onCall.length === 0) {
    violate(judged, 'on-call', rules.onCall);
  }
  for (const requirement of rules.annotations) {
    // A present but invalid value is already reported by the parser.
    if (
      !requirement.present(profile) &&
      !hasError(profile, requirement.field)
    ) {
      violate(judged, requirement.rule, requirement.missing);
    }
  }
  // Only Components have a lifecycle; Systems and Resources do not.
  if (
    required.has('lifecycle-production') &&
    entity.kind.toLowerCase() === 'component' &&
    entity.spec?.lifecycle !== 'production'
  ) {
    violate(judged, 'lifecycle-production', {
      field: 'spec.lifecycle',
      value:
        typeof entity.spec?.lifecycle === 'string'
          ? entity.spec.lifecycle
          : undefined,
      expected: rules.lifecycleExpected,
      example: '"lifecycle: production"',
    });
  }
}

function checkLimits(judged: Judged, rules: TierRules, tierPolicy: TierPolicy) {
  const { profile, tier, now } = judged;
  if (profile.rto && rules.rto && profile.rto.seconds > rules.rto.maxSeconds) {
    violate(judged, 'rto', {
      field: annotationField(RELIABILITY_ANNOTATIONS.rto),
      value: profile.rto.text,
      expected: rules.rto.expected,
      example: rules.rto.example,
    });
  }
  if (profile.rpo && rules.rpo && profile.rpo.seconds > rules.rpo.maxSeconds) {
    violate(judged, 'rpo', {
      field: annotationField(RELIABILITY_ANNOTATIONS.rpo),
      value: profile.rpo.text,
      expected: rules.rpo.expected,
      example: rules.rpo.example,
    });
  }
  const tested = profile.dr.lastTested;
  const { maxDrTestAgeDays } = tierPolicy;
  if (tested && maxDrTestAgeDays !== undefined) {
    const ageDays = Math.floor((now.getTime() - isoDateMs(tested)) / DAY_MS);
    if (ageDays > maxDrTestAgeDays) {
      violate(judged, 'dr-tested', {
        field: annotationField(RELIABILITY_ANNOTATIONS.drTested),
        value: tested,
        expected: `a DR test within the last ${maxDrTestAgeDays} days for ${tier} (this one is ${ageDays} days old)`,
        example: `"${RELIABILITY_ANNOTATIONS.drTested}: ${isoDay(now)}"`,
      });
    }
  }
}
