import { createHash } from 'node:crypto';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { ReadinessResult } from '@vigil/plugin-reliability-common';
import { Knex } from 'knex';
import { migratedClient } from './migrate';
import { toDate } from './timestamps';
import {
  ReadinessAggregate,
  ReadinessHistoryPoint,
  ReadinessStore,
  ReadinessSubject,
  ReadinessSummary,
} from './ReadinessStore';

const GROUP_COLUMNS = {
  tier: 'tier',
  owner: 'owner_ref',
  system: 'system_ref',
  level: 'level',
} as const;

/** Rows are read in chunks: SQLite caps bound parameters per statement. */
const CHUNK = 500;

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

  async getSummaries(
    entityRefs: string[],
  ): Promise<Map<string, ReadinessSummary>> {
    const summaries = new Map<string, ReadinessSummary>();
    for (let i = 0; i < entityRefs.length; i += CHUNK) {
      const rows = await this.db('reliability_readiness')
        .whereIn('entity_ref', entityRefs.slice(i, i + CHUNK))
        .select(
          'entity_ref',
          'score',
          'level',
          'target_level',
          'gap_count',
          'evaluated_at',
        );
      for (const row of rows as any[]) {
        summaries.set(row.entity_ref, {
          score: Number(row.score),
          level: row.level ?? undefined,
          targetLevel: row.target_level ?? undefined,
          gapCount: Number(row.gap_count),
          evaluatedAt: toDate(row.evaluated_at).toISOString(),
        });
      }
    }
    return summaries;
  }

  async aggregate(
    groupBy: 'tier' | 'owner' | 'system' | 'level',
    entityRefs: string[],
  ): Promise<ReadinessAggregate[]> {
    const column = GROUP_COLUMNS[groupBy];
    const groups = new Map<
      string | null,
      ReadinessAggregate & { scoreSum: number }
    >();
    for (let i = 0; i < entityRefs.length; i += CHUNK) {
      const rows = await this.db('reliability_readiness')
        .whereIn('entity_ref', entityRefs.slice(i, i + CHUNK))
        .select(column, 'score', 'level', 'target_level', 'gap_count');
      for (const row of rows as any[]) {
        const key = row[column] ?? null;
        const group = groups.get(key) ?? {
          key,
          entities: 0,
          averageScore: 0,
          atTarget: 0,
          gapItems: 0,
          scoreSum: 0,
        };
        group.entities++;
        group.scoreSum += Number(row.score);
        group.gapItems += Number(row.gap_count);
        if (row.target_level && row.level && Number(row.gap_count) === 0)
          group.atTarget++;
        groups.set(key, group);
      }
    }
    return [...groups.values()]
      .map(({ scoreSum, ...group }) => ({
        ...group,
        averageScore: Math.round((scoreSum / group.entities) * 10) / 10,
      }))
      .sort(
        (a, b) =>
          b.gapItems - a.gapItems || String(a.key).localeCompare(String(b.key)),
      );
  }

  async prune(before: Date): Promise<number> {
    return this.db('reliability_readiness_history')
      .where('at', '<', before)
      .delete();
  }
}
