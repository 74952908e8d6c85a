import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityReliabilityResponse,
  evaluateMetadataPolicy,
  OverviewEntitiesResponse,
  OverviewEntityRow,
  ReadinessResult,
  RELIABILITY_ENTITY_KINDS,
  ReliabilityPolicy,
} from '@vigil/plugin-reliability-common';
import { ProfileStore } from '../database/ProfileStore';
import { ReadinessService } from '../readiness/ReadinessService';
import { toEntitySummary } from './entitySummary';
import { readableEntity } from './readableEntity';

/** The catalog fields the overview needs; nothing else is transferred. */
const OVERVIEW_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'metadata.links',
  'metadata.tags',
  'spec.owner',
  'spec.system',
  'spec.lifecycle',
];

/**
 * The reliability answers of the backend. Every catalog read runs with the
 * caller's credentials, so the catalog's permission rules decide what the
 * caller may see.
 */
export class ReliabilityService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      store: ProfileStore;
      policy: ReliabilityPolicy;
      readiness: ReadinessService;
      /** Stored readiness headlines of entities, for the overview rows. */
      readinessSummaries?: (
        entityRefs: string[],
      ) => Promise<Map<string, NonNullable<OverviewEntityRow['readiness']>>>;
      /** Records each result it computes, so history grows with use too. */
      recordReadiness?: (
        entity: Entity,
        result: ReadinessResult,
      ) => Promise<void>;
      logger: LoggerService;
      clock?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }

  async getEntityReliability(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<EntityReliabilityResponse> {
    const entity = await readableEntity(this.options.catalog, ref, credentials);
    const now = this.now();
    const { profile, enforcement, violations } = evaluateMetadataPolicy(
      entity,
      this.options.policy,
      { now },
    );
    const [stored, readiness] = await Promise.all([
      this.options.store.recordProfile(profile, now),
      this.options.readiness.evaluate(entity, credentials, now),
    ]);
    await this.options.recordReadiness?.(entity, readiness);
    return {
      entity: toEntitySummary(entity),
      profile,
      metadataPolicy: { enforcement, violations },
      readiness,
      profileChangedAt: stored.changedAt.toISOString(),
    };
  }

  async listOverviewEntities(
    request: { offset: number; limit: number; kind?: string },
    credentials: BackstageCredentials,
  ): Promise<OverviewEntitiesResponse> {
    const kinds = request.kind ? [request.kind] : RELIABILITY_ENTITY_KINDS;
    const response = await this.options.catalog.queryEntities(
      {
        filter: { kind: kinds },
        fields: OVERVIEW_FIELDS,
        limit: request.limit,
        offset: request.offset,
        orderFields: [{ field: 'metadata.name', order: 'asc' }],
      },
      { credentials },
    );
    const now = this.now();
    const summaries =
      (await this.options.readinessSummaries?.(
        response.items.map(e => stringifyEntityRef(e)),
      )) ?? new Map();
    return {
      items: response.items.map(entity => {
        const { profile, violations } = evaluateMetadataPolicy(
          entity,
          this.options.policy,
          { now },
        );
        return {
          ...toEntitySummary(entity),
          tier: profile.tier?.label,
          hasRunbook: Boolean(profile.runbook),
          errorCount: profile.errors.length,
          violationCount: violations.filter(v => !v.pending).length,
          readiness: summaries.get(stringifyEntityRef(entity)),
        };
      }),
      totalItems: response.totalItems,
      offset: request.offset,
      limit: request.limit,
    };
  }
}
