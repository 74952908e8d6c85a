export { EntityReliabilityCard } from './EntityReliabilityCard';
