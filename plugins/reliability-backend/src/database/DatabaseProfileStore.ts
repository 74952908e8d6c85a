import { createHash } from 'node:crypto';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { ReliabilityProfile } from '@vigil/plugin-reliability-common';
import { Knex } from 'knex';
import { migratedClient } from './migrate';
import { toDate } from './timestamps';
import { ProfileStore, StoredProfile } from './ProfileStore';

const TABLE = 'reliability_entity_profiles';

type ProfileRow = {
  entity_ref: string;
  tier: string | null;
  error_count: number;
  profile_json: string;
  profile_hash: string;
  changed_at: Date | string;
  seen_at: Date | string;
};

/**
 * Knex implementation of {@link ProfileStore}, on SQLite or PostgreSQL.
 *
 * @public
 */
export class DatabaseProfileStore implements ProfileStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseProfileStore> {
    return new DatabaseProfileStore(await migratedClient(options.database));
  }

  private constructor(private readonly db: Knex) {}

  async recordProfile(
    profile: ReliabilityProfile,
    seenAt: Date,
  ): Promise<StoredProfile> {
    const profileJson = JSON.stringify(profile);
    const hash = createHash('sha256').update(profileJson).digest('hex');
    await this.db.transaction(async tx => {
      const existing = await tx<ProfileRow>(TABLE)
        .where({ entity_ref: profile.entityRef })
        .first();
      const row = {
        entity_ref: profile.entityRef,
        tier: profile.tier?.label ?? null,
        error_count: profile.errors.length,
        profile_json: profileJson,
        profile_hash: hash,
        seen_at: seenAt,
      };
      if (!existing) {
        await tx(TABLE).insert({ ...row, changed_at: seenAt });
      } else if (existing.profile_hash !== hash) {
        await tx(TABLE)
          .where({ entity_ref: profile.entityRef })
          .update({ ...row, changed_at: seenAt });
      } else {
        await tx(TABLE)
          .where({ entity_ref: profile.entityRef })
          .update({ seen_at: seenAt });
      }
    });
    return (await this.getProfile(profile.entityRef))!;
  }

  async getProfile(entityRef: string): Promise<StoredProfile | undefined> {
    const row = await this.db<ProfileRow>(TABLE)
      .where({ entity_ref: entityRef })
      .first();
    if (!row) {
      return undefined;
    }
    return {
      entityRef: row.entity_ref,
      profile: JSON.parse(row.profile_json),
      changedAt: toDate(row.changed_at),
      seenAt: toDate(row.seen_at),
    };
  }
}
