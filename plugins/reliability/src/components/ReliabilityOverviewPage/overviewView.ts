import {
  BUDGET_STATES,
  BudgetState,
  OVERVIEW_COVERAGE_ITEMS,
  OVERVIEW_GROUP_BY,
  OVERVIEW_SORT_KEYS,
  OverviewFilters,
} from '@vigil/plugin-reliability-common';
import { OverviewGroupBy, OverviewSortKey } from '../../api';

/** A coverage item an entity can miss. */
export type CoverageItem = (typeof OVERVIEW_COVERAGE_ITEMS)[number];

/** The list filters of the overview: the page's URL uses the API's names. */
export const LIST_FILTER_KEYS = [
  'tier',
  'kind',
  'owner',
  'system',
  'domain',
  'level',
  'missing',
  'budget',
] as const;

/** A list filter of the overview. */
export type ListFilterKey = (typeof LIST_FILTER_KEYS)[number];

export const PAGE_SIZES = [25, 50, 100] as const;
/**
 * Fifty rows a page: the whole example catalog (about 30 entities) fits
 * on the first page, and a page stays quick to draw.
 */
export const DEFAULT_PAGE_SIZE = 50;
export const DEFAULT_SORT: OverviewSortKey = 'gap';
export const DEFAULT_ORDER = 'desc';
export const DEFAULT_GROUP_BY: OverviewGroupBy = 'owner';

/**
 * The direction a column sorts in when it is first clicked: the biggest
 * problems first for the gap, the lowest scores first, A to Z (and tier-0
 * first) for names, owners and tiers, and budgets in the order of
 * BUDGET_STATES (exhausted first).
 */
export const FIRST_ORDER: Record<OverviewSortKey, 'asc' | 'desc'> = {
  gap: 'desc',
  score: 'asc',
  name: 'asc',
  tier: 'asc',
  owner: 'asc',
  budget: 'asc',
};

/** Everything the overview shows, as read from the page's URL. */
export interface OverviewView {
  filters: OverviewFilters;
  sort: OverviewSortKey;
  order: 'asc' | 'desc';
  /** Zero-based; the URL has it one-based (`page=2` is the second page). */
  page: number;
  pageSize: number;
  groupBy: OverviewGroupBy;
}

const TIER_VALUE = /^(tier-[0-3]|none)$/;
const KIND_VALUE = /^[A-Za-z][A-Za-z0-9]*$/;
const ENTITY_REF = /^[a-z0-9-_]+:[^/]+\/.+$/i;

/** The longest search the server takes. */
export const MAX_SEARCH_LENGTH = 200;

/**
 * Which values of each list filter the page accepts from a URL (those the
 * server accepts: owners, systems and domains as full entity refs).
 */
const ACCEPTS: Record<ListFilterKey, (value: string) => boolean> = {
  tier: v => TIER_VALUE.test(v),
  kind: v => KIND_VALUE.test(v),
  owner: v => ENTITY_REF.test(v),
  system: v => ENTITY_REF.test(v),
  domain: v => ENTITY_REF.test(v),
  level: () => true,
  missing: v => (OVERVIEW_COVERAGE_ITEMS as readonly string[]).includes(v),
  budget: v => (BUDGET_STATES as readonly string[]).includes(v),
};

function readList(params: URLSearchParams, key: ListFilterKey): string[] {
  const values = params
    .getAll(key)
    .flatMap(v => v.split(','))
    .map(v => v.trim())
    .filter(v => v && ACCEPTS[key](v));
  return [...new Set(values)];
}

function readChoice<T extends string>(
  value: string | null,
  choices: readonly T[],
  fallback: T,
): T {
  return value !== null && (choices as readonly string[]).includes(value)
    ? (value as T)
    : fallback;
}

function readPositiveInt(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) {
    return undefined;
  }
  const n = Number(value);
  return n > 0 ? n : undefined;
}

/**
 * Reads the view from the page's query string. Unknown values are dropped
 * rather than sent to the server, so a hand-edited link still opens.
 */
export function readOverviewView(params: URLSearchParams): OverviewView {
  const filters: OverviewFilters = {};
  for (const key of LIST_FILTER_KEYS) {
    const values = readList(params, key);
    if (values.length) {
      (filters as Record<ListFilterKey, string[]>)[key] = values;
    }
  }
  const search = params.get('search')?.trim().slice(0, MAX_SEARCH_LENGTH);
  if (search) {
    filters.search = search;
  }
  const sort = readChoice(params.get('sort'), OVERVIEW_SORT_KEYS, DEFAULT_SORT);
  const pageSize = readPositiveInt(params.get('pageSize'));
  return {
    filters,
    sort,
    order: readChoice(
      params.get('order'),
      ['asc', 'desc'] as const,
      params.has('sort') ? FIRST_ORDER[sort] : DEFAULT_ORDER,
    ),
    page: (readPositiveInt(params.get('page')) ?? 1) - 1,
    pageSize:
      pageSize && (PAGE_SIZES as readonly number[]).includes(pageSize)
        ? pageSize
        : DEFAULT_PAGE_SIZE,
    groupBy: readChoice(
      params.get('groupBy'),
      OVERVIEW_GROUP_BY,
      DEFAULT_GROUP_BY,
    ),
  };
}

/** A change to the view; `undefined` or an empty list clears a filter. */
export interface OverviewViewChange {
  filters?: Partial<Record<ListFilterKey, string[] | undefined>> & {
    search?: string;
  };
  /** Removes every filter (search included) before `filters` apply. */
  clearFilters?: boolean;
  sort?: { key: OverviewSortKey; order: 'asc' | 'desc' };
  page?: number;
  pageSize?: number;
  groupBy?: OverviewGroupBy;
}

/**
 * The query string after a change. A different selection of rows (filters,
 * order or page size) goes back to the first page; other parameters of the
 * URL are kept.
 */
export function applyOverviewChange(
  current: URLSearchParams,
  change: OverviewViewChange,
): URLSearchParams {
  const next = new URLSearchParams(current);
  let reselected = false;
  if (change.clearFilters) {
    for (const key of [...LIST_FILTER_KEYS, 'search']) {
      next.delete(key);
    }
    reselected = true;
  }
  for (const [key, value] of Object.entries(change.filters ?? {})) {
    const text = Array.isArray(value) ? value.join(',') : value?.trim();
    if (text) {
      next.set(key, text);
    } else {
      next.delete(key);
    }
    reselected = true;
  }
  if (change.sort) {
    next.set('sort', change.sort.key);
    next.set('order', change.sort.order);
    reselected = true;
  }
  if (change.pageSize !== undefined) {
    if (change.pageSize === DEFAULT_PAGE_SIZE) {
      next.delete('pageSize');
    } else {
      next.set('pageSize', String(change.pageSize));
    }
    reselected = true;
  }
  if (change.groupBy) {
    if (change.groupBy === DEFAULT_GROUP_BY) {
      next.delete('groupBy');
    } else {
      next.set('groupBy', change.groupBy);
    }
  }
  if (change.page !== undefined && change.page > 0) {
    next.set('page', String(change.page + 1));
  } else if (change.page !== undefined || reselected) {
    next.delete('page');
  }
  return next;
}

/** True when any filter (or a search) narrows the rows. */
export function hasFilters(filters: OverviewFilters): boolean {
  return Object.values(filters).some(v =>
    Array.isArray(v) ? v.length > 0 : Boolean(v),
  );
}

/** The text people see for each coverage item. */
export const COVERAGE_LABELS: Record<CoverageItem, string> = {
  slo: 'SLO',
  runbook: 'Runbook',
  onCall: 'On-call',
  drTested: 'DR tested',
};

/** The text people see for each budget state. */
export const BUDGET_LABELS: Record<BudgetState, string> = {
  exhausted: 'exhausted',
  burning: 'burning',
  'at-risk': 'at risk',
  healthy: 'healthy',
  'no-data': 'no data',
};

export const TIER_OPTIONS = [
  { value: 'tier-0', label: 'tier-0' },
  { value: 'tier-1', label: 'tier-1' },
  { value: 'tier-2', label: 'tier-2' },
  { value: 'tier-3', label: 'tier-3' },
  { value: 'none', label: 'No tier' },
];

/** The kinds Vigil evaluates (isReliabilityAvailable). */
export const KIND_OPTIONS = ['Component', 'System', 'Resource'].map(k => ({
  value: k,
  label: k,
}));

export const GROUP_BY_LABELS: Record<OverviewGroupBy, string> = {
  owner: 'Owner',
  system: 'System',
  domain: 'Domain',
  tier: 'Tier',
  level: 'Level',
};
