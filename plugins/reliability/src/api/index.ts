export { reliabilityApiRef } from './ReliabilityApi';
export type { ReliabilityApi, OverviewEntitiesRequest } from './ReliabilityApi';
export { ReliabilityClient } from './ReliabilityClient';
