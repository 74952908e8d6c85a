/**
 * Vigil's reliability model, shared by the backend, the catalog module, the
 * CLI and the frontend: annotation names, the metadata parser and the types
 * of the REST API.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './api';
export * from './budget';
export * from './checks';
export * from './duration';
export * from './metadataError';
export * from './openslo';
export * from './permissions';
export * from './policy';
export * from './profile';
export * from './readiness';
export * from './relations';
export * from './tiers';
