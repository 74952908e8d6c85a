/*
 * dependency-tier: a tier-N entity must not depend on a less critical one
 * (a higher tier number). Shown on both sides: the depending entity fails,
 * the dependency warns that a more critical entity relies on it.
 */
import { Entity } from '@backstage/catalog-model';
import { RELIABILITY_ANNOTATIONS } from '../../annotations';
import {
  isReliabilityAvailable,
  readEntityTier,
  safeEntityRef,
} from '../../profile';
import { Tier, tierLabel } from '../../tiers';
import { annotationFix } from '../fixes';
import {
  CheckEvaluator,
  EvaluationContext,
  NO_TIER,
  NOT_A_SERVICE,
  notApplicable,
} from './context';

interface TieredEntity {
  entityRef: string;
  kind: string;
  tier?: Tier;
}

const label = (tier: Tier | undefined) =>
  tier === undefined ? 'untiered' : tierLabel(tier);

/** The tier of a related entity, read by the same rules as the entity's. */
function readTier(entity: Entity, context: EvaluationContext): TieredEntity {
  return {
    entityRef: safeEntityRef(entity),
    kind: String(entity.kind ?? 'entity'),
    tier: readEntityTier(entity, context.policy.conventions),
  };
}

const tierAnnotation = `metadata.annotations.${RELIABILITY_ANNOTATIONS.tier}`;

/** dependency-tier. Dependencies of kinds without a tier (API…) are ignored. */
export const evaluateDependencyTier: CheckEvaluator = context => {
  const { tierValue, related } = context;
  if (!context.reliabilityKind) return notApplicable(NOT_A_SERVICE);
  const dependencies = related.dependencies
    .filter(isReliabilityAvailable)
    .map(e => readTier(e, context));
  const dependents = related.dependents
    .filter(isReliabilityAvailable)
    .map(e => readTier(e, context));

  if (tierValue === undefined) {
    const critical = dependents.filter(d => d.tier !== undefined);
    return notApplicable(
      critical.length > 0
        ? `${NO_TIER}; ${critical
            .map(d => `${label(d.tier)} ${d.entityRef}`)
            .join(', ')} depend${critical.length === 1 ? 's' : ''} on it`
        : NO_TIER,
    );
  }
  const own = tierLabel(tierValue);

  const inversions = dependencies.filter(
    d => d.tier !== undefined && d.tier > tierValue,
  );
  const untiered = dependencies.filter(d => d.tier === undefined);
  const criticalDependents = dependents.filter(
    d => d.tier !== undefined && d.tier < tierValue,
  );

  const dependentLines = criticalDependents.map(
    d =>
      `${label(d.tier)} ${d.entityRef} depends on this ${own} ${
        context.kind
      }: raise ${tierAnnotation} to ${label(
        d.tier,
      )}, or the dependent must stop relying on it`,
  );
  const mostCritical = criticalDependents.reduce<Tier | undefined>(
    (min, d) =>
      min === undefined || (d.tier !== undefined && d.tier < min)
        ? d.tier
        : min,
    undefined,
  );

  const untieredLines = untiered.map(
    d =>
      `the tier of ${d.entityRef} is unknown (no ${tierAnnotation}), so a tier inversion cannot be ruled out`,
  );
  const tierFixes = (targets: TieredEntity[]) =>
    targets
      .map(
        d =>
          `# in the catalog-info.yaml of ${d.entityRef}\n${annotationFix(
            RELIABILITY_ANNOTATIONS.tier,
            own,
          )}`,
      )
      .join('\n');

  if (inversions.length > 0) {
    const lines = inversions.map(
      d =>
        `this ${own} ${context.kind} depends on ${label(d.tier)} ${
          d.entityRef
        } (spec.dependsOn): a ${own} service must not depend on a less critical ${
          d.kind
        }. Raise its ${tierAnnotation} to ${own}, remove the dependency, or ask for an exemption`,
    );
    return {
      state: 'fail',
      message: [...lines, ...untieredLines, ...dependentLines].join('\n'),
      fix: tierFixes(inversions),
    };
  }
  if (untiered.length > 0) {
    return {
      state: 'no-data',
      message: [...untieredLines, ...dependentLines].join('\n'),
      fix: tierFixes(untiered),
    };
  }
  if (criticalDependents.length > 0) {
    return {
      state: 'warn',
      message: dependentLines.join('\n'),
      fix: annotationFix(RELIABILITY_ANNOTATIONS.tier, label(mostCritical)),
    };
  }
  return {
    state: 'pass',
    message:
      dependencies.length === 0
        ? 'depends on no Component, System or Resource'
        : `every dependency is ${own} or more critical`,
  };
};
