/*
 * A corpus of malformed input, at the CLI level. Every case runs `vigil lint`
 * on files written to a temporary directory and asserts the exit code and
 * every output line: the file:line:column, the severity, the entity, the
 * field and the rule. None may crash the CLI: a crash is an exit code other
 * than 0, 1 or 2, an exception out of runCli, or a stack trace in the output.
 */
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliResult, runCli } from './run';

const now = new Date('2026-11-27T12:00:00Z');

/** Every finding is an error: the corpus is about what is found, and where. */
const ENFORCE = 'reliability:\n  policy:\n    enforcement: enforce\n';

const HEAD = [
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata:',
  '  name: a',
].join('\n');

/** A tier-3 Component (requires only an owner) with extra annotation lines (from line 7). */
const tier3 = (...annotationLines: string[]) =>
  [
    HEAD,
    '  annotations:',
    '    vigil/tier: tier-3',
    ...annotationLines.map(l => `    ${l}`),
    'spec: { owner: team-a }',
    '',
  ].join('\n');

/** An SLO whose spec continues from line 7 with `rest`. */
const slo = (...rest: string[]) =>
  [
    'apiVersion: openslo/v1',
    'kind: SLO',
    'metadata:',
    '  name: orders-availability',
    'spec:',
    '  service: orders',
    ...rest,
    '',
  ].join('\n');

const WINDOW = [
  '  timeWindow:',
  '    - duration: 28d',
  '      isRolling: true',
];

interface Case {
  name: string;
  /** File name → content; the case lints `f.yaml` unless `args` says otherwise. */
  files?: Record<string, string | Buffer>;
  args?: string[];
  exitCode: 0 | 1 | 2;
  /**
   * Expected output lines (stdout, or stderr when stdout is empty), each a
   * prefix of the real line.
   */
  lines: string[];
}

const SUMMARY_1 = '1 error, 0 warnings in 1 entity (1 file)';
const UNCHECKED =
  '0 errors, 0 warnings in 0 entities (1 file); 1 file could not be fully checked';
const NO_ENTITY = [
  'f.yaml note: no catalog entities (apiVersion, kind, metadata) or OpenSLO documents found',
  '0 errors, 0 warnings in 0 entities (1 file)',
];

const CASES: Case[] = [
  // ------------------------------------------------------------ bad flags
  {
    name: 'unknown option',
    args: ['--fix', 'f.yaml'],
    exitCode: 2,
    lines: ['vigil: unknown option --fix', '', 'Usage: vigil lint'],
  },
  {
    name: 'bad --format',
    args: ['--format', 'sarif', 'f.yaml'],
    exitCode: 2,
    lines: ['vigil: --format has "sarif"; expected one of human, json, junit'],
  },
  {
    name: '--now not a date',
    args: ['--now', '27/11/2026', 'f.yaml'],
    exitCode: 2,
    lines: [
      'vigil: --now has "27/11/2026"; expected a calendar date written YYYY-MM-DD',
    ],
  },
  {
    name: '--now not a real day',
    args: ['--now', '2026-13-01', 'f.yaml'],
    exitCode: 2,
    lines: ['vigil: --now has "2026-13-01"'],
  },
  {
    name: '--config without a value',
    args: ['f.yaml', '--config'],
    exitCode: 2,
    lines: ['vigil: --config needs a value'],
  },
  {
    name: 'no file at all',
    args: ['--strict'],
    exitCode: 2,
    lines: ['vigil: vigil lint needs at least one file or glob'],
  },
  {
    name: 'a glob that matches nothing',
    args: ['**/*.yml'],
    exitCode: 2,
    lines: ['vigil: no file matches "**/*.yml"'],
  },
  {
    name: 'a --config that is a directory',
    files: { 'cfg/x': '' },
    args: ['--config', 'cfg', 'f.yaml'],
    exitCode: 2,
    lines: [
      'vigil: cannot use the policy (1 problem):',
      '  cfg: cannot read file: is a directory',
    ],
  },

  // ---------------------------------------------------------- unreadable
  {
    name: 'a missing file',
    args: ['missing.yaml'],
    exitCode: 2,
    lines: ['missing.yaml error cannot read file: no such file', UNCHECKED],
  },
  {
    name: 'a directory',
    files: { 'dir/x.yaml': '' },
    args: ['dir'],
    exitCode: 2,
    lines: [
      'dir error cannot read file: is a directory (name the YAML files, or a glob such as dir/**/*.yaml)',
      UNCHECKED,
    ],
  },

  // ------------------------------------------------------- YAML syntax
  {
    name: 'an unclosed flow sequence',
    files: { 'f.yaml': 'a: [1\n' },
    exitCode: 2,
    lines: ['f.yaml:2:1 error invalid YAML (', UNCHECKED],
  },
  {
    name: 'an unterminated quoted string',
    files: { 'f.yaml': 'x: "unterminated\n' },
    exitCode: 2,
    lines: ['f.yaml:2:1 error invalid YAML (MISSING_CHAR)', UNCHECKED],
  },
  {
    name: 'a tab as indentation',
    files: { 'f.yaml': 'a:\n\tb: 1\n' },
    exitCode: 2,
    lines: ['f.yaml:2:1 error invalid YAML (TAB_AS_INDENT)', UNCHECKED],
  },
  {
    name: 'a duplicate key',
    files: { 'f.yaml': `${HEAD}\n  name: b\n` },
    exitCode: 2,
    lines: ['f.yaml:5:3 error invalid YAML (DUPLICATE_KEY)', UNCHECKED],
  },
  {
    name: 'an alias without anchor',
    files: { 'f.yaml': 'x: *nope\n' },
    exitCode: 2,
    lines: [
      'f.yaml:1:1 error invalid YAML (TO_JS): Unresolved alias',
      UNCHECKED,
    ],
  },
  {
    name: 'an alias bomb',
    files: {
      'f.yaml': [
        'a: &a [1,1,1,1,1,1,1,1,1,1]',
        ...['b', 'c', 'd', 'e'].map(
          (k, i) =>
            `${k}: &${k} [${Array(10).fill(`*${'abcd'[i]}`).join(',')}]`,
        ),
        '',
      ].join('\n'),
    },
    exitCode: 2,
    lines: [
      'f.yaml:1:1 error invalid YAML (TO_JS): Excessive alias count',
      UNCHECKED,
    ],
  },
  {
    name: 'a broken document between good ones',
    files: {
      'f.yaml': `${tier3(
        'vigil/rto: 4 hours',
      )}---\nmetadata: { name: [x\n---\n${tier3()}`,
    },
    exitCode: 2,
    lines: [
      'f.yaml:7:16 error component:default/a: metadata.annotations.vigil/rto has "4 hours"',
      'f.yaml:11:1 error invalid YAML (BAD_INDENT): Flow sequence in block collection',
      'f.yaml:11:1 error invalid YAML (BAD_INDENT): Flow map in block collection',
      '1 error, 0 warnings in 2 entities (1 file); 1 file could not be fully checked',
    ],
  },

  // --------------------------------------------- non-entity documents
  {
    name: 'an empty file',
    files: { 'f.yaml': '' },
    exitCode: 0,
    lines: NO_ENTITY,
  },
  {
    name: 'a comment only',
    files: { 'f.yaml': '# nothing here\n' },
    exitCode: 0,
    lines: NO_ENTITY,
  },
  {
    name: 'a scalar document',
    files: { 'f.yaml': 'hello\n' },
    exitCode: 0,
    lines: NO_ENTITY,
  },
  {
    name: 'a list document',
    files: { 'f.yaml': '- kind: Component\n- metadata: {}\n' },
    exitCode: 0,
    lines: NO_ENTITY,
  },
  {
    name: 'a null document',
    files: { 'f.yaml': '~\n---\nnull\n' },
    exitCode: 0,
    lines: NO_ENTITY,
  },
  {
    name: 'an entity without metadata',
    files: { 'f.yaml': 'apiVersion: v1\nkind: Component\nspec: {}\n' },
    exitCode: 0,
    lines: NO_ENTITY,
  },
  {
    name: 'a numeric kind',
    files: { 'f.yaml': 'apiVersion: v1\nkind: 5\nmetadata: { name: a }\n' },
    exitCode: 0,
    lines: NO_ENTITY,
  },
  {
    name: 'binary garbage',
    files: {
      'f.yaml': Buffer.from([0x61, 0x3a, 0x20, 0x00, 0x01, 0xff, 0xfe, 0x0a]),
    },
    exitCode: 0,
    lines: NO_ENTITY,
  },

  // ------------------------------------- entities with bad annotations
  {
    name: 'an invalid tier',
    files: {
      'f.yaml': `${HEAD}\n  annotations:\n    vigil/tier: tier-5\nspec: { owner: x }\n`,
    },
    exitCode: 1,
    lines: [
      'f.yaml:6:17 error component:default/a: metadata.annotations.vigil/tier has "tier-5"',
      SUMMARY_1,
    ],
  },
  {
    name: 'an RTO in words',
    files: { 'f.yaml': tier3('vigil/rto: 4 hours') },
    exitCode: 1,
    lines: [
      'f.yaml:7:16 error component:default/a: metadata.annotations.vigil/rto has "4 hours"',
      SUMMARY_1,
    ],
  },
  {
    name: 'an RPO as a bare number',
    files: { 'f.yaml': tier3('vigil/rpo: 60') },
    exitCode: 1,
    lines: [
      'f.yaml:7:16 error component:default/a: metadata.annotations.vigil/rpo has "60"',
      SUMMARY_1,
    ],
  },
  {
    name: 'an unknown DR strategy',
    files: { 'f.yaml': tier3('vigil/dr-strategy: hot-standby') },
    exitCode: 1,
    lines: [
      'f.yaml:7:24 error component:default/a: metadata.annotations.vigil/dr-strategy has "hot-standby"',
      SUMMARY_1,
    ],
  },
  {
    name: 'a runbook that is not a URL',
    files: { 'f.yaml': tier3("vigil/runbook: 'wiki/runbooks/a'") },
    exitCode: 1,
    lines: [
      'f.yaml:7:20 error component:default/a: metadata.annotations.vigil/runbook has "wiki/runbooks/a"',
      SUMMARY_1,
    ],
  },
  {
    name: 'a runbook that is a mapping',
    files: { 'f.yaml': tier3('vigil/runbook: { url: x }') },
    exitCode: 1,
    lines: [
      'f.yaml:7:20 error component:default/a: metadata.annotations.vigil/runbook has',
      SUMMARY_1,
    ],
  },
  {
    name: 'a DR test on 30 February',
    files: { 'f.yaml': tier3('vigil/dr-tested: 2026-02-30') },
    exitCode: 1,
    lines: [
      'f.yaml:7:22 error component:default/a: metadata.annotations.vigil/dr-tested has "2026-02-30"',
      SUMMARY_1,
    ],
  },
  {
    name: 'a DR test in the future',
    files: { 'f.yaml': tier3('vigil/dr-tested: 2027-01-01') },
    exitCode: 1,
    lines: [
      'f.yaml:7:22 error component:default/a: metadata.annotations.vigil/dr-tested has "2027-01-01"',
      SUMMARY_1,
    ],
  },
  {
    name: 'annotations in a flow mapping',
    files: {
      'f.yaml': `${HEAD}\n  annotations: { vigil/tier: tier-3, vigil/rto: "1.5h" }\nspec: { owner: x }\n`,
    },
    exitCode: 1,
    lines: [
      'f.yaml:5:49 error component:default/a: metadata.annotations.vigil/rto has "1.5h"',
      SUMMARY_1,
    ],
  },
  {
    name: 'annotations that are a list',
    files: {
      'f.yaml': `${HEAD}\n  annotations: [vigil/tier]\nspec: { owner: x }\n`,
    },
    exitCode: 1,
    lines: [
      'f.yaml:5:16 error component:default/a: metadata.annotations.vigil/tier is missing',
      SUMMARY_1,
    ],
  },
  {
    name: 'a missing name',
    files: {
      'f.yaml':
        'apiVersion: v1\nkind: Component\nmetadata:\n  annotations:\n    vigil/tier: tier-9\n',
    },
    exitCode: 1,
    lines: [
      'f.yaml:5:17 error component:default/<unnamed>: metadata.annotations.vigil/tier has "tier-9"',
      SUMMARY_1,
    ],
  },
  {
    name: 'links and tags of the wrong type',
    files: {
      'f.yaml': `${HEAD}\n  links: yes\n  tags: 5\n  annotations:\n    vigil/tier: tier-3\nspec: { owner: x }\n`,
    },
    exitCode: 0,
    lines: ['0 errors, 0 warnings in 1 entity (1 file)'],
  },
  {
    name: 'a spec that is a string',
    files: {
      'f.yaml': `${HEAD}\n  annotations:\n    vigil/tier: tier-2\n    vigil/runbook: https://wiki.example.com/a\n    opsgenie.com/team: a\nspec: just text\n`,
    },
    exitCode: 1,
    lines: [
      'f.yaml:9:7 error component:default/a: spec.owner is missing',
      SUMMARY_1,
    ],
  },
  {
    name: 'a byte order mark',
    files: {
      'f.yaml': `\uFEFF${HEAD}\n  annotations:\n    vigil/tier: tier-5\nspec: { owner: x }\n`,
    },
    exitCode: 1,
    lines: [
      'f.yaml:6:17 error component:default/a: metadata.annotations.vigil/tier has "tier-5"',
      SUMMARY_1,
    ],
  },
  {
    name: 'CRLF line ends',
    files: { 'f.yaml': tier3('vigil/rto: 4 hours').replace(/\n/g, '\r\n') },
    exitCode: 1,
    lines: [
      'f.yaml:7:16 error component:default/a: metadata.annotations.vigil/rto has "4 hours"',
      SUMMARY_1,
    ],
  },

  // ---------------------------------------------- OpenSLO documents
  {
    name: 'an SLO target of 1',
    files: {
      'f.yaml': slo(
        '  indicatorRef: orders-requests',
        ...WINDOW,
        '  budgetingMethod: Occurrences',
        '  objectives:',
        '    - target: 1',
      ),
    },
    exitCode: 1,
    lines: [
      'f.yaml:13:15 error slo:default/orders-availability: spec.objectives[0].target has "1"',
      SUMMARY_1,
    ],
  },
  {
    name: 'a target written as a percentage',
    files: {
      'f.yaml': slo(
        '  indicatorRef: orders-requests',
        ...WINDOW,
        '  budgetingMethod: Occurrences',
        '  objectives:',
        '    - targetPercent: 100',
      ),
    },
    exitCode: 1,
    lines: [
      'f.yaml:13:22 error slo:default/orders-availability: spec.objectives[0].targetPercent has "100"',
      SUMMARY_1,
    ],
  },
  {
    name: 'a bad calendar window',
    files: {
      'f.yaml': slo(
        '  indicatorRef: orders-requests',
        '  timeWindow:',
        '    - duration: 1M',
        '      calendar:',
        '        startTime: 2026-01-01T00:00:00',
        '        timeZone: Europe/Berlinn',
        '  budgetingMethod: Occurrences',
        '  objectives: [{ target: 0.99 }]',
      ),
    },
    exitCode: 1,
    lines: [
      'f.yaml:11:20 error slo:default/orders-availability: spec.timeWindow[0].calendar.startTime has "2026-01-01T00:00:00"',
      'f.yaml:12:19 error slo:default/orders-availability: spec.timeWindow[0].calendar.timeZone has "Europe/Berlinn"',
      '2 errors, 0 warnings in 1 entity (1 file)',
    ],
  },
  {
    name: 'a rolling month and a lower-case method',
    files: {
      'f.yaml': slo(
        '  indicatorRef: orders-requests',
        '  timeWindow:',
        '    - duration: 1M',
        '      isRolling: true',
        '  budgetingMethod: occurrences',
        '  objectives: [{ target: 0.99 }]',
      ),
    },
    exitCode: 1,
    lines: [
      'f.yaml:9:17 error slo:default/orders-availability: spec.timeWindow[0].duration has "1M"',
      'f.yaml:11:20 error slo:default/orders-availability: spec.budgetingMethod has "occurrences"',
      '2 errors, 0 warnings in 1 entity (1 file)',
    ],
  },
  {
    name: 'Timeslices without slices',
    files: {
      'f.yaml': slo(
        '  indicatorRef: orders-requests',
        ...WINDOW,
        '  budgetingMethod: Timeslices',
        '  objectives:',
        '    - target: 0.99',
      ),
    },
    exitCode: 1,
    lines: [
      'f.yaml:13:7 error slo:default/orders-availability: spec.objectives[0].timeSliceTarget is missing',
      'f.yaml:13:7 error slo:default/orders-availability: spec.objectives[0].timeSliceWindow is missing',
      '2 errors, 0 warnings in 1 entity (1 file)',
    ],
  },
  {
    name: 'indicator and indicatorRef together, a window not in a list, no objectives',
    files: {
      'f.yaml': slo(
        '  indicatorRef: orders-requests',
        '  indicator: { metadata: { name: x }, spec: {} }',
        '  timeWindow: { duration: 28d, isRolling: true }',
        '  budgetingMethod: Occurrences',
        '  objectives: []',
      ),
    },
    exitCode: 1,
    lines: [
      'f.yaml:7:17 error slo:default/orders-availability: spec.indicatorRef has "orders-requests"',
      'f.yaml:9:15 error slo:default/orders-availability: spec.timeWindow has',
      'f.yaml:11:15 error slo:default/orders-availability: spec.objectives has "[]"',
      '3 errors, 0 warnings in 1 entity (1 file)',
    ],
  },
  {
    name: 'an inline indicator with bad metadata and metric',
    files: {
      'f.yaml': slo(
        '  indicator:',
        '    metadata:',
        '      name: Orders_Ratio',
        '      annotations:',
        '        vigil/slo-kind: Latency!',
        '    spec:',
        '      ratioMetric:',
        '        counter: "true"',
        '        good: { metricSource: { metricSourceRef: builtin, spec: {} } }',
        '        total: { metricSource: { metricSourceRef: builtin } }',
        '  timeWindow: [{ duration: 28d, isRolling: true }]',
        '  budgetingMethod: Occurrences',
        '  objectives: [{ target: 0.99 }]',
      ),
    },
    exitCode: 1,
    lines: [
      'f.yaml:9:13 error slo:default/orders-availability: spec.indicator.metadata.name has "Orders_Ratio"',
      'f.yaml:11:25 error slo:default/orders-availability: spec.indicator.metadata.annotations.vigil/slo-kind has "Latency!"',
      'f.yaml:14:18 error slo:default/orders-availability: spec.indicator.spec.ratioMetric.counter has "true"',
      'f.yaml:16:32 error slo:default/orders-availability: spec.indicator.spec.ratioMetric.total.metricSource.spec is missing',
      '4 errors, 0 warnings in 1 entity (1 file)',
    ],
  },
  {
    name: 'an SLI with bad labels and no metric spec',
    files: {
      'f.yaml':
        'apiVersion: openslo/v1\nkind: SLI\nmetadata:\n  name: x\n  labels:\n    team: [1, 2]\nspec:\n  thresholdMetric:\n    metricSource: { type: Prometheus }\n',
    },
    exitCode: 1,
    lines: [
      'f.yaml:6:11 error sli:default/x: metadata.labels.team has "[1,2]"',
      'f.yaml:9:19 error sli:default/x: spec.thresholdMetric.metricSource.spec is missing',
      '2 errors, 0 warnings in 1 entity (1 file)',
    ],
  },
  {
    name: 'an SLO without metadata and spec',
    files: { 'f.yaml': 'apiVersion: openslo/v1\nkind: SLO\n' },
    exitCode: 1,
    lines: [
      'f.yaml:1:1 error slo:default/<unnamed>: metadata is missing',
      'f.yaml:1:1 error slo:default/<unnamed>: spec is missing',
      '2 errors, 0 warnings in 1 entity (1 file)',
    ],
  },
  {
    name: 'a kind in the wrong case',
    files: {
      'f.yaml': 'apiVersion: openslo/v1\nkind: slo\nmetadata:\n  name: x\n',
    },
    exitCode: 1,
    lines: ['f.yaml:2:7 error slo:default/x: kind has "slo"', SUMMARY_1],
  },
  {
    name: 'an OpenSLO v1alpha document',
    files: {
      'f.yaml':
        'apiVersion: openslo/v1alpha\nkind: SLO\nmetadata:\n  name: x\nspec: {}\n',
    },
    exitCode: 1,
    lines: [
      'f.yaml:1:13 error slo:default/x: apiVersion has "openslo/v1alpha"',
      SUMMARY_1,
    ],
  },
  {
    name: 'an OpenSLO DataSource (not a catalog entity: not checked)',
    files: {
      'f.yaml':
        'apiVersion: openslo/v1\nkind: DataSource\nmetadata:\n  name: x\nspec: {}\n',
    },
    exitCode: 0,
    lines: ['0 errors, 0 warnings in 1 entity (1 file)'],
  },
];

/** Any line that looks like a JavaScript stack frame. */
const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

describe('the malformed-input corpus', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-corpus-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES.map(c => [c.name, c] as const))('%s', (_name, testCase) => {
    const caseDir = mkdtempSync(join(dir, 'case-'));
    writeFileSync(join(caseDir, 'enforce.yaml'), ENFORCE);
    for (const [name, content] of Object.entries(testCase.files ?? {})) {
      mkdirSync(join(caseDir, name, '..'), { recursive: true });
      writeFileSync(join(caseDir, name), content);
    }
    const args = testCase.args ?? ['f.yaml'];
    const configArgs = args.includes('--config')
      ? []
      : ['--config', 'enforce.yaml'];
    let result: CliResult | undefined;
    expect(() => {
      result = runCli(['lint', ...configArgs, ...args], { cwd: caseDir, now });
    }).not.toThrow();
    const { exitCode, stdout, stderr } = result!;
    expect([0, 1, 2]).toContain(exitCode);
    expect(`${stdout}${stderr}`).not.toMatch(STACK_FRAME);
    expect(exitCode).toBe(testCase.exitCode);
    // lint output is checked whole; usage errors only up to the help text
    const text = stdout || stderr;
    const all = text.trimEnd().split('\n');
    const checked = stdout ? all : all.slice(0, testCase.lines.length);
    expect(
      checked.map((line, i) =>
        line.startsWith(testCase.lines[i] ?? '\u0000')
          ? testCase.lines[i]
          : line,
      ),
    ).toEqual(testCase.lines);
  });

  it('reports a file it may not read, when permissions apply', () => {
    const caseDir = mkdtempSync(join(dir, 'case-'));
    writeFileSync(join(caseDir, 'f.yaml'), tier3());
    chmodSync(join(caseDir, 'f.yaml'), 0o000);
    const result = runCli(['lint', 'f.yaml'], { cwd: caseDir, now });
    chmodSync(join(caseDir, 'f.yaml'), 0o644);
    // root reads anything: then the file is simply clean
    expect(result.stdout).toMatch(
      /^(f\.yaml error cannot read file: permission denied\n.*\n|0 errors, 0 warnings in 1 entity \(1 file\)\n)$/,
    );
    expect([0, 2]).toContain(result.exitCode);
  });
});
