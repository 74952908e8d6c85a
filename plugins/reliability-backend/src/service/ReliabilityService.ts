import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityReliabilityResponse,
  evaluateMetadataPolicy,
  ReadinessResult,
  ReliabilityPolicy,
} from '@vigil/plugin-reliability-common';
import { ProfileStore } from '../database/ProfileStore';
import { ReadinessService } from '../readiness/ReadinessService';
import { toEntitySummary } from './entitySummary';
import { readableEntity } from './readableEntity';

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
}
