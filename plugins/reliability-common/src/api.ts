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
 * One row of the overview: an entity and the headline of its profile.
 *
 * @public
 */
export interface OverviewEntityRow extends ReliabilityEntitySummary {
  tier?: string;
  hasRunbook: boolean;
  /** Metadata values that do not parse. */
  errorCount: number;
  /** Policy findings that count now (parse errors included, pending rules not). */
  violationCount: number;
  /** The last stored readiness result, when the entity has been evaluated. */
  readiness?: {
    score: number;
    level?: string;
    targetLevel?: string;
    gapCount: number;
    evaluatedAt: string;
  };
}

/**
 * `GET /api/reliability/overview/entities` — one page of rows.
 *
 * @public
 */
export interface OverviewEntitiesResponse {
  items: OverviewEntityRow[];
  totalItems: number;
  offset: number;
  limit: number;
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
