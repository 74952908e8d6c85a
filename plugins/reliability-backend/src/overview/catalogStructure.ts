import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { fullRef } from '../service/entitySummary';

/** Entities per catalog page: never one unpaged pull of the catalog. */
export const CATALOG_PAGE_SIZE = 500;

/** What the overview needs of the catalog's structure. */
export interface CatalogStructureSnapshot {
  /** Group ref → its title and parent group ref. */
  groups: Map<string, { title?: string; parent?: string }>;
  /** System ref → the ref of its domain. */
  systemDomains: Map<string, string>;
}

/** Pages through the catalog's entities of some kinds, a few fields each. */
export async function* catalogPages(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  kinds: string[],
  fields?: string[],
): AsyncGenerator<Entity[]> {
  let cursor: string | undefined;
  do {
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, limit: CATALOG_PAGE_SIZE, fields }
        : { filter: { kind: kinds }, limit: CATALOG_PAGE_SIZE, fields },
      { credentials },
    );
    yield page.items;
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
}

/**
 * The group hierarchy (spec.parent) and the domains of systems, read with
 * the plugin's own credentials and kept for `ttlMs`: the overview rolls
 * owners up through it and groups by domain. Concurrent callers share one
 * catalog read.
 */
export class CatalogStructure {
  private snapshot?: { at: number; value: CatalogStructureSnapshot };
  private loading?: Promise<CatalogStructureSnapshot>;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      ttlMs?: number;
    },
  ) {}

  async get(): Promise<CatalogStructureSnapshot> {
    const ttl = this.options.ttlMs ?? 5 * 60_000;
    if (this.snapshot && Date.now() - this.snapshot.at < ttl) {
      return this.snapshot.value;
    }
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /** Forgets the snapshot, so the next read loads it anew. */
  invalidate() {
    this.snapshot = undefined;
  }

  private async load(): Promise<CatalogStructureSnapshot> {
    const { catalog, auth } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const groups: CatalogStructureSnapshot['groups'] = new Map();
    const systemDomains = new Map<string, string>();
    const fields = [
      'kind',
      'metadata.name',
      'metadata.namespace',
      'metadata.title',
      'spec.parent',
      'spec.domain',
      'spec.profile.displayName',
    ];
    for await (const items of catalogPages(
      catalog,
      credentials,
      ['Group', 'System'],
      fields,
    )) {
      for (const entity of items) {
        const ref = stringifyEntityRef(entity);
        const namespace = entity.metadata.namespace ?? 'default';
        if (entity.kind.toLocaleLowerCase('en-US') === 'group') {
          const parent = fullRef(entity.spec?.parent, 'group', namespace);
          const profile = entity.spec?.profile as
            | { displayName?: string }
            | undefined;
          groups.set(ref, {
            title: profile?.displayName ?? entity.metadata.title,
            parent,
          });
        } else {
          const domain = fullRef(entity.spec?.domain, 'domain', namespace);
          if (domain) systemDomains.set(ref, domain);
        }
      }
    }
    const value = { groups, systemDomains };
    this.snapshot = { at: Date.now(), value };
    return value;
  }
}
