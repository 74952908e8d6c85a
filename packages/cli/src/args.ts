/** Output formats of `vigil lint`. */
export const OUTPUT_FORMATS = ['human', 'json', 'junit'] as const;

/** @public */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** What `vigil lint` was asked to do. */
export interface LintCommand {
  kind: 'lint';
  /** Files and glob patterns, as written. */
  patterns: string[];
  /** `--config` files in order (later ones override earlier ones). */
  configFiles: string[];
  /** `--now`, when given: midnight UTC of that day. */
  now?: Date;
  format: OutputFormat;
  /** `--strict`: warnings (other than pending ones) fail the run too. */
  strict: boolean;
}

/**
 * What the command line asks for. Parsing is strict: anything unknown is a
 * usage error (exit code 2), never silently ignored.
 */
export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | LintCommand
  | { kind: 'usage-error'; message: string };

const VALUE_OPTIONS = ['--config', '--format', '--now'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

/** A real calendar date written YYYY-MM-DD, as midnight UTC; else undefined. */
export function parseDay(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return undefined;
  }
  const date = new Date(`${text}T00:00:00Z`);
  if (
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== text
  ) {
    return undefined;
  }
  return date;
}

/**
 * Reads `vigil lint [options] <file|glob...>`, `vigil --help`,
 * `vigil --version` (and `vigil lint --help`). Options take their value as
 * the next argument or after `=` (`--format json`, `--format=json`). `--`
 * ends the options, so a file named `-x.yaml` can still be linted.
 */
export function parseArgs(argv: string[]): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined) {
    return { kind: 'usage-error', message: 'missing command' };
  }
  if (command === '-h' || command === '--help' || command === 'help') {
    return { kind: 'help' };
  }
  if (command === '-V' || command === '--version') {
    return { kind: 'version' };
  }
  if (command !== 'lint') {
    return {
      kind: 'usage-error',
      message: command.startsWith('-')
        ? `unknown option ${command}`
        : `unknown command "${command}"`,
    };
  }

  const lint: LintCommand = {
    kind: 'lint',
    patterns: [],
    configFiles: [],
    format: 'human',
    strict: false,
  };
  let optionsEnded = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (optionsEnded || !arg.startsWith('-')) {
      if (arg === '') {
        return {
          kind: 'usage-error',
          message: 'an empty argument is not a file name',
        };
      }
      lint.patterns.push(arg);
      continue;
    }
    if (arg === '-') {
      return {
        kind: 'usage-error',
        message: 'reading from stdin is not supported; name the files',
      };
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') {
      return { kind: 'help' };
    }
    if (arg === '--strict') {
      lint.strict = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) {
      return { kind: 'usage-error', message: `unknown option ${arg}` };
    }
    let value: string | undefined;
    if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else if (i + 1 < rest.length && !rest[i + 1].startsWith('--')) {
      i += 1;
      value = rest[i];
    }
    if (value === undefined || value === '') {
      return { kind: 'usage-error', message: `${name} needs a value` };
    }
    const problem = applyOption(lint, name as ValueOption, value);
    if (problem) {
      return { kind: 'usage-error', message: problem };
    }
  }
  if (lint.patterns.length === 0) {
    return {
      kind: 'usage-error',
      message: 'vigil lint needs at least one file or glob',
    };
  }
  return lint;
}

/** Sets one option; returns a usage-error message when the value is bad. */
function applyOption(
  lint: LintCommand,
  name: ValueOption,
  value: string,
): string | undefined {
  switch (name) {
    case '--config':
      lint.configFiles.push(value);
      return undefined;
    case '--format': {
      const format = OUTPUT_FORMATS.find(f => f === value);
      if (!format) {
        return `--format has "${value}"; expected one of ${OUTPUT_FORMATS.join(
          ', ',
        )}`;
      }
      lint.format = format;
      return undefined;
    }
    case '--now':
    default: {
      const now = parseDay(value);
      if (!now) {
        return `--now has "${value}"; expected a calendar date written YYYY-MM-DD, e.g. --now 2026-11-27`;
      }
      lint.now = now;
      return undefined;
    }
  }
}

/** The text of `vigil --help`. */
export const HELP_TEXT = `Usage: vigil lint [options] <file|glob...>
       vigil --help | --version

Checks Backstage catalog files against Vigil's reliability policy, with the
same parser and policy evaluation as the Vigil backend: the vigil/*
annotations of Components, Systems and Resources, and OpenSLO (openslo/v1)
SLO and SLI documents. Files may hold several documents separated by ---.
Globs are expanded by vigil itself; quote them ('**/catalog-info.yaml').

Options:
  --config <file>   app-config.yaml to read reliability.policy from; repeat
                    it to merge several (later files win). Default:
                    ./app-config.yaml if it exists, else the default policy
  --format <fmt>    human (default), json or junit
  --now <date>      judge dates (DR test age, enabledFrom) against this day,
                    YYYY-MM-DD; default today
  --strict          warnings fail the run too (pending ones never do)
  -h, --help        show this help
  -V, --version     print the version

Exit codes:
  0  no errors (warnings allowed unless --strict)
  1  errors: findings for entities whose enforcement mode is enforce (with
     --strict, also findings under warn)
  2  usage error, invalid policy, a glob that matches no file, or a file
     that could not be read or is not valid YAML
`;
