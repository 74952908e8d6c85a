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
import { SloStatusStore, StoredSloStatus } from '../database/SloStatusStore';
import { readableEntity } from '../service/readableEntity';
import { decideGate, GateSettings } from './deployGate';
import { SloEvaluator } from './SloEvaluator';

/** Entities per catalog page while refreshing: never one unpaged pull. */
const PAGE_SIZE = 200;
const HISTORY_DAYS = 30;

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

  private async evaluateAndSave(entity: Entity): Promise<StoredSloStatus> {
    const now = this.now();
    const status = await this.options.evaluator.evaluate(entity, now);
    const remaining = (
      status.result as { errorBudget?: { remaining?: number } }
    ).errorBudget?.remaining;
    const sli = (status.result as { sli?: number }).sli;
    await this.options.statuses.saveStatus(
      status,
      { at: now, state: status.state, remaining, sli },
      this.options.historyEverySeconds,
    );
    return status;
  }

  /** Evaluates every SLO in the catalog, page by page. One failure never stops the rest. */
  async refreshAll(): Promise<{ evaluated: number; failed: number }> {
    const { catalog, auth, logger } = this.options;
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
      for (const entity of page.items) {
        try {
          await this.evaluateAndSave(entity);
          evaluated++;
        } catch (error) {
          failed++;
          logger.warn(
            `Error budget of ${stringifyEntityRef(
              entity,
            )} could not be evaluated: ${error}`,
          );
        }
      }
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
