import { randomUUID } from 'node:crypto';
import {
  BackstageCredentials,
  BackstageUserPrincipal,
  BackstageServicePrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BUILT_IN_CHECKS,
  ReadinessExemption,
  reliabilityExemptionCreatePermission,
  ReliabilityPolicy,
} from '@vigil/plugin-reliability-common';
import { z } from 'zod';
import {
  Exemption,
  ExemptionAuditEntry,
  ExemptionStore,
} from '../database/ExemptionStore';
import { readableEntity } from '../service/readableEntity';

const grantBody = z.strictObject({
  entityRef: z.string().min(1),
  checkId: z.string().min(1),
  reason: z
    .string()
    .trim()
    .min(10, 'must say why, in at least 10 characters')
    .max(2000),
  expiresAt: z.iso.datetime({
    offset: true,
    error: 'must be an ISO 8601 timestamp with a zone',
  }),
});

function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as
    | BackstageUserPrincipal
    | BackstageServicePrincipal;
  return principal.type === 'user'
    ? principal.userEntityRef
    : `service:${principal.subject}`;
}

/**
 * Exemptions of entities from readiness checks (DESIGN §5.5): granting and
 * revoking need `reliability.exemption.create`; every exemption expires, at
 * most `policy.exemptions.maxDays` ahead; every change is audited.
 */
export class ExemptionService {
  constructor(
    private readonly options: {
      store: ExemptionStore;
      catalog: CatalogService;
      permissions: PermissionsService;
      policy: ReliabilityPolicy;
      customCheckIds: () => string[];
      clock?: () => Date;
    },
  ) {}

  private now() {
    return this.options.clock?.() ?? new Date();
  }

  private async requirePermission(credentials: BackstageCredentials) {
    const [decision] = await this.options.permissions.authorize(
      [{ permission: reliabilityExemptionCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'Granting or revoking an exemption needs the permission reliability.exemption.create',
      );
    }
  }

  private async requireReadable(
    entityRef: string,
    credentials: BackstageCredentials,
  ) {
    await readableEntity(this.options.catalog, entityRef, credentials);
  }

  async grant(
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<Exemption> {
    await this.requirePermission(credentials);
    const parsed = grantBody.safeParse(body);
    if (!parsed.success) {
      throw new InputError(
        `Invalid exemption: ${parsed.error.issues
          .map(i => `${i.path.join('.') || 'body'} ${i.message}`)
          .join('; ')}`,
      );
    }
    const { checkId, reason } = parsed.data;
    let entityRef: string;
    try {
      entityRef = stringifyEntityRef(parseEntityRef(parsed.data.entityRef));
    } catch {
      throw new InputError(
        `Invalid exemption: entityRef ${JSON.stringify(
          parsed.data.entityRef,
        )} is not an entity ref such as component:default/orders`,
      );
    }
    const known = [
      ...BUILT_IN_CHECKS.map(c => c.id),
      ...this.options.customCheckIds(),
    ];
    if (!known.includes(checkId)) {
      throw new InputError(
        `Invalid exemption: checkId ${JSON.stringify(
          checkId,
        )} is not a check; expected one of ${known.join(', ')}`,
      );
    }
    const now = this.now();
    const expiresAt = new Date(parsed.data.expiresAt);
    const maxDays = this.options.policy.exemptions.maxDays;
    if (expiresAt.getTime() <= now.getTime()) {
      throw new InputError(
        `Invalid exemption: expiresAt ${parsed.data.expiresAt} is not in the future`,
      );
    }
    if (expiresAt.getTime() > now.getTime() + maxDays * 86_400_000) {
      throw new InputError(
        `Invalid exemption: expiresAt ${parsed.data.expiresAt} is more than ${maxDays} days ahead (reliability.policy.exemptions.maxDays)`,
      );
    }
    await this.requireReadable(entityRef, credentials);
    return this.options.store.grant({
      id: randomUUID(),
      entityRef,
      checkId,
      reason,
      grantedBy: actorOf(credentials),
      createdAt: now,
      expiresAt,
    });
  }

  async revoke(id: string, credentials: BackstageCredentials): Promise<void> {
    await this.requirePermission(credentials);
    const revoked = await this.options.store.revoke(
      id,
      actorOf(credentials),
      this.now(),
    );
    if (!revoked) {
      throw new NotFoundError(`No exemption ${id} in force`);
    }
  }

  async list(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<{ items: Exemption[]; maxDays: number }> {
    await this.requireReadable(entityRef, credentials);
    return {
      items: await this.options.store.listForEntity(entityRef),
      // How far ahead a new one may expire: the grant dialog offers no later day.
      maxDays: this.options.policy.exemptions.maxDays,
    };
  }

  async audit(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<{ items: ExemptionAuditEntry[] }> {
    const exemption = await this.options.store.get(id);
    if (!exemption) {
      throw new NotFoundError(`No exemption ${id}`);
    }
    await this.requireReadable(exemption.entityRef, credentials);
    return { items: await this.options.store.audit(id) };
  }

  /** The exemptions the evaluator applies to each entity, by ref. */
  async forEvaluation(
    entityRefs: string[],
  ): Promise<Map<string, ReadinessExemption[]>> {
    const byEntity = await this.options.store.listForEntities(entityRefs);
    return new Map(
      [...byEntity].map(([ref, exemptions]) => [
        ref,
        exemptions.map(e => ({
          checkId: e.checkId,
          reason: e.reason,
          grantedBy: e.grantedBy,
          expiresAt: e.expiresAt.toISOString(),
        })),
      ]),
    );
  }
}
