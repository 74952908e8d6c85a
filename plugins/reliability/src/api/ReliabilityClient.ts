import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DeployGateResponse,
  EntityReliabilityResponse,
  OverviewEntitiesResponse,
  SloStatusResponse,
} from '@vigil/plugin-reliability-common';
import { OverviewEntitiesRequest, ReliabilityApi } from './ReliabilityApi';

/**
 * The default {@link ReliabilityApi}: calls the `reliability` backend plugin
 * with the signed-in user's token (added by `fetchApi`).
 *
 * @public
 */
export class ReliabilityClient implements ReliabilityApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getEntityReliability(
    entityRef: CompoundEntityRef,
  ): Promise<EntityReliabilityResponse> {
    const { kind, namespace, name } = entityRef;
    const path = ['entities', kind, namespace, name]
      .map(encodeURIComponent)
      .join('/');
    return this.request<EntityReliabilityResponse>(`/${path}`);
  }

  async getOverviewEntities(
    request: OverviewEntitiesRequest,
  ): Promise<OverviewEntitiesResponse> {
    const query = new URLSearchParams({
      offset: String(request.offset),
      limit: String(request.limit),
    });
    if (request.kind) {
      query.set('kind', request.kind);
    }
    return this.request<OverviewEntitiesResponse>(
      `/overview/entities?${query}`,
    );
  }

  async getSloStatus(sloRef: CompoundEntityRef): Promise<SloStatusResponse> {
    const path = ['slos', sloRef.namespace, sloRef.name]
      .map(encodeURIComponent)
      .join('/');
    return this.request<SloStatusResponse>(`/${path}`);
  }

  async getDeployGate(
    entityRef: CompoundEntityRef,
  ): Promise<DeployGateResponse> {
    const { kind, namespace, name } = entityRef;
    const path = ['gate', kind, namespace, name]
      .map(encodeURIComponent)
      .join('/');
    return this.request<DeployGateResponse>(`/${path}`);
  }

  /** GETs a path of the backend; any non-2xx answer becomes a ResponseError. */
  private async request<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('reliability');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
