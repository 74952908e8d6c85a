import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { migratedClient } from './migrate';
import { toDate } from './timestamps';
import { BucketOverlap, SliBucketRow, SliBucketStore } from './SliBucketStore';

const TABLE = 'reliability_sli_buckets';

type BucketRow = {
  slo_ref: string;
  bucket_start: Date | string | number;
  bucket_end: Date | string | number;
  good: number | string;
  total: number | string;
  received_at: Date | string | number;
};

/**
 * Knex implementation of {@link SliBucketStore}, on SQLite or PostgreSQL.
 *
 * @public
 */
export class DatabaseSliBucketStore implements SliBucketStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseSliBucketStore> {
    return new DatabaseSliBucketStore(await migratedClient(options.database));
  }

  private constructor(private readonly db: Knex) {}

  async putBuckets(
    sloRef: string,
    buckets: Array<{ start: Date; end: Date; good: number; total: number }>,
    receivedAt: Date,
  ): Promise<{ written: number } | { overlaps: BucketOverlap[] }> {
    return this.db.transaction(async tx => {
      const overlaps: BucketOverlap[] = [];
      for (const bucket of buckets) {
        const clashing = await tx<BucketRow>(TABLE)
          .where('slo_ref', sloRef)
          .where('bucket_start', '<', bucket.end)
          .where('bucket_end', '>', bucket.start)
          .select('bucket_start', 'bucket_end');
        for (const row of clashing) {
          const stored = {
            start: toDate(row.bucket_start),
            end: toDate(row.bucket_end),
          };
          const sameRange =
            stored.start.getTime() === bucket.start.getTime() &&
            stored.end.getTime() === bucket.end.getTime();
          if (!sameRange) {
            overlaps.push({
              incoming: { start: bucket.start, end: bucket.end },
              stored,
            });
          }
        }
      }
      if (overlaps.length > 0) {
        return { overlaps };
      }
      for (const bucket of buckets) {
        await tx(TABLE)
          .insert({
            slo_ref: sloRef,
            bucket_start: bucket.start,
            bucket_end: bucket.end,
            good: bucket.good,
            total: bucket.total,
            received_at: receivedAt,
          })
          .onConflict(['slo_ref', 'bucket_start', 'bucket_end'])
          .merge(['good', 'total', 'received_at']);
      }
      return { written: buckets.length };
    });
  }

  async listBuckets(
    sloRef: string,
    from: Date,
    to: Date,
  ): Promise<SliBucketRow[]> {
    const rows = await this.db<BucketRow>(TABLE)
      .where('slo_ref', sloRef)
      .where('bucket_end', '>', from)
      .where('bucket_start', '<', to)
      .orderBy('bucket_start', 'asc');
    return rows.map(row => ({
      sloRef: row.slo_ref,
      start: toDate(row.bucket_start),
      end: toDate(row.bucket_end),
      // bigint columns come back as strings from PostgreSQL.
      good: Number(row.good),
      total: Number(row.total),
      receivedAt: toDate(row.received_at),
    }));
  }

  async pruneBefore(before: Date): Promise<number> {
    return this.db(TABLE).where('bucket_end', '<', before).delete();
  }
}
