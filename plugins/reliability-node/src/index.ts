/**
 * Extension points of the Vigil reliability backend.
 *
 * @packageDocumentation
 */
export * from './checks';
export * from './dataSources';
export * from './extensionPoints';
