import { BudgetState } from './budget/types';
import { EnforcementMode } from './policy/types';
import { PolicyViolation } from './policy/evaluateMetadataPolicy';
import { ReliabilityProfile } from './profile';
import { ReadinessResult } from './readiness/types';

/**
 * Who owns an entity and what it is called, as the backend answers it.
 *
 * @public
 */
export interface ReliabilityEntitySummary {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  /** The owner's entity ref (`spec.owner`, resolved to a full ref). */
  owner?: string;
  /** The system's entity ref (`spec.system`), when there is one. */
  system?: string;
}

/**
 * `GET /api/reliability/entities/:kind/:namespace/:name`.
 *
 * @public
 */
export interface EntityReliabilityResponse {
  entity: ReliabilityEntitySummary;
  profile: ReliabilityProfile;
  /**
   * The policy's verdict on the metadata: the same findings the catalog
   * module and `vigil lint` report for this entity.
   */
  metadataPolicy: {
    enforcement: EnforcementMode;
    violations: PolicyViolation[];
  };
  /**
   * Readiness against the tier's requirements: checks, score, level, the
   * target level and the gap, with the SLOs' error budgets as facts.
   */
  readiness: ReadinessResult;
  /** When the backend first saw the metadata as it is now (ISO timestamp). */
  profileChangedAt: string;
}

/**
 * Which of the reliability basics an entity has, read from its stored
 * readiness checks (`slo-defined`, `runbook`, `on-call`,
 * `dr-tested-recently` passing).
 *
 * @public
 */
export interface OverviewCoverage {
  slo: boolean;
  runbook: boolean;
  onCall: boolean;
  /** A DR test within the tier's limit (`dr-tested-recently` passes). */
  drTested: boolean;
}

/** Coverage items an overview filter can ask to be missing. @public */
export const OVERVIEW_COVERAGE_ITEMS = [
  'slo',
  'runbook',
  'onCall',
  'drTested',
] as const;

/**
 * One row of the overview: an entity and the headline of its last stored
 * readiness result. Entities appear once they have been evaluated (the
 * refresh evaluates every entity at startup and then on a schedule).
 *
 * @public
 */
export interface OverviewEntityRow extends ReliabilityEntitySummary {
  /** The domain of the entity's system (`spec.domain` of the System). */
  domain?: string;
  tier?: string;
  hasRunbook: boolean;
  /** Metadata values that do not parse. */
  errorCount: number;
  /** Policy findings that count now (parse errors included, pending rules not). */
  violationCount: number;
  coverage: OverviewCoverage;
  /** The worst error-budget state among the entity's SLOs, if it has any. */
  budget?: BudgetState;
  /** The last stored readiness result's headline. */
  readiness?: {
    score: number;
    level?: string;
    targetLevel?: string;
    /** True when the level reaches the tier's target level. */
    atTarget?: boolean;
    gapCount: number;
    evaluatedAt: string;
  };
}

/**
 * Filters shared by the overview routes (query parameters). Lists are
 * comma-separated in the URL.
 *
 * @public
 */
export interface OverviewFilters {
  kind?: string[];
  /** Tier labels, e.g. `tier-0`; `none` matches entities without a tier. */
  tier?: string[];
  /** Owner group refs; entities of their sub-groups count too. */
  owner?: string[];
  system?: string[];
  domain?: string[];
  level?: string[];
  /** Only entities missing one of these. */
  missing?: Array<(typeof OVERVIEW_COVERAGE_ITEMS)[number]>;
  budget?: BudgetState[];
  /** Case-insensitive text in the ref or the title. */
  search?: string;
}

/** Sort keys of the overview rows. @public */
export const OVERVIEW_SORT_KEYS = [
  'gap',
  'score',
  'name',
  'tier',
  'owner',
  'budget',
] as const;

/**
 * `GET /api/reliability/overview/entities` — one page of rows, filtered and
 * sorted by the server. `?format=csv` answers every filtered row as CSV.
 *
 * @public
 */
export interface OverviewEntitiesResponse {
  items: OverviewEntityRow[];
  totalItems: number;
  offset: number;
  limit: number;
}

/** Overview groupings. @public */
export const OVERVIEW_GROUP_BY = [
  'owner',
  'system',
  'domain',
  'tier',
  'level',
] as const;

/**
 * One group of `GET /api/reliability/overview`. For `owner`, a group's
 * figures include the entities of all its sub-groups (the group
 * hierarchy, through `spec.parent`); `directEntities` are its own.
 *
 * @public
 */
export interface OverviewAggregate {
  /** The group's key (an entity ref, tier or level); null: none. */
  key: string | null;
  title?: string;
  /** For owner groups: the parent group's ref. */
  parent?: string;
  entities: number;
  directEntities: number;
  averageScore: number;
  /** Entities whose level reaches their tier's target. */
  atTarget: number;
  /** Gap items summed over the entities. */
  gapItems: number;
  coverage: Record<keyof OverviewCoverage, number>;
  budgetsExhausted: number;
  budgetsBurning: number;
}

/** `GET /api/reliability/overview`. @public */
export interface OverviewAggregatesResponse {
  groupBy: (typeof OVERVIEW_GROUP_BY)[number];
  items: OverviewAggregate[];
}

/**
 * A headline figure of the overview, with how it was computed.
 *
 * @public
 */
export interface OverviewKpi {
  id: string;
  title: string;
  value: number;
  /** Out of how many (a share is value / of). */
  of?: number;
  /** How the figure was computed, in words. */
  explanation: string;
}

/** `GET /api/reliability/overview/kpis`. @public */
export interface OverviewKpisResponse {
  items: OverviewKpi[];
  /** When the newest result behind the figures was computed. */
  asOf?: string;
}

/**
 * `GET /api/reliability/overview/trends?days=N` — one point a day: the
 * filtered entities' average score and how many were at target, from the
 * readiness history.
 *
 * @public
 */
export interface OverviewTrendsResponse {
  items: Array<{
    /** YYYY-MM-DD (UTC). */
    date: string;
    entities: number;
    averageScore: number;
    atTarget: number;
  }>;
}

/**
 * `GET /api/reliability/slos/:namespace/:name` — one SLO's error budget.
 *
 * @public
 */
export interface SloStatusResponse {
  sloRef: string;
  title?: string;
  serviceRef?: string;
  state: BudgetState;
  /** Where the counts came from; `stale` keeps the last good figures. */
  source: { status: 'ok' | 'stale' | 'no-data'; reason?: string };
  evaluatedAt: string;
  /** The full ErrorBudgetResult with its inputs, dates as ISO strings. */
  result: Record<string, unknown>;
  history: Array<{
    at: string;
    state: BudgetState;
    remaining?: number;
    sli?: number;
  }>;
}

/**
 * `GET /api/reliability/gate/:kind/:namespace/:name` — may this deploy?
 *
 * @public
 */
export interface DeployGateResponse {
  entityRef: string;
  allowed: boolean;
  /** The worst budget state among the entity's SLOs. */
  state: BudgetState;
  reasons: string[];
  slos: Array<{
    sloRef: string;
    state: BudgetState;
    remaining?: number;
    stale: boolean;
  }>;
}
