import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

describe('bin/vigil', () => {
  it('runs from source with plain Node and exits with the lint result', () => {
    const binPath = resolve(__dirname, '../bin/vigil');
    const file = resolve(__dirname, '../../../examples/components.yaml');
    const result = spawnSync(process.execPath, [binPath, 'lint', file], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'component:default/legacy-reports: metadata.annotations.vigil/tier has "tier-5"',
    );
    expect(result.stdout).toMatch(/^1 error in \d+ entities \(1 file\)$/m);
  }, 60_000);
});
