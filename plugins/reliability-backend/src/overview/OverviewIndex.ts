import { parseEntityRef } from '@backstage/catalog-model';
import {
  BudgetState,
  BUDGET_STATES,
  OverviewEntityRow,
} from '@vigil/plugin-reliability-common';
import {
  EntityHistoryPoint,
  ReadinessStore,
  StoredOverviewRow,
} from '../database/ReadinessStore';
import { SloStatusStore } from '../database/SloStatusStore';
import { CatalogStructure, CatalogStructureSnapshot } from './catalogStructure';

/** The worse of two budget states (BUDGET_STATES runs worst first). */
export function worseBudget(
  a: BudgetState | undefined,
  b: BudgetState,
): BudgetState {
  if (a === undefined) return b;
  return BUDGET_STATES.indexOf(a) <= BUDGET_STATES.indexOf(b) ? a : b;
}

function toRow(
  stored: StoredOverviewRow,
  structure: CatalogStructureSnapshot,
  budgets: Map<string, BudgetState>,
): OverviewEntityRow {
  const { namespace, name } = parseEntityRef(stored.entityRef);
  const budget = budgets.get(stored.entityRef);
  const domain = stored.systemRef
    ? structure.systemDomains.get(stored.systemRef)
    : undefined;
  return {
    entityRef: stored.entityRef,
    kind: stored.kind,
    namespace,
    name,
    ...(stored.title ? { title: stored.title } : {}),
    ...(stored.ownerRef ? { owner: stored.ownerRef } : {}),
    ...(stored.systemRef ? { system: stored.systemRef } : {}),
    ...(domain ? { domain } : {}),
    ...(stored.tier ? { tier: stored.tier } : {}),
    hasRunbook: stored.coverage.runbook,
    errorCount: stored.errorCount,
    violationCount: stored.violationCount,
    coverage: stored.coverage,
    ...(budget ? { budget } : {}),
    readiness: {
      score: stored.score,
      ...(stored.level ? { level: stored.level } : {}),
      ...(stored.targetLevel ? { targetLevel: stored.targetLevel } : {}),
      // The same reading as the evaluator's gap: nothing left to reach it.
      atTarget: stored.targetLevel !== undefined && stored.gapCount === 0,
      gapCount: stored.gapCount,
      evaluatedAt: stored.evaluatedAt.toISOString(),
    },
  };
}

export interface OverviewSnapshot {
  rows: OverviewEntityRow[];
  structure: CatalogStructureSnapshot;
  /** Every SLO with its service and state. */
  slos: Array<{ sloRef: string; serviceRef?: string; state: BudgetState }>;
  /** The newest evaluation behind the rows. */
  asOf?: string;
}

/**
 * The overview's rows in memory: every stored readiness result joined with
 * the SLO states and the catalog structure. Requests filter, sort and
 * aggregate this snapshot, so they never scan the database; it is rebuilt
 * when the stored results change (checked at most every `checkEveryMs`) or
 * at the latest every `maxAgeMs` (for budget states and the structure).
 */
export class OverviewIndex {
  private snapshot?: { at: number; version: string; value: OverviewSnapshot };
  private lastCheck = 0;
  private loading?: Promise<OverviewSnapshot>;
  private history?: {
    at: number;
    since: number;
    points: Promise<EntityHistoryPoint[]>;
  };

  constructor(
    private readonly options: {
      store: ReadinessStore;
      sloStatuses: SloStatusStore;
      structure: CatalogStructure;
      checkEveryMs?: number;
      maxAgeMs?: number;
    },
  ) {}

  async get(): Promise<OverviewSnapshot> {
    const now = Date.now();
    const current = this.snapshot;
    if (current && now - this.lastCheck < (this.options.checkEveryMs ?? 5000)) {
      return current.value;
    }
    this.loading ??= this.refresh(now).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async refresh(now: number): Promise<OverviewSnapshot> {
    this.lastCheck = now;
    const version = await this.options.store.version();
    const current = this.snapshot;
    if (
      current &&
      current.version === version &&
      now - current.at < (this.options.maxAgeMs ?? 60_000)
    ) {
      return current.value;
    }
    const [stored, slos, structure] = await Promise.all([
      this.options.store.listOverviewRows(),
      this.options.sloStatuses.listStates(),
      this.options.structure.get(),
    ]);
    const budgets = new Map<string, BudgetState>();
    for (const slo of slos) {
      if (slo.serviceRef) {
        budgets.set(
          slo.serviceRef,
          worseBudget(budgets.get(slo.serviceRef), slo.state),
        );
      }
    }
    let newest = 0;
    for (const row of stored)
      newest = Math.max(newest, row.evaluatedAt.getTime());
    const value: OverviewSnapshot = {
      rows: stored.map(row => toRow(row, structure, budgets)),
      structure,
      slos,
      ...(newest ? { asOf: new Date(newest).toISOString() } : {}),
    };
    this.snapshot = { at: now, version, value };
    return value;
  }

  /** History points since `since`, kept for five minutes between reads. */
  historySince(since: Date): Promise<EntityHistoryPoint[]> {
    const now = Date.now();
    const cached = this.history;
    if (
      cached &&
      cached.since <= since.getTime() &&
      now - cached.at < 300_000
    ) {
      return cached.points.then(points =>
        points.filter(p => p.at.getTime() >= since.getTime()),
      );
    }
    const points = this.options.store.historySince(since);
    this.history = { at: now, since: since.getTime(), points };
    points.catch(() => {
      if (this.history?.points === points) this.history = undefined;
    });
    return points;
  }
}
