import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HELP_TEXT, parseArgs } from './args';
import { FileLintResult, lintText } from './lintFile';
import { formatHuman } from './output';
import { cliVersion } from './version';

/**
 * Exit codes of `vigil`: 0 clean, 1 metadata errors found, 2 usage error or
 * a file that could not be read or parsed.
 *
 * @public
 */
export type ExitCode = 0 | 1 | 2;

/**
 * What a run of `vigil` produced. The launcher prints `output` (to stderr
 * when `toStderr`) and exits with `exitCode`.
 *
 * @public
 */
export interface CliResult {
  exitCode: ExitCode;
  output: string;
  toStderr: boolean;
}

/** @public */
export interface RunCliOptions {
  /** Directory that relative file names are read from; default `process.cwd()`. */
  cwd?: string;
  /** The moment dates are judged against; default now. */
  now?: Date;
}

/**
 * Runs `vigil` with the given arguments (without `node` and the script
 * name) and returns what to print and the exit code. Does not print or exit,
 * so it can be tested and embedded.
 *
 * @public
 */
export function runCli(argv: string[], options: RunCliOptions = {}): CliResult {
  const command = parseArgs(argv);
  switch (command.kind) {
    case 'help':
      return { exitCode: 0, output: HELP_TEXT, toStderr: false };
    case 'version':
      return { exitCode: 0, output: `${cliVersion()}\n`, toStderr: false };
    case 'usage-error':
      return {
        exitCode: 2,
        output: `vigil: ${command.message}\n\n${HELP_TEXT}`,
        toStderr: true,
      };
    case 'lint':
    default:
      break;
  }

  const cwd = options.cwd ?? process.cwd();
  const now = options.now ?? new Date();
  const results = command.files.map(file => lintFile(file, cwd, now));
  let exitCode: ExitCode = 0;
  if (results.some(r => r.problems.length > 0)) {
    exitCode = 2;
  } else if (results.some(r => r.errors.length > 0)) {
    exitCode = 1;
  }
  return { exitCode, output: formatHuman(results), toStderr: false };
}

const READ_ERROR_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory (name the YAML files, e.g. dir/*.yaml)',
  EACCES: 'permission denied',
};

function lintFile(file: string, cwd: string, now: Date): FileLintResult {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    const reason =
      READ_ERROR_REASONS[code ?? ''] ??
      (error as Error)?.message ??
      String(error);
    return {
      file,
      entityCount: 0,
      errors: [],
      problems: [{ message: `cannot read file: ${reason}` }],
    };
  }
  return lintText(file, text, { now });
}
