import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { RELIABILITY_ENTITY_KINDS } from '@vigil/plugin-reliability-common';
import { catalogPages } from './catalogStructure';

/** Who is asking: the cache key of their readable set. */
function principalKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  return `${principal.type}:${principal.userEntityRef ?? principal.subject}`;
}

/**
 * The refs of the entities a caller may read, as the catalog answers with
 * the caller's own credentials (so the catalog's permission policy
 * decides). Kept per caller for `ttlMs`, so the overview does not page the
 * whole catalog on every request; concurrent requests of one caller share
 * one read. A change of permissions shows within `ttlMs`.
 */
export class ReadableRefs {
  private readonly cache = new Map<
    string,
    { at: number; refs: Promise<Set<string>> }
  >();

  constructor(
    private readonly options: {
      catalog: CatalogService;
      ttlMs?: number;
      /** Callers kept at most; the oldest is dropped first. */
      maxCallers?: number;
    },
  ) {}

  async get(credentials: BackstageCredentials): Promise<Set<string>> {
    const key = principalKey(credentials);
    const ttl = this.options.ttlMs ?? 60_000;
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.at < ttl) return cached.refs;
    const refs = this.load(credentials);
    this.cache.delete(key);
    this.cache.set(key, { at: Date.now(), refs });
    const max = this.options.maxCallers ?? 1000;
    if (this.cache.size > max) {
      this.cache.delete(this.cache.keys().next().value!);
    }
    // A failed read is not kept: the next request tries again.
    refs.catch(() => {
      if (this.cache.get(key)?.refs === refs) this.cache.delete(key);
    });
    return refs;
  }

  /** The caller's set if a fresh one is at hand; never reads the catalog. */
  async cached(
    credentials: BackstageCredentials,
  ): Promise<Set<string> | undefined> {
    const cached = this.cache.get(principalKey(credentials));
    if (!cached || Date.now() - cached.at >= (this.options.ttlMs ?? 60_000)) {
      return undefined;
    }
    return cached.refs.catch(() => undefined);
  }

  private async load(credentials: BackstageCredentials) {
    const refs = new Set<string>();
    for await (const items of catalogPages(
      this.options.catalog,
      credentials,
      RELIABILITY_ENTITY_KINDS,
      ['kind', 'metadata.name', 'metadata.namespace'],
    )) {
      for (const entity of items) refs.add(stringifyEntityRef(entity));
    }
    return refs;
  }
}
