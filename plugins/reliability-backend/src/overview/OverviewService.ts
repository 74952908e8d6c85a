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

/**
 * The org-wide overview: rows, aggregates, headline figures and trends,
 * always over the entities the caller may read in the catalog.
 */
export class OverviewService {
  /** Per caller's readable set: the snapshot's rows they may read. */
  private readonly readableRows = new WeakMap<
    Set<string>,
    { snapshot: OverviewSnapshot; rows: OverviewEntityRow[] }
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
  ): Promise<{ rows: OverviewEntityRow[]; snapshot: OverviewSnapshot }> {
    const [snapshot, readable] = await Promise.all([
      this.options.index.get(),
      this.options.readable.get(credentials),
    ]);
    let mine = this.readableRows.get(readable);
    if (mine?.snapshot !== snapshot) {
      mine = {
        snapshot,
        rows: snapshot.rows.filter(row => readable.has(row.entityRef)),
      };
      this.readableRows.set(readable, mine);
    }
    const rows = filterRows(mine.rows, filters, snapshot.structure);
    return { rows, snapshot };
  }

  async entities(
    query: OverviewEntitiesQuery,
    filters: OverviewFilters,
    credentials: BackstageCredentials,
  ): Promise<OverviewEntitiesResponse> {
    const { rows } = await this.visible(filters, credentials);
    sortRows(rows, query.sort, query.order);
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
    return toCsv(sortRows(rows, query.sort, query.order));
  }

  async aggregates(
    groupBy: OverviewAggregatesResponse['groupBy'],
    filters: OverviewFilters,
    credentials: BackstageCredentials,
  ): Promise<OverviewAggregatesResponse> {
    const { rows, snapshot } = await this.visible(filters, credentials);
    const { groups: hierarchy } = snapshot.structure;
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

  async kpis(
    filters: OverviewFilters,
    credentials: BackstageCredentials,
  ): Promise<OverviewKpisResponse> {
    const now = this.options.clock?.() ?? new Date();
    const { rows, snapshot } = await this.visible(filters, credentials);
    const refs = new Set(rows.map(r => r.entityRef));
    const slos = snapshot.slos.filter(
      s => s.serviceRef && refs.has(s.serviceRef),
    );
    const measured = slos.filter(s => s.state !== 'no-data');
    const meeting = measured.filter(s => s.state !== 'exhausted');
    const critical = rows.filter(
      r => r.tier === 'tier-0' || r.tier === 'tier-1',
    );
    const soon = (await this.options.exemptions.listInForce(now)).filter(
      e =>
        refs.has(e.entityRef) &&
        e.expiresAt.getTime() - now.getTime() <= EXPIRING_SOON_DAYS * DAY_MS,
    );
    const count = (state: string) => slos.filter(s => s.state === state).length;
    const coverageTitles: Record<keyof OverviewCoverage, string> = {
      slo: 'Tier-0/1 with SLOs',
      runbook: 'Tier-0/1 with a runbook',
      onCall: 'Tier-0/1 with on-call',
      drTested: 'Tier-0/1 with tested DR',
    };
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
          title: coverageTitles[key],
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
      {
        id: 'exemptions-expiring',
        title: 'Exemptions expiring soon',
        value: soon.length,
        explanation: `Exemptions in force that expire within ${EXPIRING_SOON_DAYS} days, on the entities shown; after expiry the check counts again at the next evaluation.`,
      },
    ];
    return { items, ...(snapshot.asOf ? { asOf: snapshot.asOf } : {}) };
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
      rows.map(r => [r.entityRef, r.readiness?.targetLevel !== undefined]),
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
