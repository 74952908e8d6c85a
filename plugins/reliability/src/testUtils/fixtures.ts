import { Entity } from '@backstage/catalog-model';
import {
  EntityReliabilityResponse,
  PolicyViolation,
  ReadinessResult,
  ReliabilityProfile,
  metadataError,
} from '@vigil/plugin-reliability-common';
import { ReliabilityApi } from '../api';

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
    listExemptions: jest.fn().mockResolvedValue({ items: [] }),
    grantExemption: jest.fn().mockRejectedValue(new Error('not mocked')),
    revokeExemption: jest.fn().mockRejectedValue(new Error('not mocked')),
    getExemptionAudit: jest.fn().mockResolvedValue({ items: [] }),
  };
}
