import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { migratedClient } from './migrate';
import { toDate } from './timestamps';
import {
  Exemption,
  ExemptionAuditEntry,
  ExemptionStore,
} from './ExemptionStore';

type ExemptionRow = {
  id: string;
  entity_ref: string;
  check_id: string;
  reason: string;
  granted_by: string;
  created_at: Date | string | number;
  expires_at: Date | string | number;
  revoked_at: Date | string | number | null;
  revoked_by: string | null;
};

/** Entity refs per query of listForEntities. */
const REFS_PER_QUERY = 500;

const fromRow = (row: ExemptionRow): Exemption => ({
  id: row.id,
  entityRef: row.entity_ref,
  checkId: row.check_id,
  reason: row.reason,
  grantedBy: row.granted_by,
  createdAt: toDate(row.created_at),
  expiresAt: toDate(row.expires_at),
  revokedAt: row.revoked_at === null ? undefined : toDate(row.revoked_at),
  revokedBy: row.revoked_by ?? undefined,
});

/**
 * Knex implementation of {@link ExemptionStore}, on SQLite or PostgreSQL.
 *
 * @public
 */
export class DatabaseExemptionStore implements ExemptionStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseExemptionStore> {
    return new DatabaseExemptionStore(await migratedClient(options.database));
  }

  private constructor(private readonly db: Knex) {}

  async grant(
    exemption: Omit<Exemption, 'revokedAt' | 'revokedBy'>,
  ): Promise<Exemption> {
    await this.db.transaction(async tx => {
      await tx('reliability_exemptions').insert({
        id: exemption.id,
        entity_ref: exemption.entityRef,
        check_id: exemption.checkId,
        reason: exemption.reason,
        granted_by: exemption.grantedBy,
        created_at: exemption.createdAt,
        expires_at: exemption.expiresAt,
      });
      await tx('reliability_exemption_audit').insert({
        exemption_id: exemption.id,
        action: 'grant',
        actor: exemption.grantedBy,
        at: exemption.createdAt,
        details_json: JSON.stringify({
          entityRef: exemption.entityRef,
          checkId: exemption.checkId,
          reason: exemption.reason,
          expiresAt: exemption.expiresAt.toISOString(),
        }),
      });
    });
    return { ...exemption };
  }

  async revoke(
    id: string,
    actor: string,
    at: Date,
  ): Promise<Exemption | undefined> {
    return this.db.transaction(async tx => {
      const row = await tx<ExemptionRow>('reliability_exemptions')
        .where({ id })
        .whereNull('revoked_at')
        .first();
      if (!row) return undefined;
      await tx('reliability_exemptions')
        .where({ id })
        .update({ revoked_at: at, revoked_by: actor });
      await tx('reliability_exemption_audit').insert({
        exemption_id: id,
        action: 'revoke',
        actor,
        at,
        details_json: JSON.stringify({
          entityRef: row.entity_ref,
          checkId: row.check_id,
        }),
      });
      return { ...fromRow(row), revokedAt: at, revokedBy: actor };
    });
  }

  async get(id: string): Promise<Exemption | undefined> {
    const row = await this.db<ExemptionRow>('reliability_exemptions')
      .where({ id })
      .first();
    return row ? fromRow(row) : undefined;
  }

  async listForEntity(entityRef: string): Promise<Exemption[]> {
    const rows = await this.db<ExemptionRow>('reliability_exemptions')
      .where({ entity_ref: entityRef })
      .whereNull('revoked_at')
      .orderBy('created_at', 'asc');
    return rows.map(fromRow);
  }

  async listForEntities(
    entityRefs: string[],
  ): Promise<Map<string, Exemption[]>> {
    const byEntity = new Map<string, Exemption[]>(
      entityRefs.map(ref => [ref, []]),
    );
    const refs = [...byEntity.keys()];
    // Refs per query stay under SQLite's bound-parameter limit.
    for (let i = 0; i < refs.length; i += REFS_PER_QUERY) {
      const rows = await this.db<ExemptionRow>('reliability_exemptions')
        .whereIn('entity_ref', refs.slice(i, i + REFS_PER_QUERY))
        .whereNull('revoked_at')
        .orderBy('created_at', 'asc');
      for (const row of rows) byEntity.get(row.entity_ref)!.push(fromRow(row));
    }
    return byEntity;
  }

  async listInForce(at: Date): Promise<Exemption[]> {
    const rows = await this.db<ExemptionRow>('reliability_exemptions')
      .whereNull('revoked_at')
      .where('expires_at', '>', at)
      .orderBy('expires_at', 'asc');
    return rows.map(fromRow);
  }

  async audit(exemptionId?: string): Promise<ExemptionAuditEntry[]> {
    const query = this.db('reliability_exemption_audit').orderBy('seq', 'asc');
    if (exemptionId) query.where({ exemption_id: exemptionId });
    const rows = await query;
    return rows.map((row: any) => ({
      exemptionId: row.exemption_id,
      action: row.action,
      actor: row.actor,
      at: toDate(row.at),
      details: JSON.parse(row.details_json),
    }));
  }
}
