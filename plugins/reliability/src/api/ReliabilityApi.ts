import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  DeployGateResponse,
  EntityReliabilityResponse,
  OverviewEntitiesResponse,
  SloStatusResponse,
} from '@vigil/plugin-reliability-common';

/**
 * One page of the overview, as offset and limit (the server does the paging).
 *
 * @public
 */
export interface OverviewEntitiesRequest {
  offset: number;
  limit: number;
  /** Only entities of this kind, e.g. `Component`. */
  kind?: string;
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

  /** One page of the overview rows. */
  getOverviewEntities(
    request: OverviewEntitiesRequest,
  ): Promise<OverviewEntitiesResponse>;

  /** One SLO's error budget, with the inputs behind every number. */
  getSloStatus(sloRef: CompoundEntityRef): Promise<SloStatusResponse>;

  /** May this entity deploy? The deploy gate's answer and reasons. */
  getDeployGate(entityRef: CompoundEntityRef): Promise<DeployGateResponse>;
}

/**
 * The {@link ReliabilityApi} reference.
 *
 * @public
 */
export const reliabilityApiRef = createApiRef<ReliabilityApi>({
  id: 'plugin.reliability.api',
});
