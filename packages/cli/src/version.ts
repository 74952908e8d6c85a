import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The version in this package's package.json. Both `src/` (development)
 * and `dist/` (published) sit directly under the package root, so the path
 * is the same in both (this is a CLI, not a backend plugin: there is no
 * `resolvePackagePath` here).
 */
export function cliVersion(): string {
  try {
    const pkg = JSON.parse(
      // eslint-disable-next-line no-restricted-syntax
      readFileSync(resolve(__dirname, '..', 'package.json'), 'utf8'),
    );
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
