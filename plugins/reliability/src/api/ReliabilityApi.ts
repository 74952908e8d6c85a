import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  DeployGateResponse,
  EntityReliabilityResponse,
  OVERVIEW_GROUP_BY,
  OVERVIEW_SORT_KEYS,
  OverviewAggregatesResponse,
  OverviewEntitiesResponse,
  OverviewFilters,
  OverviewKpisResponse,
  OverviewTrendsResponse,
  ReadinessResult,
  SloStatusResponse,
} from '@vigil/plugin-reliability-common';

/**
 * A sort key of the overview rows.
 *
 * @public
 */
export type OverviewSortKey = (typeof OVERVIEW_SORT_KEYS)[number];

/**
 * A grouping of the overview aggregates.
 *
 * @public
 */
export type OverviewGroupBy = (typeof OVERVIEW_GROUP_BY)[number];

/**
 * The overview's filters and order, as the server applies them. Without a
 * sort the server orders by gap, largest first.
 *
 * @public
 */
export interface OverviewQuery extends OverviewFilters {
  sort?: OverviewSortKey;
  order?: 'asc' | 'desc';
}

/**
 * One page of the overview, as offset and limit (the server does the
 * paging, filtering and sorting).
 *
 * @public
 */
export interface OverviewEntitiesRequest extends OverviewQuery {
  offset: number;
  /** At most 500. */
  limit: number;
}

/**
 * The overview's rows as a CSV file, as the backend names it.
 *
 * @public
 */
export interface OverviewCsvExport {
  blob: Blob;
  /** From Content-Disposition; `reliability-overview.csv` otherwise. */
  filename: string;
}

/**
 * One stored readiness snapshot (`GET .../history`).
 *
 * @public
 */
export interface ReadinessHistoryPoint {
  /** ISO timestamp of the evaluation. */
  at: string;
  score: number;
  level?: string;
  gapCount: number;
}

/**
 * An exemption of one entity from one readiness check, as the backend
 * stores it (dates as ISO timestamps).
 *
 * @public
 */
export interface Exemption {
  id: string;
  entityRef: string;
  checkId: string;
  reason: string;
  grantedBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
  revokedBy?: string;
}

/**
 * What `POST /exemptions` takes. The backend refuses (400) a reason shorter
 * than 10 characters and an expiry in the past or beyond the policy's
 * maximum.
 *
 * @public
 */
export interface GrantExemptionRequest {
  entityRef: string;
  checkId: string;
  reason: string;
  /** ISO 8601 timestamp with a zone. */
  expiresAt: string;
}

/**
 * One line of an exemption's audit trail.
 *
 * @public
 */
export interface ExemptionAuditEntry {
  exemptionId: string;
  action: 'grant' | 'revoke';
  actor: string;
  at: string;
  details: Record<string, unknown>;
}

/**
 * Reads Vigil's reliability data from the reliability backend.
 *
 * @public
 */
export interface ReliabilityApi {
  /** The parsed reliability profile of one entity. */
  getEntityReliability(
    entityRef: CompoundEntityRef,
  ): Promise<EntityReliabilityResponse>;

  /** One page of the overview rows, filtered and sorted by the server. */
  getOverviewEntities(
    request: OverviewEntitiesRequest,
  ): Promise<OverviewEntitiesResponse>;

  /**
   * Every row the filters select, in the given order, as CSV (all pages,
   * not only the one on screen).
   */
  exportOverviewCsv(query: OverviewQuery): Promise<OverviewCsvExport>;

  /** The filtered entities aggregated by owner group, system, domain, tier or level. */
  getOverviewAggregates(
    request: OverviewFilters & { groupBy: OverviewGroupBy },
  ): Promise<OverviewAggregatesResponse>;

  /** The headline figures of the filtered entities, each with how it was computed. */
  getOverviewKpis(filters: OverviewFilters): Promise<OverviewKpisResponse>;

  /** One point a day over the last `days` days (default 90) for the filtered entities. */
  getOverviewTrends(
    request: OverviewFilters & { days?: number },
  ): Promise<OverviewTrendsResponse>;

  /** One SLO's error budget, with the inputs behind every number. */
  getSloStatus(sloRef: CompoundEntityRef): Promise<SloStatusResponse>;

  /** May this entity deploy? The deploy gate's answer and reasons. */
  getDeployGate(entityRef: CompoundEntityRef): Promise<DeployGateResponse>;

  /** Stored readiness snapshots of the last `days` days (default 90). */
  getReadinessHistory(
    entityRef: CompoundEntityRef,
    options?: { days?: number },
  ): Promise<{ items: ReadinessHistoryPoint[] }>;

  /** Re-evaluates the entity's readiness now, and stores the result. */
  refreshReadiness(entityRef: CompoundEntityRef): Promise<ReadinessResult>;

  /**
   * The entity's exemptions that are not revoked (expired ones included),
   * and how many days ahead a new one may expire at most (the policy's cap).
   */
  listExemptions(
    entityRef: string,
  ): Promise<{ items: Exemption[]; maxDays: number }>;

  /** Grants an exemption; needs `reliability.exemption.create`. */
  grantExemption(request: GrantExemptionRequest): Promise<Exemption>;

  /** Revokes an exemption; needs `reliability.exemption.create`. */
  revokeExemption(id: string): Promise<void>;

  /** Every grant and revocation of one exemption. */
  getExemptionAudit(id: string): Promise<{ items: ExemptionAuditEntry[] }>;
}

/**
 * The {@link ReliabilityApi} reference.
 *
 * @public
 */
export const reliabilityApiRef = createApiRef<ReliabilityApi>({
  id: 'plugin.reliability.api',
});
