/**
 * Catalog module of Vigil: OpenSLO SLO/SLI entities and the reliability
 * policy applied at ingestion.
 *
 * @packageDocumentation
 */
export { catalogModuleReliability as default } from './module';
export { ReliabilityMetadataProcessor } from './ReliabilityMetadataProcessor';
export { OpenSloEntityProcessor } from './OpenSloEntityProcessor';
