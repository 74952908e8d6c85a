const dayPrefixes = new Map<number, string>();
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * `new Date(seconds * 1000).toISOString()` for whole unix seconds, about
 * ten times faster: a read turns ~17,000 bucket bounds into strings, and
 * `toISOString` was a sixth of the benchmark's CPU time.
 */
export function isoSeconds(seconds: number): string {
  const day = Math.floor(seconds / 86_400);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
    if (dayPrefixes.size > 4096) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  const inDay = seconds - day * 86_400;
  const hours = Math.floor(inDay / 3600);
  const minutes = Math.floor((inDay % 3600) / 60);
  return `${prefix}${two(hours)}:${two(minutes)}:${two(inDay % 60)}.000Z`;
}
