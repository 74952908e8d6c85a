import { DatabaseService } from '@backstage/backend-plugin-api';
import { BudgetState } from '@vigil/plugin-reliability-common';
import { Knex } from 'knex';
import { migratedClient } from './migrate';
import { toDate } from './timestamps';
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
    await this.db.transaction(async tx => {
      await tx('reliability_slo_status')
        .insert({
          slo_ref: status.sloRef,
          service_ref: status.serviceRef ?? null,
          state: status.state,
          source_status: status.source.status,
          source_reason: status.source.reason ?? null,
          result_json: JSON.stringify(status.result),
          evaluated_at: status.evaluatedAt,
        })
        .onConflict('slo_ref')
        .merge();
      const last = await tx<HistoryRow>('reliability_slo_history')
        .where('slo_ref', status.sloRef)
        .orderBy('at', 'desc')
        .first();
      const due =
        !last ||
        last.state !== point.state ||
        point.at.getTime() - toDate(last.at).getTime() >=
          historyEverySeconds * 1000;
      if (due) {
        await tx('reliability_slo_history')
          .insert({
            slo_ref: status.sloRef,
            at: point.at,
            state: point.state,
            remaining: point.remaining ?? null,
            sli: point.sli ?? null,
          })
          .onConflict(['slo_ref', 'at'])
          .merge();
      }
    });
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
