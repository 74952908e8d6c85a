/*
 * How the policy shapes a check: its level, its weight and its enabledFrom.
 */
import { enabledFromMs } from '../policy/enabledFrom';
import { ReliabilityPolicy } from '../policy/types';

/** The default levels the built-in checks are written against. */
const BUILT_IN_LEVELS = ['bronze', 'silver', 'gold'];

/**
 * Settings a policy may one day hold per check besides `enabledFrom`.
 * `ReliabilityPolicy.checks` does not declare them yet (and `parsePolicy`
 * rejects them); they are read here so that adding them to the policy
 * needs no change in the evaluator.
 */
interface CheckOverrides {
  enabledFrom?: unknown;
  level?: unknown;
  weight?: unknown;
}

function overridesOf(
  policy: ReliabilityPolicy,
  id: string,
): CheckOverrides | undefined {
  const checks = policy.checks ?? {};
  return Object.prototype.hasOwnProperty.call(checks, id)
    ? (checks[id] as CheckOverrides | undefined)
    : undefined;
}

/** True when the policy names the check in `checks` (even as `{}`). */
export function isListedInPolicy(policy: ReliabilityPolicy, id: string) {
  return overridesOf(policy, id) !== undefined;
}

/**
 * The policy level a check belongs to. A level the policy knows is kept;
 * a built-in level of a policy with other level names keeps its rank
 * (bronze = lowest, gold = highest, silver in between); anything else is
 * the highest level.
 */
export function resolveLevel(
  level: string,
  levels: string[],
): string | undefined {
  if (levels.length === 0) return undefined;
  if (levels.includes(level)) return level;
  const rank = BUILT_IN_LEVELS.indexOf(level);
  if (rank < 0) return levels[levels.length - 1];
  return levels[
    Math.round((rank * (levels.length - 1)) / (BUILT_IN_LEVELS.length - 1))
  ];
}

/** The first `enabledFrom` among the ids (a check and its policy rule). */
export function enabledFromOf(
  policy: ReliabilityPolicy,
  ids: string[],
): string | undefined {
  for (const id of ids) {
    const from = overridesOf(policy, id)?.enabledFrom;
    if (typeof from === 'string') return from;
  }
  return undefined;
}

/**
 * True while `enabledFrom` (YYYY-MM-DD, midnight UTC) lies ahead: the same
 * reading as `evaluateMetadataPolicy`'s pending rules.
 */
export function isPending(enabledFrom: string | undefined, now: Date) {
  return enabledFromMs(enabledFrom) > now.getTime();
}

/**
 * A check's level and weight: the policy's override when there is a valid
 * one, else the given defaults, with the level resolved against the
 * policy's levels.
 */
export function checkSettings(
  policy: ReliabilityPolicy,
  id: string,
  defaults: { level: string; weight?: number },
): { level: string; weight: number } {
  const overrides = overridesOf(policy, id);
  const levels = policy.levels ?? [];
  const level =
    typeof overrides?.level === 'string' && levels.includes(overrides.level)
      ? overrides.level
      : resolveLevel(defaults.level, levels) ?? defaults.level;
  const validWeight = (w: unknown): w is number =>
    typeof w === 'number' && Number.isFinite(w) && w > 0;
  const override = overrides?.weight;
  let weight = 1;
  if (validWeight(override)) {
    weight = override;
  } else if (validWeight(defaults.weight)) {
    weight = defaults.weight;
  }
  return { level, weight };
}
