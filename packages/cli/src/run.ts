import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HELP_TEXT, LintCommand, parseArgs } from './args';
import { expandFiles } from './expandFiles';
import { FileLintResult, LintOptions, lintText } from './lintFile';
import { loadPolicy, readErrorReason } from './policyConfig';
import {
  formatHuman,
  formatJson,
  formatJunit,
  LintReport,
  summarize,
} from './report';
import { cliVersion } from './version';

/**
 * Exit codes of `vigil`: 0 clean, 1 errors found, 2 usage error, invalid
 * policy, or input that could not be read or parsed.
 *
 * @public
 */
export type ExitCode = 0 | 1 | 2;

/**
 * What a run of `vigil` produced. The launcher writes `stdout` and
 * `stderr` and exits with `exitCode`.
 *
 * @public
 */
export interface CliResult {
  exitCode: ExitCode;
  stdout: string;
  stderr: string;
}

/** @public */
export interface RunCliOptions {
  /** Directory that relative file names and globs are read from; default `process.cwd()`. */
  cwd?: string;
  /** The moment dates are judged against when `--now` is not given; default now. */
  now?: Date;
}

const usageError = (message: string): CliResult => ({
  exitCode: 2,
  stdout: '',
  stderr: `vigil: ${message}\n\n${HELP_TEXT}`,
});

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
      return { exitCode: 0, stdout: HELP_TEXT, stderr: '' };
    case 'version':
      return { exitCode: 0, stdout: `${cliVersion()}\n`, stderr: '' };
    case 'usage-error':
      return usageError(command.message);
    case 'lint':
    default:
      return runLint(command, options);
  }
}

function runLint(command: LintCommand, options: RunCliOptions): CliResult {
  const cwd = options.cwd ?? process.cwd();
  const now = command.now ?? options.now ?? new Date();

  const expanded = expandFiles(command.patterns, cwd);
  if (!expanded.ok) {
    return {
      exitCode: 2,
      stdout: '',
      stderr: expanded.errors.map(e => `vigil: ${e}\n`).join(''),
    };
  }

  const loaded = loadPolicy(command.configFiles, cwd);
  if (!loaded.ok) {
    const count = loaded.errors.length;
    return {
      exitCode: 2,
      stdout: '',
      stderr: `vigil: cannot use the policy (${count} problem${
        count === 1 ? '' : 's'
      }):\n${loaded.errors.map(e => `  ${e}\n`).join('')}`,
    };
  }

  const lintOptions: LintOptions = { now, policy: loaded.policy };
  const results = expanded.files.map(file => lintFile(file, cwd, lintOptions));
  const report: LintReport = {
    results,
    strict: command.strict,
    now,
    policySource: loaded.source,
    enabledFrom: Object.fromEntries(
      Object.entries(loaded.policy.checks).map(([id, check]) => [
        id,
        check.enabledFrom,
      ]),
    ),
  };
  const formatters = {
    human: formatHuman,
    json: formatJson,
    junit: formatJunit,
  };
  return {
    exitCode: summarize(report).exitCode,
    stdout: formatters[command.format](report),
    stderr: loaded.notes.map(note => `${note}\n`).join(''),
  };
}

function lintFile(
  file: string,
  cwd: string,
  options: LintOptions,
): FileLintResult {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    const reason =
      code === 'EISDIR'
        ? 'is a directory (name the YAML files, or a glob such as dir/**/*.yaml)'
        : readErrorReason(error);
    return {
      file,
      entities: [],
      findings: [],
      suppressed: 0,
      problems: [{ message: `cannot read file: ${reason}` }],
    };
  }
  return lintText(file, text, options);
}
