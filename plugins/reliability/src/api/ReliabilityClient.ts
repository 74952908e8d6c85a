import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DeployGateResponse,
  EntityReliabilityResponse,
  OverviewAggregatesResponse,
  OverviewEntitiesResponse,
  OverviewFilters,
  OverviewKpisResponse,
  OverviewTrendsResponse,
  ReadinessResult,
  SloStatusResponse,
} from '@vigil/plugin-reliability-common';
import {
  Exemption,
  ExemptionAuditEntry,
  GrantExemptionRequest,
  OverviewCsvExport,
  OverviewEntitiesRequest,
  OverviewGroupBy,
  OverviewQuery,
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

/** The list filters of the overview routes, each a comma-separated parameter. */
const LIST_FILTERS = [
  'kind',
  'tier',
  'owner',
  'system',
  'domain',
  'level',
  'missing',
  'budget',
] as const;

/**
 * The overview's filters and order as query parameters, in a fixed order;
 * empty lists and an empty search are left out.
 */
export function overviewSearchParams(query: OverviewQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of LIST_FILTERS) {
    const values = (query[key] as string[] | undefined)?.filter(Boolean);
    if (values?.length) {
      params.set(key, values.join(','));
    }
  }
  const search = query.search?.trim();
  if (search) {
    params.set('search', search);
  }
  if (query.sort) {
    params.set('sort', query.sort);
  }
  if (query.order) {
    params.set('order', query.order);
  }
  return params;
}

/** The file name in a Content-Disposition header, if it has one. */
function attachmentName(header: string | null): string | undefined {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header ?? '');
  return match ? decodeURIComponent(match[1].trim()) : undefined;
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
    const { offset, limit, ...rest } = request;
    const query = new URLSearchParams({
      offset: String(offset),
      limit: String(limit),
    });
    overviewSearchParams(rest).forEach((value, key) => query.set(key, value));
    return this.request<OverviewEntitiesResponse>(
      `/overview/entities?${query}`,
    );
  }

  async exportOverviewCsv(query: OverviewQuery): Promise<OverviewCsvExport> {
    const params = new URLSearchParams({ format: 'csv' });
    overviewSearchParams(query).forEach((value, key) => params.set(key, value));
    const response = await this.fetchOk(`/overview/entities?${params}`);
    return {
      blob: await response.blob(),
      filename:
        attachmentName(response.headers.get('content-disposition')) ??
        'reliability-overview.csv',
    };
  }

  async getOverviewAggregates(
    request: OverviewFilters & { groupBy: OverviewGroupBy },
  ): Promise<OverviewAggregatesResponse> {
    const { groupBy, ...filters } = request;
    const params = new URLSearchParams({ groupBy });
    overviewSearchParams(filters).forEach((value, key) =>
      params.set(key, value),
    );
    return this.request<OverviewAggregatesResponse>(`/overview?${params}`);
  }

  async getOverviewKpis(
    filters: OverviewFilters,
  ): Promise<OverviewKpisResponse> {
    const params = overviewSearchParams(filters).toString();
    return this.request<OverviewKpisResponse>(
      `/overview/kpis${params ? `?${params}` : ''}`,
    );
  }

  async getOverviewTrends(
    request: OverviewFilters & { days?: number },
  ): Promise<OverviewTrendsResponse> {
    const { days, ...filters } = request;
    const params = new URLSearchParams({ days: String(days ?? 90) });
    overviewSearchParams(filters).forEach((value, key) =>
      params.set(key, value),
    );
    return this.request<OverviewTrendsResponse>(`/overview/trends?${params}`);
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

  async listExemptions(
    entityRef: string,
  ): Promise<{ items: Exemption[]; maxDays: number }> {
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
    const response = await this.fetchOk(path, init);
    if (response.status === 204) {
      return undefined as T;
    }
    return (await response.json()) as T;
  }

  /** Calls a path of the backend; a non-2xx answer becomes a ResponseError. */
  private async fetchOk(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('reliability');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
