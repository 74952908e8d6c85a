import { SloStatusResponse } from '@vigil/plugin-reliability-common';
import { budgetFigures, count, duration, percent } from './budgetFigures';

/** The headline of one SLO: how much budget is left. */
export function budgetHeadline(status: SloStatusResponse): string {
  const remaining = budgetFigures(status).errorBudget?.remaining;
  if (status.state === 'no-data' || remaining === undefined) {
    return 'no data yet';
  }
  return `${percent(Math.max(0, remaining))} of the error budget left`;
}

/**
 * The inputs behind the headline in one line, from what the backend
 * returned: no number on screen without its inputs.
 */
export function budgetExplanation(status: SloStatusResponse): string {
  const f = budgetFigures(status);
  if (!f.inputs || !f.window) {
    return status.source.reason ?? 'No counts have arrived for this SLO.';
  }
  const parts = [
    `${count(f.inputs.bad)} bad of ${count(f.inputs.total)} events`,
    f.sli === undefined ? undefined : `SLI ${percent(f.sli, 3)}`,
    `${duration(f.window.lengthSeconds)} ${f.window.kind} window, ${f.method}`,
    `coverage ${percent(f.inputs.coverage, 0)}`,
    f.timeToExhaustionSeconds === undefined
      ? undefined
      : `exhausted in ${duration(f.timeToExhaustionSeconds)} at the ${
          f.timeToExhaustionWindow
        } burn rate`,
  ];
  return parts.filter(Boolean).join(' · ');
}
