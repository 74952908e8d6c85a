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
  evaluateMetadataPolicy,
  RELIABILITY_ENTITY_KINDS,
  ReadinessResult,
  ReliabilityPolicy,
} from '@vigil/plugin-reliability-common';
import {
  ReadinessHistoryPoint,
  ReadinessStore,
  ReadinessSubject,
} from '../database/ReadinessStore';
import { catalogPages } from '../overview/catalogStructure';
import { coverageOf } from '../overview/coverage';
import { ReadableRefs } from '../overview/readableRefs';
import { toEntitySummary } from '../service/entitySummary';
import { readableEntity } from '../service/readableEntity';
import { yieldToEventLoop } from '../service/yieldToEventLoop';
import { ReadinessService } from './ReadinessService';

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
      policy: ReliabilityPolicy;
      historyEverySeconds: number;
      /** Callers' readable sets: the stored result consults them, and a
       * complete refresh hands over every entity it read. */
      readableRefs?: ReadableRefs;
      clock?: () => Date;
    },
  ) {}

  private now() {
    return this.options.clock?.() ?? new Date();
  }

  /** What the store keeps about an entity beside its result. */
  private subjectOf(entity: Entity, result: ReadinessResult): ReadinessSubject {
    const summary = toEntitySummary(entity);
    const { profile, violations } = evaluateMetadataPolicy(
      entity,
      this.options.policy,
      { now: new Date(result.evaluatedAt) },
    );
    return {
      entityRef: summary.entityRef,
      kind: summary.kind,
      title: summary.title,
      ownerRef: summary.owner,
      systemRef: summary.system,
      coverage: coverageOf(profile, result),
      errorCount: profile.errors.length,
      violationCount: violations.filter(v => !v.pending).length,
    };
  }

  /** Saves a result computed elsewhere (e.g. by the entity route). */
  async record(entity: Entity, result: ReadinessResult): Promise<void> {
    const subject = this.subjectOf(entity, result);
    await this.options.store.saveResult(
      subject,
      result,
      this.options.historyEverySeconds,
    );
    // Read from the catalog just now, so it is there for the overview too.
    this.options.readableRefs?.addEntity(subject.entityRef);
  }

  private warnFailed(entity: Entity, error: unknown) {
    this.options.logger.warn(
      `Readiness of ${stringifyEntityRef(
        entity,
      )} could not be evaluated: ${error}`,
    );
  }

  /**
   * Saves a page of results in one go; if that fails, one by one, so one
   * bad row never costs the rest. Returns how many were saved.
   */
  private async recordPage(
    page: Array<{ entity: Entity; result: ReadinessResult }>,
  ): Promise<number> {
    try {
      await this.options.store.saveResults(
        page.map(({ entity, result }) => ({
          subject: this.subjectOf(entity, result),
          result,
        })),
        this.options.historyEverySeconds,
      );
      return page.length;
    } catch {
      let saved = 0;
      for (const { entity, result } of page) {
        try {
          await this.record(entity, result);
          saved++;
        } catch (error) {
          this.warnFailed(entity, error);
        }
      }
      return saved;
    }
  }

  /**
   * Re-evaluates every entity, a catalog page at a time (related entities
   * read once per page, results saved per page); one failure never stops
   * the rest.
   */
  async refreshAll(): Promise<{ evaluated: number; failed: number }> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const startedAt = this.now();
    // Every entity the pages hold: the overview's set for callers allowed
    // to read everything, handed over once the read is complete.
    const everyEntity = new Set<string>();
    let evaluated = 0;
    let failed = 0;
    for await (const items of catalogPages(
      this.options.catalog,
      credentials,
      RELIABILITY_ENTITY_KINDS,
    )) {
      const results = await this.options.readiness.evaluateMany(
        items,
        credentials,
        this.now(),
      );
      const page: Array<{ entity: Entity; result: ReadinessResult }> = [];
      for (const [i, entity] of items.entries()) {
        everyEntity.add(stringifyEntityRef(entity));
        const result = results[i];
        if (result instanceof Error) {
          failed++;
          this.warnFailed(entity, result);
        } else {
          page.push({ entity, result });
        }
      }
      // Requests get a turn between the page's evaluation and its saving.
      await yieldToEventLoop();
      const saved = await this.recordPage(page);
      evaluated += saved;
      failed += page.length - saved;
      await yieldToEventLoop();
    }
    this.options.readableRefs?.everyEntity(everyEntity, startedAt);
    return { evaluated, failed };
  }

  private readable(ref: CompoundEntityRef, credentials: BackstageCredentials) {
    return readableEntity(this.options.catalog, ref, credentials);
  }

  /**
   * The stored result, served without evaluating: the fast read for
   * scorecards and CI. An entity the caller may read that was never
   * evaluated is evaluated now. Readability comes from the caller's cached
   * readable set when it names the entity, else from the catalog.
   */
  async storedResult(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<ReadinessResult> {
    const entityRef = stringifyEntityRef(ref);
    const readable = await this.options.readableRefs?.cached(credentials);
    if (!readable?.has(entityRef)) {
      await this.readable(ref, credentials);
    }
    return (
      (await this.options.store.getResult(entityRef)) ??
      this.refreshOne(ref, credentials)
    );
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

  async prune(before: Date): Promise<number> {
    return this.options.store.prune(before);
  }
}
