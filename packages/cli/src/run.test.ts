import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { SaxesParser } from 'saxes';
import { runCli } from './run';

const now = new Date('2026-11-27T12:00:00Z');

/** A Component with the given annotations; `vigil/tier` first, on line 6. */
const entity = (
  name: string,
  annotations: Record<string, string>,
  spec: Record<string, string> = {},
) => {
  const lines = Object.entries(annotations).map(([k, v]) => `    ${k}: ${v}`);
  const specLines = Object.entries({
    type: 'service',
    lifecycle: 'production',
    owner: 'team-a',
    ...spec,
  }).map(([k, v]) => `  ${k}: ${v}`);
  return [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: ${name}`,
    ...(lines.length ? ['  annotations:', ...lines] : []),
    'spec:',
    ...specLines,
    '',
  ].join('\n');
};

/** Every tier-0 requirement met (DESIGN §4 defaults). */
const TIER0 = {
  'vigil/tier': 'tier-0',
  'vigil/runbook': 'https://wiki.example.com/runbooks/orders',
  'vigil/dashboard': 'https://grafana.example.com/d/orders',
  'vigil/rto': '1h',
  'vigil/rpo': '15m',
  'vigil/dr-strategy': 'active-active',
  'vigil/dr-tested': '2026-10-02',
  'pagerduty.com/service-id': 'PORDERS',
};
const CLEAN = entity('orders', TIER0);

/** The dev harness policy (examples/README.md). */
const DEV_POLICY = [
  'app:',
  '  title: ${APP_TITLE}',
  'reliability:',
  '  policy:',
  '    enforcement:',
  '      default: warn',
  '      tiers: { tier-0: enforce }',
  '      kinds: { resource: warn }',
  '    checks:',
  '      dashboard: { enabledFrom: 2027-01-01 }',
  '',
].join('\n');

/** ledger: tier-0 without runbook (line 7 is vigil/rto), RTO 4h. */
const LEDGER = entity('ledger', {
  'vigil/tier': 'tier-0',
  'vigil/rto': '4h',
  'vigil/rpo': '5m',
  'vigil/dr-strategy': 'warm-standby',
  'vigil/dr-tested': '2026-11-10',
  'vigil/dashboard': 'https://grafana.example.com/d/ledger',
  'pagerduty.com/service-id': 'PLEDGER',
});

/** A tier-1 service: no dashboard (pending under DEV_POLICY), RTO 8h (line 7). */
const RETURNS = entity('returns', {
  'vigil/tier': 'tier-1',
  'vigil/rto': '8h',
  'vigil/runbook': 'https://wiki.example.com/runbooks/returns',
  'vigil/rpo': '1h',
  'vigil/dr-strategy': 'backup-restore',
  'vigil/dr-tested': '2026-09-08',
  'pagerduty.com/service-id': 'PRETURN',
});

const SLO = [
  'apiVersion: openslo/v1',
  'kind: SLO',
  'metadata:',
  '  name: orders-availability',
  'spec:',
  '  service: orders',
  '  indicatorRef: orders-requests',
  '  timeWindow:',
  '    - duration: 28d',
  '      isRolling: true',
  '  budgetingMethod: Occurrences',
  '  objectives:',
  '    - target: 0.9995',
  '',
].join('\n');

describe('vigil lint', () => {
  let dir: string;
  const write = (name: string, text: string) => {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
    return name;
  };
  const lint = (...args: string[]) =>
    runCli(['lint', ...args], { cwd: dir, now });
  const lines = (text: string) => text.trimEnd().split('\n');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  describe('exit codes and the human format', () => {
    it('exits 0 on a clean file and says which policy applies on stderr', () => {
      const result = lint(write('clean.yaml', CLEAN));
      expect(result).toEqual({
        exitCode: 0,
        stdout: '0 errors, 0 warnings in 1 entity (1 file)\n',
        stderr:
          'vigil: no --config and no ./app-config.yaml: using the default policy\n',
      });
    });

    it('exits 1 on an enforced finding, with file:line:column, severity, entity, message and rule', () => {
      write('app-config.yaml', DEV_POLICY);
      const result = lint(write('ledger.yaml', LEDGER));
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toBe(
        'vigil: using reliability.policy from ./app-config.yaml (pass --config to choose the file)\n',
      );
      expect(lines(result.stdout)).toEqual([
        // the runbook is missing: pointed at the annotations mapping
        'ledger.yaml:6:5 error component:default/ledger: metadata.annotations.vigil/runbook is missing; expected a runbook URL (or a link of type runbook) (required for tier-0), e.g. "vigil/runbook: https://wiki.example.com/runbooks/orders" [runbook]',
        'ledger.yaml:7:16 error component:default/ledger: metadata.annotations.vigil/rto has "4h"; expected at most 1h for tier-0, e.g. "vigil/rto: 1h" [rto]',
        '2 errors, 0 warnings in 1 entity (1 file)',
      ]);
    });

    it('prints findings under warn as warnings and exits 0, or 1 with --strict', () => {
      write('app-config.yaml', DEV_POLICY);
      write('returns.yaml', RETURNS);
      const result = lint('returns.yaml');
      expect(result.exitCode).toBe(0);
      expect(lines(result.stdout)).toEqual([
        'returns.yaml:6:5 warning component:default/returns: metadata.annotations.vigil/dashboard is missing; expected a dashboard URL (or a link of type dashboard) (required for tier-1), e.g. "vigil/dashboard: https://grafana.example.com/d/orders" [dashboard, pending: counts from 2027-01-01]',
        'returns.yaml:7:16 warning component:default/returns: metadata.annotations.vigil/rto has "8h"; expected at most 4h for tier-1, e.g. "vigil/rto: 4h" [rto]',
        '0 errors, 2 warnings in 1 entity (1 file)',
      ]);
      expect(lint('--strict', 'returns.yaml').exitCode).toBe(1);
    });

    it('never fails on pending findings, not even with --strict, until the rule is enabled', () => {
      write('app-config.yaml', DEV_POLICY);
      const file = write(
        'no-dashboard.yaml',
        entity('orders', { ...TIER0, 'vigil/dashboard': '' }).replace(
          /^ {4}vigil\/dashboard: .*\n/m,
          '',
        ),
      );
      const before = lint('--strict', file);
      expect(before.exitCode).toBe(0);
      expect(before.stdout).toMatch(
        /^no-dashboard\.yaml:6:5 warning .*vigil\/dashboard is missing.*\[dashboard, pending: counts from 2027-01-01\]$/m,
      );
      // from 2027-01-01 on, the rule counts: tier-0 is enforced
      const after = lint('--now', '2027-01-01', file);
      expect(after.exitCode).toBe(1);
      expect(after.stdout).toMatch(
        /^no-dashboard\.yaml:6:5 error .*vigil\/dashboard is missing.*\[dashboard\]$/m,
      );
    });

    it('does not print findings under enforcement off', () => {
      const config = write(
        'off.yaml',
        'reliability:\n  policy:\n    enforcement: off\n',
      );
      const result = lint('--config', config, write('ledger.yaml', LEDGER));
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toBe('0 errors, 0 warnings in 1 entity (1 file)\n');
      const json = JSON.parse(
        lint('--config', config, '--format', 'json', 'ledger.yaml').stdout,
      );
      expect(json.summary).toMatchObject({ suppressed: 2, errors: 0 });
    });

    it('exits 2 on unreadable input, reports it, and still checks the other files', () => {
      write('app-config.yaml', DEV_POLICY);
      write('ledger.yaml', LEDGER);
      const result = lint('missing.yaml', 'ledger.yaml');
      expect(result.exitCode).toBe(2);
      expect(lines(result.stdout)).toEqual([
        'missing.yaml error cannot read file: no such file',
        expect.stringMatching(/^ledger\.yaml:6:5 error /),
        expect.stringMatching(/^ledger\.yaml:7:16 error /),
        '2 errors, 0 warnings in 1 entity (2 files); 1 file could not be fully checked',
      ]);
    });

    it('judges dates against --now (or the given clock)', () => {
      const file = write(
        'future.yaml',
        entity('a', {
          'vigil/tier': 'tier-3',
          'vigil/dr-tested': '2026-12-01',
        }),
      );
      expect(lint(file).stdout).toContain(
        'vigil/dr-tested has "2026-12-01"; expected the date of a DR test that has already happened',
      );
      expect(lint('--now', '2026-12-01', file).stdout).toBe(
        '0 errors, 0 warnings in 1 entity (1 file)\n',
      );
    });

    it('checks every document of a multi-document file, entities and OpenSLO alike', () => {
      write('app-config.yaml', DEV_POLICY);
      const file = write(
        'multi.yaml',
        [
          CLEAN, // lines 1-18 (the last one empty)
          '---', // 19
          SLO.replace('target: 0.9995', 'target: 99.95'), // 20-33
          '---', // 34
          '# a comment, then a non-entity document',
          'just: config',
          '---',
          entity('third', {
            'vigil/tier': '3',
            'vigil/dr-strategy': 'hot-spare',
          }),
        ].join('\n'),
      );
      const result = lint(file);
      expect(result.exitCode).toBe(0);
      expect(lines(result.stdout)).toEqual([
        expect.stringMatching(
          /^multi\.yaml:32:15 warning slo:default\/orders-availability: spec\.objectives\[0\]\.target has "99\.95"; expected a number in \[0, 1\).*\[openslo-valid\]$/,
        ),
        expect.stringMatching(
          /^multi\.yaml:44:24 warning component:default\/third: metadata\.annotations\.vigil\/dr-strategy has "hot-spare".*\[metadata-valid\]$/,
        ),
        '0 errors, 2 warnings in 3 entities (1 file)',
      ]);
    });

    it('says so when a file holds no entity', () => {
      const result = lint(write('config.yaml', 'app:\n  title: x\n'));
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toBe(
        'config.yaml note: no catalog entities (apiVersion, kind, metadata) or OpenSLO documents found\n0 errors, 0 warnings in 0 entities (1 file)\n',
      );
    });
  });

  describe('globs', () => {
    beforeEach(() => {
      write('catalog-info.yaml', CLEAN);
      write('services/a/catalog-info.yaml', LEDGER);
      write('services/b/catalog-info.yaml', RETURNS);
      write('services/b/other.yaml', 'x: 1\n');
      write('node_modules/dep/catalog-info.yaml', 'broken: [\n');
      write('.github/catalog-info.yaml', 'broken: [\n');
      write('app-config.yaml', DEV_POLICY);
    });

    it.each([
      [
        '**/catalog-info.yaml',
        [
          'catalog-info.yaml',
          'services/a/catalog-info.yaml',
          'services/b/catalog-info.yaml',
        ],
      ],
      [
        'services/*/catalog-info.yaml',
        ['services/a/catalog-info.yaml', 'services/b/catalog-info.yaml'],
      ],
      [
        'services/{a,b}/*.yaml',
        [
          'services/a/catalog-info.yaml',
          'services/b/catalog-info.yaml',
          'services/b/other.yaml',
        ],
      ],
      ['services/?/other.yaml', ['services/b/other.yaml']],
      ['services/[a]/catalog-info.yaml', ['services/a/catalog-info.yaml']],
    ])(
      'expands %s itself, sorted, skipping node_modules and dot-directories',
      (glob, files) => {
        const json = JSON.parse(lint('--format', 'json', glob).stdout);
        expect(json.files.map((f: { file: string }) => f.file)).toEqual(files);
      },
    );

    it('lints a file matched twice once, in first-match order', () => {
      const json = JSON.parse(
        lint('--format=json', 'services/b/other.yaml', 'services/**/*.yaml')
          .stdout,
      );
      expect(json.files.map((f: { file: string }) => f.file)).toEqual([
        'services/b/other.yaml',
        'services/a/catalog-info.yaml',
        'services/b/catalog-info.yaml',
      ]);
    });

    it('exits 2 naming every glob that matches nothing, and lints nothing', () => {
      const result = lint('**/catalog-info.yaml', 'docs/**/*.yml', '*.json');
      expect(result).toEqual({
        exitCode: 2,
        stdout: '',
        stderr:
          'vigil: no file matches "docs/**/*.yml"\nvigil: no file matches "*.json"\n',
      });
    });

    it('takes an existing file literally even when its name looks like a glob', () => {
      write('[weird].yaml', CLEAN);
      expect(lint('[weird].yaml').stdout).toBe(
        '0 errors, 0 warnings in 1 entity (1 file)\n',
      );
    });
  });

  describe('the policy from app-config', () => {
    it('merges several --config files, later ones winning', () => {
      write('base.yaml', DEV_POLICY);
      write(
        'strict.yaml',
        'reliability:\n  policy:\n    enforcement:\n      default: enforce\n',
      );
      write('returns.yaml', RETURNS);
      // base alone: tier-1 is warn
      expect(lint('--config', 'base.yaml', 'returns.yaml').exitCode).toBe(0);
      // strict.yaml overrides the default mode only: tier-0 stays enforce
      const both = lint(
        '--config',
        'base.yaml',
        '--config',
        'strict.yaml',
        'returns.yaml',
      );
      expect(both.exitCode).toBe(1);
      expect(both.stdout).toMatch(/^returns\.yaml:7:16 error .*\[rto\]$/m);
      // the pending rule stays a warning under enforce
      expect(both.stdout).toMatch(
        /^returns\.yaml:6:5 warning .*\[dashboard, pending/m,
      );
      expect(both.stderr).toBe('');
    });

    it('uses the default policy, and says so, when the config has no reliability.policy', () => {
      write('app.yaml', 'app:\n  title: x\n');
      const result = lint('--config', 'app.yaml', write('ledger.yaml', LEDGER));
      expect(result.stderr).toBe(
        'vigil: no reliability.policy in app.yaml: using the default policy\n',
      );
      // default enforcement is warn
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(/^0 errors, 2 warnings/m);
    });

    it('exits 2 with every policy error, located in the file that set it', () => {
      write('base.yaml', DEV_POLICY);
      write(
        'bad.yaml',
        [
          'reliability:',
          '  policy:',
          '    enforcement:',
          '      default: block',
          '      tiers: { tier-7: enforce }',
          '    tiers:',
          '      tier-0: { maxRto: soon, minSloTarget: 1 }',
          '    checks:',
          '      dashboard: { enabledFrom: next year }',
          '',
        ].join('\n'),
      );
      write('ledger.yaml', LEDGER);
      const result = lint(
        '--config',
        'base.yaml',
        '--config',
        'bad.yaml',
        'ledger.yaml',
      );
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe('');
      expect(lines(result.stderr)).toEqual([
        'vigil: cannot use the policy (5 problems):',
        '  bad.yaml:7:45: reliability.policy.tiers.tier-0.minSloTarget has "1"; expected a number in [0, 1), e.g. 0.999 (1 would leave no error budget)',
        '  bad.yaml:7:25: reliability.policy.tiers.tier-0.maxRto has "soon"; expected a duration such as 15m, 1h or 90d (units s, m, h, d, w)',
        '  bad.yaml:9:33: reliability.policy.checks.dashboard.enabledFrom has "next year"; expected a date written YYYY-MM-DD, e.g. 2027-01-01',
        '  bad.yaml:5:24: reliability.policy.enforcement.tiers.tier-7 has "tier-7"; expected a tier among tier-0, tier-1, tier-2, tier-3',
        '  bad.yaml:4:16: reliability.policy.enforcement.default has "block"; expected one of off, warn, enforce',
      ]);
    });

    it.each([
      [
        'an unknown key',
        'reliability:\n  policy:\n    tier: {}\n',
        'app-config.yaml:3:11: reliability.policy.tier has "{}"; expected no such key; known keys are levels, tiers, enforcement, checks, conventions, exemptions',
      ],
      [
        'a policy that is a list',
        'reliability:\n  policy: [warn]\n',
        'app-config.yaml:2:11: reliability.policy has "[\\"warn\\"]"; expected a mapping of keys to values',
      ],
      [
        'reliability as a string',
        'reliability: on\n',
        'app-config.yaml:1:14: reliability has "on"; expected a mapping',
      ],
      [
        'a YAML syntax error',
        'reliability:\n  policy: {\n',
        'app-config.yaml:3:1: invalid YAML',
      ],
      [
        'a list at the top level',
        '- a\n- b\n',
        'app-config.yaml:1:1: expected a mapping of config keys at the top level',
      ],
      [
        'two documents',
        'a: 1\n---\nb: 2\n',
        'app-config.yaml:3:1: an app-config file holds one YAML document, this one holds 2',
      ],
    ])(
      'exits 2 on %s in the implicit ./app-config.yaml',
      (_name, text, message) => {
        write('app-config.yaml', text);
        const result = lint(write('clean.yaml', CLEAN));
        expect(result.exitCode).toBe(2);
        expect(result.stdout).toBe('');
        expect(lines(result.stderr)[1]).toContain(`  ${message}`);
      },
    );

    it('exits 2 when a --config file cannot be read', () => {
      const result = lint('--config', 'nope.yaml', write('clean.yaml', CLEAN));
      expect(result).toEqual({
        exitCode: 2,
        stdout: '',
        stderr:
          'vigil: cannot use the policy (1 problem):\n  nope.yaml: cannot read file: no such file\n',
      });
    });

    it('leaves ${VAR} substitutions as text', () => {
      write(
        'app-config.yaml',
        DEV_POLICY.replace('default: warn', 'default: ${MODE}'),
      );
      const result = lint(write('clean.yaml', CLEAN));
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain(
        'reliability.policy.enforcement.default has "${MODE}"',
      );
    });
  });

  describe('--format json', () => {
    it('prints one JSON document with files, findings and summary, and nothing else', () => {
      write('app-config.yaml', DEV_POLICY);
      write('ledger.yaml', LEDGER);
      write('returns.yaml', RETURNS);
      const result = lint('--format', 'json', '*.yaml');
      expect(result.exitCode).toBe(1);
      const json = JSON.parse(result.stdout);
      expect(json.files).toEqual([
        { file: 'app-config.yaml', entities: [], problems: [] },
        {
          file: 'ledger.yaml',
          entities: [
            {
              entityRef: 'component:default/ledger',
              kind: 'Component',
              line: 1,
              column: 1,
              enforcement: 'enforce',
            },
          ],
          problems: [],
        },
        {
          file: 'returns.yaml',
          entities: [expect.objectContaining({ enforcement: 'warn' })],
          problems: [],
        },
      ]);
      expect(json.findings[1]).toEqual({
        file: 'ledger.yaml',
        line: 7,
        column: 16,
        entityRef: 'component:default/ledger',
        rule: 'rto',
        severity: 'error',
        pending: false,
        field: 'metadata.annotations.vigil/rto',
        value: '4h',
        expected: 'at most 1h for tier-0',
        example: '"vigil/rto: 1h"',
        message:
          'component:default/ledger: metadata.annotations.vigil/rto has "4h"; expected at most 1h for tier-0, e.g. "vigil/rto: 1h"',
      });
      expect(json.findings[0]).toMatchObject({ rule: 'runbook', value: null });
      expect(
        json.findings.map((f: any) => [f.file, f.rule, f.severity, f.pending]),
      ).toEqual([
        ['ledger.yaml', 'runbook', 'error', false],
        ['ledger.yaml', 'rto', 'error', false],
        ['returns.yaml', 'dashboard', 'warning', true],
        ['returns.yaml', 'rto', 'warning', false],
      ]);
      expect(json.summary).toEqual({
        errors: 2,
        warnings: 2,
        pending: 1,
        suppressed: 0,
        entities: 2,
        files: 3,
        filesNotFullyChecked: 0,
        exitCode: 1,
        strict: false,
        now: '2026-11-27',
        policy: { configFiles: ['app-config.yaml'], fromConfig: true },
      });
    });

    it('lists unreadable files and YAML errors as problems', () => {
      write('broken.yaml', 'a: [1\n');
      const json = JSON.parse(
        lint('--format', 'json', 'missing.yaml', 'broken.yaml').stdout,
      );
      expect(json.files).toEqual([
        {
          file: 'missing.yaml',
          entities: [],
          problems: [
            {
              line: null,
              column: null,
              message: 'cannot read file: no such file',
            },
          ],
        },
        {
          file: 'broken.yaml',
          entities: [],
          problems: [
            expect.objectContaining({
              line: 2,
              column: 1,
              message: expect.stringMatching(/^invalid YAML/),
            }),
          ],
        },
      ]);
      expect(json.summary).toMatchObject({
        exitCode: 2,
        filesNotFullyChecked: 2,
      });
    });
  });

  describe('--format junit', () => {
    /** Parses strictly (well-formed XML 1.0) into a small tree. */
    const parseXml = (xml: string) => {
      type El = {
        name: string;
        attributes: Record<string, string>;
        children: El[];
        text: string;
      };
      const root: El = {
        name: '#root',
        attributes: {},
        children: [],
        text: '',
      };
      const stack = [root];
      const parser = new SaxesParser();
      parser.on('error', e => {
        throw e;
      });
      parser.on('opentag', tag => {
        const el: El = {
          name: tag.name,
          attributes: tag.attributes as Record<string, string>,
          children: [],
          text: '',
        };
        stack[stack.length - 1].children.push(el);
        stack.push(el);
      });
      parser.on('text', t => {
        stack[stack.length - 1].text += t;
      });
      parser.on('closetag', () => {
        stack.pop();
      });
      parser.write(xml).close();
      return root.children[0];
    };

    it('writes a testsuite per file, a testcase per entity and a failure per error', () => {
      write('app-config.yaml', DEV_POLICY);
      write('ledger.yaml', LEDGER);
      write('returns.yaml', `${CLEAN}---\n${RETURNS}`);
      write('broken.yaml', 'a: [1\n');
      const result = lint(
        '--format',
        'junit',
        'ledger.yaml',
        'returns.yaml',
        'broken.yaml',
      );
      expect(result.exitCode).toBe(2);
      expect(
        result.stdout.startsWith(
          '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites',
        ),
      ).toBe(true);
      const suites = parseXml(result.stdout);
      expect(suites.attributes).toEqual({
        name: 'vigil lint',
        tests: '4',
        failures: '1',
        errors: '1',
      });
      expect(
        suites.children.map(s => [
          s.attributes.name,
          s.attributes.tests,
          s.attributes.failures,
          s.attributes.errors,
        ]),
      ).toEqual([
        ['ledger.yaml', '1', '1', '0'],
        ['returns.yaml', '2', '0', '0'],
        ['broken.yaml', '1', '0', '1'],
      ]);
      const [ledger] = suites.children[0].children;
      expect(ledger.attributes).toMatchObject({
        name: 'component:default/ledger',
        classname: 'ledger.yaml',
        line: '1',
      });
      expect(ledger.children.map(c => [c.name, c.attributes.type])).toEqual([
        ['failure', 'runbook'],
        ['failure', 'rto'],
      ]);
      expect(ledger.children[1].attributes.message).toBe(
        'component:default/ledger: metadata.annotations.vigil/rto has "4h"; expected at most 1h for tier-0, e.g. "vigil/rto: 1h"',
      );
      expect(ledger.children[1].text).toMatch(/^ledger\.yaml:7:16 error /);
      const [orders, returns] = suites.children[1].children;
      expect(orders.children).toEqual([]);
      expect(returns.attributes.line).toBe('19');
      expect(returns.children.map(c => c.name)).toEqual(['system-out']);
      expect(returns.children[0].text.split('\n')).toEqual([
        expect.stringMatching(
          /^returns\.yaml:24:5 warning .*\[dashboard, pending/,
        ),
        expect.stringMatching(/^returns\.yaml:25:16 warning .*\[rto\]$/),
      ]);
      const [broken] = suites.children[2].children;
      expect(broken.children[0].name).toBe('error');
      expect(broken.children[0].text).toMatch(
        /^broken\.yaml:2:1 error invalid YAML/,
      );
    });

    it('turns warnings into failures with --strict, but never pending ones', () => {
      write('app-config.yaml', DEV_POLICY);
      write('returns.yaml', RETURNS);
      const suites = parseXml(
        lint('--strict', '--format', 'junit', 'returns.yaml').stdout,
      );
      const [returns] = suites.children[0].children;
      expect(
        returns.children.map(c => [c.name, c.attributes.type ?? '']),
      ).toEqual([
        ['failure', 'rto'],
        ['system-out', ''],
      ]);
    });

    it('escapes markup and drops characters XML cannot hold', () => {
      // a name with a control character (YAML escape) and markup in the file name
      const file = write(
        'a&b<c>.yaml',
        entity('"x\\u0001<y>\\"', { 'vigil/tier': '"<tier>&\\"]]>"' }),
      );
      const result = lint('--format', 'junit', file);
      expect(result.stdout).toContain('name="a&amp;b&lt;c&gt;.yaml"');
      const suites = parseXml(result.stdout);
      const [testcase] = suites.children[0].children;
      expect(testcase.attributes.name).toBe('component:default/x\uFFFD<y>"');
      expect(testcase.children[0].text).toContain(
        'vigil/tier has "<tier>&\\"]]>"',
      );
    });
  });
});

describe('vigil usage', () => {
  it.each([
    [[], 'missing command'],
    [['check', 'a.yaml'], 'unknown command "check"'],
    [['--verbose'], 'unknown option --verbose'],
    [['lint'], 'vigil lint needs at least one file or glob'],
    [['lint', '--fix', 'a.yaml'], 'unknown option --fix'],
    [['lint', '-'], 'reading from stdin is not supported; name the files'],
    [
      ['lint', '--format', 'xml', 'a.yaml'],
      '--format has "xml"; expected one of human, json, junit',
    ],
    [['lint', '--format'], '--format needs a value'],
    [['lint', '--format=', 'a.yaml'], '--format needs a value'],
    [['lint', '--config', '--strict', 'a.yaml'], '--config needs a value'],
    [
      ['lint', '--now', '2026-02-30', 'a.yaml'],
      '--now has "2026-02-30"; expected a calendar date written YYYY-MM-DD, e.g. --now 2026-11-27',
    ],
    [['lint', '--now=yesterday', 'a.yaml'], '--now has "yesterday"'],
    [['lint', '--strict=yes', 'a.yaml'], 'unknown option --strict=yes'],
    [['lint', ''], 'an empty argument is not a file name'],
  ])('exits 2 with help on stderr for %j', (argv, message) => {
    const result = runCli(argv as string[]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^vigil: .+\n\nUsage: vigil lint \[options\] <file\|glob\.\.\.>/,
    );
    expect(result.stderr.split('\n')[0]).toContain(message);
  });

  it('prints help and the version', () => {
    expect(runCli(['--help'])).toMatchObject({ exitCode: 0, stderr: '' });
    expect(runCli(['lint', '--help']).stdout).toContain('Exit codes:');
    const pkg = JSON.parse(
      readFileSync(resolve(__dirname, '../package.json'), 'utf8'),
    );
    expect(runCli(['--version']).stdout).toBe(`${pkg.version}\n`);
  });

  it('reads a file named like an option after --', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
    try {
      writeFileSync(join(dir, '-x.yaml'), CLEAN);
      expect(
        runCli(['lint', '--', '-x.yaml'], { cwd: dir, now }).exitCode,
      ).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the example catalog', () => {
  const examples = resolve(__dirname, '../../../examples');
  const lintExamples = (...args: string[]) =>
    runCli(['lint', '--config', 'policies/dev.yaml', ...args], {
      cwd: examples,
      now,
    });

  it('fails on ledger only (tier-0, enforced); everything else is a warning', () => {
    const result = lintExamples('*.yaml');
    expect(result.exitCode).toBe(1);
    const errors = result.stdout.split('\n').filter(l => / error /.test(l));
    expect(errors).toEqual([
      expect.stringMatching(
        /^policy-violations\.yaml:\d+:\d+ error component:default\/ledger: .*\[runbook\]$/,
      ),
      expect.stringMatching(
        /^policy-violations\.yaml:\d+:\d+ error component:default\/ledger: .*vigil\/rto has "4h".*\[rto\]$/,
      ),
    ]);
    expect(result.stdout).toMatch(
      /^components\.yaml:\d+:17 warning component:default\/legacy-reports: metadata\.annotations\.vigil\/tier has "tier-5".*\[metadata-valid\]$/m,
    );
    expect(result.stdout).toMatch(
      /^2 errors, \d+ warnings in \d+ entities \(6 files\)$/m,
    );
  });

  it('admits every existing tier-0 Component: no finding on them at all', () => {
    const json = JSON.parse(
      lintExamples('--format', 'json', 'components.yaml').stdout,
    );
    const tier0 = ['orders', 'payments-gateway', 'fraud-check', 'cart'];
    expect(
      json.findings.filter((f: any) =>
        tier0.some(n => f.entityRef === `component:default/${n}`),
      ),
    ).toEqual([]);
    expect(json.summary.errors).toBe(0);
  });

  it('has OpenSLO documents that all parse, covering every method and window', () => {
    const json = JSON.parse(
      lintExamples('--format', 'json', 'slos.yaml').stdout,
    );
    expect(json.findings).toEqual([]);
    const kinds = json.files[0].entities.map((e: any) => e.kind);
    expect(
      kinds.filter((k: string) => k === 'SLO').length,
    ).toBeGreaterThanOrEqual(8);
    expect(
      kinds.filter((k: string) => k === 'SLI').length,
    ).toBeGreaterThanOrEqual(2);
    const text = readFileSync(join(examples, 'slos.yaml'), 'utf8');
    for (const needle of [
      'budgetingMethod: Occurrences',
      'budgetingMethod: Timeslices',
      'budgetingMethod: RatioTimeslices',
      'duration: 28d',
      'duration: 7d',
      'duration: 1M',
      'timeZone: Europe/Berlin',
      'thresholdMetric:',
      '        bad:',
      '        good:',
      'indicatorRef:',
      'targetPercent:',
      'metricSourceRef: prometheus-main',
      'vigil/owner: group:default/sre',
    ]) {
      expect(text).toContain(needle);
    }
  });

  it('lints clean.yaml without a finding', () => {
    expect(lintExamples('clean.yaml')).toEqual({
      exitCode: 0,
      stdout: '0 errors, 0 warnings in 1 entity (1 file)\n',
      stderr: '',
    });
  });
});
