const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
};

/**
 * Seconds of a one-unit Prometheus duration such as `30s`, `5m`, `1h`, `1d`
 * or `1w`; undefined when the text is not one.
 */
export function parsePromDuration(text: string): number | undefined {
  const match = /^(\d+)([smhdw])$/.exec(text.trim());
  if (!match) {
    return undefined;
  }
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2]];
  return seconds > 0 ? seconds : undefined;
}

/**
 * A whole number of seconds as the shortest exact Prometheus duration:
 * 300 → `5m`, 90 → `90s`, 86400 → `1d`.
 */
export function formatPromDuration(seconds: number): string {
  for (const unit of ['w', 'd', 'h', 'm'] as const) {
    if (seconds % UNIT_SECONDS[unit] === 0) {
      return `${seconds / UNIT_SECONDS[unit]}${unit}`;
    }
  }
  return `${seconds}s`;
}
