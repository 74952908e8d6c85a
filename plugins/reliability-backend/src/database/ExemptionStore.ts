/**
 * An exemption of one entity from one check.
 *
 * @public
 */
export interface Exemption {
  id: string;
  entityRef: string;
  checkId: string;
  reason: string;
  grantedBy: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt?: Date;
  revokedBy?: string;
}

/** One line of the audit trail. @public */
export interface ExemptionAuditEntry {
  exemptionId: string;
  action: 'grant' | 'revoke';
  actor: string;
  at: Date;
  details: Record<string, unknown>;
}

/**
 * Storage of exemptions; every grant and revocation writes an audit entry
 * in the same transaction.
 *
 * @public
 */
export interface ExemptionStore {
  grant(
    exemption: Omit<Exemption, 'revokedAt' | 'revokedBy'>,
  ): Promise<Exemption>;
  /** Marks it revoked; undefined when there is no such exemption. */
  revoke(id: string, actor: string, at: Date): Promise<Exemption | undefined>;
  get(id: string): Promise<Exemption | undefined>;
  /** Not revoked; expired ones included (the evaluator shows them as expired). */
  listForEntity(entityRef: string): Promise<Exemption[]>;
  /** listForEntity for many entities in a few queries: every ref is a key. */
  listForEntities(entityRefs: string[]): Promise<Map<string, Exemption[]>>;
  /** Not revoked and in force at `at`: expiring after it, soonest first. */
  listInForce(at: Date): Promise<Exemption[]>;
  audit(exemptionId?: string): Promise<ExemptionAuditEntry[]>;
}
