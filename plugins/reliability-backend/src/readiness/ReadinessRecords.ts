import {
  AuthService,
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
  RELIABILITY_ENTITY_KINDS,
  ReadinessResult,
} from '@vigil/plugin-reliability-common';
import {
  ReadinessAggregate,
  ReadinessHistoryPoint,
  ReadinessStore,
} from '../database/ReadinessStore';
import { toEntitySummary } from '../service/entitySummary';
import { readableEntity } from '../service/readableEntity';
import { ReadinessService } from './ReadinessService';

/** Entities per catalog page: never one unpaged pull of the catalog. */
const PAGE_SIZE = 500;

/**
 * Stored readiness: evaluates and records results (scheduled for all
 * entities, or one on demand), and answers history and overview queries —
 * each only over entities the caller may read in the catalog.
 */
export class ReadinessRecords {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      readiness: ReadinessService;
      store: ReadinessStore;
      logger: LoggerService;
      historyEverySeconds: number;
      clock?: () => Date;
    },
  ) {}

  private now() {
    return this.options.clock?.() ?? new Date();
  }

  /** Saves a result computed elsewhere (e.g. by the entity route). */
  async record(entity: Entity, result: ReadinessResult): Promise<void> {
    const summary = toEntitySummary(entity);
    await this.options.store.saveResult(
      {
        entityRef: summary.entityRef,
        kind: summary.kind,
        title: summary.title,
        ownerRef: summary.owner,
        systemRef: summary.system,
      },
      result,
      this.options.historyEverySeconds,
    );
  }

  private async *pages(credentials: BackstageCredentials, fields?: string[]) {
    let cursor: string | undefined;
    do {
      const page = await this.options.catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE, fields }
          : {
              filter: { kind: RELIABILITY_ENTITY_KINDS },
              limit: PAGE_SIZE,
              fields,
            },
        { credentials },
      );
      yield page.items;
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
  }

  /** Re-evaluates every entity; one failure never stops the rest. */
  async refreshAll(): Promise<{ evaluated: number; failed: number }> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    let evaluated = 0;
    let failed = 0;
    for await (const items of this.pages(credentials)) {
      for (const entity of items) {
        try {
          const result = await this.options.readiness.evaluate(
            entity,
            credentials,
            this.now(),
          );
          await this.record(entity, result);
          evaluated++;
        } catch (error) {
          failed++;
          this.options.logger.warn(
            `Readiness of ${stringifyEntityRef(
              entity,
            )} could not be evaluated: ${error}`,
          );
        }
      }
    }
    return { evaluated, failed };
  }

  private readable(ref: CompoundEntityRef, credentials: BackstageCredentials) {
    return readableEntity(this.options.catalog, ref, credentials);
  }

  async refreshOne(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<ReadinessResult> {
    const entity = await this.readable(ref, credentials);
    const result = await this.options.readiness.evaluate(
      entity,
      credentials,
      this.now(),
    );
    await this.record(entity, result);
    return result;
  }

  async history(
    ref: CompoundEntityRef,
    days: number,
    credentials: BackstageCredentials,
  ): Promise<{
    items: Array<Omit<ReadinessHistoryPoint, 'at'> & { at: string }>;
  }> {
    const entity = await this.readable(ref, credentials);
    const since = new Date(this.now().getTime() - days * 86_400_000);
    const points = await this.options.store.getHistory(
      stringifyEntityRef(entity),
      since,
    );
    return { items: points.map(p => ({ ...p, at: p.at.toISOString() })) };
  }

  async overview(
    groupBy: 'tier' | 'owner' | 'system' | 'level',
    credentials: BackstageCredentials,
  ): Promise<{ groupBy: string; items: ReadinessAggregate[] }> {
    const refs: string[] = [];
    const fields = ['kind', 'metadata.name', 'metadata.namespace'];
    for await (const items of this.pages(credentials, fields)) {
      refs.push(...items.map(e => stringifyEntityRef(e)));
    }
    return {
      groupBy,
      items: await this.options.store.aggregate(groupBy, refs),
    };
  }

  async prune(before: Date): Promise<number> {
    return this.options.store.prune(before);
  }
}
