import { DEFAULT_POLICY } from './defaults';
import { parsePolicy, parsePolicyOrThrow } from './parsePolicy';

describe('parsePolicy', () => {
  it('returns the defaults for an absent policy', () => {
    expect(parsePolicy(undefined)).toEqual({
      policy: DEFAULT_POLICY,
      errors: [],
    });
  });

  it('merges a tier key by key over the defaults', () => {
    const { policy, errors } = parsePolicy({
      tiers: { 'tier-0': { maxRto: '30m', require: ['owner', 'runbook'] } },
      enforcement: {
        default: 'off',
        tiers: { '0': 'enforce' },
        kinds: { Resource: 'warn' },
      },
      checks: { dashboard: { enabledFrom: '2027-01-01' } },
      exemptions: { maxDays: 30 },
    });
    expect(errors).toEqual([]);
    expect(policy.tiers['tier-0']).toEqual({
      ...DEFAULT_POLICY.tiers['tier-0'],
      maxRtoSeconds: 1800,
      require: ['owner', 'runbook'],
    });
    expect(policy.tiers['tier-1']).toEqual(DEFAULT_POLICY.tiers['tier-1']);
    expect(policy.enforcement).toEqual({
      default: 'off',
      tiers: { 'tier-0': 'enforce' },
      kinds: { resource: 'warn' },
    });
    expect(policy.checks).toEqual({ dashboard: { enabledFrom: '2027-01-01' } });
    expect(policy.exemptions.maxDays).toBe(30);
  });

  it('accepts a bare enforcement mode', () => {
    expect(
      parsePolicy({ enforcement: 'enforce' }).policy.enforcement.default,
    ).toBe('enforce');
  });

  it('accepts a Date for enabledFrom (unquoted YAML date)', () => {
    const { policy, errors } = parsePolicy({
      checks: { runbook: { enabledFrom: new Date('2027-03-01T00:00:00Z') } },
    });
    expect(errors).toEqual([]);
    expect(policy.checks.runbook.enabledFrom).toBe('2027-03-01');
  });

  // The policy part of the malformed-input corpus: each config, the key
  // the error must name, and words of the expectation.
  const corpus: Array<[string, unknown, string, string]> = [
    ['policy is a list', [], 'reliability.policy', 'a mapping'],
    ['policy is a string', 'strict', 'reliability.policy', 'a mapping'],
    [
      'unknown top-level key',
      { tier: {} },
      'reliability.policy.tier',
      'known keys are',
    ],
    [
      'levels not a list',
      { levels: 'gold' },
      'reliability.policy.levels',
      'a list of strings',
    ],
    [
      'levels with a number',
      { levels: ['bronze', 2] },
      'reliability.policy.levels',
      'a list of strings',
    ],
    [
      'empty levels',
      { levels: [] },
      'reliability.policy.levels',
      'at least one level',
    ],
    [
      'tiers not a mapping',
      { tiers: ['tier-0'] },
      'reliability.policy.tiers',
      'a mapping',
    ],
    [
      'unknown tier',
      { tiers: { 'tier-4': {} } },
      'reliability.policy.tiers.tier-4',
      'a tier among',
    ],
    [
      'tier named by word',
      { tiers: { critical: {} } },
      'reliability.policy.tiers.critical',
      'a tier among',
    ],
    [
      'tier not a mapping',
      { tiers: { 'tier-0': 'gold' } },
      'reliability.policy.tiers.tier-0',
      'a mapping',
    ],
    [
      'unknown tier key',
      { tiers: { 'tier-0': { maxRTO: '1h' } } },
      'reliability.policy.tiers.tier-0.maxRTO',
      'known keys are',
    ],
    [
      'maxRto in words',
      { tiers: { 'tier-0': { maxRto: '1 hour' } } },
      'reliability.policy.tiers.tier-0.maxRto',
      'a duration such as',
    ],
    [
      'maxRto a number',
      { tiers: { 'tier-0': { maxRto: 3600 } } },
      'reliability.policy.tiers.tier-0.maxRto',
      'a duration such as',
    ],
    [
      'maxRto in months',
      { tiers: { 'tier-1': { maxRto: '1M' } } },
      'reliability.policy.tiers.tier-1.maxRto',
      'units s, m, h, d, w',
    ],
    [
      'maxRpo zero',
      { tiers: { 'tier-0': { maxRpo: '0m' } } },
      'reliability.policy.tiers.tier-0.maxRpo',
      'a duration such as',
    ],
    [
      'maxRpo fractional',
      { tiers: { 'tier-2': { maxRpo: '1.5h' } } },
      'reliability.policy.tiers.tier-2.maxRpo',
      'a duration such as',
    ],
    [
      'maxDrTestAge plain number',
      { tiers: { 'tier-0': { maxDrTestAge: 90 } } },
      'reliability.policy.tiers.tier-0.maxDrTestAge',
      'a duration such as',
    ],
    [
      'minSloTarget 1',
      { tiers: { 'tier-0': { minSloTarget: 1 } } },
      'reliability.policy.tiers.tier-0.minSloTarget',
      'no error budget',
    ],
    [
      'minSloTarget percent',
      { tiers: { 'tier-0': { minSloTarget: 99.95 } } },
      'reliability.policy.tiers.tier-0.minSloTarget',
      'in [0, 1)',
    ],
    [
      'minSloTarget negative',
      { tiers: { 'tier-3': { minSloTarget: -0.5 } } },
      'reliability.policy.tiers.tier-3.minSloTarget',
      'in [0, 1)',
    ],
    [
      'minSloTarget string',
      { tiers: { 'tier-0': { minSloTarget: '0.999' } } },
      'reliability.policy.tiers.tier-0.minSloTarget',
      'a number',
    ],
    [
      'require not a list',
      { tiers: { 'tier-0': { require: 'runbook' } } },
      'reliability.policy.tiers.tier-0.require',
      'a list of strings',
    ],
    [
      'require unknown id',
      { tiers: { 'tier-0': { require: ['runbook', 'pager'] } } },
      'reliability.policy.tiers.tier-0.require',
      'only values among',
    ],
    [
      'targetLevel not a level',
      { tiers: { 'tier-0': { targetLevel: 'platinum' } } },
      'reliability.policy.tiers.tier-0.targetLevel',
      'one of the levels',
    ],
    [
      'targetLevel a number',
      { tiers: { 'tier-0': { targetLevel: 3 } } },
      'reliability.policy.tiers.tier-0.targetLevel',
      'the name of a level',
    ],
    [
      'levels drop a used level',
      { levels: ['bronze', 'silver'] },
      'reliability.policy.tiers.tier-0.targetLevel',
      'one of the levels bronze, silver',
    ],
    [
      'requiredSloKinds a string',
      { tiers: { 'tier-0': { requiredSloKinds: 'latency' } } },
      'reliability.policy.tiers.tier-0.requiredSloKinds',
      'a list of strings',
    ],
    [
      'enforcement unknown',
      { enforcement: 'block' },
      'reliability.policy.enforcement',
      'one of off, warn, enforce',
    ],
    [
      'enforcement boolean',
      { enforcement: true },
      'reliability.policy.enforcement',
      'a mapping',
    ],
    [
      'enforcement default unknown',
      { enforcement: { default: 'strict' } },
      'reliability.policy.enforcement.default',
      'one of off, warn, enforce',
    ],
    [
      'enforcement unknown key',
      { enforcement: { tier: {} } },
      'reliability.policy.enforcement.tier',
      'known keys are',
    ],
    [
      'enforcement tier unknown',
      { enforcement: { tiers: { 'tier-9': 'warn' } } },
      'reliability.policy.enforcement.tiers.tier-9',
      'a tier among',
    ],
    [
      'enforcement tier mode unknown',
      { enforcement: { tiers: { 'tier-0': 'yes' } } },
      'reliability.policy.enforcement.tiers.tier-0',
      'one of off, warn, enforce',
    ],
    [
      'enforcement kinds not a mapping',
      { enforcement: { kinds: ['component'] } },
      'reliability.policy.enforcement.kinds',
      'a mapping',
    ],
    [
      'enforcement kind mode unknown',
      { enforcement: { kinds: { component: 'on' } } },
      'reliability.policy.enforcement.kinds.component',
      'one of off, warn, enforce',
    ],
    [
      'check not a mapping',
      { checks: { runbook: '2027-01-01' } },
      'reliability.policy.checks.runbook',
      'a mapping',
    ],
    [
      'check unknown key',
      { checks: { runbook: { from: '2027-01-01' } } },
      'reliability.policy.checks.runbook.from',
      'known keys are',
    ],
    [
      'enabledFrom not a date',
      { checks: { runbook: { enabledFrom: 'next year' } } },
      'reliability.policy.checks.runbook.enabledFrom',
      'YYYY-MM-DD',
    ],
    [
      'enabledFrom US date',
      { checks: { runbook: { enabledFrom: '01/02/2027' } } },
      'reliability.policy.checks.runbook.enabledFrom',
      'YYYY-MM-DD',
    ],
    [
      'conventions unknown key',
      { conventions: { tags: {} } },
      'reliability.policy.conventions.tags',
      'known keys are',
    ],
    [
      'tierTags to a bad tier',
      { conventions: { tierTags: { 'tier:critical': 'tier-7' } } },
      'reliability.policy.conventions.tierTags.tier:critical',
      'a tier among',
    ],
    [
      'runbookLinkTitles a string',
      { conventions: { runbookLinkTitles: 'Runbook' } },
      'reliability.policy.conventions.runbookLinkTitles',
      'a list of strings',
    ],
    [
      'exemptions maxDays zero',
      { exemptions: { maxDays: 0 } },
      'reliability.policy.exemptions.maxDays',
      'at least 1',
    ],
    [
      'exemptions maxDays fractional',
      { exemptions: { maxDays: 1.5 } },
      'reliability.policy.exemptions.maxDays',
      'a whole number',
    ],
    [
      'exemptions unknown key',
      { exemptions: { max: 3 } },
      'reliability.policy.exemptions.max',
      'known keys are',
    ],
  ];

  it.each(corpus)('%s: names %s', (_name, raw, key, expected) => {
    const { errors } = parsePolicy(raw);
    expect(errors.length).toBeGreaterThan(0);
    const error = errors.find(e => e.key === key);
    expect(error).toBeDefined();
    expect(error!.expected).toContain(expected);
    expect(error!.message.startsWith(key)).toBe(true);
  });

  it('reports every problem at once', () => {
    expect(() =>
      parsePolicyOrThrow({
        tiers: { 'tier-0': { maxRto: 'soon', minSloTarget: 1 } },
        enforcement: 'block',
      }),
    ).toThrow(
      /Invalid reliability policy \(3 problems\):\n {2}- reliability\.policy\.tiers\.tier-0\.minSloTarget/,
    );
  });
});
