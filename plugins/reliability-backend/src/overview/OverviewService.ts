import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  OverviewAggregate,
  OverviewAggregatesResponse,
  OverviewCoverage,
  OverviewEntitiesResponse,
  OverviewEntityRow,
  OverviewFilters,
  OverviewKpi,
  OverviewKpisResponse,
  OverviewTrendsResponse,
} from '@vigil/plugin-reliability-common';
import { ExemptionStore } from '../database/ExemptionStore';
import { COVERAGE_RULES } from './coverage';
import { toCsv } from './csv';
import { filterRows, sortRows, withAncestors } from './filterRows';
import { OverviewIndex, OverviewSnapshot } from './OverviewIndex';
import { OverviewEntitiesQuery } from './overviewQuery';
import { ReadableRefs } from './readableRefs';

/** Exemptions expiring within this many days count as "expiring soon". */
export const EXPIRING_SOON_DAYS = 14;

const DAY_MS = 86_400_000;
/** Answers kept per caller and snapshot; more clears them. */
const MAX_REMEMBERED = 200;
const COVERAGE_KEYS = Object.keys(COVERAGE_RULES) as Array<
  keyof OverviewCoverage
>;
const round1 = (n: number) => Math.round(n * 10) / 10;

type Accumulator = OverviewAggregate & { scoreSum: number };

function emptyAggregate(key: string | null): Accumulator {
  return {
    key,
    entities: 0,
    directEntities: 0,
    averageScore: 0,
    atTarget: 0,
    gapItems: 0,
    coverage: { slo: 0, runbook: 0, onCall: 0, drTested: 0 },
    budgetsExhausted: 0,
    budgetsBurning: 0,
    scoreSum: 0,
  };
}

function add(group: Accumulator, row: OverviewEntityRow, direct: boolean) {
  group.entities++;
  if (direct) group.directEntities++;
  group.scoreSum += row.readiness?.score ?? 0;
  group.gapItems += row.readiness?.gapCount ?? 0;
  if (row.readiness?.atTarget) group.atTarget++;
  for (const key of COVERAGE_KEYS) if (row.coverage[key]) group.coverage[key]++;
  if (row.budget === 'exhausted') group.budgetsExhausted++;
  if (row.budget === 'burning') group.budgetsBurning++;
}

/** Groups rows by a dimension; owners roll up through the hierarchy. */
function aggregate(
  rows: OverviewEntityRow[],
  hierarchy: OverviewSnapshot['structure']['groups'],
  groupBy: OverviewAggregatesResponse['groupBy'],
): OverviewAggregatesResponse {
  const groups = new Map<string | null, Accumulator>();
  const groupOf = (key: string | null) => {
    let group = groups.get(key);
    if (!group) {
      group = emptyAggregate(key);
      groups.set(key, group);
    }
    return group;
  };
  for (const row of rows) {
    if (groupBy === 'owner') {
      // The owner and every group above it: the roll-up.
      const chain = withAncestors(row.owner, hierarchy);
      if (chain.length === 0) add(groupOf(null), row, true);
      chain.forEach((g, i) => add(groupOf(g), row, i === 0));
    } else {
      const key = {
        system: row.system,
        domain: row.domain,
        tier: row.tier,
        level: row.readiness?.level,
      }[groupBy];
      add(groupOf(key ?? null), row, true);
    }
  }
  const items = [...groups.values()].map(({ scoreSum, ...group }) => {
    const info = group.key ? hierarchy.get(group.key) : undefined;
    return {
      ...group,
      ...(info?.title ? { title: info.title } : {}),
      ...(groupBy === 'owner' && info?.parent ? { parent: info.parent } : {}),
      averageScore: group.entities ? round1(scoreSum / group.entities) : 0,
    };
  });
  items.sort(
    (a, b) =>
      b.gapItems - a.gapItems || String(a.key).localeCompare(String(b.key)),
  );
  return { groupBy, items };
}

const COVERAGE_TITLES: Record<keyof OverviewCoverage, string> = {
  slo: 'Tier-0/1 with SLOs',
  runbook: 'Tier-0/1 with a runbook',
  onCall: 'Tier-0/1 with on-call',
  drTested: 'Tier-0/1 with tested DR',
};

/** The headline figures that the rows and SLO states decide. */
function rowKpis(
  rows: OverviewEntityRow[],
  snapshot: OverviewSnapshot,
): { items: OverviewKpi[]; refs: Set<string> } {
  const refs = new Set(rows.map(r => r.entityRef));
  const slos = snapshot.slos.filter(
    s => s.serviceRef && refs.has(s.serviceRef),
  );
  const measured = slos.filter(s => s.state !== 'no-data');
  const meeting = measured.filter(s => s.state !== 'exhausted');
  const critical = rows.filter(r => r.tier === 'tier-0' || r.tier === 'tier-1');
  const count = (state: string) => slos.filter(s => s.state === state).length;
  const items: OverviewKpi[] = [
    {
      id: 'slo-attainment',
      title: 'SLO attainment',
      value: meeting.length,
      of: measured.length,
      explanation: `SLOs whose error budget is not exhausted over their window, i.e. the SLI meets the objective: ${
        meeting.length
      } of the ${measured.length} SLOs with data (${
        slos.length - measured.length
      } more have no data yet), among the SLOs of the ${
        rows.length
      } entities shown.`,
    },
    ...COVERAGE_KEYS.map(key => {
      const have = critical.filter(r => r.coverage[key]).length;
      return {
        id: `tier01-${key}`,
        title: COVERAGE_TITLES[key],
        value: have,
        of: critical.length,
        explanation: `${have} of the ${critical.length} tier-0 and tier-1 entities shown: ${COVERAGE_RULES[key]}.`,
      };
    }),
    {
      id: 'at-target',
      title: 'At target level',
      value: rows.filter(r => r.readiness?.atTarget).length,
      of: rows.length,
      explanation:
        'Entities whose readiness level reaches the target level their tier requires (no gap items left), from the last stored evaluation of each.',
    },
    {
      id: 'budgets-exhausted',
      title: 'Budgets exhausted',
      value: count('exhausted'),
      of: slos.length,
      explanation: `SLOs with no error budget left (remaining ≤ 0) at their last evaluation, out of ${slos.length} SLOs of the entities shown.`,
    },
    {
      id: 'budgets-burning',
      title: 'Budgets burning',
      value: count('burning'),
      of: slos.length,
      explanation: `SLOs whose burn rate crosses a page threshold of the burn-rate windows (budget still left), out of ${slos.length} SLOs of the entities shown.`,
    },
  ];
  return { items, refs };
}

/**
 * The org-wide overview: rows, aggregates, headline figures and trends,
 * always over the entities the caller may read in the catalog.
 */
export class OverviewService {
  /**
   * Per caller's readable set: the snapshot's rows they may read, and the
   * answers already computed from them. Both are pure functions of the
   * snapshot, the set and the query, so they are kept until either changes
   * (the snapshot at most every 5 s, the set every 60 s).
   */
  private readonly perCaller = new WeakMap<
    Set<string>,
    {
      snapshot: OverviewSnapshot;
      rows: OverviewEntityRow[];
      answers: Map<string, unknown>;
    }
  >();

  constructor(
    private readonly options: {
      index: OverviewIndex;
      readable: ReadableRefs;
      exemptions: ExemptionStore;
      clock?: () => Date;
    },
  ) {}

  private async visible(
    filters: OverviewFilters,
    credentials: BackstageCredentials,
  ): Promise<{
    /** The caller's rows that pass the filters (a fresh array each call). */
    rows: () => OverviewEntityRow[];
    snapshot: OverviewSnapshot;
    /** The answer under `key`, computed once per caller and snapshot. */
    remember: <T>(key: string, compute: () => T) => T;
  }> {
    const [snapshot, readable] = await Promise.all([
      this.options.index.get(),
      this.options.readable.get(credentials),
    ]);
    let mine = this.perCaller.get(readable);
    if (mine?.snapshot !== snapshot) {
      mine = {
        snapshot,
        rows: snapshot.rows.filter(row => readable.has(row.entityRef)),
        answers: new Map(),
      };
      this.perCaller.set(readable, mine);
    }
    const { answers, rows: readableRows } = mine;
    const rows = () => filterRows(readableRows, filters, snapshot.structure);
    const remember = <T>(key: string, compute: () => T): T => {
      const fullKey = `${key} ${JSON.stringify(filters)}`;
      if (answers.has(fullKey)) return answers.get(fullKey) as T;
      const answer = compute();
      if (answers.size >= MAX_REMEMBERED) answers.clear();
      answers.set(fullKey, answer);
      return answer;
    };
    return { rows, snapshot, remember };
  }

  async entities(
    query: OverviewEntitiesQuery,
    filters: OverviewFilters,
    credentials: BackstageCredentials,
  ): Promise<OverviewEntitiesResponse> {
    const { rows: visibleRows, remember } = await this.visible(
      filters,
      credentials,
    );
    const rows = remember(`rows ${query.sort} ${query.order}`, () =>
      sortRows(visibleRows(), query.sort, query.order),
    );
    return {
      items: rows.slice(query.offset, query.offset + query.limit),
      totalItems: rows.length,
      offset: query.offset,
      limit: query.limit,
    };
  }

  /** Every filtered row, sorted, as CSV. */
  async csv(
    query: OverviewEntitiesQuery,
    filters: OverviewFilters,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const { rows } = await this.visible(filters, credentials);
    return toCsv(sortRows(rows(), query.sort, query.order));
  }

  async aggregates(
    groupBy: OverviewAggregatesResponse['groupBy'],
    filters: OverviewFilters,
    credentials: BackstageCredentials,
  ): Promise<OverviewAggregatesResponse> {
    const { rows, snapshot, remember } = await this.visible(
      filters,
      credentials,
    );
    return remember(`aggregates ${groupBy}`, () =>
      aggregate(rows(), snapshot.structure.groups, groupBy),
    );
  }

  async kpis(
    filters: OverviewFilters,
    credentials: BackstageCredentials,
  ): Promise<OverviewKpisResponse> {
    const now = this.options.clock?.() ?? new Date();
    const { rows, snapshot, remember } = await this.visible(
      filters,
      credentials,
    );
    const { items, refs } = remember('kpis', () => rowKpis(rows(), snapshot));
    // Exemptions change without a new snapshot: always read afresh.
    const soon = (await this.options.exemptions.listInForce(now)).filter(
      e =>
        refs.has(e.entityRef) &&
        e.expiresAt.getTime() - now.getTime() <= EXPIRING_SOON_DAYS * DAY_MS,
    );
    return {
      items: [
        ...items,
        {
          id: 'exemptions-expiring',
          title: 'Exemptions expiring soon',
          value: soon.length,
          explanation: `Exemptions in force that expire within ${EXPIRING_SOON_DAYS} days, on the entities shown; after expiry the check counts again at the next evaluation.`,
        },
      ],
      ...(snapshot.asOf ? { asOf: snapshot.asOf } : {}),
    };
  }

  /**
   * One point a day: each entity counts with its latest history point up
   * to the end of that day (history has a point per change, at least one a
   * day), so a day reflects every entity evaluated by then.
   */
  async trends(
    days: number,
    filters: OverviewFilters,
    credentials: BackstageCredentials,
  ): Promise<OverviewTrendsResponse> {
    const now = this.options.clock?.() ?? new Date();
    const { rows } = await this.visible(filters, credentials);
    const targets = new Map(
      rows().map(r => [r.entityRef, r.readiness?.targetLevel !== undefined]),
    );
    const firstDay = Math.floor(now.getTime() / DAY_MS) - days + 1;
    const points = await this.options.index.historySince(
      // A day before the window, so each entity starts with its last point.
      new Date((firstDay - 2) * DAY_MS),
    );
    const latest = new Map<string, { score: number; gapCount: number }>();
    const items: OverviewTrendsResponse['items'] = [];
    let next = 0;
    for (let day = firstDay; day <= firstDay + days - 1; day++) {
      const end = (day + 1) * DAY_MS;
      while (next < points.length && points[next].at.getTime() < end) {
        const point = points[next++];
        if (targets.has(point.entityRef)) latest.set(point.entityRef, point);
      }
      if (latest.size === 0) continue;
      let scoreSum = 0;
      let atTarget = 0;
      for (const [ref, point] of latest) {
        scoreSum += point.score;
        if (targets.get(ref) && point.gapCount === 0) atTarget++;
      }
      items.push({
        date: new Date(day * DAY_MS).toISOString().slice(0, 10),
        entities: latest.size,
        averageScore: round1(scoreSum / latest.size),
        atTarget,
      });
    }
    return { items };
  }
}
