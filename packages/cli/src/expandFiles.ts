import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { globSync } from 'glob';

/** Directories a glob never descends into. */
export const IGNORED_DIRECTORIES = ['**/node_modules/**'];

/** Characters that make an argument a glob rather than a file name. */
const GLOB_SYNTAX = /[*?[\]{}]/;

/** The outcome of expanding the command line's files and globs. */
export type ExpandResult =
  | { ok: true; files: string[] }
  | { ok: false; errors: string[] };

/**
 * Turns the arguments of `vigil lint` into a list of files, in argument
 * order, each file once. An argument that names an existing path is taken
 * as it is (even if it contains `*` or `[`); otherwise an argument with
 * glob syntax (`*`, `?`, `[…]`, `{a,b}`, `**`) is expanded by vigil itself,
 * so quoting works the same in every shell, Windows included (where `\`
 * separates directories). Matches are sorted; dot-files and
 * `node_modules` are skipped. A glob that matches no file is an error; a
 * plain name that does not exist is kept, so that it is reported as
 * unreadable with the other files.
 */
export function expandFiles(
  patterns: string[],
  cwd: string,
  platform: NodeJS.Platform = process.platform,
): ExpandResult {
  const files: string[] = [];
  const seen = new Set<string>();
  const errors: string[] = [];
  const add = (file: string) => {
    const key = resolve(cwd, file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  const windowsPaths = platform === 'win32';

  for (const pattern of patterns) {
    if (exists(resolve(cwd, pattern)) || !GLOB_SYNTAX.test(pattern)) {
      add(pattern);
      continue;
    }
    let matches: string[];
    try {
      matches = globSync(pattern, {
        cwd,
        nodir: true,
        dot: false,
        follow: false,
        posix: true,
        ignore: IGNORED_DIRECTORIES,
        windowsPathsNoEscape: windowsPaths,
      });
    } catch (error) {
      errors.push(
        `cannot expand "${pattern}": ${(error as Error)?.message ?? error}`,
      );
      continue;
    }
    if (matches.length === 0) {
      errors.push(`no file matches "${pattern}"`);
      continue;
    }
    matches.sort(); // by UTF-16 code units: the same order everywhere
    matches.forEach(add);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, files };
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
