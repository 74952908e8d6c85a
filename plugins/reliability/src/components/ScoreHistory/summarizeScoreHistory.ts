import { ReadinessHistoryPoint } from '../../api/ReliabilityApi';

const DAY_MS = 86_400_000;

/** The points in time order (the backend sends them so; this makes sure). */
export function sortedHistory(
  items: ReadinessHistoryPoint[],
): ReadinessHistoryPoint[] {
  return [...items].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

const day = (iso: string) => iso.slice(0, 10);

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * One sentence a screen reader (and everyone else) can read instead of the
 * chart: first and last score, over how many days, from how many snapshots.
 * Empty when there is no history.
 */
export function summarizeScoreHistory(items: ReadinessHistoryPoint[]): string {
  const points = sortedHistory(items);
  if (points.length === 0) return '';
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length === 1) {
    return `Score ${last.score} on ${day(last.at)} (1 snapshot)`;
  }
  const days = Math.round(
    (Date.parse(last.at) - Date.parse(first.at)) / DAY_MS,
  );
  const span = days < 1 ? 'within a day' : `over ${plural(days, 'day')}`;
  return `Score ${first.score} → ${last.score} ${span} (${day(
    first.at,
  )} to ${day(last.at)}, ${plural(points.length, 'snapshot')})`;
}
