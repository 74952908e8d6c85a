import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { RELIABILITY_ENTITY_KINDS } from '@vigil/plugin-reliability-common';
import { keepNewest } from '../service/keepNewest';
import { CatalogReadDecisions, principalKey } from './catalogReadDecisions';
import { catalogPages } from './catalogStructure';

/**
 * The key of the set every caller the catalog lets read everything shares;
 * principal keys always hold a colon, so it never names a caller.
 */
const EVERY_ENTITY = 'every-entity';

/** The set of a caller the catalog lets read nothing. Never changed. */
const NOTHING = new Set<string>();

/** A readable set, or the read that will answer it. */
interface ReadableSet {
  /** When its read started. */
  at: number;
  refs: Promise<Set<string>>;
  /** Set once the read has answered: only then may it stand in. */
  answered?: boolean;
  /** A fresh read under way while this one stands in. */
  rereading?: boolean;
}

/** Where a caller's set comes from: whose read, with which credentials. */
interface SetSource {
  key: string;
  credentials: () => Promise<BackstageCredentials>;
}

/**
 * The refs of the entities a caller may read in the catalog. The catalog's
 * own read decision (`catalog.entity.read`, asked of the permissions
 * service as the catalog asks it) says how to find them:
 *
 * - allowed outright: every entity in the catalog. One set, read with the
 *   plugin's own credentials, serves every such caller (paging the refs of
 *   the seed's 10,131 entities took 1.5-3.8 s, once per caller before);
 * - denied: none, without reading the catalog;
 * - conditional: the caller's own set, read from the catalog with their
 *   credentials, so the catalog applies the conditions itself.
 *
 * Decisions and callers' own sets are kept `ttlMs`; concurrent requests
 * share one read. Once `ttlMs` has passed, the next request is answered
 * from the set at hand while a fresh one is read; past twice `ttlMs` the
 * caller waits for the fresh read: a change of their permissions shows
 * within `ttlMs` of use, never later than twice `ttlMs`.
 *
 * The shared set holds no permission: what it can miss is an entity added
 * to or removed from the catalog. So it is read again only past
 * `everyEntityTtlMs` (each read pages the whole catalog: work that shares
 * the cores with the requests), and it stands in however old while it
 * is: no caller allowed outright waits for a whole read of the catalog once
 * one has been made. Each complete readiness refresh hands over the
 * entities it read, and an entity evaluated on its own is added at once.
 */
export class ReadableRefs {
  private readonly sets = new Map<string, ReadableSet>();
  /** Entities evaluated on their own lately, and when: see addEntity. */
  private readonly added = new Map<string, number>();
  private readonly decisions: CatalogReadDecisions;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      permissions: PermissionsService;
      auth: AuthService;
      ttlMs?: number;
      /** How old the shared set may grow before it is read again. */
      everyEntityTtlMs?: number;
      /** Callers kept at most; the oldest is dropped first. */
      maxCallers?: number;
    },
  ) {
    this.decisions = new CatalogReadDecisions({
      permissions: options.permissions,
      ttlMs: this.ttl,
      maxCallers: this.maxCallers,
    });
  }

  private get maxCallers() {
    return this.options.maxCallers ?? 1000;
  }

  private get ttl() {
    return this.options.ttlMs ?? 60_000;
  }

  async get(credentials: BackstageCredentials): Promise<Set<string>> {
    const source = await this.sourceOf(credentials);
    if (!source) return NOTHING;
    return (this.atHand(source) ?? this.readNow(source)).refs;
  }

  /**
   * The caller's set if one is at hand; never waits for the catalog. The
   * shared set, when there is none yet, starts being read for the requests
   * that follow.
   */
  async cached(
    credentials: BackstageCredentials,
  ): Promise<Set<string> | undefined> {
    const source = await this.sourceOf(credentials).catch(() => undefined);
    if (source === undefined) return undefined;
    if (source === null) return NOTHING;
    const entry = this.atHand(source);
    // A caller's own set vouches for an entity only within `ttlMs`, as a
    // catalog check would: past it the route asks the catalog.
    const vouches =
      source.key === EVERY_ENTITY ||
      (entry !== undefined && Date.now() - entry.at < this.ttl);
    if (entry?.answered && vouches) return entry.refs.catch(() => undefined);
    if (!entry && source.key === EVERY_ENTITY) {
      this.readNow(source).refs.catch(() => undefined);
    }
    return undefined;
  }

  /**
   * Every entity in the catalog, as a complete paged read with the plugin's
   * own credentials found it (the readiness refresh makes one): the shared
   * set, unless a newer one is at hand.
   */
  everyEntity(refs: Set<string>, readAt: Date) {
    const current = this.sets.get(EVERY_ENTITY);
    if (current?.answered && current.at >= readAt.getTime()) return;
    const entry: ReadableSet = {
      at: readAt.getTime(),
      refs: Promise.resolve(this.withAdded(refs, readAt.getTime())),
      answered: true,
    };
    this.keep(EVERY_ENTITY, entry);
  }

  /**
   * An entity just read from the catalog (evaluated on its own): in the
   * shared set from now on, so it shows in the overview before the set is
   * read again.
   */
  addEntity(entityRef: string) {
    const now = Date.now();
    // Kept as long as a read of the shared set may have started before it.
    for (const [ref, at] of this.added) {
      if (at < now - this.everyEntityTtl) this.added.delete(ref);
    }
    this.added.delete(entityRef);
    this.added.set(entityRef, now);
    const entry = this.sets.get(EVERY_ENTITY);
    if (entry?.answered) entry.refs.then(refs => refs.add(entityRef));
  }

  /** `refs` with the entities added since `readAt`, which a read may lack. */
  private withAdded(refs: Set<string>, readAt: number) {
    for (const [ref, at] of this.added) {
      if (at >= readAt) refs.add(ref);
    }
    return refs;
  }

  private get everyEntityTtl() {
    return this.options.everyEntityTtlMs ?? 5 * 60_000;
  }

  /**
   * The entry that may answer now, if any: one read within its time (or
   * still being read), else one that has answered, read again behind it:
   * a caller's own set until twice `ttlMs`, the shared set however old.
   */
  private atHand(source: SetSource): ReadableSet | undefined {
    const entry = this.sets.get(source.key);
    if (!entry) return undefined;
    const age = Date.now() - entry.at;
    const shared = source.key === EVERY_ENTITY;
    const ttl = shared ? this.everyEntityTtl : this.ttl;
    if (age < ttl) return entry;
    if (!entry.answered || age >= (shared ? Infinity : 2 * ttl)) {
      return undefined;
    }
    this.rereadBehind(source, entry);
    return entry;
  }

  /**
   * Whose set answers the caller: the shared one, their own, or none
   * (null) when the catalog lets them read nothing.
   */
  private async sourceOf(
    credentials: BackstageCredentials,
  ): Promise<SetSource | null> {
    const decision = await this.decisions.of(credentials);
    if (decision === AuthorizeResult.DENY) return null;
    if (decision === AuthorizeResult.ALLOW) {
      return {
        key: EVERY_ENTITY,
        credentials: () => this.options.auth.getOwnServiceCredentials(),
      };
    }
    return {
      key: principalKey(credentials),
      credentials: async () => credentials,
    };
  }

  /** Reads the set now; the caller waits for it. A failed read is forgotten. */
  private readNow(source: SetSource): ReadableSet {
    const fresh = this.read(source);
    this.keep(source.key, fresh);
    fresh.refs.catch(() => {
      if (this.sets.get(source.key) === fresh) this.sets.delete(source.key);
    });
    return fresh;
  }

  /** Reads the set again while `stale` answers; keeps it once it has. */
  private rereadBehind(source: SetSource, stale: ReadableSet) {
    if (stale.rereading) return;
    stale.rereading = true;
    const fresh = this.read(source);
    fresh.refs
      .then(() => {
        // A newer set (handed over meanwhile) is not replaced.
        const current = this.sets.get(source.key);
        if (!current || current.at <= fresh.at) {
          this.keep(source.key, fresh);
        }
      })
      .catch(() => {
        stale.rereading = false;
      });
  }

  /** A read of a set, marked answered once it has. */
  private read(source: SetSource): ReadableSet {
    const at = Date.now();
    const entry: ReadableSet = {
      at,
      refs: source
        .credentials()
        .then(credentials => this.load(credentials))
        .then(refs =>
          source.key === EVERY_ENTITY ? this.withAdded(refs, at) : refs,
        ),
    };
    entry.refs.then(
      () => {
        entry.answered = true;
      },
      () => undefined,
    );
    return entry;
  }

  /** Keeps a set; the shared one is never dropped to keep a caller's own. */
  private keep(key: string, entry: ReadableSet) {
    keepNewest(this.sets, key, entry, this.maxCallers, EVERY_ENTITY);
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
