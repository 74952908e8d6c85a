import { OverviewTrendsResponse } from '@vigil/plugin-reliability-common';
import { formatNumber } from './formatNumbers';

type TrendPoint = OverviewTrendsResponse['items'][number];

/** "the average score rose from 60 to 72.5" */
function change(label: string, from: number, to: number): string {
  if (from === to) {
    return `${label} stayed at ${formatNumber(to)}`;
  }
  return `${label} ${to > from ? 'rose' : 'fell'} from ${formatNumber(
    from,
  )} to ${formatNumber(to)}`;
}

/**
 * The trend in words, for screen readers and as the chart's caption: where
 * the average score and the count at target started and ended. Days
 * without entities are left out.
 */
export function summarizeTrends(items: TrendPoint[], days: number): string {
  const points = items.filter(p => p.entities > 0);
  if (points.length === 0) {
    return `No readiness history in the last ${days} days for these entities.`;
  }
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length === 1) {
    return `On ${last.date}: average score ${formatNumber(
      last.averageScore,
    )}, ${formatNumber(last.atTarget)} of ${formatNumber(
      last.entities,
    )} entities at target (one day of history so far).`;
  }
  return (
    `From ${first.date} to ${last.date}, ` +
    `${change('the average score', first.averageScore, last.averageScore)} ` +
    `and ${change('the entities at target', first.atTarget, last.atTarget)} ` +
    `(of ${formatNumber(last.entities)} on the last day).`
  );
}
