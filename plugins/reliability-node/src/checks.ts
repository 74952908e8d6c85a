import { Entity } from '@backstage/catalog-model';
import {
  CheckResult,
  ReliabilityProfile,
  Tier,
} from '@vigil/plugin-reliability-common';

/**
 * What a readiness check is given: the entity, its parsed profile, the
 * entities related to it and the facts gathered for it.
 *
 * @public
 */
export interface ReliabilityCheckContext {
  entity: Entity;
  profile: ReliabilityProfile;
  /** Entities reached through the entity's relations (owner, dependencies, SLOs). */
  relatedEntities: Entity[];
  /** Facts other sources gathered, by fact name. */
  facts: Record<string, unknown>;
  /** The evaluation time; checks must not read the clock themselves. */
  now: Date;
}

/**
 * A readiness check contributed by a backend module. It is evaluated beside
 * the built-in checks and its result takes the same states.
 *
 * @public
 */
export interface ReliabilityCheck {
  /** Unique id, e.g. `acme/has-load-test`. Built-ins use bare ids. */
  id: string;
  /** Short human title shown in the checklist. */
  title: string;
  /** The level the check belongs to, e.g. `silver` (see the policy's levels). */
  level: string;
  /** Tiers the check applies to; all tiers when absent. */
  tiers?: Tier[];
  /** Entity kinds the check applies to (lower case); component when absent. */
  kinds?: string[];
  evaluate(
    context: ReliabilityCheckContext,
  ): Promise<CheckResult> | CheckResult;
}
