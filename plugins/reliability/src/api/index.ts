export { reliabilityApiRef } from './ReliabilityApi';
export type {
  ReliabilityApi,
  OverviewEntitiesRequest,
  OverviewQuery,
  OverviewSortKey,
  OverviewGroupBy,
  OverviewCsvExport,
} from './ReliabilityApi';
export { ReliabilityClient } from './ReliabilityClient';
