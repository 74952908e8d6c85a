import { BurnAlert, BurnAlertSpec, BurnRate, BurnWindowSet } from './types';
import { formatWindowLabel } from './windows';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

/**
 * The built-in burn-rate window sets.
 *
 * - `google`: the SRE workbook's multiwindow, multi-burn-rate alerts for a
 *   30-day SLO (page 1h/5m at 14.4× and 6h/30m at 6×; ticket 1d/2h at 3×
 *   and 3d/6h at 1×: 2 %, 5 %, 10 % and 10 % of the budget spent within the
 *   long window). For another window W the windows stay and the factors
 *   scale by W / 30 days, as Sloth does: each alert keeps meaning "this
 *   share of the budget was spent".
 * - `pyrra`: Pyrra's windows for a 28-day SLO (1h/5m 14×, 6h/30m 7×,
 *   1d/2h 2×, 4d/6h 1×; the first two page, the last two are tickets). For
 *   another W the factors stay and the windows scale by W / 28 days, rounded
 *   to the minute, as Pyrra does.
 *
 * @public
 */
export const BURN_WINDOW_SETS: {
  readonly google: BurnWindowSet;
  readonly pyrra: BurnWindowSet;
} = {
  google: {
    name: 'google',
    referenceWindowSeconds: 30 * DAY,
    scale: 'factors',
    alerts: [
      {
        name: 'page-quick',
        severity: 'page',
        longWindowSeconds: HOUR,
        shortWindowSeconds: 5 * MINUTE,
        factor: 14.4,
      },
      {
        name: 'page-slow',
        severity: 'page',
        longWindowSeconds: 6 * HOUR,
        shortWindowSeconds: 30 * MINUTE,
        factor: 6,
      },
      {
        name: 'ticket-quick',
        severity: 'ticket',
        longWindowSeconds: DAY,
        shortWindowSeconds: 2 * HOUR,
        factor: 3,
      },
      {
        name: 'ticket-slow',
        severity: 'ticket',
        longWindowSeconds: 3 * DAY,
        shortWindowSeconds: 6 * HOUR,
        factor: 1,
      },
    ],
  },
  pyrra: {
    name: 'pyrra',
    referenceWindowSeconds: 28 * DAY,
    scale: 'windows',
    alerts: [
      {
        name: 'page-quick',
        severity: 'page',
        longWindowSeconds: HOUR,
        shortWindowSeconds: 5 * MINUTE,
        factor: 14,
      },
      {
        name: 'page-slow',
        severity: 'page',
        longWindowSeconds: 6 * HOUR,
        shortWindowSeconds: 30 * MINUTE,
        factor: 7,
      },
      {
        name: 'ticket-quick',
        severity: 'ticket',
        longWindowSeconds: DAY,
        shortWindowSeconds: 2 * HOUR,
        factor: 2,
      },
      {
        name: 'ticket-slow',
        severity: 'ticket',
        longWindowSeconds: 4 * DAY,
        shortWindowSeconds: 6 * HOUR,
        factor: 1,
      },
    ],
  },
};

/**
 * A burn-rate alert with its windows and factor for one SLO window.
 *
 * @public
 */
export interface ResolvedBurnAlert extends BurnAlertSpec {
  longWindow: string;
  shortWindow: string;
}

const positive = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;

function checkWindowSet(set: BurnWindowSet): void {
  const problem = (detail: string) =>
    new Error(`Error budget: burn window set "${set?.name}": ${detail}`);
  if (!set || !Array.isArray(set.alerts)) throw problem('alerts is not a list');
  if (!positive(set.referenceWindowSeconds)) {
    throw problem('referenceWindowSeconds must be a positive number');
  }
  if (!['factors', 'windows', 'none'].includes(set.scale)) {
    throw problem('scale must be factors, windows or none');
  }
  for (const alert of set.alerts) {
    if (
      !positive(alert.longWindowSeconds) ||
      !positive(alert.shortWindowSeconds) ||
      !positive(alert.factor)
    ) {
      throw problem(
        `alert "${alert.name}": windows and factor must be positive numbers`,
      );
    }
    if (alert.shortWindowSeconds > alert.longWindowSeconds) {
      throw problem(
        `alert "${alert.name}": the short window is longer than the long window`,
      );
    }
    if (alert.severity !== 'page' && alert.severity !== 'ticket') {
      throw problem(`alert "${alert.name}": severity must be page or ticket`);
    }
  }
}

/**
 * The alerts of `set` for an SLO window of `windowSeconds` (see
 * {@link BurnWindowSet} for the scaling). An alert whose long window is
 * longer than the SLO window is dropped: it would judge the budget of one
 * window by data older than it. Throws on a malformed custom set.
 *
 * @public
 */
export function resolveBurnWindowSet(
  set: BurnWindowSet,
  windowSeconds: number,
): { alerts: ResolvedBurnAlert[]; dropped: string[] } {
  checkWindowSet(set);
  const ratio = windowSeconds / set.referenceWindowSeconds;
  const scaleWindow = (seconds: number) =>
    set.scale === 'windows'
      ? Math.max(MINUTE, Math.round((seconds * ratio) / MINUTE) * MINUTE)
      : seconds;
  const alerts: ResolvedBurnAlert[] = [];
  const dropped: string[] = [];
  for (const alert of set.alerts) {
    const longWindowSeconds = scaleWindow(alert.longWindowSeconds);
    const shortWindowSeconds = scaleWindow(alert.shortWindowSeconds);
    const resolved: ResolvedBurnAlert = {
      name: alert.name,
      severity: alert.severity,
      longWindowSeconds,
      shortWindowSeconds,
      longWindow: formatWindowLabel(longWindowSeconds),
      shortWindow: formatWindowLabel(shortWindowSeconds),
      factor: set.scale === 'factors' ? alert.factor * ratio : alert.factor,
    };
    if (longWindowSeconds > windowSeconds) {
      dropped.push(resolved.name);
    } else {
      alerts.push(resolved);
    }
  }
  return { alerts, dropped };
}

/** The distinct windows of the alerts, shortest first. */
export function burnWindowsOf(alerts: readonly ResolvedBurnAlert[]): number[] {
  const seconds = new Set<number>();
  for (const alert of alerts) {
    seconds.add(alert.longWindowSeconds);
    seconds.add(alert.shortWindowSeconds);
  }
  return [...seconds].sort((a, b) => a - b);
}

/**
 * Burn rate = error ratio / (1 − target); undefined when the error ratio
 * is.
 */
export function burnRateOf(
  errorRatio: number | undefined,
  budget: number,
): number | undefined {
  return errorRatio === undefined ? undefined : errorRatio / budget;
}

/**
 * Faster than the factor: a relative margin of 1e-9 keeps binary rounding
 * (0.0144 / 0.001 = 14.399999999999999) from deciding at equality.
 */
const FACTOR_MARGIN = 1e-9;

/**
 * Fires each alert whose long and short burn rates are both known and above
 * its factor.
 */
export function evaluateAlerts(
  alerts: readonly ResolvedBurnAlert[],
  rates: readonly BurnRate[],
): BurnAlert[] {
  const bySeconds = new Map(rates.map(rate => [rate.seconds, rate]));
  return alerts.map(alert => {
    const longBurnRate = bySeconds.get(alert.longWindowSeconds)?.burnRate;
    const shortBurnRate = bySeconds.get(alert.shortWindowSeconds)?.burnRate;
    const above = (rate: number | undefined) =>
      rate !== undefined && rate > alert.factor * (1 + FACTOR_MARGIN);
    return {
      name: alert.name,
      severity: alert.severity,
      longWindow: alert.longWindow,
      shortWindow: alert.shortWindow,
      longWindowSeconds: alert.longWindowSeconds,
      shortWindowSeconds: alert.shortWindowSeconds,
      factor: alert.factor,
      ...(longBurnRate !== undefined ? { longBurnRate } : {}),
      ...(shortBurnRate !== undefined ? { shortBurnRate } : {}),
      firing: above(longBurnRate) && above(shortBurnRate),
    };
  });
}
