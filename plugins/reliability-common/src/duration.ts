/**
 * A duration as written in metadata (`15m`) and its length in seconds.
 *
 * @public
 */
export interface ReliabilityDuration {
  text: string;
  seconds: number;
}

const SECONDS_PER_UNIT: Record<string, number> = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
};

/**
 * Units accepted in annotation durations. `m` is always minutes: months do
 * not exist here because their length varies (OpenSLO's `M` is for SLO
 * time windows only).
 *
 * @public
 */
export const DURATION_UNITS = Object.keys(SECONDS_PER_UNIT);

const DURATION = /^[1-9][0-9]{0,8}[smhdw]$/;

/**
 * Parses `90s`, `15m`, `1h`, `2d`, `1w`: a positive whole number and one
 * unit. Returns undefined for anything else, including `0h`, `1.5h`, `1H`
 * and `1M`.
 *
 * @public
 */
export function parseDuration(text: string): ReliabilityDuration | undefined {
  const trimmed = text.trim();
  // test, then slices: no match array for the two durations of every entity.
  if (!DURATION.test(trimmed)) {
    return undefined;
  }
  const unit = trimmed[trimmed.length - 1];
  return {
    text: trimmed,
    seconds: Number(trimmed.slice(0, -1)) * SECONDS_PER_UNIT[unit],
  };
}
