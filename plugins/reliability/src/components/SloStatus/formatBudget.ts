import { SloStatusResponse } from '@vigil/plugin-reliability-common';

/** The parts of an ErrorBudgetResult the tab explains. */
interface BudgetFigures {
  method?: string;
  sli?: number;
  window?: { lengthSeconds: number; kind: string };
  inputs?: { good: number; total: number; bad: number; coverage: number };
  errorBudget?: { remaining?: number; unit?: string };
  timeToExhaustionSeconds?: number;
  timeToExhaustionWindow?: string;
  action?: string;
}

const percent = (value: number, digits = 1) =>
  `${(value * 100).toFixed(digits)} %`;
const count = (value: number) => Math.round(value).toLocaleString('en-US');

function duration(seconds: number): string {
  if (seconds >= 86400) return `${(seconds / 86400).toFixed(1)} d`;
  if (seconds >= 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${Math.round(seconds / 60)} min`;
}

/** The headline of one SLO: how much budget is left. */
export function budgetHeadline(status: SloStatusResponse): string {
  const figures = status.result as BudgetFigures;
  const remaining = figures.errorBudget?.remaining;
  if (status.state === 'no-data' || remaining === undefined) {
    return 'no data yet';
  }
  return `${percent(Math.max(0, remaining))} of the error budget left`;
}

/**
 * How the headline was computed, from the inputs the backend returned: no
 * number on screen without its inputs.
 */
export function budgetExplanation(status: SloStatusResponse): string {
  const f = status.result as BudgetFigures;
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
