/**
 * Service tiers, from the most critical (0) to the least (3).
 *
 * @public
 */
export const TIERS = [0, 1, 2, 3] as const;

/** @public */
export type Tier = (typeof TIERS)[number];

/**
 * The canonical label of a tier, as written in `vigil/tier`.
 *
 * @public
 */
export function tierLabel(tier: Tier): string {
  return `tier-${tier}`;
}

/**
 * Reads `tier-2` or `2` (surrounding blanks ignored, case-insensitive);
 * anything else is not a tier.
 *
 * @public
 */
export function parseTier(text: string): Tier | undefined {
  const match = /^(?:tier-)?([0-3])$/i.exec(text.trim());
  return match ? (Number(match[1]) as Tier) : undefined;
}
