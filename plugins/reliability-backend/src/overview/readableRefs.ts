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

/** A caller's readable set, or the read that will answer it. */
interface ReadableSet {
  /** When its read started. */
  at: number;
  refs: Promise<Set<string>>;
  /** Set once the read has answered: only then may it stand in. */
  answered?: boolean;
  /** A fresh read under way while this one stands in. */
  rereading?: boolean;
}

/**
 * The refs of the entities a caller may read, as the catalog answers with
 * the caller's own credentials (so the catalog's permission policy
 * decides). Kept per caller for `ttlMs`, so the overview does not page the
 * whole catalog on every request; concurrent requests of one caller share
 * one read. Once `ttlMs` has passed, the next request is answered from the
 * set at hand while a fresh one is read (paging the refs of the seed's
 * 10,131 entities took 1.5-3.8 s, which no request should wait for);
 * past twice `ttlMs` the caller waits for the fresh read. A change of
 * permissions therefore shows within `ttlMs` of use, and never later than
 * twice `ttlMs`.
 */
export class ReadableRefs {
  private readonly cache = new Map<string, ReadableSet>();

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
    const age = cached ? Date.now() - cached.at : Infinity;
    if (cached && age < ttl) return cached.refs;
    if (cached?.answered && age < 2 * ttl) {
      if (!cached.rereading) {
        cached.rereading = true;
        // Kept only when it answers; a failed one leaves the old set to age.
        const fresh = this.read(credentials);
        fresh.refs
          .then(() => this.keep(key, fresh))
          .catch(() => {
            cached.rereading = false;
          });
      }
      return cached.refs;
    }
    const fresh = this.read(credentials);
    this.keep(key, fresh);
    // A failed read is not kept: the next request tries again.
    fresh.refs.catch(() => {
      if (this.cache.get(key) === fresh) this.cache.delete(key);
    });
    return fresh.refs;
  }

  /** A read of the caller's set, marked answered once it has. */
  private read(credentials: BackstageCredentials): ReadableSet {
    const entry: ReadableSet = {
      at: Date.now(),
      refs: this.load(credentials),
    };
    entry.refs.then(
      () => {
        entry.answered = true;
      },
      () => undefined,
    );
    return entry;
  }

  /** Stores the caller's entry as the newest; drops the oldest caller past the bound. */
  private keep(key: string, entry: ReadableSet) {
    this.cache.delete(key);
    this.cache.set(key, entry);
    const max = this.options.maxCallers ?? 1000;
    if (this.cache.size > max) {
      this.cache.delete(this.cache.keys().next().value!);
    }
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
