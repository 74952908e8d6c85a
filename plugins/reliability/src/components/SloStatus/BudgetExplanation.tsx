import { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { BudgetState } from '@vigil/plugin-reliability-common';
import {
  BudgetFigures,
  count,
  decimal,
  duration,
  percent,
} from './budgetFigures';

function Line(props: { children: ReactNode }) {
  return (
    <Typography variant="body2" component="li">
      {props.children}
    </Typography>
  );
}

/** SLI, budget and consumption, with the inputs the backend returned. */
function budgetLines(f: BudgetFigures): string[] {
  const { inputs, errorBudget = {}, target } = f;
  if (!inputs || target === undefined) return [];
  const budget = `1 − target = 1 − ${percent(target, 3)} = ${percent(
    1 - target,
    3,
  )}`;
  const lines: string[] = [`Error budget share: ${budget}`];
  const slices = inputs.slices;
  if (slices) {
    lines.push(
      f.method === 'RatioTimeslices'
        ? `SLI = mean of the SLIs of ${count(slices.measured)} measured slices${
            f.sli === undefined ? '' : ` = ${percent(f.sli, 3)}`
          }`
        : `SLI = good slices ÷ measured slices = ${count(
            slices.good,
          )} ÷ ${count(slices.measured)}${
            f.sli === undefined ? '' : ` = ${percent(f.sli, 3)}`
          }`,
      `Budget in slices = ${percent(1 - target, 3)} × ${count(
        slices.total,
      )} slices of ${duration(slices.sliceSeconds)} in the window = ${decimal(
        slices.budget,
      )}`,
    );
    if (errorBudget.consumed !== undefined) {
      lines.push(
        `Consumed = bad slices ÷ budget = ${count(slices.bad)} ÷ ${decimal(
          slices.budget,
        )} = ${percent(errorBudget.consumed)}`,
      );
    }
  } else {
    if (f.sli !== undefined) {
      lines.push(
        `SLI = good ÷ total = ${count(inputs.good)} ÷ ${count(
          inputs.total,
        )} = ${percent(f.sli, 3)}`,
      );
    }
    if (errorBudget.allowedBad !== undefined) {
      lines.push(
        `Allowed bad events = ${percent(1 - target, 3)} × ${count(
          inputs.total,
        )} events = ${count(errorBudget.allowedBad)}`,
      );
    }
    if (
      errorBudget.consumed !== undefined &&
      errorBudget.allowedBad !== undefined
    ) {
      lines.push(
        `Consumed = bad ÷ allowed bad = ${count(inputs.bad)} ÷ ${count(
          errorBudget.allowedBad,
        )} = ${percent(errorBudget.consumed)}`,
      );
    }
  }
  if (errorBudget.remaining !== undefined) {
    const signed = errorBudget.remaining;
    lines.push(
      `Remaining = 1 − consumed = ${percent(signed)}${
        signed < 0 ? ' (overspent; shown as 0.0 %)' : ''
      }${
        errorBudget.remainingBad === undefined
          ? ''
          : `, ${decimal(errorBudget.remainingBad)} bad ${
              errorBudget.unit ?? 'events'
            } left`
      }`,
    );
  }
  return lines;
}

function exhaustionLine(f: BudgetFigures): string | undefined {
  const remaining = f.errorBudget?.remaining;
  if (remaining === undefined || !f.window) return undefined;
  if (remaining <= 0) {
    return 'Time to exhaustion: none — the budget is already spent.';
  }
  const rate = f.burnRates?.find(r => r.window === f.timeToExhaustionWindow);
  if (f.timeToExhaustionSeconds === undefined || !rate?.burnRate) {
    return 'Time to exhaustion: not projected — no burn window has a burn rate above 0.';
  }
  return `Time to exhaustion = remaining × window ÷ burn rate (${
    rate.window
  }, the longest page window with data) = ${decimal(remaining, 3)} × ${duration(
    f.window.lengthSeconds,
  )} ÷ ${decimal(rate.burnRate)} = ${duration(f.timeToExhaustionSeconds)}`;
}

function stateLine(state: BudgetState, f: BudgetFigures): string {
  const firing = (f.alerts ?? []).filter(a => a.firing);
  const firingText = firing
    .map(
      a =>
        `${a.name} (${a.severity}: ${a.longWindow} and ${
          a.shortWindow
        } above ${decimal(a.factor)}×)`,
    )
    .join(', ');
  switch (state) {
    case 'exhausted':
      return 'State exhausted: the remaining budget is 0 or less.';
    case 'burning':
      return `State burning: a page alert fires — ${firingText}.`;
    case 'at-risk':
      return firing.length
        ? `State at-risk: a ticket alert fires — ${firingText}.`
        : "State at-risk: the remaining budget is at or below the policy's warning threshold.";
    case 'no-data':
      return 'State no-data: no events (or no measured slice) in the window; the budget is not guessed.';
    default:
      return 'State healthy: budget left and no burn-rate alert fires.';
  }
}

/**
 * How every number of an SLO card was computed, as formulas filled in
 * with the inputs the backend returned (DESIGN §6.1), then its notes.
 */
export function BudgetExplanation(props: {
  state: BudgetState;
  figures: BudgetFigures;
}) {
  const f = props.figures;
  const lines = [
    ...budgetLines(f),
    exhaustionLine(f),
    stateLine(props.state, f),
    f.window
      ? `Window: ${duration(f.window.lengthSeconds)} ${f.window.kind}, from ${
          f.window.start
        } to ${f.window.end}; coverage ${percent(
          f.inputs?.coverage ?? 0,
          0,
        )} of it has data`
      : undefined,
    f.windowSet
      ? `Burn rate = error ratio over the window ÷ ${percent(
          1 - (f.target ?? 0),
          3,
        )} (window set ${f.windowSet})`
      : undefined,
  ].filter((l): l is string => Boolean(l));
  return (
    <>
      <ul style={{ margin: 0, paddingLeft: 16 }}>
        {lines.map(line => (
          <Line key={line}>{line}</Line>
        ))}
      </ul>
      {f.notes && f.notes.length > 0 && (
        <>
          <Typography variant="subtitle2" component="p">
            Notes from the evaluation
          </Typography>
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {f.notes.map(note => (
              <Line key={note}>{note}</Line>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
