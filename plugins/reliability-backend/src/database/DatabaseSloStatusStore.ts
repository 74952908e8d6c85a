import { DatabaseService } from '@backstage/backend-plugin-api';
import { BudgetState } from '@vigil/plugin-reliability-common';
import { Knex } from 'knex';
import { migratedClient } from './migrate';
import { notEvaluatedLater, toDate } from './timestamps';
import {
  SloHistoryPoint,
  SloStatusStore,
  StoredSloStatus,
} from './SloStatusStore';

type StatusRow = {
  slo_ref: string;
  service_ref: string | null;
  state: string;
  source_status: string;
  source_reason: string | null;
  result_json: string;
  evaluated_at: Date | string | number;
};

type HistoryRow = {
  slo_ref: string;
  at: Date | string | number;
  state: string;
  remaining: number | null;
  sli: number | null;
};

/** SLOs per transaction of saveStatuses. */
const CHUNK = 500;

/** Rows per INSERT: 7 columns each stays under SQLite's 999 parameters. */
const INSERT_ROWS = 100;

const fromStatusRow = (row: StatusRow): StoredSloStatus => ({
  sloRef: row.slo_ref,
  serviceRef: row.service_ref ?? undefined,
  state: row.state as BudgetState,
  source: {
    status: row.source_status as StoredSloStatus['source']['status'],
    reason: row.source_reason ?? undefined,
  },
  result: JSON.parse(row.result_json),
  evaluatedAt: toDate(row.evaluated_at),
});

/**
 * Knex implementation of {@link SloStatusStore}, on SQLite or PostgreSQL.
 *
 * @public
 */
export class DatabaseSloStatusStore implements SloStatusStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseSloStatusStore> {
    return new DatabaseSloStatusStore(await migratedClient(options.database));
  }

  private constructor(private readonly db: Knex) {}

  async saveStatus(
    status: StoredSloStatus,
    point: SloHistoryPoint,
    historyEverySeconds: number,
  ): Promise<void> {
    await this.saveStatuses([{ status, point }], historyEverySeconds);
  }

  async saveStatuses(
    items: Array<{ status: StoredSloStatus; point: SloHistoryPoint }>,
    historyEverySeconds: number,
  ): Promise<void> {
    // One transaction per chunk: a refresh page costs a few statements, not
    // four per SLO.
    for (let i = 0; i < items.length; i += CHUNK) {
      await this.saveChunk(items.slice(i, i + CHUNK), historyEverySeconds);
    }
  }

  private async saveChunk(
    items: Array<{ status: StoredSloStatus; point: SloHistoryPoint }>,
    historyEverySeconds: number,
  ): Promise<void> {
    // The last status per SLO wins when an SLO appears twice.
    const bySlo = new Map(items.map(item => [item.status.sloRef, item]));
    const refs = [...bySlo.keys()];
    const rows = [...bySlo.values()].map(({ status }) => ({
      slo_ref: status.sloRef,
      service_ref: status.serviceRef ?? null,
      state: status.state,
      source_status: status.source.status,
      source_reason: status.source.reason ?? null,
      result_json: JSON.stringify(status.result),
      evaluated_at: status.evaluatedAt,
    }));
    await this.db.transaction(async tx => {
      const lastPoints = await this.lastPoints(tx, refs);
      // Rows per insert stay under SQLite's bound-parameter limit.
      for (let i = 0; i < rows.length; i += INSERT_ROWS) {
        await tx('reliability_slo_status')
          .insert(rows.slice(i, i + INSERT_ROWS))
          .onConflict('slo_ref')
          .merge()
          .where(...notEvaluatedLater(tx, 'reliability_slo_status'));
      }
      const points = [...bySlo.entries()]
        .filter(([sloRef, { point }]) => {
          const last = lastPoints.get(sloRef);
          return (
            !last ||
            last.state !== point.state ||
            point.at.getTime() - last.at >= historyEverySeconds * 1000
          );
        })
        .map(([sloRef, { point }]) => ({
          slo_ref: sloRef,
          at: point.at,
          state: point.state,
          remaining: point.remaining ?? null,
          sli: point.sli ?? null,
        }));
      for (let i = 0; i < points.length; i += INSERT_ROWS) {
        await tx('reliability_slo_history')
          .insert(points.slice(i, i + INSERT_ROWS))
          .onConflict(['slo_ref', 'at'])
          .merge();
      }
    });
  }

  /** The newest history point of each SLO, in one query. */
  private async lastPoints(
    tx: Knex.Transaction,
    refs: string[],
  ): Promise<Map<string, { at: number; state: string }>> {
    const newest = tx('reliability_slo_history')
      .whereIn('slo_ref', refs)
      .groupBy('slo_ref')
      .select('slo_ref')
      .max({ at: 'at' })
      .as('newest');
    const rows: Array<Pick<HistoryRow, 'slo_ref' | 'at' | 'state'>> = await tx(
      'reliability_slo_history as point',
    )
      .join(newest, join =>
        join
          .on('point.slo_ref', '=', 'newest.slo_ref')
          .andOn('point.at', '=', 'newest.at'),
      )
      .select('point.slo_ref', 'point.at', 'point.state');
    return new Map(
      rows.map(row => [
        row.slo_ref,
        { at: toDate(row.at).getTime(), state: row.state },
      ]),
    );
  }

  async getStatus(sloRef: string): Promise<StoredSloStatus | undefined> {
    const row = await this.db<StatusRow>('reliability_slo_status')
      .where('slo_ref', sloRef)
      .first();
    return row ? fromStatusRow(row) : undefined;
  }

  async getStatuses(sloRefs: string[]): Promise<StoredSloStatus[]> {
    if (sloRefs.length === 0) return [];
    const rows = await this.db<StatusRow>('reliability_slo_status').whereIn(
      'slo_ref',
      sloRefs,
    );
    return rows.map(fromStatusRow);
  }

  async listStates(): Promise<
    Array<{ sloRef: string; serviceRef?: string; state: BudgetState }>
  > {
    const rows = await this.db<StatusRow>('reliability_slo_status').select(
      'slo_ref',
      'service_ref',
      'state',
    );
    return rows.map(row => ({
      sloRef: row.slo_ref,
      serviceRef: row.service_ref ?? undefined,
      state: row.state as BudgetState,
    }));
  }

  async getHistory(sloRef: string, since: Date): Promise<SloHistoryPoint[]> {
    const rows = await this.db<HistoryRow>('reliability_slo_history')
      .where('slo_ref', sloRef)
      .where('at', '>=', since)
      .orderBy('at', 'asc');
    return rows.map(row => ({
      at: toDate(row.at),
      state: row.state as BudgetState,
      remaining: row.remaining ?? undefined,
      sli: row.sli ?? undefined,
    }));
  }

  async prune(before: Date): Promise<number> {
    return this.db('reliability_slo_history').where('at', '<', before).delete();
  }
}
