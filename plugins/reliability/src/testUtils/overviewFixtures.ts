import {
  OverviewAggregate,
  OverviewEntityRow,
  OverviewKpisResponse,
  OverviewTrendsResponse,
} from '@vigil/plugin-reliability-common';

/** Overview rows: a tier-0 service at silver against gold, and one with bad metadata. */
export const ordersOverviewRow: OverviewEntityRow = {
  entityRef: 'component:default/orders',
  kind: 'Component',
  namespace: 'default',
  name: 'orders',
  title: 'Orders API',
  owner: 'group:default/checkout-team',
  system: 'system:default/checkout',
  domain: 'domain:default/retail',
  tier: 'tier-0',
  hasRunbook: true,
  errorCount: 0,
  violationCount: 0,
  coverage: { slo: true, runbook: true, onCall: true, drTested: false },
  budget: 'burning',
  readiness: {
    score: 87.5,
    level: 'silver',
    targetLevel: 'gold',
    atTarget: false,
    gapCount: 2,
    evaluatedAt: '2026-11-27T10:00:00.000Z',
  },
};

export const legacyReportsOverviewRow: OverviewEntityRow = {
  entityRef: 'component:default/legacy-reports',
  kind: 'Component',
  namespace: 'default',
  name: 'legacy-reports',
  hasRunbook: false,
  errorCount: 2,
  violationCount: 3,
  coverage: { slo: false, runbook: false, onCall: false, drTested: false },
};

/** An overview aggregate with every figure given. */
export function overviewAggregate(
  group: Partial<OverviewAggregate> & { key: string | null },
): OverviewAggregate {
  return {
    entities: 4,
    directEntities: 4,
    averageScore: 62.5,
    atTarget: 1,
    gapItems: 9,
    coverage: { slo: 3, runbook: 2, onCall: 4, drTested: 1 },
    budgetsExhausted: 1,
    budgetsBurning: 0,
    ...group,
  };
}

export const overviewKpis: OverviewKpisResponse = {
  items: [
    {
      id: 'tier01-slo',
      title: 'Tier-0/1 services with SLOs',
      value: 3,
      of: 4,
      explanation:
        'Entities of tier-0 or tier-1 that pass the slo-defined check, out of all tier-0 and tier-1 entities.',
    },
    {
      id: 'budgets-exhausted',
      title: 'Budgets exhausted',
      value: 1,
      explanation:
        'Entities whose worst SLO error budget is exhausted (nothing left in the window).',
    },
  ],
  asOf: '2026-11-27T10:00:00.000Z',
};

export const overviewTrends: OverviewTrendsResponse = {
  items: [
    { date: '2026-11-25', entities: 4, averageScore: 55, atTarget: 0 },
    { date: '2026-11-26', entities: 4, averageScore: 60, atTarget: 1 },
    { date: '2026-11-27', entities: 4, averageScore: 62.5, atTarget: 1 },
  ],
};
