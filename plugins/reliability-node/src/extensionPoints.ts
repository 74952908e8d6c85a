import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { ReliabilityCheck } from './checks';
import { SliDataSource } from './dataSources';

/**
 * Lets backend modules add readiness checks.
 *
 * @public
 */
export interface ReliabilityChecksExtensionPoint {
  addChecks(...checks: ReliabilityCheck[]): void;
}

/** @public */
export const reliabilityChecksExtensionPoint =
  createExtensionPoint<ReliabilityChecksExtensionPoint>({
    id: 'reliability.checks',
  });

/**
 * Lets backend modules add SLI data sources (Prometheus, …).
 *
 * @public
 */
export interface ReliabilityDataSourcesExtensionPoint {
  addDataSource(source: SliDataSource): void;
}

/** @public */
export const reliabilityDataSourcesExtensionPoint =
  createExtensionPoint<ReliabilityDataSourcesExtensionPoint>({
    id: 'reliability.dataSources',
  });
