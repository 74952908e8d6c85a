/**
 * What the command line asks for. Parsing is strict: anything unknown is a
 * usage error (exit code 2), never silently ignored.
 */
export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'lint'; files: string[] }
  | { kind: 'usage-error'; message: string };

/**
 * Reads `vigil lint <files…>`, `vigil --help`, `vigil --version` (and
 * `vigil lint --help`). `--` ends the options, so a file named `-x.yaml`
 * can still be linted.
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

  const files: string[] = [];
  let optionsEnded = false;
  for (const arg of rest) {
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      if (arg === '-') {
        return {
          kind: 'usage-error',
          message: 'reading from stdin is not supported; name the files',
        };
      }
      files.push(arg);
    } else if (arg === '--') {
      optionsEnded = true;
    } else if (arg === '-h' || arg === '--help') {
      return { kind: 'help' };
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      return {
        kind: 'usage-error',
        message:
          '--format is not available yet: this version prints human-readable output only',
      };
    } else {
      return { kind: 'usage-error', message: `unknown option ${arg}` };
    }
  }
  if (files.length === 0) {
    return {
      kind: 'usage-error',
      message: 'vigil lint needs at least one file',
    };
  }
  return { kind: 'lint', files };
}

/** The text of `vigil --help`. */
export const HELP_TEXT = `Usage: vigil lint <file...>
       vigil --help | --version

Checks the reliability metadata (vigil/* annotations) of the Backstage catalog
entities in YAML files, with the same parser as the Vigil backend. Files may
hold several documents separated by ---.

Options:
  -h, --help      show this help
  -V, --version   print the version

Exit codes:
  0  no errors
  1  reliability metadata errors found
  2  usage error, or a file could not be read or is not valid YAML
`;
