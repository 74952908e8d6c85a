import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

describe('bin/vigil', () => {
  const binPath = resolve(__dirname, '../bin/vigil');
  const examples = resolve(__dirname, '../../../examples');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [binPath, ...args], {
      cwd: examples,
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('runs from source with plain Node, expands globs and exits with the lint result', () => {
    const result = run(
      'lint',
      '--config',
      'policies/dev.yaml',
      '--now',
      '2026-11-27',
      '*.yaml',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /^policy-violations\.yaml:\d+:\d+ error component:default\/ledger: metadata\.annotations\.vigil\/rto has "4h"/m,
    );
    expect(result.stdout).toMatch(
      /^2 errors, \d+ warnings in \d+ entities \(6 files\)$/m,
    );
  }, 60_000);

  it('keeps stdout pure JSON and says which policy applies on stderr', () => {
    const result = run('lint', '--format', 'json', 'clean.yaml');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      'vigil: no --config and no ./app-config.yaml: using the default policy\n',
    );
    expect(JSON.parse(result.stdout).summary).toMatchObject({
      errors: 0,
      files: 1,
    });
  }, 60_000);

  it('exits 2 on a usage error, with the message on stderr', () => {
    const result = run('lint', 'nothing/**/*.yaml');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('vigil: no file matches "nothing/**/*.yaml"\n');
  }, 60_000);
});
