/**
 * Service tiers, from the most critical (0) to the least (3).
 *
 * @public
 */
export const TIERS = [0, 1, 2, 3] as const;

/** @public */
export type Tier = (typeof TIERS)[number];

const TIER_LABELS: Record<number, string> = {
  0: 'tier-0',
  1: 'tier-1',
  2: 'tier-2',
  3: 'tier-3',
};

/**
 * The canonical label of a tier, as written in `vigil/tier`.
 *
 * @public
 */
export function tierLabel(tier: Tier): string {
  return TIER_LABELS[tier] ?? `tier-${tier}`;
}

/** The usual spellings, looked up before the regular expression. */
const CANONICAL_TIERS = new Map<string, Tier>([
  ['tier-0', 0],
  ['tier-1', 1],
  ['tier-2', 2],
  ['tier-3', 3],
  ['0', 0],
  ['1', 1],
  ['2', 2],
  ['3', 3],
]);

/**
 * Reads `tier-2` or `2` (surrounding blanks ignored, case-insensitive);
 * anything else is not a tier.
 *
 * @public
 */
export function parseTier(text: string): Tier | undefined {
  const canonical = CANONICAL_TIERS.get(text);
  if (canonical !== undefined) return canonical;
  const match = /^(?:tier-)?([0-3])$/i.exec(text.trim());
  return match ? (Number(match[1]) as Tier) : undefined;
}
