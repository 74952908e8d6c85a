import { SloStatusResponse } from '@vigil/plugin-reliability-common';
import { percent } from './budgetFigures';

type HistoryPoint = SloStatusResponse['history'][number];

const DAY_MS = 86_400_000;
const day = (iso: string) => iso.slice(0, 10);

/** The points in time order. */
export function sortedBudgetHistory(items: HistoryPoint[]): HistoryPoint[] {
  return [...items].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** Remaining budget as shown: clamped at 0, like the headline. */
export const shownRemaining = (remaining: number) => Math.max(0, remaining);

/**
 * The burn-down in one sentence: budget left at the first and the last
 * point with data, over how many days. Empty when no point has a budget.
 */
export function summarizeBudgetHistory(items: HistoryPoint[]): string {
  const points = sortedBudgetHistory(items).filter(
    p => p.remaining !== undefined,
  );
  if (points.length === 0) return '';
  const first = points[0];
  const last = points[points.length - 1];
  const left = (p: HistoryPoint) => percent(shownRemaining(p.remaining!));
  if (points.length === 1) {
    return `Budget left ${left(last)} on ${day(last.at)} (1 point)`;
  }
  const days = Math.round(
    (Date.parse(last.at) - Date.parse(first.at)) / DAY_MS,
  );
  const span =
    days < 1 ? 'within a day' : `over ${days} day${days === 1 ? '' : 's'}`;
  return `Budget left ${left(first)} → ${left(last)} ${span} (${day(
    first.at,
  )} to ${day(last.at)}, ${points.length} points)`;
}
