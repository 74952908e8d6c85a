import { ServiceLevelObjective } from '../openslo/types';
import { CleanBucket, sanitizeBuckets, sumRange } from './buckets';
import {
  BURN_WINDOW_SETS,
  burnRateOf,
  burnWindowsOf,
  evaluateAlerts,
  resolveBurnWindowSet,
} from './burnRates';
import { buildSliceGrid, SliceGrid, summarizeSlices } from './timeslices';
import {
  BudgetSlo,
  BudgetState,
  BurnRate,
  ErrorBudgetResult,
  EvaluateErrorBudgetInput,
} from './types';
import { formatWindowLabel, windowBounds } from './windows';

/**
 * Action text per state when the policy gives none.
 *
 * @public
 */
export const DEFAULT_BUDGET_ACTIONS: Readonly<Record<BudgetState, string>> = {
  healthy: 'No action needed: the error budget is on track.',
  'at-risk':
    'Review the trend and plan reliability work before the error budget runs out.',
  burning:
    'Page the on-call: the error budget is burning fast; mitigate or roll back now.',
  exhausted:
    'Freeze risky changes: ship only reliability and security fixes until the error budget recovers.',
  'no-data':
    'Check the SLI source: no events were recorded in the window, so the budget cannot be computed.',
};

/** Default remaining share at or below which a budget is at risk. */
const DEFAULT_WARN_REMAINING = 0.25;

/**
 * The input of {@link evaluateErrorBudget} for one objective of a parsed
 * OpenSLO SLO (the first by default). Throws when the SLO has no such
 * objective.
 *
 * @public
 */
export function toBudgetSlo(
  slo: ServiceLevelObjective,
  objectiveIndex = 0,
): BudgetSlo {
  const objective = slo.objectives[objectiveIndex];
  if (!objective) {
    throw new Error(
      `Error budget: ${slo.entityRef} has no objective ${objectiveIndex}`,
    );
  }
  return {
    target: objective.target,
    budgetingMethod: slo.budgetingMethod,
    timeWindow: slo.timeWindow,
    ...(objective.timeSliceTarget !== undefined
      ? { timeSliceTarget: objective.timeSliceTarget }
      : {}),
    ...(objective.timeSliceWindow?.seconds !== undefined
      ? { timeSliceWindowSeconds: objective.timeSliceWindow.seconds }
      : {}),
  };
}

/**
 * B = 1 − T, rounded to the decimals of T as written: targets are
 * decimals, and the rounding strips the binary noise (1 − 0.9995 is
 * 0.0004999999999999449 in floating point; B is 0.0005).
 */
function budgetOf(target: number): number {
  const [mantissa, exponent] = String(target).split('e');
  const decimals =
    (mantissa.split('.')[1] ?? '').length - Number(exponent ?? 0);
  const exact = 1 - target;
  const rounded = Number(exact.toFixed(Math.min(100, Math.max(0, decimals))));
  return rounded > 0 ? rounded : exact;
}

const finite = (value: number): number | undefined =>
  Number.isFinite(value) ? value : undefined;

function checkSlo(slo: BudgetSlo, warnRemaining: number): void {
  const misuse = (detail: string) => new Error(`Error budget: ${detail}`);
  if (
    typeof slo.target !== 'number' ||
    !Number.isFinite(slo.target) ||
    slo.target < 0 ||
    slo.target >= 1
  ) {
    throw misuse(
      `target must be in [0, 1), not ${slo.target}: a target of 1 leaves no error budget (the OpenSLO parser rejects it)`,
    );
  }
  const method = slo.budgetingMethod;
  if (!['Occurrences', 'Timeslices', 'RatioTimeslices'].includes(method)) {
    throw misuse(`unknown budgeting method ${method}`);
  }
  if (method !== 'Occurrences') {
    const seconds = slo.timeSliceWindowSeconds;
    if (
      typeof seconds !== 'number' ||
      !Number.isFinite(seconds) ||
      seconds <= 0
    ) {
      throw misuse(`${method} needs timeSliceWindowSeconds > 0`);
    }
  }
  if (method === 'Timeslices') {
    const sliceTarget = slo.timeSliceTarget;
    if (
      typeof sliceTarget !== 'number' ||
      !(sliceTarget > 0 && sliceTarget <= 1)
    ) {
      throw misuse('Timeslices needs timeSliceTarget in (0, 1]');
    }
  }
  if (!(warnRemaining >= 0 && warnRemaining <= 1)) {
    throw misuse(`thresholds.warnRemaining must be in [0, 1]`);
  }
}

const SECOND = 1000;

const formatShare = (share: number) => share.toFixed(2);
const formatCount = (count: number) =>
  Number.isInteger(count) ? String(count) : count.toFixed(2);

/** What one budgeting method measures over a range `[from, to]` (ms). */
interface Measure {
  good: number;
  total: number;
  coverage: number;
  firstStart?: number;
  slices?: { complete: number; measured: number; good: number; bad: number };
  /** Undefined without data. */
  errorRatio?: number;
  sli?: number;
}

function measurer(
  slo: BudgetSlo,
  buckets: readonly CleanBucket[],
  grid: SliceGrid | undefined,
): (from: number, to: number) => Measure {
  return (from, to) => {
    const sum = sumRange(buckets, from, to);
    if (!grid) {
      const bad = sum.total - sum.good;
      return {
        ...sum,
        ...(sum.total > 0
          ? { errorRatio: bad / sum.total, sli: sum.good / sum.total }
          : {}),
      };
    }
    const sliceTarget =
      slo.budgetingMethod === 'Timeslices' ? slo.timeSliceTarget : undefined;
    const slices = summarizeSlices(grid, from, to, sliceTarget);
    return {
      ...sum,
      slices,
      ...(slices.measured > 0
        ? {
            errorRatio: Math.min(1, slices.bad / slices.measured),
            sli: Math.min(1, slices.good / slices.measured),
          }
        : {}),
    };
  };
}

/**
 * The error budget of one SLO objective at `now`, from bucketed good and
 * total counts (DESIGN §6.1):
 *
 * - B = 1 − T; SLI = G/N; error ratio E(w) = bad(w)/N(w); burn rate
 *   BR(w) = E(w)/B; consumed C = E(W)/B; remaining R = 1 − C.
 * - Timeslices: a slice is good iff its SLI ≥ `timeSliceTarget`; the
 *   budget is B × (slices in W) and C = bad slices / budget.
 *   RatioTimeslices: each slice counts 1 − its SLI as bad. A slice without
 *   events is neither good nor bad.
 * - Calendar windows: Occurrences budgets the elapsed part (B × N so far);
 *   the slice methods budget the whole period (its slices are known).
 * - Multi-window burn-rate alerts from `windowSet`; state exhausted
 *   (R ≤ 0), burning (a page alert fires), at-risk (a ticket alert fires or
 *   R ≤ warnRemaining), healthy; no-data when N = 0 (or no measured slice).
 * - Time to exhaustion = R × W / BR with the burn rate of the longest page
 *   window that has data, when R > 0 and BR > 0.
 *
 * Pure: reads no clock. Bad data (NaN, ±Infinity, negative counts,
 * good > total) is counted and noted, never propagated: no number of the
 * result is NaN or infinite.
 *
 * Throws an Error only on programmer misuse: a target outside [0, 1)
 * (a target of 1 leaves no budget; the OpenSLO parser rejects it), a slice
 * method without its slice settings, warnRemaining outside [0, 1], a
 * malformed custom window set, an invalid `now`, time window or time zone.
 *
 * @public
 */
export function evaluateErrorBudget(
  input: EvaluateErrorBudgetInput,
): ErrorBudgetResult {
  const { slo, now } = input;
  const warnRemaining =
    input.thresholds?.warnRemaining ?? DEFAULT_WARN_REMAINING;
  checkSlo(slo, warnRemaining);
  const bounds = windowBounds(slo.timeWindow, now);
  const nowMs = now.getTime();
  const startMs = bounds.start.getTime();
  const W = bounds.lengthSeconds;
  const elapsedSeconds = (nowMs - startMs) / SECOND;
  const B = budgetOf(slo.target);
  const method = slo.budgetingMethod;
  const isSliced = method !== 'Occurrences';
  const notes: string[] = [];

  const sanitized = sanitizeBuckets(input.buckets ?? []);
  const windowSet = input.windowSet ?? BURN_WINDOW_SETS.google;
  const resolved = resolveBurnWindowSet(windowSet, W);
  const burnWindows = burnWindowsOf(resolved.alerts);
  const longestBurn = burnWindows.length
    ? burnWindows[burnWindows.length - 1]
    : 0;

  let grid: SliceGrid | undefined;
  const sliceSeconds = slo.timeSliceWindowSeconds ?? 0;
  if (isSliced) {
    // Calendar: slices start with the period. Rolling: on the Unix epoch
    // grid, so a slice's verdict does not change from one evaluation to
    // the next.
    const anchor = bounds.kind === 'calendar' ? startMs : 0;
    grid = buildSliceGrid(
      sanitized.buckets,
      anchor,
      sliceSeconds * SECOND,
      Math.min(startMs, nowMs - longestBurn * SECOND),
      nowMs,
    );
  }
  const measure = measurer(slo, sanitized.buckets, grid);

  // The SLO window: for a calendar window, its elapsed part.
  const inWindow = measure(startMs, nowMs);
  const good = inWindow.good;
  const total = inWindow.total;
  const bad = total - good;
  const hasData = inWindow.errorRatio !== undefined;

  let allowedBad: number | undefined;
  let consumed: number | undefined;
  let slicesInput: ErrorBudgetResult['inputs']['slices'];
  if (isSliced && inWindow.slices) {
    const slicesInW = W / sliceSeconds;
    const budget = B * slicesInW;
    slicesInput = {
      total: slicesInW,
      measured: inWindow.slices.measured,
      good: inWindow.slices.good,
      bad: inWindow.slices.bad,
      empty: inWindow.slices.complete - inWindow.slices.measured,
      budget,
      sliceSeconds,
    };
    if (hasData) {
      allowedBad = budget;
      consumed = finite(inWindow.slices.bad / budget);
    }
  } else if (hasData) {
    allowedBad = B * total;
    consumed = finite((inWindow.errorRatio ?? 0) / B);
  }
  const remaining = consumed === undefined ? undefined : 1 - consumed;
  const badUnits = isSliced ? slicesInput?.bad ?? 0 : bad;

  const burnRates: BurnRate[] = burnWindows.map(seconds => {
    const m = measure(nowMs - seconds * SECOND, nowMs);
    const burnRate = burnRateOf(m.errorRatio, B);
    return {
      window: formatWindowLabel(seconds),
      seconds,
      good: m.good,
      total: m.total,
      coverage: m.coverage,
      ...(m.slices
        ? { slices: { measured: m.slices.measured, bad: m.slices.bad } }
        : {}),
      ...(m.errorRatio !== undefined ? { errorRatio: m.errorRatio } : {}),
      ...(burnRate !== undefined && Number.isFinite(burnRate)
        ? { burnRate }
        : {}),
    };
  });
  const alerts = evaluateAlerts(resolved.alerts, burnRates);

  let state: BudgetState;
  if (!hasData || remaining === undefined) state = 'no-data';
  else if (remaining <= 0) state = 'exhausted';
  else if (alerts.some(a => a.firing && a.severity === 'page')) {
    state = 'burning';
  } else if (
    alerts.some(a => a.firing && a.severity === 'ticket') ||
    remaining <= warnRemaining
  ) {
    state = 'at-risk';
  } else state = 'healthy';

  // Time to exhaustion, from the longest page window with data (the
  // longest window of any alert when the set has no page alert).
  let timeToExhaustionSeconds: number | undefined;
  let timeToExhaustionWindow: string | undefined;
  if (remaining !== undefined && remaining > 0) {
    const pageAlerts = resolved.alerts.filter(a => a.severity === 'page');
    const source = pageAlerts.length ? pageAlerts : resolved.alerts;
    const candidates = burnWindowsOf(source).reverse();
    const bySeconds = new Map(burnRates.map(r => [r.seconds, r]));
    const rate = candidates
      .map(seconds => bySeconds.get(seconds))
      .find(r => r?.burnRate !== undefined);
    if (rate?.burnRate !== undefined && rate.burnRate > 0) {
      timeToExhaustionSeconds = finite((remaining * W) / rate.burnRate);
      if (timeToExhaustionSeconds !== undefined) {
        timeToExhaustionWindow = rate.window;
        notes.push(
          `time to exhaustion at the burn rate of the last ${rate.window}`,
        );
        if (
          bounds.kind === 'calendar' &&
          nowMs + timeToExhaustionSeconds * SECOND > bounds.end.getTime()
        ) {
          notes.push(
            'at this burn rate the budget lasts past the end of the period',
          );
        }
      }
    }
  }

  if (bounds.kind === 'calendar') {
    notes.push(
      isSliced
        ? `calendar window: the budget counts every slice of the whole period (${formatCount(
            W / sliceSeconds,
          )} slices); slices to come are not bad`
        : `calendar window: budget of the elapsed part (B × N so far, ${formatWindowLabel(
            elapsedSeconds,
          )} of ${formatWindowLabel(W)})`,
    );
  }
  if (!hasData) {
    notes.push(
      isSliced
        ? 'no measured slice in the window: no-data, not 0 % nor 100 %'
        : 'no events in the window: no-data, not 0 % nor 100 %',
    );
  }
  if (inWindow.coverage < 1) {
    const younger =
      inWindow.firstStart !== undefined && inWindow.firstStart > startMs;
    notes.push(
      inWindow.firstStart === undefined
        ? 'coverage 0.00: no bucket in the window'
        : `coverage ${formatShare(inWindow.coverage)}: ${
            younger ? 'data younger than the window' : 'gaps in the data'
          }`,
    );
  }
  if (sanitized.clamped > 0) {
    notes.push(
      `${sanitized.clamped} bucket${
        sanitized.clamped === 1 ? '' : 's'
      } had good > total and ${
        sanitized.clamped === 1 ? 'was' : 'were'
      } clamped`,
    );
  }
  if (sanitized.invalid > 0) {
    notes.push(
      `${sanitized.invalid} bucket${
        sanitized.invalid === 1 ? '' : 's'
      } had NaN, infinite or negative counts or unreadable times and ${
        sanitized.invalid === 1 ? 'was' : 'were'
      } treated as missing`,
    );
  }
  if (sanitized.overlapping) {
    notes.push('some buckets overlap in time: their counts were summed');
  }
  if (slicesInput && slicesInput.empty > 0) {
    notes.push(
      `${slicesInput.empty} complete slice${
        slicesInput.empty === 1 ? '' : 's'
      } without events: neither good nor bad`,
    );
  }
  for (const name of resolved.dropped) {
    notes.push(
      `alert ${name} left out: its long window is longer than the SLO window (${formatWindowLabel(
        W,
      )})`,
    );
  }

  const action = input.actions?.[state] ?? DEFAULT_BUDGET_ACTIONS[state];
  return {
    state,
    action,
    method,
    target: slo.target,
    window: {
      start: bounds.start,
      end: bounds.end,
      lengthSeconds: W,
      kind: bounds.kind,
      elapsedSeconds,
    },
    inputs: {
      good,
      total,
      bad,
      clampedBuckets: sanitized.clamped,
      invalidBuckets: sanitized.invalid,
      coverage: inWindow.coverage,
      ...(slicesInput ? { slices: slicesInput } : {}),
    },
    ...(inWindow.sli !== undefined ? { sli: inWindow.sli } : {}),
    errorBudget: {
      unit: isSliced ? 'slices' : 'events',
      ...(allowedBad !== undefined && remaining !== undefined
        ? {
            allowedBad,
            consumed,
            remaining,
            remainingClamped: Math.max(0, remaining),
            remainingBad: allowedBad - badUnits,
          }
        : {}),
    },
    windowSet: windowSet.name,
    burnRates,
    alerts,
    ...(timeToExhaustionSeconds !== undefined
      ? { timeToExhaustionSeconds, timeToExhaustionWindow }
      : {}),
    notes,
  };
}
