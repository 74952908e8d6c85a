import { Entity } from '@backstage/catalog-model';
import {
  EntityReliabilityResponse,
  PolicyViolation,
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

export function reliabilityResponse(
  profile: ReliabilityProfile,
  violations: PolicyViolation[] = profile.errors.map(e => ({
    ...e,
    rule: 'metadata-valid',
    pending: false,
  })),
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
    profileChangedAt: '2026-01-10T12:00:00.000Z',
  };
}

/** A ReliabilityApi whose methods are jest mocks that fail until told otherwise. */
export function mockReliabilityApi(): jest.Mocked<ReliabilityApi> {
  return {
    getEntityReliability: jest.fn().mockRejectedValue(new Error('not mocked')),
    getOverviewEntities: jest.fn().mockRejectedValue(new Error('not mocked')),
    getSloStatus: jest.fn().mockRejectedValue(new Error('not mocked')),
    getDeployGate: jest.fn().mockRejectedValue(new Error('not mocked')),
  };
}
