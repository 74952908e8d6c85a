/*
 * The overview routes' query parameters: filters (lists comma-separated),
 * sort and paging, validated with zod at the edge.
 */
import {
  BUDGET_STATES,
  OVERVIEW_COVERAGE_ITEMS,
  OVERVIEW_GROUP_BY,
  OVERVIEW_SORT_KEYS,
  OverviewFilters,
} from '@vigil/plugin-reliability-common';
import { z } from 'zod';

/** Largest page the overview serves; larger requests are an input error. */
export const MAX_PAGE_SIZE = 500;

/** `a,b,c` (or a repeated parameter) → ['a', 'b', 'c']. */
function splitList(value: unknown): unknown {
  if (value === undefined) return undefined;
  const values = Array.isArray(value) ? value : [value];
  return values
    .flatMap(v => (typeof v === 'string' ? v.split(',') : [v]))
    .map(v => (typeof v === 'string' ? v.trim() : v))
    .filter(v => v !== '');
}

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(splitList, z.array(item).optional());

const ref = z
  .string()
  .regex(
    /^[a-z0-9-_]+:[^/]+\/.+$/i,
    'an entity ref such as group:default/team-a',
  );

export const overviewFiltersSchema = z.object({
  kind: list(
    z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'a kind such as Component'),
  ),
  tier: list(
    z.string().regex(/^(tier-[0-3]|none)$/, 'tier-0 to tier-3, or none'),
  ),
  owner: list(ref),
  system: list(ref),
  domain: list(ref),
  level: list(z.string().min(1)),
  missing: list(z.enum(OVERVIEW_COVERAGE_ITEMS)),
  budget: list(z.enum(BUDGET_STATES as [string, ...string[]])),
  search: z.string().max(200).optional(),
});

export const overviewEntitiesSchema = overviewFiltersSchema.extend({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
  sort: z.enum(OVERVIEW_SORT_KEYS).default('gap'),
  order: z.enum(['asc', 'desc']).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

export const overviewGroupSchema = overviewFiltersSchema.extend({
  groupBy: z.enum(OVERVIEW_GROUP_BY).default('owner'),
});

export const overviewTrendsSchema = overviewFiltersSchema.extend({
  days: z.coerce.number().int().min(1).max(400).default(90),
});

export type OverviewEntitiesQuery = z.output<typeof overviewEntitiesSchema>;

/** The filters of any overview query, without its other parameters. */
export function filtersOf(query: z.output<typeof overviewFiltersSchema>) {
  const { kind, tier, owner, system, domain, level, missing, budget, search } =
    query;
  return {
    kind,
    tier,
    owner,
    system,
    domain,
    level,
    missing,
    budget,
    search,
  } as OverviewFilters;
}
