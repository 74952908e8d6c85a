import { ReliabilityProfile } from '@vigil/plugin-reliability-common';

/**
 * True when the entity declares any reliability metadata, valid or not
 * (an invalid value is absent from the profile but present in its errors).
 */
export function hasReliabilityMetadata(profile: ReliabilityProfile): boolean {
  const { tier, runbook, dashboard, rto, rpo, dr, errors } = profile;
  return (
    errors.length > 0 ||
    [
      tier,
      runbook,
      dashboard,
      rto,
      rpo,
      dr.strategy,
      dr.lastTested,
      dr.runbook,
    ].some(value => value !== undefined)
  );
}
