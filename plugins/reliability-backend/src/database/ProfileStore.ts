import { ReliabilityProfile } from '@vigil/plugin-reliability-common';

/**
 * A stored profile and when it was first seen as it is now.
 *
 * @public
 */
export interface StoredProfile {
  entityRef: string;
  profile: ReliabilityProfile;
  changedAt: Date;
  seenAt: Date;
}

/**
 * Keeps the last parsed profile of every entity.
 *
 * @public
 */
export interface ProfileStore {
  /**
   * Records the profile as seen at `seenAt`. `changedAt` moves only when the
   * profile differs from the stored one. Returns the stored row.
   */
  recordProfile(
    profile: ReliabilityProfile,
    seenAt: Date,
  ): Promise<StoredProfile>;
  getProfile(entityRef: string): Promise<StoredProfile | undefined>;
}
