/* Entities and inputs for the readiness tests. */
import { Entity } from '@backstage/catalog-model';
import { normalizeOpenSloEntity } from '../../openslo/normalize';
import { ratioSlo, withPath } from '../../openslo/__fixtures__/documents';
import { DEFAULT_POLICY } from '../../policy/defaults';
import { ReliabilityPolicy } from '../../policy/types';
import { evaluateReadiness } from '../evaluate';
import {
  CheckOutcome,
  ReadinessInput,
  ReadinessRelated,
  ReadinessResult,
} from '../types';

export const now = new Date('2026-11-27T12:00:00Z');

/** Every piece of metadata a tier-0 service needs, valid. */
export const EXEMPLARY: Record<string, string> = {
  'vigil/tier': 'tier-0',
  'vigil/runbook': 'https://wiki.example.com/runbooks/orders',
  'vigil/dashboard': 'https://grafana.example.com/d/orders',
  'vigil/rto': '1h',
  'vigil/rpo': '15m',
  'vigil/dr-strategy': 'active-active',
  // 56 days before `now`: well within tier-0's 90 days.
  'vigil/dr-tested': '2026-10-02',
  'pagerduty.com/service-id': 'PORDERS',
  'backstage.io/techdocs-ref': 'dir:.',
};

export function entity(
  kind: string,
  name: string,
  annotations: Record<string, string>,
  spec: Entity['spec'] = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', annotations },
    spec,
  };
}

export function group(name = 'checkout-team'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  };
}

export function user(name = 'jdoe'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: {},
  };
}

/** A component of the given tier (or none), for dependency tests. */
export function tiered(name: string, tier?: string, kind = 'Component') {
  return entity(kind, name, tier ? { 'vigil/tier': tier } : {}, {
    type: 'service',
    owner: 'checkout-team',
    lifecycle: 'production',
  });
}

/** An SLO catalog entity in its normalised form, as the catalog holds it. */
export function slo(
  name: string,
  sloKind: string,
  target = 0.9995,
  service = 'component:default/orders',
): Entity {
  let doc = withPath(ratioSlo(), 'metadata.name', name);
  doc = withPath(doc, 'metadata.annotations', { 'vigil/slo-kind': sloKind });
  doc = withPath(doc, 'spec.service', service);
  doc = withPath(doc, 'spec.objectives[0].target', target);
  const normalized = normalizeOpenSloEntity(doc).entity as unknown as Entity;
  return {
    ...normalized,
    relations: [{ type: 'sloOf', targetRef: service }],
  };
}

export const ORDERS_SLOS = [
  slo('orders-availability', 'availability'),
  slo('orders-latency', 'latency'),
];

export const HEALTHY_BUDGETS = {
  'error-budget': {
    'slo:default/orders-availability': { state: 'healthy', remaining: 0.8 },
    'slo:default/orders-latency': { state: 'healthy', remaining: 0.6 },
  },
};

export interface ScenarioOptions {
  kind?: string;
  tags?: string[];
  /** Annotations to set; `undefined` removes one. */
  annotations?: Record<string, string | undefined>;
  /** spec fields to set; `undefined` removes one. */
  spec?: Record<string, unknown>;
  related?: Partial<ReadinessRelated>;
  facts?: Record<string, unknown>;
  policy?: ReliabilityPolicy;
  now?: Date;
  exemptions?: ReadinessInput['exemptions'];
  customChecks?: ReadinessInput['customChecks'];
}

function patch<T>(base: Record<string, T>, changes: Record<string, unknown>) {
  const copy: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
  }
  return copy;
}

/**
 * An exemplary tier-0 `component:default/orders` that passes every check,
 * with the given changes.
 */
export function scenario(options: ScenarioOptions = {}): ReadinessInput {
  const annotations = patch(EXEMPLARY, options.annotations ?? {}) as Record<
    string,
    string
  >;
  const spec = patch(
    { type: 'service', owner: 'checkout-team', lifecycle: 'production' },
    options.spec ?? {},
  ) as Entity['spec'];
  const subject = entity(
    options.kind ?? 'Component',
    'orders',
    annotations,
    spec,
  );
  if (options.tags) subject.metadata.tags = options.tags;
  return {
    entity: subject,
    related: {
      owner: group(),
      dependencies: [tiered('orders-db', 'tier-0', 'Resource')],
      dependents: [],
      slos: ORDERS_SLOS,
      ...options.related,
    },
    facts: options.facts ?? HEALTHY_BUDGETS,
    policy: options.policy ?? DEFAULT_POLICY,
    now: options.now ?? now,
    exemptions: options.exemptions,
    customChecks: options.customChecks,
  };
}

/** The policy with the given tier's settings changed. */
export function policyWithTier(
  tier: string,
  changes: Partial<ReliabilityPolicy['tiers'][string]>,
  base: ReliabilityPolicy = DEFAULT_POLICY,
): ReliabilityPolicy {
  return {
    ...base,
    tiers: { ...base.tiers, [tier]: { ...base.tiers[tier], ...changes } },
  };
}

export function outcomeOf(result: ReadinessResult, id: string): CheckOutcome {
  const found = result.checks.find(c => c.id === id);
  if (!found) throw new Error(`no outcome for ${id}`);
  return found;
}

/** Evaluates a scenario and returns one check's outcome. */
export function check(id: string, options: ScenarioOptions = {}) {
  return outcomeOf(evaluateReadiness(scenario(options)), id);
}
