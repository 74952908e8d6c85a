import {
  BUDGET_STATES,
  OverviewEntityRow,
  OverviewFilters,
} from '@vigil/plugin-reliability-common';
import { CatalogStructureSnapshot } from './catalogStructure';

/** Chains already walked, per hierarchy snapshot (a request walks 10,000). */
const chains = new WeakMap<
  CatalogStructureSnapshot['groups'],
  Map<string, string[]>
>();

/** A group and every group above it, nearest first (cycles stop). */
export function withAncestors(
  groupRef: string | undefined,
  groups: CatalogStructureSnapshot['groups'],
): string[] {
  if (!groupRef) return [];
  let known = chains.get(groups);
  if (!known) {
    known = new Map();
    chains.set(groups, known);
  }
  let chain = known.get(groupRef);
  if (!chain) {
    chain = walkUp(groupRef, groups);
    known.set(groupRef, chain);
  }
  return chain;
}

function walkUp(
  groupRef: string,
  groups: CatalogStructureSnapshot['groups'],
): string[] {
  const chain: string[] = [];
  let current: string | undefined = groupRef;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = groups.get(current)?.parent;
  }
  return chain;
}

const lower = (text: string) => text.toLocaleLowerCase('en-US');

/** The rows that pass every filter; owner filters include sub-groups. */
export function filterRows(
  rows: OverviewEntityRow[],
  filters: OverviewFilters,
  structure: CatalogStructureSnapshot,
): OverviewEntityRow[] {
  const kinds = filters.kind?.length
    ? new Set(filters.kind.map(lower))
    : undefined;
  const owners = filters.owner?.length
    ? new Set(filters.owner.map(lower))
    : undefined;
  const search = filters.search?.trim()
    ? lower(filters.search.trim())
    : undefined;
  const within = (values: string[] | undefined, value: string | undefined) =>
    !values?.length || (value !== undefined && values.includes(value));
  return rows.filter(row => {
    if (kinds && !kinds.has(lower(row.kind))) return false;
    if (filters.tier?.length && !filters.tier.includes(row.tier ?? 'none')) {
      return false;
    }
    if (!within(filters.system, row.system)) return false;
    if (!within(filters.domain, row.domain)) return false;
    if (!within(filters.level, row.readiness?.level)) return false;
    if (filters.budget?.length && !within(filters.budget, row.budget)) {
      return false;
    }
    if (
      filters.missing?.length &&
      !filters.missing.some(m => !row.coverage[m])
    ) {
      return false;
    }
    if (
      owners &&
      !withAncestors(row.owner, structure.groups).some(g =>
        owners.has(lower(g)),
      )
    ) {
      return false;
    }
    if (
      search &&
      !lower(row.entityRef).includes(search) &&
      !lower(row.title ?? '').includes(search)
    ) {
      return false;
    }
    return true;
  });
}

type SortKey = 'gap' | 'score' | 'name' | 'tier' | 'owner' | 'budget';

/** Each key's natural order: worst first for gap and budget, else ascending. */
const DEFAULT_ORDER: Record<SortKey, 'asc' | 'desc'> = {
  gap: 'desc',
  score: 'asc',
  name: 'asc',
  tier: 'asc',
  owner: 'asc',
  budget: 'asc',
};

const budgetRank = (row: OverviewEntityRow) =>
  row.budget ? BUDGET_STATES.indexOf(row.budget) : BUDGET_STATES.length;

const KEYS: Record<SortKey, (row: OverviewEntityRow) => number | string> = {
  gap: row => row.readiness?.gapCount ?? -1,
  score: row => row.readiness?.score ?? -1,
  name: row => lower(row.title ?? row.name),
  // Untiered rows sort after tier-3.
  tier: row => row.tier ?? 'tier-9',
  owner: row => row.owner ?? '~',
  budget: budgetRank,
};

/** Sorts in place by the key, then by entity ref so pages are stable. */
export function sortRows(
  rows: OverviewEntityRow[],
  sort: SortKey,
  order?: 'asc' | 'desc',
): OverviewEntityRow[] {
  const key = KEYS[sort];
  const sign = (order ?? DEFAULT_ORDER[sort]) === 'asc' ? 1 : -1;
  return rows.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x < y) return -sign;
    if (x > y) return sign;
    return a.entityRef < b.entityRef ? -1 : 1;
  });
}
