import { createHash } from 'node:crypto';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { ReadinessResult } from '@vigil/plugin-reliability-common';
import { Knex } from 'knex';
import { migratedClient } from './migrate';
import { toDate } from './timestamps';
import {
  EntityHistoryPoint,
  ReadinessHistoryPoint,
  ReadinessStore,
  ReadinessSubject,
  StoredOverviewRow,
} from './ReadinessStore';

/**
 * Knex implementation of {@link ReadinessStore}, on SQLite or PostgreSQL.
 *
 * @public
 */
export class DatabaseReadinessStore implements ReadinessStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseReadinessStore> {
    return new DatabaseReadinessStore(await migratedClient(options.database));
  }

  private constructor(private readonly db: Knex) {}

  async saveResult(
    subject: ReadinessSubject,
    result: ReadinessResult,
    historyEverySeconds: number,
  ): Promise<void> {
    // The hash leaves out the evaluation time: only real changes count.
    const { evaluatedAt, ...content } = result;
    const hash = createHash('sha256')
      .update(JSON.stringify(content))
      .digest('hex');
    const at = new Date(evaluatedAt);
    await this.db.transaction(async tx => {
      const previous = await tx('reliability_readiness')
        .where({ entity_ref: subject.entityRef })
        .first('result_hash');
      await tx('reliability_readiness')
        .insert({
          entity_ref: subject.entityRef,
          kind: subject.kind,
          title: subject.title ?? null,
          owner_ref: subject.ownerRef ?? null,
          system_ref: subject.systemRef ?? null,
          tier: result.tier ?? null,
          score: result.score,
          level: result.level ?? null,
          target_level: result.targetLevel ?? null,
          gap_count: result.gap.length,
          has_slo: subject.coverage.slo,
          has_runbook: subject.coverage.runbook,
          has_on_call: subject.coverage.onCall,
          dr_tested: subject.coverage.drTested,
          error_count: subject.errorCount,
          violation_count: subject.violationCount,
          result_json: JSON.stringify(result),
          result_hash: hash,
          evaluated_at: at,
        })
        .onConflict('entity_ref')
        .merge();
      const last = await tx('reliability_readiness_history')
        .where({ entity_ref: subject.entityRef })
        .orderBy('at', 'desc')
        .first('at');
      const due =
        !last ||
        previous?.result_hash !== hash ||
        at.getTime() - toDate(last.at).getTime() >= historyEverySeconds * 1000;
      if (due) {
        await tx('reliability_readiness_history')
          .insert({
            entity_ref: subject.entityRef,
            at,
            score: result.score,
            level: result.level ?? null,
            gap_count: result.gap.length,
          })
          .onConflict(['entity_ref', 'at'])
          .merge();
      }
    });
  }

  async getHistory(
    entityRef: string,
    since: Date,
  ): Promise<ReadinessHistoryPoint[]> {
    const rows = await this.db('reliability_readiness_history')
      .where({ entity_ref: entityRef })
      .where('at', '>=', since)
      .orderBy('at', 'asc');
    return rows.map((row: any) => ({
      at: toDate(row.at),
      score: Number(row.score),
      level: row.level ?? undefined,
      gapCount: Number(row.gap_count),
    }));
  }

  async listOverviewRows(): Promise<StoredOverviewRow[]> {
    const rows = await this.db('reliability_readiness').select(
      'entity_ref',
      'kind',
      'title',
      'owner_ref',
      'system_ref',
      'tier',
      'score',
      'level',
      'target_level',
      'gap_count',
      'has_slo',
      'has_runbook',
      'has_on_call',
      'dr_tested',
      'error_count',
      'violation_count',
      'evaluated_at',
    );
    return rows.map((row: any) => ({
      entityRef: row.entity_ref,
      kind: row.kind,
      title: row.title ?? undefined,
      ownerRef: row.owner_ref ?? undefined,
      systemRef: row.system_ref ?? undefined,
      tier: row.tier ?? undefined,
      score: Number(row.score),
      level: row.level ?? undefined,
      targetLevel: row.target_level ?? undefined,
      gapCount: Number(row.gap_count),
      // SQLite answers booleans as 0/1.
      coverage: {
        slo: Boolean(row.has_slo),
        runbook: Boolean(row.has_runbook),
        onCall: Boolean(row.has_on_call),
        drTested: Boolean(row.dr_tested),
      },
      errorCount: Number(row.error_count),
      violationCount: Number(row.violation_count),
      evaluatedAt: toDate(row.evaluated_at),
    }));
  }

  async version(): Promise<string> {
    const row: any = await this.db('reliability_readiness')
      .count({ rows: '*' })
      .max({ newest: 'evaluated_at' })
      .first();
    const newest = row?.newest ? toDate(row.newest).getTime() : 0;
    return `${Number(row?.rows ?? 0)}@${newest}`;
  }

  async historySince(since: Date): Promise<EntityHistoryPoint[]> {
    const rows = await this.db('reliability_readiness_history')
      .where('at', '>=', since)
      .orderBy('at', 'asc')
      .select('entity_ref', 'at', 'score', 'level', 'gap_count');
    return rows.map((row: any) => ({
      entityRef: row.entity_ref,
      at: toDate(row.at),
      score: Number(row.score),
      level: row.level ?? undefined,
      gapCount: Number(row.gap_count),
    }));
  }

  async prune(before: Date): Promise<number> {
    return this.db('reliability_readiness_history')
      .where('at', '<', before)
      .delete();
  }
}
