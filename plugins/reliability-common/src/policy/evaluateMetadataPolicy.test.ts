import { Entity } from '@backstage/catalog-model';
import { DEFAULT_POLICY } from './defaults';
import { evaluateMetadataPolicy } from './evaluateMetadataPolicy';
import { parsePolicyOrThrow } from './parsePolicy';

const now = new Date('2026-11-27T12:00:00Z');

const exemplary: Record<string, string> = {
  'vigil/tier': 'tier-0',
  'vigil/runbook': 'https://wiki.example.com/runbooks/orders',
  'vigil/dashboard': 'https://grafana.example.com/d/orders',
  'vigil/rto': '1h',
  'vigil/rpo': '15m',
  'vigil/dr-strategy': 'active-active',
  'vigil/dr-tested': '2026-10-02',
  'pagerduty.com/service-id': 'PORDERS',
};

function service(
  annotations: Record<string, string>,
  spec: Record<string, unknown> = {},
  kind = 'Component',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'orders', annotations },
    spec: {
      type: 'service',
      owner: 'checkout-team',
      lifecycle: 'production',
      ...spec,
    },
  };
}

const evaluate = (entity: Entity, policy = DEFAULT_POLICY) =>
  evaluateMetadataPolicy(entity, policy, { now });

const without = (key: string) => {
  const copy = { ...exemplary };
  delete copy[key];
  return copy;
};

describe('evaluateMetadataPolicy', () => {
  it('finds nothing wrong with an exemplary tier-0 service', () => {
    const result = evaluate(service(exemplary));
    expect(result.violations).toEqual([]);
    expect(result.tier).toBe('tier-0');
    expect(result.enforcement).toBe('warn');
  });

  it.each([
    ['vigil/runbook', 'runbook', 'metadata.annotations.vigil/runbook'],
    ['vigil/dashboard', 'dashboard', 'metadata.annotations.vigil/dashboard'],
    ['vigil/rto', 'rto', 'metadata.annotations.vigil/rto'],
    ['vigil/rpo', 'rpo', 'metadata.annotations.vigil/rpo'],
    [
      'vigil/dr-strategy',
      'dr-strategy',
      'metadata.annotations.vigil/dr-strategy',
    ],
    ['vigil/dr-tested', 'dr-tested', 'metadata.annotations.vigil/dr-tested'],
    [
      'pagerduty.com/service-id',
      'on-call',
      'metadata.annotations.pagerduty.com/service-id',
    ],
  ])('requires %s of a tier-0 service (rule %s)', (key, rule, field) => {
    const { violations } = evaluate(service(without(key)));
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ rule, field, pending: false });
    expect(violations[0].expected).toContain('required for tier-0');
    expect(violations[0].message).toContain('is missing');
  });

  it('requires an owner and production lifecycle of a tier-0 service', () => {
    const { violations } = evaluate(
      service(exemplary, { owner: undefined, lifecycle: 'experimental' }),
    );
    expect(violations.map(v => [v.rule, v.field, v.value])).toEqual([
      ['owner', 'spec.owner', undefined],
      ['lifecycle-production', 'spec.lifecycle', 'experimental'],
    ]);
  });

  it('asks a lifecycle of Components only', () => {
    expect(
      evaluate(service(exemplary, { lifecycle: undefined }, 'Resource'))
        .violations,
    ).toEqual([]);
  });

  it('checks RTO, RPO and DR test age against the tier limits', () => {
    const { violations } = evaluate(
      service({
        ...exemplary,
        'vigil/rto': '4h',
        'vigil/rpo': '1h',
        'vigil/dr-tested': '2025-08-14',
      }),
    );
    expect(violations.map(v => [v.rule, v.value, v.expected])).toEqual([
      ['rto', '4h', 'at most 1h for tier-0'],
      ['rpo', '1h', 'at most 15m for tier-0'],
      [
        'dr-tested',
        '2025-08-14',
        'a DR test within the last 90 days for tier-0 (this one is 470 days old)',
      ],
    ]);
  });

  it('applies looser limits to lower tiers', () => {
    const { violations } = evaluate(
      service(
        { 'vigil/tier': 'tier-3', 'vigil/rto': '4h' },
        { lifecycle: 'experimental' },
      ),
    );
    expect(violations).toEqual([]);
  });

  it('reports parser errors once, not again as missing', () => {
    const { violations } = evaluate(
      service({ ...exemplary, 'vigil/rto': '1 hour' }),
    );
    expect(violations.map(v => v.rule)).toEqual(['metadata-valid']);
    expect(violations[0].field).toBe('metadata.annotations.vigil/rto');
  });

  it('asks for a tier when none is declared, and for nothing else', () => {
    const { violations, tier } = evaluate(service({}));
    expect(tier).toBeUndefined();
    expect(violations.map(v => v.rule)).toEqual(['tier-declared']);
  });

  it('does not ask for a tier twice when the tier is invalid', () => {
    const { violations } = evaluate(service({ 'vigil/tier': 'tier-5' }));
    expect(violations.map(v => v.rule)).toEqual(['metadata-valid']);
  });

  it('marks findings of a rule not yet enabled as pending', () => {
    const policy = parsePolicyOrThrow({
      checks: { dashboard: { enabledFrom: '2027-01-01' } },
    });
    const { violations } = evaluate(
      service(without('vigil/dashboard')),
      policy,
    );
    expect(violations).toEqual([
      expect.objectContaining({ rule: 'dashboard', pending: true }),
    ]);
    const later = evaluateMetadataPolicy(
      service(without('vigil/dashboard')),
      policy,
      {
        now: new Date('2027-01-02T00:00:00Z'),
      },
    );
    expect(later.violations[0].pending).toBe(false);
  });

  it('resolves the enforcement mode: kind over tier over default', () => {
    const policy = parsePolicyOrThrow({
      enforcement: {
        default: 'off',
        tiers: { 'tier-0': 'enforce' },
        kinds: { resource: 'warn' },
      },
    });
    expect(evaluate(service(exemplary), policy).enforcement).toBe('enforce');
    expect(
      evaluate(service({ 'vigil/tier': 'tier-2' }), policy).enforcement,
    ).toBe('off');
    expect(
      evaluate(service(exemplary, {}, 'Resource'), policy).enforcement,
    ).toBe('warn');
  });

  it('leaves other kinds alone', () => {
    expect(evaluate(service({}, {}, 'Group')).violations).toEqual([]);
  });

  it('takes the tier from a convention tag', () => {
    const entity = service({});
    entity.metadata.tags = ['tier:low'];
    const result = evaluate(entity);
    expect(result.tier).toBe('tier-3');
    expect(result.violations).toEqual([]);
  });
});
