/*
 * The OpenSLO v1 model: SLO and SLI documents parsed into typed objects with
 * field-level errors, and their normalisation into catalog entities.
 */
export * from './types';
export { parseSloDuration } from './duration';
export { inferSloKind } from './sloDocument';
export { isOpenSloDocument, parseOpenSloDocument } from './parseDocument';
export { normalizeOpenSloEntity } from './normalize';
export { checkReferencedIndicator } from './resolvedIndicator';
