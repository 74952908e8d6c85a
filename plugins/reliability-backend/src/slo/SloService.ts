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
  BudgetState,
  DeployGateResponse,
  RELATION_HAS_SLO,
  SloStatusResponse,
} from '@vigil/plugin-reliability-common';
import {
  SloHistoryPoint,
  SloStatusStore,
  StoredSloStatus,
} from '../database/SloStatusStore';
import { readableEntity } from '../service/readableEntity';
import { yieldToEventLoop } from '../service/yieldToEventLoop';
import { decideGate, GateSettings } from './deployGate';
import { SloEvaluator } from './SloEvaluator';

/** Entities per catalog page while refreshing: never one unpaged pull. */
const PAGE_SIZE = 200;
const HISTORY_DAYS = 30;
/**
 * SLOs evaluated between two turns of the event loop. On SQLite a page of
 * 200 held every request of the backend for 75-88 ms (CPU profile of the
 * seeded dev backend); 25 take about 10 ms.
 */
const EVALUATIONS_PER_TURN = 25;

/**
 * Error budgets of SLO entities: scheduled evaluation of all of them,
 * one SLO's status and history, and the deploy gate of a service.
 */
export class SloService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      evaluator: SloEvaluator;
      statuses: SloStatusStore;
      logger: LoggerService;
      gate: GateSettings;
      historyEverySeconds: number;
      clock?: () => Date;
    },
  ) {}

  private now() {
    return this.options.clock?.() ?? new Date();
  }

  /**
   * The history point of a status evaluated at `at`: its state, budget left
   * and SLI. `at` is the evaluation's time, which a stale status (the last
   * good one kept) does not carry.
   */
  private pointOf(status: StoredSloStatus, at: Date): SloHistoryPoint {
    const result = status.result as {
      errorBudget?: { remaining?: number };
      sli?: number;
    };
    return {
      at,
      state: status.state,
      remaining: result.errorBudget?.remaining,
      sli: result.sli,
    };
  }

  private async evaluateAndSave(entity: Entity): Promise<StoredSloStatus> {
    const now = this.now();
    const status = await this.options.evaluator.evaluate(entity, now);
    await this.options.statuses.saveStatus(
      status,
      this.pointOf(status, now),
      this.options.historyEverySeconds,
    );
    return status;
  }

  private warnFailed(sloRef: string, error: unknown) {
    this.options.logger.warn(
      `Error budget of ${sloRef} could not be evaluated: ${error}`,
    );
  }

  /**
   * Saves a page of statuses in one go; if that fails, one by one, so one
   * bad row never costs the rest. Returns how many were saved.
   */
  private async savePage(
    evaluations: Array<{ status: StoredSloStatus; at: Date }>,
  ): Promise<number> {
    const { historyEverySeconds } = this.options;
    const items = evaluations.map(({ status, at }) => ({
      status,
      point: this.pointOf(status, at),
    }));
    try {
      await this.options.statuses.saveStatuses(items, historyEverySeconds);
      return items.length;
    } catch {
      let saved = 0;
      for (const [i, { status, point }] of items.entries()) {
        // One transaction per row: turns as in the evaluation.
        if (i > 0 && i % EVALUATIONS_PER_TURN === 0) await yieldToEventLoop();
        try {
          await this.options.statuses.saveStatus(
            status,
            point,
            historyEverySeconds,
          );
          saved++;
        } catch (error) {
          this.warnFailed(status.sloRef, error);
        }
      }
      return saved;
    }
  }

  /**
   * Evaluates every SLO in the catalog, page by page, saving each page in
   * one go. One failure never stops the rest.
   */
  async refreshAll(): Promise<{ evaluated: number; failed: number }> {
    const { catalog, auth } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    let evaluated = 0;
    let failed = 0;
    let cursor: string | undefined;
    do {
      const page = await catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE }
          : { filter: { kind: 'SLO' }, limit: PAGE_SIZE },
        { credentials },
      );
      const evaluations: Array<{ status: StoredSloStatus; at: Date }> = [];
      for (const [i, entity] of page.items.entries()) {
        if (i > 0 && i % EVALUATIONS_PER_TURN === 0) await yieldToEventLoop();
        try {
          const at = this.now();
          const status = await this.options.evaluator.evaluate(entity, at);
          evaluations.push({ status, at });
        } catch (error) {
          failed++;
          this.warnFailed(stringifyEntityRef(entity), error);
        }
      }
      await yieldToEventLoop();
      const saved = await this.savePage(evaluations);
      evaluated += saved;
      failed += evaluations.length - saved;
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return { evaluated, failed };
  }

  private readableEntity(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    return readableEntity(this.options.catalog, ref, credentials);
  }

  async getSlo(
    ref: { namespace: string; name: string },
    credentials: BackstageCredentials,
  ): Promise<SloStatusResponse> {
    const entity = await this.readableEntity(
      { kind: 'SLO', ...ref },
      credentials,
    );
    const sloRef = stringifyEntityRef(entity);
    const status =
      (await this.options.statuses.getStatus(sloRef)) ??
      (await this.evaluateAndSave(entity));
    const since = new Date(this.now().getTime() - HISTORY_DAYS * 86_400_000);
    const history = await this.options.statuses.getHistory(sloRef, since);
    return {
      sloRef,
      title: entity.metadata.title,
      serviceRef: status.serviceRef,
      state: status.state,
      source: status.source,
      evaluatedAt: status.evaluatedAt.toISOString(),
      result: status.result,
      history: history.map(point => ({ ...point, at: point.at.toISOString() })),
    };
  }

  async gate(
    ref: CompoundEntityRef,
    change: string | undefined,
    credentials: BackstageCredentials,
  ): Promise<DeployGateResponse> {
    const entity = await this.readableEntity(ref, credentials);
    const sloRefs = (entity.relations ?? [])
      .filter(r => r.type === RELATION_HAS_SLO)
      .map(r => r.targetRef);
    const statuses = await this.options.statuses.getStatuses(sloRefs);
    const byRef = new Map(statuses.map(s => [s.sloRef, s]));
    const slos = sloRefs.map(sloRef => {
      const status = byRef.get(sloRef);
      const remaining = (
        status?.result as { errorBudget?: { remaining?: number } }
      )?.errorBudget?.remaining;
      return {
        sloRef,
        state: (status?.state ?? 'no-data') as BudgetState,
        remaining,
        stale: status?.source.status === 'stale',
      };
    });
    return decideGate({
      entityRef: stringifyEntityRef(entity),
      slos,
      change,
      settings: this.options.gate,
    });
  }
}
