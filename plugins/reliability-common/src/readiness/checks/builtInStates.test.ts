/*
 * Every built-in check in every state it can take (table-driven), and a
 * guard that the table covers them all.
 */
import { CheckState } from '../../checks';
import { DEFAULT_POLICY } from '../../policy/defaults';
import {
  check,
  group,
  HEALTHY_BUDGETS,
  policyWithTier,
  ScenarioOptions,
  slo,
  tiered,
  user,
} from '../__fixtures__/scenario';
import { BUILT_IN_CHECKS } from '.';

type Row = [
  id: string,
  state: CheckState,
  situation: string,
  options: ScenarioOptions,
  message?: string,
];

const tier = (label: string | undefined) => ({
  annotations: { 'vigil/tier': label },
});
const annotations = (changes: Record<string, string | undefined>) => ({
  annotations: changes,
});
const budgets = (availability: unknown, latency: unknown = undefined) => ({
  facts: {
    'error-budget': {
      'slo:default/orders-availability': availability,
      ...(latency ? { 'slo:default/orders-latency': latency } : {}),
    },
  },
  related: { slos: [slo('orders-availability', 'availability')] },
});
const techdocsListed = {
  ...DEFAULT_POLICY,
  checks: { techdocs: {} },
};
const throwingFacts = {
  get 'error-budget'(): unknown {
    throw new Error('budget store unreachable');
  },
};

const ROWS: Row[] = [
  // tier-declared
  ['tier-declared', 'pass', 'vigil/tier set', {}, 'tier-0'],
  [
    'tier-declared',
    'pass',
    'tier from a convention tag',
    { ...tier(undefined), tags: ['tier:critical'] },
    'from the tag tier:critical',
  ],
  [
    'tier-declared',
    'fail',
    'no tier',
    tier(undefined),
    'metadata.annotations.vigil/tier is missing',
  ],
  ['tier-declared', 'fail', 'invalid tier', tier('critical'), '"critical"'],
  ['tier-declared', 'not-applicable', 'kind API', { kind: 'API' }],

  // owner-resolves
  [
    'owner-resolves',
    'pass',
    'owner is a Group',
    {},
    'owned by group:default/checkout-team',
  ],
  [
    'owner-resolves',
    'fail',
    'owner not in the catalog',
    { related: { owner: null } },
    'spec.owner names group:default/checkout-team, which is not in the catalog',
  ],
  [
    'owner-resolves',
    'fail',
    'owner is a User',
    { spec: { owner: 'user:jdoe' }, related: { owner: user() } },
    'a User, not a Group',
  ],
  [
    'owner-resolves',
    'fail',
    'spec.owner missing on tier-0',
    { spec: { owner: undefined } },
    'spec.owner is missing',
  ],
  [
    'owner-resolves',
    'fail',
    'spec.owner not a reference',
    { spec: { owner: 'group:' } },
    'not an entity reference',
  ],
  [
    'owner-resolves',
    'no-data',
    'owner not looked up',
    { related: { owner: undefined } },
    'not been looked up',
  ],
  [
    'owner-resolves',
    'not-applicable',
    'no owner, not required',
    { ...tier(undefined), spec: { owner: undefined } },
  ],
  ['owner-resolves', 'not-applicable', 'kind Group', { kind: 'Group' }],

  // runbook
  [
    'runbook',
    'pass',
    'annotation',
    {},
    'https://wiki.example.com/runbooks/orders',
  ],
  [
    'runbook',
    'fail',
    'missing on tier-0',
    annotations({ 'vigil/runbook': undefined }),
    'metadata.annotations.vigil/runbook is missing',
  ],
  [
    'runbook',
    'fail',
    'invalid URL, even on tier-3',
    annotations({ 'vigil/tier': 'tier-3', 'vigil/runbook': 'wiki/orders' }),
    'an absolute https:// or http:// URL',
  ],
  [
    'runbook',
    'not-applicable',
    'tier-3 does not require it',
    tier('tier-3'),
    'not required for tier-3',
  ],
  [
    'runbook',
    'not-applicable',
    'no tier',
    tier(undefined),
    'declare metadata.annotations.vigil/tier',
  ],

  // on-call
  ['on-call', 'pass', 'PagerDuty', {}, 'pagerduty'],
  [
    'on-call',
    'fail',
    'missing on tier-2',
    annotations({
      'vigil/tier': 'tier-2',
      'pagerduty.com/service-id': undefined,
    }),
    'required for tier-2',
  ],
  ['on-call', 'not-applicable', 'tier-3', tier('tier-3')],

  // dashboard
  ['dashboard', 'pass', 'annotation', {}, 'grafana'],
  [
    'dashboard',
    'fail',
    'missing on tier-1',
    annotations({ 'vigil/tier': 'tier-1', 'vigil/dashboard': undefined }),
    'vigil/dashboard is missing',
  ],
  ['dashboard', 'not-applicable', 'tier-2', tier('tier-2')],

  // dr-strategy
  ['dr-strategy', 'pass', 'declared', {}, 'active-active'],
  [
    'dr-strategy',
    'fail',
    'missing',
    annotations({ 'vigil/dr-strategy': undefined }),
    'vigil/dr-strategy is missing',
  ],
  [
    'dr-strategy',
    'fail',
    'unknown strategy',
    annotations({ 'vigil/dr-strategy': 'hope' }),
    '"hope"',
  ],
  [
    'dr-strategy',
    'fail',
    'broken DR runbook URL',
    annotations({ 'vigil/dr-runbook': 'not a url' }),
    'vigil/dr-runbook',
  ],
  ['dr-strategy', 'not-applicable', 'tier-2', tier('tier-2')],

  // lifecycle-production
  ['lifecycle-production', 'pass', 'production', {}],
  [
    'lifecycle-production',
    'fail',
    'experimental tier-0',
    { spec: { lifecycle: 'experimental' } },
    'spec.lifecycle has "experimental"',
  ],
  [
    'lifecycle-production',
    'not-applicable',
    'a System',
    { kind: 'System' },
    'only Components',
  ],
  [
    'lifecycle-production',
    'not-applicable',
    'tier-2',
    { ...tier('tier-2'), spec: { lifecycle: 'experimental' } },
  ],

  // rto-within-tier
  ['rto-within-tier', 'pass', '1h on tier-0', {}, 'RTO 1h'],
  [
    'rto-within-tier',
    'pass',
    'declared on tier-2 within its limit',
    annotations({ 'vigil/tier': 'tier-2', 'vigil/rto': '4h' }),
  ],
  [
    'rto-within-tier',
    'fail',
    'missing on tier-0',
    annotations({ 'vigil/rto': undefined }),
    'vigil/rto is missing',
  ],
  [
    'rto-within-tier',
    'fail',
    'over the tier-0 limit',
    annotations({ 'vigil/rto': '2h' }),
    'at most 1h for tier-0',
  ],
  [
    'rto-within-tier',
    'fail',
    'over the tier-2 limit though not required',
    annotations({ 'vigil/tier': 'tier-2', 'vigil/rto': '2d' }),
    'at most 1d for tier-2',
  ],
  [
    'rto-within-tier',
    'fail',
    'unparseable',
    annotations({ 'vigil/rto': '1 hour' }),
    '"1 hour"',
  ],
  [
    'rto-within-tier',
    'not-applicable',
    'not declared on tier-2',
    annotations({ 'vigil/tier': 'tier-2', 'vigil/rto': undefined }),
  ],

  // rpo-within-tier
  ['rpo-within-tier', 'pass', '15m on tier-0', {}, 'RPO 15m'],
  [
    'rpo-within-tier',
    'fail',
    'missing on tier-0',
    annotations({ 'vigil/rpo': undefined }),
    'vigil/rpo is missing',
  ],
  [
    'rpo-within-tier',
    'fail',
    'over the limit',
    annotations({ 'vigil/rpo': '1h' }),
    'at most 15m for tier-0',
  ],
  [
    'rpo-within-tier',
    'not-applicable',
    'not declared on tier-3',
    annotations({ 'vigil/tier': 'tier-3', 'vigil/rpo': undefined }),
  ],

  // dr-tested-recently
  [
    'dr-tested-recently',
    'pass',
    '56 days old on tier-0',
    {},
    'due by 2026-12-31',
  ],
  [
    'dr-tested-recently',
    'warn',
    '80 of 90 days old',
    annotations({ 'vigil/dr-tested': '2026-09-08' }),
    'due by 2026-12-07 (in 10 days)',
  ],
  [
    'dr-tested-recently',
    'warn',
    'due today',
    annotations({ 'vigil/dr-tested': '2026-08-29' }),
    '(today)',
  ],
  [
    'dr-tested-recently',
    'fail',
    '118 days old',
    annotations({ 'vigil/dr-tested': '2026-08-01' }),
    '118 days old',
  ],
  [
    'dr-tested-recently',
    'fail',
    'missing on tier-0',
    annotations({ 'vigil/dr-tested': undefined }),
    'vigil/dr-tested is missing',
  ],
  [
    'dr-tested-recently',
    'fail',
    'in the future',
    annotations({ 'vigil/dr-tested': '2027-01-01' }),
    'not in the future',
  ],
  [
    'dr-tested-recently',
    'not-applicable',
    'tier-3 sets no maximum age',
    annotations({ 'vigil/tier': 'tier-3' }),
  ],

  // slo-defined
  [
    'slo-defined',
    'pass',
    'availability and latency',
    {},
    'latency: slo:default/orders-latency',
  ],
  [
    'slo-defined',
    'fail',
    'latency missing',
    { related: { slos: [slo('orders-availability', 'availability')] } },
    'no latency SLO',
  ],
  ['slo-defined', 'fail', 'none', { related: { slos: [] } }, 'it has none'],
  [
    'slo-defined',
    'not-applicable',
    'tier-2 requires none',
    tier('tier-2'),
    'tier-2 requires no SLO',
  ],

  // slo-target-meets-tier
  [
    'slo-target-meets-tier',
    'pass',
    'targets at the minimum',
    {},
    'at or above 0.9995',
  ],
  [
    'slo-target-meets-tier',
    'fail',
    'a target below',
    { related: { slos: [slo('orders-availability', 'availability', 0.999)] } },
    'spec.objectives[0].target (availability) is 0.999; tier-0 requires at least 0.9995',
  ],
  [
    'slo-target-meets-tier',
    'not-applicable',
    'no SLO',
    { related: { slos: [] } },
    'see slo-defined',
  ],
  [
    'slo-target-meets-tier',
    'not-applicable',
    'tier without a minimum',
    { policy: policyWithTier('tier-0', { minSloTarget: undefined }) },
  ],

  // error-budget-healthy
  [
    'error-budget-healthy',
    'pass',
    'healthy budgets',
    {},
    'healthy (80 % of the budget left)',
  ],
  [
    'error-budget-healthy',
    'warn',
    'at risk',
    budgets({ state: 'at-risk', remaining: 0.4 }),
    'budget at risk',
  ],
  [
    'error-budget-healthy',
    'warn',
    'healthy but under 25 %',
    budgets({ state: 'healthy', remaining: 0.2 }),
    'only 20 % of the budget left',
  ],
  [
    'error-budget-healthy',
    'fail',
    'exhausted',
    budgets({ state: 'exhausted', remaining: -0.1 }),
    'budget exhausted (-10 %',
  ],
  [
    'error-budget-healthy',
    'warn',
    'an ErrorBudgetResult of the budget maths, 10 % left',
    budgets({
      state: 'healthy',
      action: 'none',
      errorBudget: { remaining: 0.1 },
    }),
    'only 10 % of the budget left',
  ],
  [
    'error-budget-healthy',
    'fail',
    'one objective of two exhausted',
    budgets([
      { state: 'healthy', remaining: 0.9 },
      { state: 'exhausted', remaining: 0 },
    ]),
    'budget exhausted (0 %',
  ],
  [
    'error-budget-healthy',
    'fail',
    'burning',
    budgets({ state: 'burning', remaining: 0.5 }),
    'burning',
  ],
  [
    'error-budget-healthy',
    'no-data',
    'no fact at all',
    { facts: {} },
    'no budget data yet',
  ],
  [
    'error-budget-healthy',
    'no-data',
    'fact says no-data',
    budgets({ state: 'no-data' }),
    'no SLI data',
  ],
  [
    'error-budget-healthy',
    'no-data',
    'malformed fact',
    budgets({ state: 'fine' }),
  ],
  [
    'error-budget-healthy',
    'not-applicable',
    'no SLO',
    { related: { slos: [] } },
  ],
  [
    'error-budget-healthy',
    'error',
    'the fact source throws',
    { facts: throwingFacts },
    'budget store unreachable',
  ],

  // dependency-tier
  ['dependency-tier', 'pass', 'depends on a tier-0 resource', {}],
  [
    'dependency-tier',
    'pass',
    'no dependencies',
    { related: { dependencies: [] } },
    'depends on no',
  ],
  [
    'dependency-tier',
    'fail',
    'depends on a tier-3 component',
    { related: { dependencies: [tiered('legacy', 'tier-3')] } },
    'depends on tier-3 component:default/legacy',
  ],
  [
    'dependency-tier',
    'warn',
    'a tier-0 service depends on this tier-2 one',
    {
      ...tier('tier-2'),
      related: { dependencies: [], dependents: [tiered('checkout', 'tier-0')] },
    },
    'tier-0 component:default/checkout depends on this tier-2 component',
  ],
  [
    'dependency-tier',
    'no-data',
    'dependency without a tier',
    { related: { dependencies: [tiered('cache')] } },
    'tier of component:default/cache is unknown',
  ],
  ['dependency-tier', 'not-applicable', 'no tier', tier(undefined)],

  // techdocs
  [
    'techdocs',
    'pass',
    'listed by the policy and present',
    { policy: techdocsListed },
    'documentation at dir:.',
  ],
  [
    'techdocs',
    'fail',
    'listed and missing',
    {
      policy: techdocsListed,
      annotations: { 'backstage.io/techdocs-ref': undefined },
    },
    'backstage.io/techdocs-ref is missing',
  ],
  [
    'techdocs',
    'fail',
    'listed, annotated, but no docs found',
    { policy: techdocsListed, facts: { ...HEALTHY_BUDGETS, techdocs: false } },
    'no documentation was found',
  ],
  ['techdocs', 'not-applicable', 'not listed by the policy', {}, 'optional'],
];

describe('built-in checks', () => {
  // Rows padded to one shape: jest would take a missing last cell for `done`.
  const cases = ROWS.map(
    ([id, state, situation, options, message]) =>
      [id, state, situation, { options, message }] as const,
  );
  it.each(cases)(
    '%s is %s: %s',
    (id, state, _situation, { options, message }) => {
      const outcome = check(id, options);
      expect(outcome.state).toBe(state);
      expect(outcome.message ?? '').toContain(message ?? '');
      // Every non-pass result says why.
      expect(state === 'pass' || Boolean(outcome.message)).toBe(true);
      expect(outcome.counts).toBe(state !== 'not-applicable');
    },
  );

  it.each(
    BUILT_IN_CHECKS.filter(c => !['techdocs'].includes(c.id)).map(c => [c.id]),
  )('%s turns exempt under an exemption in force', id => {
    const failing = ROWS.find(
      ([rowId, state]) => rowId === id && state === 'fail',
    );
    const options = failing?.[3] ?? {};
    const outcome = check(id, {
      ...options,
      exemptions: [
        {
          checkId: id,
          reason: 'migration under way',
          grantedBy: 'user:default/sre-lead',
          expiresAt: '2026-12-31T00:00:00Z',
        },
      ],
    });
    expect(outcome.state).toBe('exempt');
    expect(outcome.exemption).toMatchObject({
      expired: false,
      underlyingState: 'fail',
    });
  });

  it('techdocs turns exempt too', () => {
    const outcome = check('techdocs', {
      policy: techdocsListed,
      annotations: { 'backstage.io/techdocs-ref': undefined },
      exemptions: [
        {
          checkId: 'techdocs',
          reason: 'docs live in Confluence',
          grantedBy: 'user:default/sre-lead',
          expiresAt: '2027-01-01T00:00:00Z',
        },
      ],
    });
    expect(outcome.state).toBe('exempt');
  });

  /** The states each check can take besides exempt (covered above). */
  const EXPECTED: Record<string, CheckState[]> = {
    'tier-declared': ['pass', 'fail', 'not-applicable'],
    'owner-resolves': ['pass', 'fail', 'no-data', 'not-applicable'],
    runbook: ['pass', 'fail', 'not-applicable'],
    'on-call': ['pass', 'fail', 'not-applicable'],
    dashboard: ['pass', 'fail', 'not-applicable'],
    'dr-strategy': ['pass', 'fail', 'not-applicable'],
    'lifecycle-production': ['pass', 'fail', 'not-applicable'],
    'rto-within-tier': ['pass', 'fail', 'not-applicable'],
    'rpo-within-tier': ['pass', 'fail', 'not-applicable'],
    'dr-tested-recently': ['pass', 'warn', 'fail', 'not-applicable'],
    'slo-defined': ['pass', 'fail', 'not-applicable'],
    'slo-target-meets-tier': ['pass', 'fail', 'not-applicable'],
    'error-budget-healthy': [
      'pass',
      'warn',
      'fail',
      'no-data',
      'not-applicable',
      'error',
    ],
    'dependency-tier': ['pass', 'warn', 'fail', 'no-data', 'not-applicable'],
    techdocs: ['pass', 'fail', 'not-applicable'],
  };

  it('covers every built-in check in every state it can take', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(
      BUILT_IN_CHECKS.map(c => c.id).sort(),
    );
    for (const [id, states] of Object.entries(EXPECTED)) {
      const covered = new Set(
        ROWS.filter(([rowId]) => rowId === id).map(([, state]) => state),
      );
      expect([id, [...covered].sort()]).toEqual([id, [...states].sort()]);
    }
  });

  it('reads the owner of another namespace with the entity namespace as default', () => {
    const outcome = check('owner-resolves', {
      spec: { owner: 'payments' },
      related: { owner: group('payments') },
    });
    expect(outcome).toMatchObject({
      state: 'pass',
      message: 'owned by group:default/payments',
    });
  });
});
