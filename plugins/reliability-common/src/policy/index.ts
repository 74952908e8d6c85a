export * from './defaults';
export * from './enforcement';
export * from './parsePolicy';
export * from './types';
export * from './evaluateMetadataPolicy';
