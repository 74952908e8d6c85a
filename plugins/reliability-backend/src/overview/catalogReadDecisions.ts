import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { keepNewest } from '../service/keepNewest';

/** Who is asking: the key of what is kept per caller. */
export function principalKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  return `${principal.type}:${principal.userEntityRef ?? principal.subject}`;
}

/**
 * Each caller's catalog read decision (`catalog.entity.read`, asked of the
 * permissions service without a resource, as the catalog asks it before a
 * query), kept `ttlMs`: allowed outright, denied, or conditional. A failed
 * ask is not kept.
 */
export class CatalogReadDecisions {
  private readonly decisions = new Map<
    string,
    { at: number; result: Promise<AuthorizeResult> }
  >();

  constructor(
    private readonly options: {
      permissions: PermissionsService;
      ttlMs: number;
      /** Callers kept at most; the oldest is dropped first. */
      maxCallers: number;
    },
  ) {}

  of(credentials: BackstageCredentials): Promise<AuthorizeResult> {
    const key = principalKey(credentials);
    const cached = this.decisions.get(key);
    if (cached && Date.now() - cached.at < this.options.ttlMs) {
      return cached.result;
    }
    const entry = {
      at: Date.now(),
      result: this.options.permissions
        .authorizeConditional([{ permission: catalogEntityReadPermission }], {
          credentials,
        })
        .then(([decision]) => decision.result),
    };
    keepNewest(this.decisions, key, entry, this.options.maxCallers);
    entry.result.catch(() => {
      if (this.decisions.get(key) === entry) this.decisions.delete(key);
    });
    return entry.result;
  }
}
