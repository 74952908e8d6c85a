import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from './run';

const now = new Date('2026-11-27T12:00:00Z');

const entity = (name: string, annotations: Record<string, string>) => {
  const lines = Object.entries(annotations).map(([k, v]) => `    ${k}: ${v}`);
  return [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: ${name}`,
    ...(lines.length ? ['  annotations:', ...lines] : []),
    'spec:',
    '  type: service',
    '  lifecycle: production',
    '  owner: team-a',
    '',
  ].join('\n');
};

const CLEAN = entity('orders', {
  'vigil/tier': 'tier-0',
  'vigil/runbook': 'https://wiki.example.com/runbooks/orders',
  'vigil/rto': '1h',
  'vigil/rpo': '15m',
  'vigil/dr-strategy': 'active-active',
  'vigil/dr-tested': '2026-10-02',
});

describe('vigil lint', () => {
  let dir: string;
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return name;
  };
  const lint = (...files: string[]) =>
    runCli(['lint', ...files], { cwd: dir, now });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 on a clean file', () => {
    const result = lint(write('clean.yaml', CLEAN));
    expect(result).toEqual({
      exitCode: 0,
      output: '0 errors in 1 entity (1 file)\n',
      toStderr: false,
    });
  });

  it('exits 1 on an invalid tier and names the field, the value and the line:column', () => {
    // vigil/tier is on line 6; its value starts at column 17
    const file = write(
      'bad.yaml',
      entity('legacy-reports', { 'vigil/tier': 'tier-5' }),
    );
    const result = lint(file);
    expect(result.exitCode).toBe(1);
    const lines = result.output.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^bad\.yaml:6:17 component:default\/legacy-reports/,
      ),
      '1 error in 1 entity (1 file)',
    ]);
    expect(lines[0]).toContain('metadata.annotations.vigil/tier has "tier-5"');
    expect(lines[0]).toContain(
      'expected one of tier-0, tier-1, tier-2, tier-3',
    );
    expect(lines[0]).toContain('e.g. "vigil/tier: tier-1"');
  });

  it('locates errors in flow mappings and quoted values too', () => {
    const file = write(
      'flow.yaml',
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata: { name: a, annotations: { "vigil/rto": "1.5h" } }',
        'spec: { type: service, owner: x, lifecycle: production }',
      ].join('\n'),
    );
    const result = lint(file);
    expect(result.exitCode).toBe(1);
    expect(result.output).toMatch(
      /^flow\.yaml:3:50 component:default\/a: metadata\.annotations\.vigil\/rto has "1\.5h"/,
    );
  });

  it('exits 2 on a missing file, names it, and still checks the other files', () => {
    const bad = write(
      'bad.yaml',
      entity('legacy-reports', { 'vigil/tier': 'tier-5' }),
    );
    const result = lint('does-not-exist.yaml', bad);
    expect(result.exitCode).toBe(2);
    expect(result.output).toContain(
      'does-not-exist.yaml cannot read file: no such file',
    );
    expect(result.output).toContain(
      'bad.yaml:6:17 component:default/legacy-reports',
    );
    expect(result.output).toMatch(
      /1 error in 1 entity \(2 files\); 1 file could not be fully checked\n$/,
    );
  });

  it('checks every document of a multi-document file', () => {
    const file = write(
      'multi.yaml',
      [
        entity('first', { 'vigil/tier': 'tier-1' }), // lines 1-10
        '---',
        entity('second', { 'vigil/tier': 'tier-9' }), // lines 13-22
        '---',
        '# a comment, then a non-entity document',
        'just: config',
        '---',
        entity('third', {
          'vigil/tier': '2',
          'vigil/dr-strategy': 'hot-spare',
        }), // lines 28-38
      ].join('\n'),
    );
    const result = lint(file);
    expect(result.exitCode).toBe(1);
    expect(result.output.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^multi\.yaml:18:17 component:default\/second: metadata\.annotations\.vigil\/tier has "tier-9"/,
      ),
      expect.stringMatching(
        /^multi\.yaml:34:24 component:default\/third: metadata\.annotations\.vigil\/dr-strategy has "hot-spare"; expected one of active-active, warm-standby, pilot-light, backup-restore, none/,
      ),
      '2 errors in 3 entities (1 file)',
    ]);
  });

  it('exits 2 on a YAML syntax error, names the file, and goes on with the other files', () => {
    const broken = write(
      'broken.yaml',
      [
        CLEAN,
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: [unclosed',
        '',
      ].join('\n'),
    );
    const bad = write(
      'bad.yaml',
      entity('legacy-reports', { 'vigil/tier': 'tier-5' }),
    );
    const result = lint(broken, bad);
    expect(result.exitCode).toBe(2);
    expect(result.output).toMatch(/^broken\.yaml:\d+:\d+ invalid YAML \(/m);
    expect(result.output).toContain(
      'bad.yaml:6:17 component:default/legacy-reports',
    );
    // the valid first document of broken.yaml was still checked
    expect(result.output).toMatch(
      /1 error in 2 entities \(2 files\); 1 file could not be fully checked\n$/,
    );
  });

  it('judges DR test dates against the given time', () => {
    const file = write(
      'future.yaml',
      entity('a', { 'vigil/dr-tested': '2026-12-01' }),
    );
    const result = lint(file);
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain(
      'metadata.annotations.vigil/dr-tested has "2026-12-01"',
    );
    expect(
      runCli(['lint', file], {
        cwd: dir,
        now: new Date('2027-01-01T00:00:00Z'),
      }).exitCode,
    ).toBe(0);
  });

  it('reads unquoted numbers and dates as the text that was written', () => {
    const file = write(
      'plain.yaml',
      entity('a', { 'vigil/tier': '7', 'vigil/dr-tested': '2026-02-30' }),
    );
    const result = lint(file);
    expect(result.output).toContain('vigil/tier has "7"');
    expect(result.output).toContain('vigil/dr-tested has "2026-02-30"');
  });

  it('says so when a file holds no catalog entity', () => {
    const result = lint(write('config.yaml', 'app:\n  title: x\n'));
    expect(result.exitCode).toBe(0);
    expect(result.output).toBe(
      'config.yaml note: no catalog entities (apiVersion, kind, metadata) found\n0 errors in 0 entities (1 file)\n',
    );
  });
});

describe('vigil usage', () => {
  it('exits 2 with help on stderr when the command is missing or unknown', () => {
    for (const argv of [
      [],
      ['check', 'a.yaml'],
      ['lint'],
      ['lint', '--strict', 'a.yaml'],
    ]) {
      const result = runCli(argv);
      expect(result.exitCode).toBe(2);
      expect(result.toStderr).toBe(true);
      expect(result.output).toMatch(
        /^vigil: .+\n\nUsage: vigil lint <file\.\.\.>/,
      );
    }
  });

  it('prints help and the version', () => {
    expect(runCli(['--help'])).toMatchObject({ exitCode: 0, toStderr: false });
    expect(runCli(['lint', '--help']).output).toContain('Exit codes:');
    const pkg = JSON.parse(
      readFileSync(resolve(__dirname, '../package.json'), 'utf8'),
    );
    expect(runCli(['--version']).output).toBe(`${pkg.version}\n`);
  });
});

describe('the example catalog', () => {
  const examples = resolve(__dirname, '../../../examples');

  it('has exactly one invalid entity, legacy-reports', () => {
    const files = ['org.yaml', 'systems.yaml', 'components.yaml', 'clean.yaml'];
    const result = runCli(['lint', ...files], { cwd: examples, now });
    expect(result.exitCode).toBe(1);
    const lines = result.output.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^components\.yaml:\d+:17 component:default\/legacy-reports: metadata\.annotations\.vigil\/tier has "tier-5"/,
    );
  });

  it('lints clean.yaml without errors', () => {
    expect(
      runCli(['lint', 'clean.yaml'], { cwd: examples, now }).exitCode,
    ).toBe(0);
  });
});
