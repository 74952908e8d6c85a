/**
 * Vigil's reliability frontend: the entity Reliability tab and card, and the
 * organisation-wide reliability overview page.
 *
 * @packageDocumentation
 */
export {
  reliabilityPlugin,
  ReliabilityOverviewPage,
  EntityReliabilityContent,
  EntityReliabilityCard,
} from './plugin';
export { reliabilityApiRef, ReliabilityClient } from './api';
export type {
  ReliabilityApi,
  OverviewEntitiesRequest,
  OverviewQuery,
  OverviewSortKey,
  OverviewGroupBy,
  OverviewCsvExport,
} from './api';
export { isReliabilityAvailable } from '@vigil/plugin-reliability-common';
