/**
 * Catalog module of Vigil: checks reliability metadata at ingestion.
 *
 * @packageDocumentation
 */
export { catalogModuleReliability as default } from './module';
export { ReliabilityMetadataProcessor } from './ReliabilityMetadataProcessor';
