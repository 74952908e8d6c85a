/**
 * Prometheus SLI data source for the Vigil reliability backend.
 *
 * @packageDocumentation
 */
export { reliabilityModulePrometheus as default } from './module';
export { PrometheusSliDataSource } from './PrometheusSliDataSource';
export type { PrometheusCountsResult } from './PrometheusSliDataSource';
export type { PrometheusSourceSettings } from './settings';
