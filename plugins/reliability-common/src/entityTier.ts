/*
 * An entity's tier as the profile reads it: the `vigil/tier` annotation,
 * else a convention tag. In two steps, so that the readiness evaluator can
 * look up the annotations of all of an entity's related entities before it
 * reads their tiers (see tieredEntities in readiness/checks/dependencyTier.ts).
 */
import { Entity } from '@backstage/catalog-model';
import { RELIABILITY_ANNOTATIONS } from './annotations';
import { ConventionsPolicy } from './policy/types';
import type { ReliabilityProfile } from './profile';
import { parseTier, Tier, tierLabel } from './tiers';

/** The raw `vigil/tier` value: anything, since linted files are read too. */
export function tierAnnotationOf(entity: Entity | undefined): unknown {
  return entity?.metadata?.annotations?.[RELIABILITY_ANNOTATIONS.tier];
}

/**
 * The `vigil/tier` values of the entities, in their order, looked up in a
 * loop that does nothing else. Related entities lie scattered in memory: a
 * loop this short lets the processor fetch several of them at once, where
 * reading each tier in full would wait for one after another.
 */
export function tierAnnotationsOf(entities: Entity[]): unknown[] {
  const annotations: unknown[] = [];
  for (const entity of entities) annotations.push(tierAnnotationOf(entity));
  return annotations;
}

/**
 * The tier given by `annotation` (the entity's `vigil/tier` value, from
 * {@link tierAnnotationOf}), else by the entity's tags; undefined when
 * absent or invalid.
 */
export function tierFrom(
  entity: Entity,
  annotation: unknown,
  conventions: ConventionsPolicy,
): Tier | undefined {
  if (annotation !== undefined && annotation !== null) {
    // Objects never name a tier; numbers do in linted files, as in the parser.
    return typeof annotation === 'object'
      ? undefined
      : parseTier(String(annotation));
  }
  return tierFromTags(entity, conventions)?.value;
}

/** The tier a convention tag gives, when the annotation is absent. */
export function tierFromTags(
  entity: Entity,
  conventions: ConventionsPolicy,
): ReliabilityProfile['tier'] {
  const tags: unknown = entity.metadata?.tags;
  for (const tag of Array.isArray(tags) ? tags : []) {
    const label =
      typeof tag === 'string' ? conventions.tierTags[tag] : undefined;
    const tier = label === undefined ? undefined : parseTier(label);
    if (tier !== undefined) {
      return { value: tier, label: tierLabel(tier), source: 'tag', tag };
    }
  }
  return undefined;
}
