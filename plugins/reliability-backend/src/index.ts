/**
 * The Vigil reliability backend plugin.
 *
 * @packageDocumentation
 */
export { reliabilityPlugin as default } from './plugin';
export type { ProfileStore, StoredProfile } from './database/ProfileStore';
