import { Entity } from '@backstage/catalog-model';
import { BudgetState } from '../budget/types';
import { CheckResult, CheckState } from '../checks';
import { ReliabilityPolicy } from '../policy/types';
import { ReliabilityProfile } from '../profile';

/**
 * The entities reached through an entity's relations, as the caller looked
 * them up in the catalog.
 *
 * @public
 */
export interface ReadinessRelated {
  /**
   * The entity `spec.owner` names: `undefined` when it was not looked up
   * (owner-resolves then reports `no-data`), `null` when it was looked up
   * and is not in the catalog.
   */
  owner?: Entity | null;
  /** The targets of the entity's `dependsOn` relations that exist. */
  dependencies: Entity[];
  /** The entities that depend on this one (`dependencyOf`). */
  dependents: Entity[];
  /** Its SLO entities (kind SLO, apiVersion openslo/v1, via `hasSLO`). */
  slos: Entity[];
}

/**
 * Name of the fact holding the error-budget states of an entity's SLOs:
 * `{ [sloRef]: ErrorBudgetFact }`, keyed by SLO entity ref such as
 * `slo:default/orders-availability`.
 *
 * @public
 */
export const ERROR_BUDGET_FACT = 'error-budget';

/**
 * Name of the fact saying whether the entity's TechDocs were found
 * (`true`) or are known to be missing (`false`).
 *
 * @public
 */
export const TECHDOCS_FACT = 'techdocs';

/**
 * One SLO's error budget as the `error-budget` fact carries it. An
 * `ErrorBudgetResult` of the budget maths is accepted as it is (its
 * `errorBudget.remaining` is read), and so is a list of them (one per
 * objective: the worst counts).
 *
 * @public
 */
export interface ErrorBudgetFact {
  state: BudgetState;
  /** Share of the budget left, signed: 1 = untouched, ≤ 0 = exhausted. */
  remaining?: number;
}

/**
 * An exemption of one entity from one check, as stored by the backend.
 *
 * @public
 */
export interface ReadinessExemption {
  checkId: string;
  reason: string;
  grantedBy: string;
  /** ISO timestamp; the exemption counts while it lies ahead of `now`. */
  expiresAt: string;
}

/**
 * What a custom check is given. It is a superset of the context of
 * `ReliabilityCheck` in `@vigil/plugin-reliability-node`, so those checks
 * can be passed as they are.
 *
 * @public
 */
export interface ReadinessCheckContext {
  entity: Entity;
  /** The entity's reliability metadata, parsed under the policy's conventions. */
  profile: ReliabilityProfile;
  /** The entity's tier label (`tier-0` … `tier-3`), if it has one. */
  tier?: string;
  related: ReadinessRelated;
  /** Every related entity in one list: owner, dependencies, dependents, SLOs. */
  relatedEntities: Entity[];
  facts: Record<string, unknown>;
  policy: ReliabilityPolicy;
  /** The evaluation time; checks must not read the clock themselves. */
  now: Date;
}

/**
 * A check contributed from outside the common package (a backend module).
 *
 * @public
 */
export interface ReadinessCustomCheck {
  /** Unique id, e.g. `acme/has-load-test`. Built-ins use bare ids. */
  id: string;
  title: string;
  /** One of the policy's levels; an unknown level is treated as the highest. */
  level: string;
  /** Weight in the score; 1 when absent. */
  weight?: number;
  /** Tier numbers the check applies to; every tier (and none) when absent. */
  tiers?: number[];
  /** Kinds (any case) the check applies to; `component` when absent. */
  kinds?: string[];
  evaluate(context: ReadinessCheckContext): CheckResult | Promise<CheckResult>;
}

/**
 * Everything the evaluator needs. It reads nothing else: no clock, no
 * catalog, no network.
 *
 * @public
 */
export interface ReadinessInput {
  entity: Entity;
  related: ReadinessRelated;
  /**
   * Facts from other sources, by name: {@link ERROR_BUDGET_FACT},
   * {@link TECHDOCS_FACT}, or anything a custom check reads. A check that
   * needs an absent fact reports `no-data`.
   */
  facts: Record<string, unknown>;
  policy: ReliabilityPolicy;
  now: Date;
  exemptions?: ReadinessExemption[];
  customChecks?: ReadinessCustomCheck[];
}

/**
 * The exemption that applies to a check, in force or expired.
 *
 * @public
 */
export interface CheckExemptionOutcome {
  reason: string;
  grantedBy: string;
  expiresAt: string;
  /** True when it no longer counts (or its expiry cannot be read). */
  expired: boolean;
  /** The state the check took before the exemption was applied. */
  underlyingState: CheckState;
}

/**
 * The result of one check on one entity.
 *
 * @public
 */
export interface CheckOutcome extends CheckResult {
  id: string;
  title: string;
  /** The policy level the check belongs to. */
  level: string;
  weight: number;
  /**
   * Whether the check takes part in the score, the level and the gap:
   * false when it is not applicable, pending (before `enabledFrom`) or an
   * optional check the policy does not list.
   */
  counts: boolean;
  /** True before the check's `enabledFrom`: reported, not counted. */
  pending: boolean;
  /** From `reliability.policy.checks.<id>.enabledFrom`. */
  enabledFrom?: string;
  exemption?: CheckExemptionOutcome;
  /** True for checks contributed through `customChecks`. */
  custom?: boolean;
}

/**
 * The readiness of one entity.
 *
 * @public
 */
export interface ReadinessResult {
  entityRef: string;
  /** Tier label, e.g. `tier-0`; absent when none is declared. */
  tier?: string;
  /** Weighted share of counting checks that pass, 0–100 with one decimal. */
  score: number;
  /** The highest level reached; absent when not even the lowest is. */
  level?: string;
  /** What the entity's tier must reach; absent without a tier. */
  targetLevel?: string;
  /** Counting checks that do not pass, up to the target level, in order. */
  gap: CheckOutcome[];
  checks: CheckOutcome[];
  /** ISO timestamp of `now`. */
  evaluatedAt: string;
}

/**
 * The description of a built-in check: its default level and weight, and
 * the metadata-policy rule it is built on, if any.
 *
 * @public
 */
export interface BuiltInCheckDefinition {
  id: string;
  title: string;
  description: string;
  /** Default level (bronze, silver, gold); see {@link ReadinessResult}. */
  level: string;
  /** Default weight in the score. */
  weight: number;
  /** Lower-case kinds the check can apply to. */
  kinds: readonly string[];
  /**
   * The rule of `evaluateMetadataPolicy` whose violations decide the check,
   * when it has one, so the catalog, the CLI and the score agree. Such a
   * check reads its `enabledFrom` under the rule id (`checks.rto`, not
   * `checks.rto-within-tier`), as the catalog module and the CLI do.
   */
  rule?: string;
  /** Optional checks count only when the policy lists them in `checks`. */
  optional?: boolean;
}
