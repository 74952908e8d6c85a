import { Entity } from '@backstage/catalog-model';
import {
  CheckOutcome,
  EntityReliabilityResponse,
  PolicyViolation,
  ReadinessResult,
  ReliabilityProfile,
  SloStatusResponse,
  metadataError,
} from '@vigil/plugin-reliability-common';
import { ReliabilityApi } from '../api';
import { Exemption } from '../api/ReliabilityApi';

export const ordersEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders', namespace: 'default', title: 'Orders API' },
  spec: { type: 'service', owner: 'group:default/checkout-team' },
};

const entityRef = 'component:default/orders';

export const exemplaryProfile: ReliabilityProfile = {
  entityRef,
  tier: { value: 0, label: 'tier-0', source: 'annotation' },
  runbook: {
    url: 'https://wiki.example.com/runbooks/orders',
    source: 'annotation',
  },
  dashboard: {
    url: 'https://grafana.example.com/d/orders',
    source: 'annotation',
  },
  rto: { text: '1h', seconds: 3600 },
  rpo: { text: '15m', seconds: 900 },
  onCall: [
    {
      provider: 'pagerduty',
      annotation: 'pagerduty.com/service-id',
      value: 'PORDERS',
    },
  ],
  dr: {
    strategy: 'warm-standby',
    lastTested: '2026-01-15',
    runbook: {
      url: 'https://wiki.example.com/runbooks/orders-dr',
      source: 'annotation',
    },
  },
  errors: [],
};

export const badTierError = metadataError({
  entityRef,
  field: 'metadata.annotations.vigil/tier',
  value: 'gold',
  expected:
    'one of tier-0, tier-1, tier-2, tier-3 (or 0 to 3; tier-0 is the most critical)',
  example: '"vigil/tier: tier-1"',
});

export const emptyProfile: ReliabilityProfile = {
  entityRef,
  onCall: [],
  dr: {},
  errors: [],
};

export const missingRunbookFinding: PolicyViolation = {
  ...metadataError({
    entityRef,
    field: 'metadata.annotations.vigil/runbook',
    expected: 'a runbook URL (or a link of type runbook) (required for tier-0)',
    example: '"vigil/runbook: https://wiki.example.com/runbooks/orders"',
  }),
  rule: 'runbook',
  pending: false,
};

/** A tier-0 service at silver, one gold check short of its target. */
export const silverReadiness: ReadinessResult = {
  entityRef,
  tier: 'tier-0',
  score: 87.5,
  level: 'silver',
  targetLevel: 'gold',
  gap: [
    {
      id: 'rto-within-tier',
      title: 'RTO within the tier limit',
      level: 'gold',
      weight: 2,
      counts: true,
      pending: false,
      state: 'fail',
      message:
        'component:default/orders: metadata.annotations.vigil/rto has "4h"; expected at most 1h for tier-0',
      fix: 'metadata:\n  annotations:\n    vigil/rto: 1h',
    },
  ],
  checks: [
    {
      id: 'runbook',
      title: 'Runbook',
      level: 'bronze',
      weight: 3,
      counts: true,
      pending: false,
      state: 'pass',
    },
  ],
  evaluatedAt: '2026-01-10T12:00:00.000Z',
};

export function reliabilityResponse(
  profile: ReliabilityProfile,
  violations: PolicyViolation[] = profile.errors.map(e => ({
    ...e,
    rule: 'metadata-valid',
    pending: false,
  })),
  readiness: ReadinessResult = { ...silverReadiness, gap: [] },
): EntityReliabilityResponse {
  return {
    entity: {
      entityRef,
      kind: 'Component',
      namespace: 'default',
      name: 'orders',
      title: 'Orders API',
      owner: 'group:default/checkout-team',
    },
    profile,
    metadataPolicy: { enforcement: 'warn', violations },
    readiness,
    profileChangedAt: '2026-01-10T12:00:00.000Z',
  };
}

/** A ReliabilityApi whose methods are jest mocks that fail until told otherwise. */
export function mockReliabilityApi(): jest.Mocked<ReliabilityApi> {
  return {
    getEntityReliability: jest.fn().mockRejectedValue(new Error('not mocked')),
    getOverviewEntities: jest.fn().mockRejectedValue(new Error('not mocked')),
    exportOverviewCsv: jest.fn().mockRejectedValue(new Error('not mocked')),
    getOverviewAggregates: jest.fn().mockRejectedValue(new Error('not mocked')),
    getOverviewKpis: jest.fn().mockRejectedValue(new Error('not mocked')),
    getOverviewTrends: jest.fn().mockRejectedValue(new Error('not mocked')),
    getSloStatus: jest.fn().mockRejectedValue(new Error('not mocked')),
    getDeployGate: jest.fn().mockRejectedValue(new Error('not mocked')),
    getReadinessHistory: jest.fn().mockResolvedValue({ items: [] }),
    refreshReadiness: jest.fn().mockRejectedValue(new Error('not mocked')),
    listExemptions: jest.fn().mockResolvedValue({ items: [], maxDays: 90 }),
    grantExemption: jest.fn().mockRejectedValue(new Error('not mocked')),
    revokeExemption: jest.fn().mockRejectedValue(new Error('not mocked')),
    getExemptionAudit: jest.fn().mockResolvedValue({ items: [] }),
  };
}

/** A readiness check outcome with the usual defaults. */
export function checkOutcome(
  check: Partial<CheckOutcome> & Pick<CheckOutcome, 'id' | 'state'>,
): CheckOutcome {
  return {
    title: check.id,
    level: 'silver',
    weight: 1,
    counts: true,
    pending: false,
    ...check,
  };
}

/** The DR checks of a tier-0 service whose RTO is over the tier's limit. */
export const drChecks: CheckOutcome[] = [
  checkOutcome({
    id: 'dr-strategy',
    title: 'Disaster-recovery strategy',
    state: 'pass',
    message: 'disaster-recovery strategy: warm-standby',
  }),
  checkOutcome({
    id: 'rto-within-tier',
    title: 'RTO within the tier limit',
    level: 'gold',
    weight: 2,
    state: 'fail',
    message:
      'component:default/orders: metadata.annotations.vigil/rto has "4h"; expected at most 1h for tier-0',
    fix: 'metadata:\n  annotations:\n    vigil/rto: 1h',
  }),
  checkOutcome({
    id: 'rpo-within-tier',
    title: 'RPO within the tier limit',
    level: 'gold',
    weight: 2,
    state: 'pass',
    message: 'RPO 15m is within the limit of tier-0',
  }),
  checkOutcome({
    id: 'dr-tested-recently',
    title: 'DR tested recently',
    level: 'gold',
    state: 'warn',
    message:
      'metadata.annotations.vigil/dr-tested is 2026-01-15, 170 days ago; tier-0 needs a DR test every 180 days, so the next one is due by 2026-07-14 (in 10 days). Run it and record its date.',
  }),
];

/** The policy's finding behind the failing RTO check. */
export const rtoOverLimitFinding: PolicyViolation = {
  ...metadataError({
    entityRef,
    field: 'metadata.annotations.vigil/rto',
    value: '4h',
    expected: 'at most 1h for tier-0',
    example: '"vigil/rto: 1h"',
  }),
  rule: 'rto',
  pending: false,
};

/** An exemption of orders from the runbook check. */
export function exemption(overrides: Partial<Exemption> = {}): Exemption {
  return {
    id: 'ex-1',
    entityRef,
    checkId: 'runbook',
    reason: 'The runbook moves to the new wiki this sprint',
    grantedBy: 'user:default/ada',
    createdAt: '2026-11-01T09:00:00.000Z',
    expiresAt: '2099-12-31T23:59:59.000Z',
    ...overrides,
  };
}

/** A burning SLO with its burn rates, alerts and history. */
export const burningSloStatus: SloStatusResponse = {
  sloRef: 'slo:default/orders-availability',
  title: 'Orders API availability',
  serviceRef: 'component:default/orders',
  state: 'burning',
  source: { status: 'ok' },
  evaluatedAt: '2026-11-27T10:00:00.000Z',
  history: [
    {
      at: '2026-11-21T10:00:00.000Z',
      state: 'healthy',
      remaining: 0.8,
      sli: 0.9998,
    },
    { at: '2026-11-24T10:00:00.000Z', state: 'no-data' },
    {
      at: '2026-11-27T10:00:00.000Z',
      state: 'burning',
      remaining: 0.4,
      sli: 0.9994,
    },
  ],
  result: {
    state: 'burning',
    action:
      'Page the on-call: the error budget is burning fast; mitigate or roll back now.',
    method: 'Occurrences',
    target: 0.999,
    sli: 0.9994,
    window: {
      start: '2026-10-30T10:00:00.000Z',
      end: '2026-11-27T10:00:00.000Z',
      lengthSeconds: 28 * 86400,
      kind: 'rolling',
      elapsedSeconds: 28 * 86400,
    },
    inputs: {
      good: 999400,
      total: 1000000,
      bad: 600,
      clampedBuckets: 0,
      invalidBuckets: 0,
      coverage: 1,
    },
    errorBudget: {
      unit: 'events',
      allowedBad: 1000,
      consumed: 0.6,
      remaining: 0.4,
      remainingClamped: 0.4,
      remainingBad: 400,
    },
    windowSet: 'google',
    burnRates: [
      {
        window: '5m',
        seconds: 300,
        good: 980,
        total: 1000,
        coverage: 1,
        errorRatio: 0.02,
        burnRate: 20,
      },
      {
        window: '1h',
        seconds: 3600,
        good: 11800,
        total: 12000,
        coverage: 1,
        errorRatio: 0.0166667,
        burnRate: 16.6667,
      },
      { window: '3d', seconds: 259200, good: 0, total: 0, coverage: 0 },
    ],
    alerts: [
      {
        name: 'page-quick',
        severity: 'page',
        longWindow: '1h',
        shortWindow: '5m',
        longWindowSeconds: 3600,
        shortWindowSeconds: 300,
        factor: 14.4,
        longBurnRate: 16.6667,
        shortBurnRate: 20,
        firing: true,
      },
    ],
    timeToExhaustionSeconds: (0.4 * 28 * 86400) / 16.6667,
    timeToExhaustionWindow: '1h',
    notes: ['time to exhaustion at the burn rate of the last 1h'],
  },
};
