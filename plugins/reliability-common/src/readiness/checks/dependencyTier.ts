/*
 * dependency-tier: a tier-N entity must not depend on a less critical one
 * (a higher tier number). Shown on both sides: the depending entity fails,
 * the dependency warns that a more critical entity relies on it.
 */
import { Entity } from '@backstage/catalog-model';
import { RELIABILITY_ANNOTATIONS } from '../../annotations';
import { tierFrom } from '../../entityTier';
import { isReliabilityAvailable, safeEntityRef } from '../../profile';
import { ConventionsPolicy } from '../../policy/types';
import { Tier, tierLabel } from '../../tiers';
import { annotationFix } from '../fixes';
import {
  CheckEvaluator,
  NO_TIER,
  NOT_A_SERVICE,
  notApplicable,
  Verdict,
} from './context';

/** A related entity and its tier; its ref is only formatted for a message. */
interface TieredEntity {
  entity: Entity;
  tier?: Tier;
}

const label = (tier: Tier | undefined) =>
  tier === undefined ? 'untiered' : tierLabel(tier);

/**
 * The related entities of kinds that carry a tier, each with its tier read
 * by the same rules as the entity's, from its `vigil/tier` value (see
 * relatedTierAnnotations in the context). A loop, not filter and map: this
 * runs for every dependency and dependent of every entity.
 */
function tieredEntities(
  entities: Entity[],
  annotations: unknown[],
  conventions: ConventionsPolicy,
): TieredEntity[] {
  const tiered: TieredEntity[] = [];
  for (let i = 0; i < entities.length; i++) {
    const entity = entities[i];
    if (isReliabilityAvailable(entity)) {
      const tier = tierFrom(entity, annotations[i], conventions);
      tiered.push({ entity, tier });
    }
  }
  return tiered;
}

const refOf = (d: TieredEntity) => safeEntityRef(d.entity);

const tierAnnotation = `metadata.annotations.${RELIABILITY_ANNOTATIONS.tier}`;

/** Not applicable without a tier; says which tiered entities depend on it. */
function untieredVerdict(dependents: TieredEntity[]): Verdict {
  const critical = dependents.filter(d => d.tier !== undefined);
  return notApplicable(
    critical.length > 0
      ? `${NO_TIER}; ${critical
          .map(d => `${label(d.tier)} ${refOf(d)}`)
          .join(', ')} depend${critical.length === 1 ? 's' : ''} on it`
      : NO_TIER,
  );
}

/** dependency-tier. Dependencies of kinds without a tier (API…) are ignored. */
export const evaluateDependencyTier: CheckEvaluator = context => {
  const { tierValue, related } = context;
  if (!context.reliabilityKind) return notApplicable(NOT_A_SERVICE);
  const { conventions } = context.policy;
  const annotations = context.relatedTierAnnotations;
  const dependencies = tieredEntities(
    related.dependencies,
    annotations.dependencies,
    conventions,
  );
  const dependents = tieredEntities(
    related.dependents,
    annotations.dependents,
    conventions,
  );

  if (tierValue === undefined) return untieredVerdict(dependents);
  const own = tierLabel(tierValue);

  const inversions: TieredEntity[] = [];
  const untiered: TieredEntity[] = [];
  for (const d of dependencies) {
    if (d.tier === undefined) untiered.push(d);
    else if (d.tier > tierValue) inversions.push(d);
  }
  const criticalDependents: TieredEntity[] = [];
  let mostCritical: Tier | undefined;
  for (const d of dependents) {
    if (d.tier !== undefined && d.tier < tierValue) {
      criticalDependents.push(d);
      if (mostCritical === undefined || d.tier < mostCritical) {
        mostCritical = d.tier;
      }
    }
  }
  if (
    inversions.length === 0 &&
    untiered.length === 0 &&
    criticalDependents.length === 0
  ) {
    return {
      state: 'pass',
      message:
        dependencies.length === 0
          ? 'depends on no Component, System or Resource'
          : `every dependency is ${own} or more critical`,
    };
  }

  const dependentLines = criticalDependents.map(
    d =>
      `${label(d.tier)} ${refOf(d)} depends on this ${own} ${
        context.kind
      }: raise ${tierAnnotation} to ${label(
        d.tier,
      )}, or the dependent must stop relying on it`,
  );
  const untieredLines = untiered.map(
    d =>
      `the tier of ${refOf(
        d,
      )} is unknown (no ${tierAnnotation}), so a tier inversion cannot be ruled out`,
  );
  const tierFixes = (targets: TieredEntity[]) =>
    targets
      .map(
        d =>
          `# in the catalog-info.yaml of ${refOf(d)}\n${annotationFix(
            RELIABILITY_ANNOTATIONS.tier,
            own,
          )}`,
      )
      .join('\n');

  if (inversions.length > 0) {
    const lines = inversions.map(
      d =>
        `this ${own} ${context.kind} depends on ${label(d.tier)} ${refOf(
          d,
        )} (spec.dependsOn): a ${own} service must not depend on a less critical ${String(
          d.entity.kind ?? 'entity',
        )}. Raise its ${tierAnnotation} to ${own}, remove the dependency, or ask for an exemption`,
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
  return {
    state: 'warn',
    message: dependentLines.join('\n'),
    fix: annotationFix(RELIABILITY_ANNOTATIONS.tier, label(mostCritical)),
  };
};
