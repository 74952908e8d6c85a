import { BuiltInCheckDefinition } from '../types';
import { CheckEvaluator } from './context';
import { evaluateDependencyTier } from './dependencyTier';
import { evaluateErrorBudgetHealthy } from './errorBudget';
import { METADATA_CHECK_EVALUATORS } from './metadata';
import { evaluateOwnerResolves } from './owner';
import { evaluateSloDefined, evaluateSloTargetMeetsTier } from './slo';
import { evaluateTechdocs } from './techdocs';

const SERVICE_KINDS = ['component', 'system', 'resource'] as const;

/**
 * The built-in readiness checks of DESIGN.md §5.2, lowest level first,
 * with their default level and weight. Levels are the default policy's
 * (bronze, silver, gold); a policy with other level names maps them by
 * rank.
 *
 * @public
 */
export const BUILT_IN_CHECKS: ReadonlyArray<BuiltInCheckDefinition> = [
  {
    id: 'tier-declared',
    title: 'Tier declared',
    description:
      'vigil/tier (or a tag the policy maps) says how critical the service is.',
    level: 'bronze',
    weight: 3,
    kinds: SERVICE_KINDS,
    rule: 'tier-declared',
  },
  {
    id: 'owner-resolves',
    title: 'Owned by an existing team',
    description: 'spec.owner names a Group that exists in the catalog.',
    level: 'bronze',
    weight: 3,
    kinds: SERVICE_KINDS,
    rule: 'owner',
  },
  {
    id: 'runbook',
    title: 'Runbook',
    description:
      'vigil/runbook (or a link of type runbook) points at the runbook.',
    level: 'bronze',
    weight: 3,
    kinds: SERVICE_KINDS,
    rule: 'runbook',
  },
  {
    id: 'on-call',
    title: 'On-call routing',
    description:
      'A PagerDuty or Opsgenie annotation says who is paged when it breaks.',
    level: 'silver',
    weight: 3,
    kinds: SERVICE_KINDS,
    rule: 'on-call',
  },
  {
    id: 'slo-defined',
    title: 'SLOs defined',
    description: 'An OpenSLO SLO of every kind the tier requires.',
    level: 'silver',
    weight: 3,
    kinds: SERVICE_KINDS,
  },
  {
    id: 'dashboard',
    title: 'Dashboard',
    description:
      'vigil/dashboard (or a link of type dashboard) points at the main dashboard.',
    level: 'silver',
    weight: 2,
    kinds: SERVICE_KINDS,
    rule: 'dashboard',
  },
  {
    id: 'dr-strategy',
    title: 'Disaster-recovery strategy',
    description: 'vigil/dr-strategy states the disaster-recovery posture.',
    level: 'silver',
    weight: 2,
    kinds: SERVICE_KINDS,
    rule: 'dr-strategy',
  },
  {
    id: 'lifecycle-production',
    title: 'In production',
    description: 'spec.lifecycle is production (Components of tiers 0–1).',
    level: 'silver',
    weight: 1,
    kinds: ['component'],
    rule: 'lifecycle-production',
  },
  {
    id: 'techdocs',
    title: 'TechDocs',
    description:
      'backstage.io/techdocs-ref points at the documentation. Optional: counts only where the policy lists it.',
    level: 'silver',
    weight: 1,
    kinds: SERVICE_KINDS,
    optional: true,
  },
  {
    id: 'error-budget-healthy',
    title: 'Error budget healthy',
    description:
      'No SLO has exhausted or is burning its error budget; under 25 % left warns.',
    level: 'gold',
    weight: 3,
    kinds: SERVICE_KINDS,
  },
  {
    id: 'slo-target-meets-tier',
    title: 'SLO targets meet the tier',
    description: "Every SLO objective is at least the tier's minimum target.",
    level: 'gold',
    weight: 2,
    kinds: SERVICE_KINDS,
  },
  {
    id: 'rto-within-tier',
    title: 'RTO within the tier limit',
    description: "vigil/rto is declared and at most the tier's maximum.",
    level: 'gold',
    weight: 2,
    kinds: SERVICE_KINDS,
    rule: 'rto',
  },
  {
    id: 'rpo-within-tier',
    title: 'RPO within the tier limit',
    description: "vigil/rpo is declared and at most the tier's maximum.",
    level: 'gold',
    weight: 2,
    kinds: SERVICE_KINDS,
    rule: 'rpo',
  },
  {
    id: 'dr-tested-recently',
    title: 'DR tested recently',
    description:
      'vigil/dr-tested is within the tier’s maximum age; due within 14 days warns.',
    level: 'gold',
    weight: 2,
    kinds: SERVICE_KINDS,
    rule: 'dr-tested',
  },
  {
    id: 'dependency-tier',
    title: 'No dependency on a less critical tier',
    description:
      'Nothing it depends on has a higher tier number; dependencies see who relies on them.',
    level: 'gold',
    weight: 2,
    kinds: SERVICE_KINDS,
  },
];

/** The logic of each built-in check, by id. */
export const BUILT_IN_EVALUATORS: Record<string, CheckEvaluator> = {
  ...METADATA_CHECK_EVALUATORS,
  'owner-resolves': evaluateOwnerResolves,
  'slo-defined': evaluateSloDefined,
  'slo-target-meets-tier': evaluateSloTargetMeetsTier,
  'error-budget-healthy': evaluateErrorBudgetHealthy,
  'dependency-tier': evaluateDependencyTier,
  techdocs: evaluateTechdocs,
};
