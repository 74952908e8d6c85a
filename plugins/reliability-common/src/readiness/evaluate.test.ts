import { parseAllDocuments } from 'yaml';
import { CheckResult } from '../checks';
import { DEFAULT_POLICY } from '../policy/defaults';
import { evaluateMetadataPolicy } from '../policy/evaluateMetadataPolicy';
import { ReliabilityPolicy } from '../policy/types';
import { BUILT_IN_CHECKS } from './checks';
import { evaluateReadiness, evaluateReadinessAsync } from './evaluate';
import {
  entity,
  now,
  outcomeOf,
  policyWithTier,
  scenario,
  ScenarioOptions,
  slo,
  tiered,
} from './__fixtures__/scenario';
import {
  ReadinessCheckContext,
  ReadinessCustomCheck,
  ReadinessInput,
} from './types';

const evaluate = (options: ScenarioOptions = {}) =>
  evaluateReadiness(scenario(options));

const withChecks = (
  checks: Record<string, Record<string, unknown>>,
  base: ReliabilityPolicy = DEFAULT_POLICY,
): ReliabilityPolicy =>
  ({ ...base, checks: { ...base.checks, ...checks } } as ReliabilityPolicy);

const custom = (
  overrides: Partial<ReadinessCustomCheck> = {},
): ReadinessCustomCheck => ({
  id: 'acme/load-tested',
  title: 'Load tested',
  level: 'gold',
  evaluate: () => ({ state: 'pass' }),
  ...overrides,
});

describe('evaluateReadiness', () => {
  it('gives an exemplary tier-0 service 100 and gold', () => {
    const result = evaluate();
    expect(result).toMatchObject({
      entityRef: 'component:default/orders',
      tier: 'tier-0',
      score: 100,
      level: 'gold',
      targetLevel: 'gold',
      gap: [],
      evaluatedAt: '2026-11-27T12:00:00.000Z',
    });
    expect(result.checks.map(c => c.id)).toEqual(
      BUILT_IN_CHECKS.map(c => c.id),
    );
    for (const c of result.checks) {
      expect([c.id, c.state]).toEqual([
        c.id,
        c.id === 'techdocs' ? 'not-applicable' : 'pass',
      ]);
    }
  });

  it('reports each check with its level, weight and title', () => {
    expect(outcomeOf(evaluate(), 'runbook')).toMatchObject({
      title: 'Runbook',
      level: 'bronze',
      weight: 3,
      counts: true,
      pending: false,
    });
  });

  it('weighs the score', () => {
    // 33 points of counting checks for tier-0; the dashboard weighs 2.
    const result = evaluate({ annotations: { 'vigil/dashboard': undefined } });
    expect(result.score).toBe(93.9);
    expect(result.level).toBe('bronze');
    expect(result.gap.map(c => c.id)).toEqual(['dashboard']);
  });

  it('lists the gap from the current level to the target, by level then weight', () => {
    const result = evaluate({
      annotations: {
        'vigil/runbook': undefined,
        'vigil/dashboard': undefined,
        'vigil/rto': '4h',
        'pagerduty.com/service-id': undefined,
      },
    });
    expect(result.level).toBeUndefined();
    expect(result.gap.map(c => [c.level, c.id])).toEqual([
      ['bronze', 'runbook'],
      ['silver', 'on-call'],
      ['silver', 'dashboard'],
      ['gold', 'rto-within-tier'],
    ]);
    expect(result.gap.every(c => c.fix)).toBe(true);
  });

  it('stops the gap at the target level of the tier', () => {
    // tier-2 targets silver: a gold failure lowers the score, not the gap.
    const result = evaluate({
      annotations: { 'vigil/tier': 'tier-2', 'vigil/rto': '2d' },
    });
    expect(result).toMatchObject({
      tier: 'tier-2',
      level: 'silver',
      targetLevel: 'silver',
      gap: [],
    });
    expect(outcomeOf(result, 'rto-within-tier').state).toBe('fail');
    expect(result.score).toBeLessThan(100);
  });

  it('lets a warning pass', () => {
    const result = evaluate({
      annotations: { 'vigil/dr-tested': '2026-09-08' },
    });
    expect(outcomeOf(result, 'dr-tested-recently').state).toBe('warn');
    expect(result).toMatchObject({ score: 100, level: 'gold', gap: [] });
  });

  it('leaves no-data out of the score but holds the level back on it', () => {
    const result = evaluate({ facts: {} });
    expect(outcomeOf(result, 'error-budget-healthy').state).toBe('no-data');
    expect(result.score).toBe(100);
    expect(result.level).toBe('silver');
    expect(result.gap.map(c => c.id)).toEqual(['error-budget-healthy']);
  });

  it('without a tier: no target, and the gap is the next level', () => {
    const result = evaluate({ annotations: { 'vigil/tier': undefined } });
    expect(result.tier).toBeUndefined();
    expect(result.targetLevel).toBeUndefined();
    expect(result.level).toBeUndefined();
    expect(result.gap.map(c => c.id)).toEqual(['tier-declared']);
    expect(outcomeOf(result, 'runbook').state).toBe('not-applicable');
  });

  it('has nothing to say about kinds without reliability metadata', () => {
    const result = evaluate({ kind: 'API' });
    expect(result.checks.every(c => c.state === 'not-applicable')).toBe(true);
    expect(result).toMatchObject({ score: 0, gap: [] });
    expect(result.level).toBeUndefined();
  });

  it('evaluates Systems and Resources, without the lifecycle', () => {
    for (const kind of ['System', 'Resource']) {
      const result = evaluate({ kind });
      expect(outcomeOf(result, 'lifecycle-production').state).toBe(
        'not-applicable',
      );
      expect(result).toMatchObject({ score: 100, level: 'gold' });
    }
  });

  it('never throws on odd input', () => {
    const input = {
      entity: { apiVersion: 'x', kind: 'Component', metadata: { name: 'odd' } },
      related: {},
      facts: undefined,
      policy: DEFAULT_POLICY,
      now,
    } as unknown as ReadinessInput;
    const result = evaluateReadiness(input);
    expect(outcomeOf(result, 'tier-declared').state).toBe('fail');
    expect(result.checks.some(c => c.state === 'error')).toBe(false);
  });

  describe('one source of truth with evaluateMetadataPolicy', () => {
    const broken: ScenarioOptions[] = [
      { annotations: { 'vigil/tier': undefined } },
      { annotations: { 'vigil/tier': 'platinum' } },
      {
        annotations: {
          'vigil/runbook': 'ftp://x',
          'vigil/dashboard': undefined,
          'vigil/rto': '3h',
          'vigil/rpo': 'soon',
          'vigil/dr-strategy': 'pray',
          'vigil/dr-runbook': 'nowhere',
          'vigil/dr-tested': '2025-01-01',
          'pagerduty.com/service-id': undefined,
        },
        spec: { owner: undefined, lifecycle: 'experimental' },
      },
      {
        annotations: { 'vigil/tier': 'tier-2', 'vigil/rto': '2d' },
        spec: { lifecycle: 'experimental' },
      },
      {
        annotations: { 'vigil/tier': 'tier-3', 'vigil/runbook': 'wiki' },
      },
      {
        annotations: { 'vigil/runbook': undefined, 'vigil/rto': '9h' },
        policy: withChecks({
          runbook: { enabledFrom: '2027-01-01' },
          rto: { enabledFrom: '2027-01-01' },
        }),
      },
    ];
    const checkOfRule = (rule: string) =>
      rule === 'metadata-valid'
        ? undefined
        : BUILT_IN_CHECKS.find(c => c.rule === rule)?.id;

    it.each(broken.map((options, i) => [i, options]))(
      'scenario %i: every policy violation fails its check, counted exactly when the policy counts it',
      (_i, options) => {
        const input = scenario(options as ScenarioOptions);
        const { violations } = evaluateMetadataPolicy(
          input.entity,
          input.policy,
          { now: input.now },
        );
        const result = evaluateReadiness(input);
        expect(violations.length).toBeGreaterThan(0);
        const failingFor = (v: (typeof violations)[number]) =>
          result.checks.filter(
            c =>
              c.state === 'fail' &&
              (c.id === checkOfRule(v.rule) || c.message?.includes(v.message)),
          );
        // Each violation fails exactly one check, which quotes it…
        expect(violations.map(v => [v.field, failingFor(v).length])).toEqual(
          violations.map(v => [v.field, 1]),
        );
        expect(
          violations.every(v => failingFor(v)[0].message?.includes(v.message)),
        ).toBe(true);
        // …and counts exactly when the policy counts the rule.
        const ruled = violations.filter(v => v.rule !== 'metadata-valid');
        expect(ruled.map(v => [v.rule, failingFor(v)[0].counts])).toEqual(
          ruled.map(v => [v.rule, !v.pending]),
        );
        // No metadata check fails without a violation behind it.
        const unexplained = result.checks.filter(
          c =>
            c.state === 'fail' &&
            BUILT_IN_CHECKS.find(d => d.id === c.id)?.rule &&
            c.id !== 'owner-resolves' &&
            !violations.some(v => c.message?.includes(v.message)),
        );
        expect(unexplained).toEqual([]);
      },
    );
  });

  describe('enabledFrom', () => {
    const legacy = { related: { dependencies: [tiered('legacy', 'tier-3')] } };

    it('reports a new check before its date without counting it', () => {
      const result = evaluate({
        ...legacy,
        policy: withChecks({
          'dependency-tier': { enabledFrom: '2027-01-01' },
        }),
      });
      expect(outcomeOf(result, 'dependency-tier')).toMatchObject({
        state: 'fail',
        counts: false,
        pending: true,
        enabledFrom: '2027-01-01',
      });
      expect(outcomeOf(result, 'dependency-tier').message).toContain(
        'counts from 2027-01-01',
      );
      expect(result).toMatchObject({ score: 100, level: 'gold', gap: [] });
    });

    it('counts it from its date on', () => {
      const result = evaluate({
        ...legacy,
        now: new Date('2027-01-01T00:00:00Z'),
        annotations: { 'vigil/dr-tested': '2026-12-01' },
        policy: withChecks({
          'dependency-tier': { enabledFrom: '2027-01-01' },
        }),
      });
      expect(outcomeOf(result, 'dependency-tier')).toMatchObject({
        state: 'fail',
        counts: true,
        pending: false,
      });
      expect(result.level).toBe('silver');
    });

    it('does not count a pending check that passes either', () => {
      const result = evaluate({
        policy: withChecks({ 'slo-defined': { enabledFrom: '2027-01-01' } }),
      });
      expect(outcomeOf(result, 'slo-defined')).toMatchObject({
        state: 'pass',
        counts: false,
        pending: true,
      });
    });

    it('reads a metadata check’s date under its policy rule id, as the CLI does', () => {
      const result = evaluate({
        annotations: { 'vigil/dr-tested': undefined },
        policy: withChecks({ 'dr-tested': { enabledFrom: '2027-01-01' } }),
      });
      expect(outcomeOf(result, 'dr-tested-recently')).toMatchObject({
        state: 'fail',
        counts: false,
        pending: true,
        enabledFrom: '2027-01-01',
      });
      expect(result.level).toBe('gold');
    });

    it('ignores a date under the check id where the CLI reads the rule id', () => {
      const result = evaluate({
        annotations: { 'vigil/rto': '9h' },
        policy: withChecks({
          'rto-within-tier': { enabledFrom: '2027-01-01' },
        }),
      });
      expect(outcomeOf(result, 'rto-within-tier')).toMatchObject({
        state: 'fail',
        counts: true,
        pending: false,
      });
      expect(outcomeOf(result, 'rto-within-tier').enabledFrom).toBeUndefined();
    });

    it('reads owner-resolves under its own id, then the owner rule', () => {
      const own = evaluate({
        related: { owner: null },
        policy: withChecks({ 'owner-resolves': { enabledFrom: '2027-01-01' } }),
      });
      expect(outcomeOf(own, 'owner-resolves')).toMatchObject({
        state: 'fail',
        pending: true,
        counts: false,
      });
      const rule = evaluate({
        related: { owner: null },
        policy: withChecks({ owner: { enabledFrom: '2027-01-01' } }),
      });
      expect(outcomeOf(rule, 'owner-resolves').pending).toBe(true);
    });

    it('still counts an invalid value under a pending rule, as the CLI does', () => {
      const result = evaluate({
        annotations: { 'vigil/runbook': 'wiki/orders' },
        policy: withChecks({ runbook: { enabledFrom: '2027-01-01' } }),
      });
      expect(outcomeOf(result, 'runbook')).toMatchObject({
        state: 'fail',
        counts: true,
        pending: false,
      });
    });

    it('applies to custom checks', () => {
      const result = evaluate({
        customChecks: [custom({ evaluate: () => ({ state: 'fail' }) })],
        policy: withChecks({
          'acme/load-tested': { enabledFrom: '2027-01-01' },
        }),
      });
      expect(outcomeOf(result, 'acme/load-tested')).toMatchObject({
        state: 'fail',
        counts: false,
        pending: true,
        custom: true,
      });
    });
  });

  describe('dependency-tier on both sides', () => {
    const checkout = entity(
      'Component',
      'checkout',
      { 'vigil/tier': 'tier-0' },
      { type: 'service', owner: 'checkout-team', lifecycle: 'production' },
    );
    const legacy = entity(
      'Component',
      'legacy-pricing',
      { 'vigil/tier': 'tier-3' },
      { type: 'service', owner: 'checkout-team', lifecycle: 'production' },
    );
    const base = (subject: typeof checkout): ReadinessInput => ({
      ...scenario(),
      entity: subject,
    });

    it('fails the critical service that depends on a less critical one', () => {
      const result = evaluateReadiness({
        ...base(checkout),
        related: { ...base(checkout).related, dependencies: [legacy] },
      });
      const outcome = outcomeOf(result, 'dependency-tier');
      expect(outcome.state).toBe('fail');
      expect(outcome.message).toContain(
        'this tier-0 component depends on tier-3 component:default/legacy-pricing',
      );
      expect(outcome.fix).toContain(
        '# in the catalog-info.yaml of component:default/legacy-pricing',
      );
      expect(outcome.fix).toContain('vigil/tier: tier-0');
    });

    it('warns the dependency that a more critical service relies on it', () => {
      const result = evaluateReadiness({
        ...base(legacy),
        related: {
          ...base(legacy).related,
          dependencies: [],
          dependents: [checkout],
        },
      });
      const outcome = outcomeOf(result, 'dependency-tier');
      expect(outcome.state).toBe('warn');
      expect(outcome.message).toContain(
        'tier-0 component:default/checkout depends on this tier-3 component',
      );
      expect(outcome.fix).toBe(
        'metadata:\n  annotations:\n    vigil/tier: tier-0',
      );
    });

    it('names both when an entity is on both sides', () => {
      const middle = entity('Component', 'middle', { 'vigil/tier': 'tier-1' });
      const result = evaluateReadiness({
        ...base(middle),
        related: {
          ...base(middle).related,
          dependencies: [legacy],
          dependents: [checkout],
        },
      });
      const outcome = outcomeOf(result, 'dependency-tier');
      expect(outcome.state).toBe('fail');
      expect(outcome.message).toContain('depends on tier-3');
      expect(outcome.message).toContain(
        'tier-0 component:default/checkout depends on this tier-1 component',
      );
    });

    it('reads tiers of related entities through the policy conventions', () => {
      const tagged = {
        ...entity('Resource', 'old-db', {}),
        metadata: { name: 'old-db', namespace: 'default', tags: ['tier:low'] },
      };
      const result = evaluateReadiness({
        ...base(checkout),
        related: { ...base(checkout).related, dependencies: [tagged] },
      });
      expect(outcomeOf(result, 'dependency-tier').message).toContain(
        'tier-3 resource:default/old-db',
      );
    });

    it('ignores dependencies of kinds without tiers', () => {
      const api = { ...entity('API', 'orders-api', {}), spec: {} };
      const result = evaluateReadiness({
        ...base(checkout),
        related: { ...base(checkout).related, dependencies: [api] },
      });
      expect(outcomeOf(result, 'dependency-tier').state).toBe('pass');
    });
  });

  describe('custom checks', () => {
    it('are evaluated with the entity, its related entities and the facts', () => {
      let seen: ReadinessCheckContext | undefined;
      const result = evaluate({
        facts: { loadTest: '2026-11-01' },
        customChecks: [
          custom({
            evaluate: ctx => {
              seen = ctx;
              return { state: 'fail', message: 'no load test', fix: 'x: y' };
            },
          }),
        ],
      });
      expect(seen?.tier).toBe('tier-0');
      expect(seen?.profile.runbook?.url).toContain('runbooks/orders');
      expect(seen?.facts).toEqual({ loadTest: '2026-11-01' });
      expect(seen?.now).toBe(now);
      expect(seen?.relatedEntities.map(e => e.metadata.name)).toEqual([
        'checkout-team',
        'orders-db',
        'orders-availability',
        'orders-latency',
      ]);
      expect(outcomeOf(result, 'acme/load-tested')).toMatchObject({
        state: 'fail',
        message: 'no load test',
        fix: 'x: y',
        level: 'gold',
        weight: 1,
        counts: true,
        custom: true,
      });
      expect(result.level).toBe('silver');
    });

    it('that throw give error, never a fail', () => {
      const result = evaluate({
        customChecks: [
          custom({
            evaluate: () => {
              throw new Error('load-test API timed out');
            },
          }),
        ],
      });
      expect(outcomeOf(result, 'acme/load-tested')).toMatchObject({
        state: 'error',
        message:
          'the check acme/load-tested could not be evaluated: load-test API timed out',
      });
      expect(result).toMatchObject({ score: 100, level: 'gold', gap: [] });
    });

    it('that return something else than a result give error', () => {
      const result = evaluate({
        customChecks: [
          custom({
            evaluate: () => ({ state: 'great' } as unknown as CheckResult),
          }),
        ],
      });
      expect(outcomeOf(result, 'acme/load-tested').state).toBe('error');
      expect(outcomeOf(result, 'acme/load-tested').message).toContain(
        'not a result with a state',
      );
    });

    it('that are asynchronous give error in the synchronous evaluator', () => {
      const result = evaluate({
        customChecks: [custom({ evaluate: async () => ({ state: 'pass' }) })],
      });
      expect(outcomeOf(result, 'acme/load-tested').message).toContain(
        'use evaluateReadinessAsync',
      );
    });

    it('that are asynchronous are awaited by evaluateReadinessAsync', async () => {
      const result = await evaluateReadinessAsync(
        scenario({
          customChecks: [
            custom({
              evaluate: async () => ({ state: 'fail', message: 'no' }),
            }),
            custom({
              id: 'acme/rejects',
              evaluate: async () => {
                throw new Error('boom');
              },
            }),
            custom({ id: 'acme/sync', evaluate: () => ({ state: 'warn' }) }),
          ],
        }),
      );
      expect(
        result.checks.filter(c => c.custom).map(c => [c.id, c.state]),
      ).toEqual([
        ['acme/load-tested', 'fail'],
        ['acme/rejects', 'error'],
        ['acme/sync', 'warn'],
      ]);
      expect(result.level).toBe('silver');
      expect(result.gap.map(c => c.id)).toEqual(['acme/load-tested']);
    });

    it('apply by kind (component when unsaid) and tier', () => {
      const checks = [
        custom({ id: 'a/any-tier' }),
        custom({ id: 'a/tier-3-only', tiers: [3] }),
        custom({ id: 'a/systems', kinds: ['System'] }),
      ];
      const component = evaluate({ customChecks: checks });
      expect(
        component.checks.filter(c => c.custom).map(c => [c.id, c.state]),
      ).toEqual([
        ['a/any-tier', 'pass'],
        ['a/tier-3-only', 'not-applicable'],
        ['a/systems', 'not-applicable'],
      ]);
      const system = evaluate({ kind: 'System', customChecks: checks });
      expect(outcomeOf(system, 'a/systems').state).toBe('pass');
      expect(outcomeOf(system, 'a/any-tier').state).toBe('not-applicable');
    });

    it('may not reuse an id', () => {
      const result = evaluate({
        customChecks: [custom({ id: 'runbook' })],
      });
      const runbooks = result.checks.filter(c => c.id === 'runbook');
      expect(runbooks.map(c => c.state)).toEqual(['pass', 'error']);
      expect(runbooks[1].message).toContain('used twice');
    });

    it('take their weight and an unknown level as the highest', () => {
      const result = evaluate({
        customChecks: [
          custom({
            level: 'platinum',
            weight: 33,
            evaluate: () => ({ state: 'fail' }),
          }),
        ],
      });
      expect(outcomeOf(result, 'acme/load-tested')).toMatchObject({
        level: 'gold',
        weight: 33,
      });
      expect(result.score).toBe(50);
    });

    it('can be exempted', () => {
      const result = evaluate({
        customChecks: [custom({ evaluate: () => ({ state: 'fail' }) })],
        exemptions: [
          {
            checkId: 'acme/load-tested',
            reason: 'load test environment being rebuilt',
            grantedBy: 'user:default/sre-lead',
            expiresAt: '2027-01-01T00:00:00Z',
          },
        ],
      });
      expect(outcomeOf(result, 'acme/load-tested').state).toBe('exempt');
      expect(result.level).toBe('gold');
    });
  });

  describe('policy', () => {
    it('maps built-in levels by rank onto other level names', () => {
      const policy: ReliabilityPolicy = {
        ...DEFAULT_POLICY,
        levels: ['basic', 'good', 'great', 'excellent'],
        tiers: Object.fromEntries(
          Object.entries(DEFAULT_POLICY.tiers).map(([t, p]) => [
            t,
            { ...p, targetLevel: 'excellent' },
          ]),
        ),
      };
      const result = evaluate({ policy });
      expect(outcomeOf(result, 'runbook').level).toBe('basic');
      expect(outcomeOf(result, 'dashboard').level).toBe('great');
      expect(outcomeOf(result, 'rto-within-tier').level).toBe('excellent');
      expect(result).toMatchObject({
        level: 'excellent',
        targetLevel: 'excellent',
      });
    });

    it('will take a level and a weight per check once the policy holds them', () => {
      const result = evaluate({
        annotations: { 'vigil/runbook': undefined },
        policy: withChecks({ runbook: { level: 'gold', weight: 30 } }),
      });
      expect(outcomeOf(result, 'runbook')).toMatchObject({
        level: 'gold',
        weight: 30,
      });
      expect(result.level).toBe('silver');
      expect(result.score).toBe(50);
    });

    it('counts techdocs only when the policy lists it', () => {
      const listed = evaluate({
        annotations: { 'backstage.io/techdocs-ref': undefined },
        policy: withChecks({ techdocs: {} }),
      });
      expect(outcomeOf(listed, 'techdocs')).toMatchObject({
        state: 'fail',
        counts: true,
      });
      expect(listed.level).toBe('bronze');
      const unlisted = evaluate({
        annotations: { 'backstage.io/techdocs-ref': undefined },
      });
      expect(outcomeOf(unlisted, 'techdocs')).toMatchObject({
        state: 'not-applicable',
        counts: false,
      });
      expect(outcomeOf(unlisted, 'techdocs').message).toContain(
        'it would fail',
      );
    });

    it('takes the limits of the tier', () => {
      const policy = policyWithTier('tier-0', {
        minSloTarget: 0.99,
        requiredSloKinds: ['availability'],
        maxDrTestAgeDays: 30,
      });
      const result = evaluate({
        policy,
        related: { slos: [slo('orders-availability', 'availability', 0.995)] },
      });
      expect(outcomeOf(result, 'slo-target-meets-tier').state).toBe('pass');
      expect(outcomeOf(result, 'slo-defined').state).toBe('pass');
      expect(outcomeOf(result, 'dr-tested-recently').state).toBe('fail');
    });
  });

  it('offers fixes that are valid YAML', () => {
    const result = evaluate({
      annotations: {
        'vigil/runbook': undefined,
        'vigil/dr-tested': '2026-09-08',
        'vigil/rto': '2h',
        'vigil/tier': 'tier-0',
        'backstage.io/techdocs-ref': undefined,
      },
      spec: { lifecycle: 'experimental' },
      related: {
        owner: null,
        slos: [],
        dependencies: [tiered('legacy', 'tier-3')],
      },
      policy: withChecks({ techdocs: {} }),
    });
    const fixes = result.checks.filter(c => c.fix);
    expect(fixes.map(c => c.id).sort()).toEqual(
      [
        'dependency-tier',
        'dr-tested-recently',
        'lifecycle-production',
        'owner-resolves',
        'rto-within-tier',
        'runbook',
        'slo-defined',
        'techdocs',
      ].sort(),
    );
    for (const c of fixes) {
      const docs = parseAllDocuments(c.fix ?? '');
      for (const doc of docs) {
        expect([c.id, doc.errors]).toEqual([c.id, []]);
        // Annotation values are strings, as the catalog requires.
        const annotations = (doc.toJS()?.metadata?.annotations ?? {}) as Record<
          string,
          unknown
        >;
        for (const value of Object.values(annotations)) {
          expect(typeof value).toBe('string');
        }
      }
    }
  });
});
