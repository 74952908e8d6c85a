import { Entity } from '@backstage/catalog-model';
import {
  isReliabilityAvailable,
  parseReliabilityProfile,
  readEntityTier,
} from './profile';
import { DEFAULT_POLICY } from './policy/defaults';

const now = new Date('2026-11-27T12:00:00Z');

function component(
  annotations: Record<string, string>,
  extra: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders', annotations, ...extra },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

describe('parseReliabilityProfile', () => {
  it('parses a complete profile without errors', () => {
    const profile = parseReliabilityProfile(
      component({
        'vigil/tier': 'tier-0',
        'vigil/runbook': 'https://wiki.example.com/runbooks/orders',
        'vigil/dashboard': 'https://grafana.example.com/d/orders',
        'vigil/rto': '1h',
        'vigil/rpo': '15m',
        'vigil/dr-strategy': 'active-active',
        'vigil/dr-tested': '2026-10-02',
        'vigil/dr-runbook': 'https://wiki.example.com/runbooks/orders-dr',
      }),
      { now },
    );
    expect(profile).toEqual({
      entityRef: 'component:default/orders',
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
      onCall: [],
      dr: {
        strategy: 'active-active',
        lastTested: '2026-10-02',
        runbook: {
          url: 'https://wiki.example.com/runbooks/orders-dr',
          source: 'annotation',
        },
      },
      errors: [],
    });
  });

  it('accepts a bare tier number', () => {
    expect(
      parseReliabilityProfile(component({ 'vigil/tier': '2' })).tier,
    ).toEqual({
      value: 2,
      label: 'tier-2',
      source: 'annotation',
    });
  });

  it('names entity, field, value, expected and example for a bad tier', () => {
    const { tier, errors } = parseReliabilityProfile(
      component({ 'vigil/tier': 'tier-5' }),
    );
    expect(tier).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      entityRef: 'component:default/orders',
      field: 'metadata.annotations.vigil/tier',
      value: 'tier-5',
    });
    expect(errors[0].message).toBe(
      'component:default/orders: metadata.annotations.vigil/tier has "tier-5"; expected one of tier-0, tier-1, tier-2, tier-3 (or 0 to 3; tier-0 is the most critical), e.g. "vigil/tier: tier-1"',
    );
  });

  it.each([
    ['vigil/rto', '1 hour'],
    ['vigil/rto', '1.5h'],
    ['vigil/rpo', '0m'],
    ['vigil/rpo', '1M'],
    ['vigil/runbook', 'wiki/orders'],
    ['vigil/runbook', 'ftp://wiki.example.com/orders'],
    ['vigil/dashboard', 'mailto:sre@example.com'],
    ['vigil/dr-runbook', ''],
    ['vigil/dr-strategy', 'hot-standby'],
    ['vigil/dr-tested', '02/10/2026'],
    ['vigil/dr-tested', '2026-02-30'],
    ['vigil/dr-tested', '2027-01-01'],
  ])(
    'reports %s = %j as an error on that field and keeps going',
    (key, value) => {
      const profile = parseReliabilityProfile(
        component({ [key]: value, 'vigil/tier': 'tier-1' }),
        { now },
      );
      expect(profile.errors).toHaveLength(1);
      expect(profile.errors[0].field).toBe(`metadata.annotations.${key}`);
      expect(profile.errors[0].value).toBe(value);
      expect(profile.errors[0].expected.length).toBeGreaterThan(10);
      expect(profile.errors[0].example).toContain(key);
      expect(profile.tier?.label).toBe('tier-1');
    },
  );

  it('takes the runbook from a link typed runbook, the annotation winning', () => {
    const links = [
      {
        url: 'https://wiki.example.com/from-link',
        title: 'Runbook',
        type: 'runbook',
      },
    ];
    expect(parseReliabilityProfile(component({}, { links })).runbook).toEqual({
      url: 'https://wiki.example.com/from-link',
      title: 'Runbook',
      source: 'link',
    });
    expect(
      parseReliabilityProfile(
        component(
          { 'vigil/runbook': 'https://wiki.example.com/explicit' },
          { links },
        ),
      ).runbook?.url,
    ).toBe('https://wiki.example.com/explicit');
  });

  it('does not crash on an entity with no metadata annotations or odd values', () => {
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'x',
        annotations: { 'vigil/tier': 1 as unknown as string },
      },
    } as Entity;
    expect(parseReliabilityProfile(entity).tier?.label).toBe('tier-1');
    expect(
      parseReliabilityProfile({ kind: 'Component', metadata: {} } as Entity)
        .errors,
    ).toEqual([]);
  });

  it.each([
    ['links that are not a list', { links: { a: 1 } }],
    [
      'a link type that is not text',
      { links: [{ url: 'https://x.example.com', type: 5 }] },
    ],
    ['a link without url', { links: [{ type: 'runbook' }] }],
  ])('ignores %s instead of throwing', (_what, extra) => {
    const profile = parseReliabilityProfile(
      component(
        { 'vigil/tier': 'tier-1' },
        extra as Partial<Entity['metadata']>,
      ),
    );
    expect(profile.runbook).toBeUndefined();
    expect(profile.tier?.label).toBe('tier-1');
  });

  it('treats an empty (null) annotation as absent', () => {
    const profile = parseReliabilityProfile(
      component({ 'vigil/tier': null as unknown as string }),
    );
    expect(profile.tier).toBeUndefined();
    expect(profile.errors).toEqual([]);
  });
});

describe('conventions', () => {
  it('takes the tier from a convention tag when the annotation is absent', () => {
    expect(
      parseReliabilityProfile(
        component({}, { tags: ['java', 'tier:critical'] }),
      ).tier,
    ).toEqual({
      value: 0,
      label: 'tier-0',
      source: 'tag',
      tag: 'tier:critical',
    });
  });

  it('lets the annotation win over a tag', () => {
    expect(
      parseReliabilityProfile(
        component({ 'vigil/tier': 'tier-2' }, { tags: ['tier-0'] }),
      ).tier?.label,
    ).toBe('tier-2');
  });

  it('uses the configured tags only', () => {
    const conventions = {
      tierTags: { gold: 'tier-1' },
      runbookLinkTitles: ['playbook'],
      dashboardLinkTitles: [],
    };
    const entity = component(
      {},
      {
        tags: ['tier:critical', 'gold'],
        links: [
          { url: 'https://wiki.example.com/pb', title: 'Orders Playbook' },
        ],
      },
    );
    const profile = parseReliabilityProfile(entity, { conventions });
    expect(profile.tier?.label).toBe('tier-1');
    expect(profile.runbook).toEqual({
      url: 'https://wiki.example.com/pb',
      title: 'Orders Playbook',
      source: 'link',
    });
  });

  it('finds a runbook link by its title', () => {
    const links = [
      { url: 'https://wiki.example.com/rb', title: 'Runbook (on-call)' },
    ];
    expect(parseReliabilityProfile(component({}, { links })).runbook?.url).toBe(
      'https://wiki.example.com/rb',
    );
  });
});

describe('on-call', () => {
  it('collects PagerDuty and Opsgenie annotations', () => {
    const profile = parseReliabilityProfile(
      component({
        'pagerduty.com/service-id': 'PX1',
        'opsgenie.com/team': ' ',
      }),
    );
    expect(profile.onCall).toEqual([
      {
        provider: 'pagerduty',
        annotation: 'pagerduty.com/service-id',
        value: 'PX1',
      },
    ]);
  });
});

describe('isReliabilityAvailable', () => {
  it.each([
    ['Component', true],
    ['system', true],
    ['Resource', true],
    ['Group', false],
    ['API', false],
  ])('%s → %s', (kind, expected) => {
    expect(isReliabilityAvailable({ ...component({}), kind })).toBe(expected);
  });
});

describe('readEntityTier', () => {
  const withTier = (annotations: Record<string, unknown>, tags?: string[]) =>
    ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'svc', annotations, ...(tags ? { tags } : {}) },
    } as unknown as Entity);

  it.each([
    [{ 'vigil/tier': 'tier-0' }, undefined, 0],
    [{ 'vigil/tier': ' 2 ' }, undefined, 2],
    [{ 'vigil/tier': 3 }, undefined, 3],
    [{ 'vigil/tier': 'tier-5' }, ['tier-1'], undefined],
    [{ 'vigil/tier': { level: 1 } }, undefined, undefined],
    [{ 'vigil/tier': null }, ['tier-1'], 1],
    [{}, ['critical', 'tier-2'], 2],
    [{}, ['unrelated'], undefined],
  ])(
    '%j with tags %j reads as the full parser does',
    (annotations, tags, expected) => {
      const entity = withTier(annotations, tags);
      const conventions = {
        ...DEFAULT_POLICY.conventions,
        tierTags: { 'tier-1': 'tier-1', 'tier-2': 'tier-2' },
      };
      expect(readEntityTier(entity, conventions)).toBe(expected);
      expect(readEntityTier(entity, conventions)).toBe(
        parseReliabilityProfile(entity, { conventions }).tier?.value,
      );
    },
  );
});
