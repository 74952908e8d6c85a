import { BudgetingMethod, SloTimeWindow } from '../openslo/types';

/**
 * Good and total event counts over one time range, as the push store and
 * Prometheus deliver them. Counts are spread evenly over `[start, end)`: a
 * window takes the share of each bucket that overlaps it.
 *
 * @public
 */
export interface SliBucket {
  /** A Date or an ISO 8601 string. */
  start: Date | string;
  /** A Date or an ISO 8601 string; after `start`. */
  end: Date | string;
  good: number;
  total: number;
}

/**
 * The state of an error budget.
 *
 * - `healthy`: on track.
 * - `at-risk`: a ticket alert fires, or the remaining budget is at or below
 *   the warning threshold.
 * - `burning`: a page alert fires.
 * - `exhausted`: nothing left (remaining ≤ 0).
 * - `no-data`: no events (or, for the slice methods, no measured slice) in
 *   the window.
 *
 * @public
 */
export type BudgetState =
  | 'healthy'
  | 'at-risk'
  | 'burning'
  | 'exhausted'
  | 'no-data';

/**
 * The budget states, from worst to best (`no-data` last).
 *
 * @public
 */
export const BUDGET_STATES: readonly BudgetState[] = [
  'exhausted',
  'burning',
  'at-risk',
  'healthy',
  'no-data',
];

/**
 * Start and end of an SLO time window (see {@link windowBounds}).
 *
 * @public
 */
export interface WindowBounds {
  start: Date;
  /** Rolling: `now`. Calendar: the end of the period, after `now`. */
  end: Date;
  /** The whole window, W; for a calendar window the whole period. */
  lengthSeconds: number;
  kind: 'rolling' | 'calendar';
}

/**
 * One multi-window burn-rate alert: it fires when the burn rates over both
 * its long and its short window are above `factor`.
 *
 * @public
 */
export interface BurnAlertSpec {
  /** e.g. `page-quick`. */
  name: string;
  severity: 'page' | 'ticket';
  longWindowSeconds: number;
  shortWindowSeconds: number;
  /** Burn-rate threshold, for an SLO window of the set's reference length. */
  factor: number;
}

/**
 * A set of multi-window burn-rate alerts, written for an SLO window of
 * `referenceWindowSeconds`, and how to adapt it to another window length W:
 *
 * - `factors` (Google SRE workbook, Sloth): keep the windows and multiply
 *   the factors by W / reference, so that each alert still means "this
 *   share of the budget was spent within the long window";
 * - `windows` (Pyrra): keep the factors and multiply the windows by
 *   W / reference, rounded to the minute (at least one minute);
 * - `none`: use as written.
 *
 * @public
 */
export interface BurnWindowSet {
  name: string;
  referenceWindowSeconds: number;
  scale: 'factors' | 'windows' | 'none';
  alerts: BurnAlertSpec[];
}

/**
 * What {@link evaluateErrorBudget} needs to know of an SLO and the one
 * objective evaluated; {@link toBudgetSlo} builds it from a parsed OpenSLO
 * SLO.
 *
 * @public
 */
export interface BudgetSlo {
  /** T, in [0, 1). */
  target: number;
  budgetingMethod: BudgetingMethod;
  timeWindow: SloTimeWindow;
  /** In (0, 1]; required with `Timeslices`. */
  timeSliceTarget?: number;
  /** Required with `Timeslices` and `RatioTimeslices`. */
  timeSliceWindowSeconds?: number;
}

/**
 * Input of {@link evaluateErrorBudget}.
 *
 * @public
 */
export interface EvaluateErrorBudgetInput {
  slo: BudgetSlo;
  /**
   * Buckets covering the SLO window and the longest burn window (buckets
   * before the SLO window only feed burn rates). Any order; overlapping
   * buckets are summed (a note says so).
   */
  buckets: SliBucket[];
  now: Date;
  /** Default {@link BURN_WINDOW_SETS}.google. */
  windowSet?: BurnWindowSet;
  thresholds?: {
    /** at-risk when the remaining budget is at or below this; default 0.25. */
    warnRemaining?: number;
  };
  /** The policy's action text per state; see {@link DEFAULT_BUDGET_ACTIONS}. */
  actions?: Partial<Record<BudgetState, string>>;
}

/**
 * The burn rate over one window ending at `now`.
 *
 * @public
 */
export interface BurnRate {
  /** e.g. `1h`. */
  window: string;
  seconds: number;
  /** Events in the window (after sanitising, proportional to overlap). */
  good: number;
  total: number;
  /** Share of the window covered by buckets, in [0, 1]. */
  coverage: number;
  /** Slice methods only: complete slices in the window. */
  slices?: { measured: number; bad: number };
  /**
   * Occurrences: bad / total. Timeslices: bad slices / measured slices.
   * RatioTimeslices: 1 − mean slice SLI. Undefined without data.
   */
  errorRatio?: number;
  /** errorRatio / (1 − target); undefined without data. */
  burnRate?: number;
}

/**
 * One burn-rate alert of the window set, resolved for the SLO's window.
 *
 * @public
 */
export interface BurnAlert {
  name: string;
  severity: 'page' | 'ticket';
  longWindow: string;
  shortWindow: string;
  longWindowSeconds: number;
  shortWindowSeconds: number;
  factor: number;
  longBurnRate?: number;
  shortBurnRate?: number;
  /** Both burn rates known and above `factor`. */
  firing: boolean;
}

/**
 * The error budget of one SLO objective at `now`, with every input needed
 * to explain it. No number in it is ever NaN or infinite.
 *
 * @public
 */
export interface ErrorBudgetResult {
  state: BudgetState;
  /** The policy's action text for `state`. */
  action: string;
  method: BudgetingMethod;
  target: number;
  window: {
    start: Date;
    /** Rolling: `now`. Calendar: end of the period. */
    end: Date;
    lengthSeconds: number;
    kind: 'rolling' | 'calendar';
    /** Time from `start` to `now`: the whole window when rolling. */
    elapsedSeconds: number;
  };
  inputs: {
    /** Events in the window, after clamping; may be fractional (see {@link SliBucket}). */
    good: number;
    total: number;
    bad: number;
    /** Buckets whose good exceeded total; good was clamped to total. */
    clampedBuckets: number;
    /** Buckets with NaN, ±Infinity, negative counts or bad times: treated as missing. */
    invalidBuckets: number;
    /** Share of the window (of its elapsed part when calendar) covered by buckets. */
    coverage: number;
    /** Slice methods only. */
    slices?: {
      /** Slices in the whole window: W / slice length. */
      total: number;
      /** Complete slices with events, so far. */
      measured: number;
      good: number;
      bad: number;
      /** Complete slices without events: neither good nor bad. */
      empty: number;
      /** Budget in slices: (1 − target) × total. */
      budget: number;
      sliceSeconds: number;
    };
  };
  /** Occurrences: good / total. Timeslices: good / measured slices. RatioTimeslices: mean slice SLI. */
  sli?: number;
  errorBudget: {
    /** `events` for Occurrences; `slices` (bad-slice equivalents) for the slice methods. */
    unit: 'events' | 'slices';
    /** Occurrences: (1 − T) × N. Slice methods: the budget in slices. */
    allowedBad?: number;
    /** Share of the budget spent: 1 at exhaustion, more when overspent. */
    consumed?: number;
    /** 1 − consumed, signed. */
    remaining?: number;
    /** max(0, remaining), for display. */
    remainingClamped?: number;
    /** allowedBad − bad, signed. */
    remainingBad?: number;
  };
  /** The set used, with its windows and factors resolved for this SLO. */
  windowSet: string;
  burnRates: BurnRate[];
  alerts: BurnAlert[];
  /** remaining × W / burn rate; only when remaining > 0 and the burn rate > 0. */
  timeToExhaustionSeconds?: number;
  /** The burn window used for `timeToExhaustionSeconds`, e.g. `6h`. */
  timeToExhaustionWindow?: string;
  notes: string[];
}
