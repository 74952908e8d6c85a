import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DeployGateResponse,
  EntityReliabilityResponse,
  OverviewEntitiesResponse,
  ReadinessResult,
  SloStatusResponse,
} from '@vigil/plugin-reliability-common';
import {
  Exemption,
  ExemptionAuditEntry,
  GrantExemptionRequest,
  OverviewEntitiesRequest,
  ReadinessHistoryPoint,
  ReliabilityApi,
} from './ReliabilityApi';

/** `/entities/:kind/:namespace/:name`, every part encoded. */
function entityPath(entityRef: CompoundEntityRef): string {
  const { kind, namespace, name } = entityRef;
  return `/${['entities', kind, namespace, name]
    .map(encodeURIComponent)
    .join('/')}`;
}

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
    return this.request<EntityReliabilityResponse>(entityPath(entityRef));
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

  async getReadinessHistory(
    entityRef: CompoundEntityRef,
    options?: { days?: number },
  ): Promise<{ items: ReadinessHistoryPoint[] }> {
    const query = new URLSearchParams({ days: String(options?.days ?? 90) });
    return this.request(`${entityPath(entityRef)}/history?${query}`);
  }

  async refreshReadiness(
    entityRef: CompoundEntityRef,
  ): Promise<ReadinessResult> {
    return this.request<ReadinessResult>(`${entityPath(entityRef)}/refresh`, {
      method: 'POST',
    });
  }

  async listExemptions(entityRef: string): Promise<{ items: Exemption[] }> {
    const query = new URLSearchParams({ entityRef });
    return this.request(`/exemptions?${query}`);
  }

  async grantExemption(request: GrantExemptionRequest): Promise<Exemption> {
    return this.request<Exemption>('/exemptions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  }

  async revokeExemption(id: string): Promise<void> {
    await this.request<void>(`/exemptions/${encodeURIComponent(id)}`, {
      method: 'DELETE',
    });
  }

  async getExemptionAudit(
    id: string,
  ): Promise<{ items: ExemptionAuditEntry[] }> {
    return this.request(`/exemptions/${encodeURIComponent(id)}/audit`);
  }

  /**
   * Calls a path of the backend; any non-2xx answer becomes a ResponseError
   * (which keeps the backend's message, e.g. why an exemption was refused).
   * A 204 answers undefined.
   */
  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('reliability');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    if (response.status === 204) {
      return undefined as T;
    }
    return (await response.json()) as T;
  }
}
