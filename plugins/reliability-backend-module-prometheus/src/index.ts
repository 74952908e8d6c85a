/**
 * Prometheus SLI data source for the Vigil reliability backend.
 *
 * @packageDocumentation
 */
export { reliabilityModulePrometheus as default } from './module';
