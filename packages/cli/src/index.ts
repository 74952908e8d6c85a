/**
 * `vigil`: lints the reliability metadata of Backstage catalog files with
 * the same parser as the Vigil backend (`@vigil/plugin-reliability-common`).
 *
 * @packageDocumentation
 */
export { runCli } from './run';
export type { CliResult, ExitCode, RunCliOptions } from './run';
