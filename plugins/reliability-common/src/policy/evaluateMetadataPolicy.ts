import { Entity } from '@backstage/catalog-model';
import { RELIABILITY_ANNOTATIONS } from '../annotations';
import { MetadataError, metadataError } from '../metadataError';
import {
  isReliabilityAvailable,
  parseReliabilityProfile,
  ReliabilityProfile,
} from '../profile';
import { enforcementModeFor } from './enforcement';
import { EnforcementMode, ReliabilityPolicy, TierPolicy } from './types';

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
  const pending = (rule: string) => {
    const from = policy.checks[rule]?.enabledFrom;
    return (
      from !== undefined && Date.parse(`${from}T00:00:00Z`) > now.getTime()
    );
  };
  const violate = (
    rule: string,
    error: { field: string; value?: string; expected: string; example: string },
  ) =>
    violations.push({
      ...metadataError({ entityRef, ...error }),
      rule,
      pending: pending(rule),
    });

  for (const error of profile.errors) {
    violations.push({ ...error, rule: 'metadata-valid', pending: false });
  }

  const enforcement = enforcementModeFor(policy, entity.kind ?? '', tier);
  const tierPolicy = tier ? policy.tiers[tier] : undefined;
  if (!isReliabilityAvailable(entity)) {
    return { entityRef, profile, tier, enforcement, violations };
  }
  if (!tier) {
    // An invalid tier is already reported by the parser.
    if (
      !profile.errors.some(
        e => e.field === annotationField(RELIABILITY_ANNOTATIONS.tier),
      )
    ) {
      violate('tier-declared', {
        field: annotationField(RELIABILITY_ANNOTATIONS.tier),
        expected: 'the tier of the service, tier-0 (most critical) to tier-3',
        example: `"${RELIABILITY_ANNOTATIONS.tier}: tier-2"`,
      });
    }
    return { entityRef, profile, tier, enforcement, violations };
  }
  if (tierPolicy) {
    checkRequirements(entity, profile, tier, tierPolicy, violate);
    checkLimits(profile, tier, tierPolicy, now, violate);
  }
  return { entityRef, profile, tier, enforcement, violations };
}

type Violate = (
  rule: string,
  error: { field: string; value?: string; expected: string; example: string },
) => void;

function checkRequirements(
  entity: Entity,
  profile: ReliabilityProfile,
  tier: string,
  tierPolicy: TierPolicy,
  violate: Violate,
) {
  const required = new Set(tierPolicy.require);
  const invalid = (key: string) =>
    profile.errors.some(e => e.field === annotationField(key));
  const requireAnnotation = (
    rule: string,
    present: boolean,
    key: string,
    what: string,
    example: string,
  ) => {
    // A present but invalid value is already reported by the parser.
    if (required.has(rule as never) && !present && !invalid(key)) {
      violate(rule, {
        field: annotationField(key),
        expected: `${what} (required for ${tier})`,
        example: `"${key}: ${example}"`,
      });
    }
  };

  if (required.has('owner') && typeof entity.spec?.owner !== 'string') {
    violate('owner', {
      field: 'spec.owner',
      expected: `the group that owns the service (required for ${tier})`,
      example: '"owner: group:default/checkout-team"',
    });
  }
  if (required.has('on-call') && profile.onCall.length === 0) {
    violate('on-call', {
      field: 'metadata.annotations.pagerduty.com/service-id',
      expected: `an on-call routing: pagerduty.com/service-id, pagerduty.com/integration-key, opsgenie.com/team or opsgenie.com/component-selector (required for ${tier})`,
      example: '"pagerduty.com/service-id: PXXXXXX"',
    });
  }
  requireAnnotation(
    'runbook',
    Boolean(profile.runbook),
    RELIABILITY_ANNOTATIONS.runbook,
    'a runbook URL (or a link of type runbook)',
    'https://wiki.example.com/runbooks/orders',
  );
  requireAnnotation(
    'dashboard',
    Boolean(profile.dashboard),
    RELIABILITY_ANNOTATIONS.dashboard,
    'a dashboard URL (or a link of type dashboard)',
    'https://grafana.example.com/d/orders',
  );
  requireAnnotation(
    'dr-strategy',
    Boolean(profile.dr.strategy),
    RELIABILITY_ANNOTATIONS.drStrategy,
    'a disaster-recovery strategy',
    'warm-standby',
  );
  requireAnnotation(
    'rto',
    Boolean(profile.rto),
    RELIABILITY_ANNOTATIONS.rto,
    'a recovery time objective',
    formatSeconds(tierPolicy.maxRtoSeconds ?? 3600),
  );
  requireAnnotation(
    'rpo',
    Boolean(profile.rpo),
    RELIABILITY_ANNOTATIONS.rpo,
    'a recovery point objective',
    formatSeconds(tierPolicy.maxRpoSeconds ?? 900),
  );
  requireAnnotation(
    'dr-tested',
    Boolean(profile.dr.lastTested),
    RELIABILITY_ANNOTATIONS.drTested,
    'the date of the last successful DR test',
    '2026-10-02',
  );
  // Only Components have a lifecycle; Systems and Resources do not.
  if (
    required.has('lifecycle-production') &&
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    entity.spec?.lifecycle !== 'production'
  ) {
    violate('lifecycle-production', {
      field: 'spec.lifecycle',
      value:
        typeof entity.spec?.lifecycle === 'string'
          ? entity.spec.lifecycle
          : undefined,
      expected: `production (${tier} services run in production)`,
      example: '"lifecycle: production"',
    });
  }
}

function checkLimits(
  profile: ReliabilityProfile,
  tier: string,
  tierPolicy: TierPolicy,
  now: Date,
  violate: Violate,
) {
  const { maxRtoSeconds, maxRpoSeconds, maxDrTestAgeDays } = tierPolicy;
  if (
    profile.rto &&
    maxRtoSeconds !== undefined &&
    profile.rto.seconds > maxRtoSeconds
  ) {
    violate('rto', {
      field: annotationField(RELIABILITY_ANNOTATIONS.rto),
      value: profile.rto.text,
      expected: `at most ${formatSeconds(maxRtoSeconds)} for ${tier}`,
      example: `"${RELIABILITY_ANNOTATIONS.rto}: ${formatSeconds(
        maxRtoSeconds,
      )}"`,
    });
  }
  if (
    profile.rpo &&
    maxRpoSeconds !== undefined &&
    profile.rpo.seconds > maxRpoSeconds
  ) {
    violate('rpo', {
      field: annotationField(RELIABILITY_ANNOTATIONS.rpo),
      value: profile.rpo.text,
      expected: `at most ${formatSeconds(maxRpoSeconds)} for ${tier}`,
      example: `"${RELIABILITY_ANNOTATIONS.rpo}: ${formatSeconds(
        maxRpoSeconds,
      )}"`,
    });
  }
  const tested = profile.dr.lastTested;
  if (tested && maxDrTestAgeDays !== undefined) {
    const ageDays = Math.floor(
      (now.getTime() - Date.parse(`${tested}T00:00:00Z`)) / DAY_MS,
    );
    if (ageDays > maxDrTestAgeDays) {
      violate('dr-tested', {
        field: annotationField(RELIABILITY_ANNOTATIONS.drTested),
        value: tested,
        expected: `a DR test within the last ${maxDrTestAgeDays} days for ${tier} (this one is ${ageDays} days old)`,
        example: `"${RELIABILITY_ANNOTATIONS.drTested}: ${now
          .toISOString()
          .slice(0, 10)}"`,
      });
    }
  }
}
