import {
  ErrorBudgetResult,
  SloStatusResponse,
} from '@vigil/plugin-reliability-common';

/**
 * An ErrorBudgetResult as it travels in JSON (dates as ISO strings). Every
 * field may be absent: a `no-data` status carries only its state and notes.
 */
export type BudgetFigures = Partial<
  Omit<ErrorBudgetResult, 'window' | 'inputs' | 'errorBudget'>
> & {
  window?: Omit<ErrorBudgetResult['window'], 'start' | 'end'> & {
    start: string;
    end: string;
  };
  inputs?: Partial<ErrorBudgetResult['inputs']> &
    Pick<ErrorBudgetResult['inputs'], 'good' | 'total' | 'bad' | 'coverage'>;
  errorBudget?: Partial<ErrorBudgetResult['errorBudget']>;
};

/** The figures of one SLO status, typed. */
export function budgetFigures(status: SloStatusResponse): BudgetFigures {
  return status.result as BudgetFigures;
}

export const percent = (value: number, digits = 1) =>
  `${(value * 100).toFixed(digits)} %`;

/** A count, whole and grouped: 1,000,000. */
export const count = (value: number) =>
  Math.round(value).toLocaleString('en-US');

/** A small decimal as people read it: 0.001, 5.6, 14.4. */
export const decimal = (value: number, digits = 2) =>
  Number(value.toFixed(digits)).toLocaleString('en-US', {
    maximumFractionDigits: digits,
  });

export function duration(seconds: number): string {
  if (seconds >= 86400) return `${(seconds / 86400).toFixed(1)} d`;
  if (seconds >= 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${Math.round(seconds / 60)} min`;
}
