import { createHash } from 'node:crypto';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { ReadinessResult } from '@vigil/plugin-reliability-common';
import { Knex } from 'knex';
import { migratedClient } from './migrate';
import { notEvaluatedLater, toDate } from './timestamps';
import { yieldToEventLoop } from '../service/yieldToEventLoop';
import {
  EntityHistoryPoint,
  ReadinessHistoryPoint,
  ReadinessStore,
  ReadinessSubject,
  StoredOverviewRow,
} from './ReadinessStore';

/** The catalog side of a row: what the entity and its metadata say. */
const SUBJECT_COLUMNS = [
  'kind',
  'title',
  'owner_ref',
  'system_ref',
  'has_slo',
  'has_runbook',
  'has_on_call',
  'dr_tested',
  'error_count',
  'violation_count',
];

/** What an unchanged result still updates: when, and the catalog side. */
const UNCHANGED_RESULT_COLUMNS = [...SUBJECT_COLUMNS, 'evaluated_at'];

/** The columns of an overview row. */
const OVERVIEW_COLUMNS = [
  'entity_ref',
  ...SUBJECT_COLUMNS,
  'tier',
  'score',
  'level',
  'target_level',
  'gap_count',
  'evaluated_at',
];

/**
 * Overview rows per read: a tenth of the seed's 10,131, whose single read
 * took 95-290 ms on SQLite.
 */
const OVERVIEW_ROWS_PER_READ = 1000;

const toOverviewRow = (row: any): StoredOverviewRow => ({
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
});

/** Entities per transaction of saveResults. */
const CHUNK = 500;

/** Rows per INSERT: 20 columns each stays under SQLite's 999 parameters. */
const INSERT_ROWS = 40;

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
    await this.saveResults([{ subject, result }], historyEverySeconds);
  }

  async saveResults(
    items: Array<{ subject: ReadinessSubject; result: ReadinessResult }>,
    historyEverySeconds: number,
  ): Promise<void> {
    // One transaction per chunk: a refresh page costs a few statements, not
    // three per entity (and one disk sync, not one per entity).
    for (let i = 0; i < items.length; i += CHUNK) {
      await this.saveChunk(items.slice(i, i + CHUNK), historyEverySeconds);
    }
  }

  private async saveChunk(
    items: Array<{ subject: ReadinessSubject; result: ReadinessResult }>,
    historyEverySeconds: number,
  ): Promise<void> {
    // The last result per entity wins when an entity appears twice.
    const byRef = new Map(items.map(item => [item.subject.entityRef, item]));
    const refs = [...byRef.keys()];
    const rows = [...byRef.values()].map(({ subject, result }) => {
      // The hash leaves out the evaluation time: only real changes count.
      const { evaluatedAt, ...content } = result;
      return {
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
        result_hash: createHash('sha256')
          .update(JSON.stringify(content))
          .digest('hex'),
        evaluated_at: new Date(evaluatedAt),
      };
    });
    await this.db.transaction(async tx => {
      const previous = new Map<string, string>(
        (
          await tx('reliability_readiness')
            .whereIn('entity_ref', refs)
            .select('entity_ref', 'result_hash')
        ).map((r: any) => [r.entity_ref, r.result_hash]),
      );
      const lastPoints = new Map<string, number>(
        (
          await tx('reliability_readiness_history')
            .whereIn('entity_ref', refs)
            .groupBy('entity_ref')
            .select('entity_ref')
            .max({ at: 'at' })
        ).map((r: any) => [r.entity_ref, toDate(r.at).getTime()]),
      );
      // An unchanged result keeps its stored document: only the time and
      // the catalog-side columns are written, not kilobytes of JSON again.
      const changed = rows.filter(
        row => previous.get(row.entity_ref) !== row.result_hash,
      );
      const unchanged = rows.filter(
        row => previous.get(row.entity_ref) === row.result_hash,
      );
      // Rows per insert stay under SQLite's bound-parameter limit.
      for (let i = 0; i < changed.length; i += INSERT_ROWS) {
        await tx('reliability_readiness')
          .insert(changed.slice(i, i + INSERT_ROWS))
          .onConflict('entity_ref')
          .merge()
          .where(...notEvaluatedLater(tx, 'reliability_readiness'));
      }
      for (let i = 0; i < unchanged.length; i += INSERT_ROWS) {
        await tx('reliability_readiness')
          .insert(
            unchanged
              .slice(i, i + INSERT_ROWS)
              .map(({ result_json: _json, ...row }) => ({
                ...row,
                result_json: '',
              })),
          )
          .onConflict('entity_ref')
          .merge(UNCHANGED_RESULT_COLUMNS)
          .where(...notEvaluatedLater(tx, 'reliability_readiness'));
      }
      const points = rows
        .filter(row => {
          const last = lastPoints.get(row.entity_ref);
          return (
            last === undefined ||
            previous.get(row.entity_ref) !== row.result_hash ||
            row.evaluated_at.getTime() - last >= historyEverySeconds * 1000
          );
        })
        .map(row => ({
          entity_ref: row.entity_ref,
          at: row.evaluated_at,
          score: row.score,
          level: row.level,
          gap_count: row.gap_count,
        }));
      for (let i = 0; i < points.length; i += INSERT_ROWS) {
        await tx('reliability_readiness_history')
          .insert(points.slice(i, i + INSERT_ROWS))
          .onConflict(['entity_ref', 'at'])
          .merge();
      }
    });
  }

  async getResult(entityRef: string): Promise<ReadinessResult | undefined> {
    const row = await this.db('reliability_readiness')
      .where({ entity_ref: entityRef })
      .first('result_json', 'evaluated_at');
    if (!row) return undefined;
    // The document is rewritten only when the result changes: the time of
    // the last evaluation is the column's.
    const result = JSON.parse(row.result_json) as ReadinessResult;
    return { ...result, evaluatedAt: toDate(row.evaluated_at).toISOString() };
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
    // Read a page at a time, in entity order: on SQLite one read of every
    // row takes 100-250 ms at 10,000 entities (the rows hold the result
    // documents), during which the backend answers no request.
    const rows: StoredOverviewRow[] = [];
    let after: string | undefined;
    for (;;) {
      const query = this.db('reliability_readiness')
        .select(OVERVIEW_COLUMNS)
        .orderBy('entity_ref', 'asc')
        .limit(OVERVIEW_ROWS_PER_READ);
      if (after !== undefined) query.where('entity_ref', '>', after);
      const page = await query;
      for (const row of page) rows.push(toOverviewRow(row));
      if (page.length < OVERVIEW_ROWS_PER_READ) return rows;
      after = page[page.length - 1].entity_ref;
      await yieldToEventLoop();
    }
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
