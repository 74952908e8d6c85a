/**
 * `vigil`: lints Backstage catalog files (the `vigil/*` annotations under
 * the reliability policy, and OpenSLO SLO/SLI documents) with the same
 * policy evaluation and parsers as the Vigil backend
 * (`@vigil/plugin-reliability-common`).
 *
 * @packageDocumentation
 */
export { runCli } from './run';
export type { CliResult, ExitCode, RunCliOptions } from './run';
