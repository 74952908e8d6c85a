export { ReliabilityOverviewPage } from './ReliabilityOverviewPage';
