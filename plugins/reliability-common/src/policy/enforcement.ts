import { EnforcementMode, ReliabilityPolicy } from './types';

/**
 * The enforcement mode for an entity: its kind's mode wins over its tier's,
 * which wins over the default.
 *
 * @public
 */
export function enforcementModeFor(
  policy: ReliabilityPolicy,
  kind: string,
  tier: string | undefined,
): EnforcementMode {
  return (
    policy.enforcement.kinds[kind.toLowerCase()] ??
    (tier ? policy.enforcement.tiers[tier] : undefined) ??
    policy.enforcement.default
  );
}
