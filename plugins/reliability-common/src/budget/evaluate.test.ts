import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { parseSloDuration } from '../openslo/duration';
import { parseOpenSloDocument } from '../openslo/parseDocument';
import { SloTimeWindow } from '../openslo/types';
import { BURN_WINDOW_SETS } from './burnRates';
import {
  DEFAULT_BUDGET_ACTIONS,
  evaluateErrorBudget,
  toBudgetSlo,
} from './evaluate';
import {
  BudgetSlo,
  ErrorBudgetResult,
  EvaluateErrorBudgetInput,
  SliBucket,
} from './types';

const MIN = 60;
const HOUR = 3600;
const DAY = 86400;

function rolling(text: string): SloTimeWindow {
  const duration = parseSloDuration(text, { calendarUnits: false });
  if (!duration) throw new Error(text);
  return { duration, isRolling: true };
}

function calendar(
  text: string,
  startTime: string,
  timeZone: string,
): SloTimeWindow {
  const duration = parseSloDuration(text, { calendarUnits: true });
  if (!duration) throw new Error(text);
  return { duration, isRolling: false, calendar: { startTime, timeZone } };
}

/**
 * Buckets of `step` seconds from `from` to `to` seconds before `now`, each
 * with `total` events of which `bad(secondsAgo)` are bad (secondsAgo = the
 * bucket's end, before now).
 */
function series(
  now: Date,
  from: number,
  to: number,
  step: number,
  total: number,
  bad: (endSecondsAgo: number) => number,
): SliBucket[] {
  const buckets: SliBucket[] = [];
  for (let ago = from; ago > to; ago -= step) {
    const endAgo = ago - step;
    buckets.push({
      start: new Date(now.getTime() - ago * 1000),
      end: new Date(now.getTime() - endAgo * 1000),
      good: total - bad(endAgo),
      total,
    });
  }
  return buckets;
}

const now = new Date('2026-06-30T00:00:00Z');
const occurrences30d: BudgetSlo = {
  target: 0.999,
  budgetingMethod: 'Occurrences',
  timeWindow: rolling('30d'),
};

const evaluate = (
  buckets: SliBucket[],
  extra: Partial<EvaluateErrorBudgetInput> = {},
): ErrorBudgetResult =>
  evaluateErrorBudget({ slo: occurrences30d, buckets, now, ...extra });

/** 5-minute buckets of 10,000 events over the whole 30 days. */
const month = (bad: (endSecondsAgo: number) => number) =>
  series(now, 30 * DAY, 0, 5 * MIN, 10_000, bad);

describe('known answer: the SRE workbook example', () => {
  // 99.9 % over 30 days, 10,000,000 events of which 4,000 bad: 40 % of the
  // budget consumed. The last 6 hours run at 1.44 % errors (burn rate
  // 14.4): 60 % × 30 days / 14.4 = 30 hours to exhaustion.
  const buckets: SliBucket[] = [
    {
      start: new Date(now.getTime() - 30 * DAY * 1000),
      end: new Date(now.getTime() - 6 * HOUR * 1000),
      good: 9_820_000 - 1_408,
      total: 9_820_000,
    },
    // 72 five-minute buckets of 2,500 events with 36 bad (1.44 %)
    ...series(now, 6 * HOUR, 0, 5 * MIN, 2_500, () => 36),
  ];
  const result = evaluate(buckets);

  it('consumes 40 % and leaves 60 %', () => {
    expect(result.inputs).toMatchObject({
      good: 9_996_000,
      total: 10_000_000,
      bad: 4_000,
      coverage: 1,
      clampedBuckets: 0,
      invalidBuckets: 0,
    });
    expect(result.sli).toBeCloseTo(0.9996, 12);
    expect(result.errorBudget.unit).toBe('events');
    expect(result.errorBudget.allowedBad).toBeCloseTo(10_000, 6);
    expect(result.errorBudget.consumed).toBeCloseTo(0.4, 12);
    expect(result.errorBudget.remaining).toBeCloseTo(0.6, 12);
    expect(result.errorBudget.remainingClamped).toBeCloseTo(0.6, 12);
    expect(result.errorBudget.remainingBad).toBeCloseTo(6_000, 6);
  });

  it('burns at 14.4 over the last hour and is exhausted in 30 hours', () => {
    const oneHour = result.burnRates.find(r => r.window === '1h');
    expect(oneHour?.errorRatio).toBeCloseTo(0.0144, 12);
    expect(oneHour?.burnRate).toBeCloseTo(14.4, 9);
    expect(result.timeToExhaustionSeconds).toBeCloseTo(30 * HOUR, 3);
    expect(result.timeToExhaustionWindow).toBe('6h');
  });

  it('pages: 6h and 30m burn above 6; 1h and 5m burn at 14.4, not above it', () => {
    const firing = result.alerts.filter(a => a.firing).map(a => a.name);
    expect(firing).toEqual(['page-slow', 'ticket-quick', 'ticket-slow']);
    expect(result.state).toBe('burning');
    expect(result.action).toBe(DEFAULT_BUDGET_ACTIONS.burning);
  });

  it('carries its inputs', () => {
    expect(result.method).toBe('Occurrences');
    expect(result.target).toBe(0.999);
    expect(result.windowSet).toBe('google');
    expect(result.window).toEqual({
      start: new Date('2026-05-31T00:00:00Z'),
      end: now,
      lengthSeconds: 30 * DAY,
      kind: 'rolling',
      elapsedSeconds: 30 * DAY,
    });
    expect(result.burnRates.map(r => r.window)).toEqual([
      '5m',
      '30m',
      '1h',
      '2h',
      '6h',
      '1d',
      '3d',
    ]);
    expect(result.burnRates[0]).toMatchObject({
      good: 2_464,
      total: 2_500,
      coverage: 1,
    });
  });
});

describe('known answer: the OpenSLO timeslices example', () => {
  // examples/treat-low-traffic-as-equally-important: 99.95 %, a 1-week
  // calendar window, 1-minute slices: 10,080 slices, a budget of 5.04.
  const file = join(
    __dirname,
    '../openslo/__fixtures__/official/treat-low-traffic-as-equally-important--timeslices-slo.yaml',
  );
  const parsed = parseOpenSloDocument(parse(readFileSync(file, 'utf8')));
  const slo = toBudgetSlo(parsed.slo!);
  // 2022-01-05 12:00 UTC, in the week from Saturday 2022-01-01 12:00 New York.
  const at = new Date('2022-01-05T12:00:00Z');
  const periodStart = Date.parse('2022-01-01T17:00:00Z');
  const minutes = (at.getTime() - periodStart) / 60_000; // 5,460
  const badMinutes = new Set([10, 500, 2_000]);
  const buckets: SliBucket[] = [];
  for (let m = 0; m < minutes; m++) {
    buckets.push({
      start: new Date(periodStart + m * 60_000),
      end: new Date(periodStart + (m + 1) * 60_000),
      // 94 of 99 (SLI 0.9495) misses the slice target of 0.95
      ...(badMinutes.has(m)
        ? { good: 94, total: 99 }
        : { good: 100, total: 100 }),
    });
  }

  it('reads the example', () => {
    expect(slo).toMatchObject({
      target: 0.9995,
      budgetingMethod: 'Timeslices',
      timeSliceTarget: 0.95,
      timeSliceWindowSeconds: 60,
    });
  });

  it('has a budget of 5.04 slices; 3 bad minutes consume 3 / 5.04', () => {
    const result = evaluateErrorBudget({ slo, buckets, now: at });
    expect(result.window.kind).toBe('calendar');
    expect(result.window.lengthSeconds).toBe(7 * DAY);
    expect(result.inputs.slices).toMatchObject({
      total: 10_080,
      measured: 5_460,
      good: 5_457,
      bad: 3,
      empty: 0,
      sliceSeconds: 60,
    });
    expect(result.inputs.slices?.budget).toBeCloseTo(5.04, 12);
    expect(result.errorBudget.unit).toBe('slices');
    expect(result.errorBudget.allowedBad).toBeCloseTo(5.04, 12);
    expect(result.errorBudget.consumed).toBeCloseTo(3 / 5.04, 12);
    expect(result.errorBudget.remainingBad).toBeCloseTo(2.04, 12);
    expect(result.sli).toBeCloseTo(5_457 / 5_460, 12);
    expect(result.state).toBe('healthy');
    expect(result.notes).toContain(
      'calendar window: the budget counts every slice of the whole period (10080 slices); slices to come are not bad',
    );
  });

  it('is exhausted at the sixth bad minute (5 < 5.04 < 6)', () => {
    const withBad = (extra: number[]) =>
      buckets.map((b, m) => (extra.includes(m) ? { ...b, good: 0 } : b));
    const five = evaluateErrorBudget({
      slo,
      buckets: withBad([20, 30]),
      now: at,
    });
    expect(five.inputs.slices?.bad).toBe(5);
    expect(five.state).toBe('at-risk');
    expect(five.errorBudget.remaining).toBeCloseTo(1 - 5 / 5.04, 12);
    const six = evaluateErrorBudget({
      slo,
      buckets: withBad([20, 30, 40]),
      now: at,
    });
    expect(six.inputs.slices?.bad).toBe(6);
    expect(six.state).toBe('exhausted');
    expect(six.errorBudget.remaining).toBeCloseTo(1 - 6 / 5.04, 12);
    expect(six.errorBudget.remainingClamped).toBe(0);
    expect(six.action).toBe(DEFAULT_BUDGET_ACTIONS.exhausted);
  });

  it('the same week rolling has the same budget', () => {
    const result = evaluateErrorBudget({
      slo: { ...slo, timeWindow: rolling('1w') },
      buckets,
      now: at,
    });
    expect(result.inputs.slices?.total).toBe(10_080);
    expect(result.inputs.slices?.budget).toBeCloseTo(5.04, 12);
    expect(result.inputs.slices?.bad).toBe(3);
  });
});

describe('budgeting methods', () => {
  it('Timeslices: a slice without events is neither good nor bad', () => {
    const slo: BudgetSlo = {
      target: 0.99,
      budgetingMethod: 'Timeslices',
      timeWindow: rolling('1d'),
      timeSliceTarget: 0.9,
      timeSliceWindowSeconds: HOUR,
    };
    // 24 hourly buckets: 20 good hours, 2 bad hours, 2 hours without events
    const buckets = series(now, DAY, 0, HOUR, 100, ago =>
      ago === 5 * HOUR || ago === 6 * HOUR ? 50 : 0,
    ).map((b, i) => (i < 2 ? { ...b, good: 0, total: 0 } : b));
    const result = evaluateErrorBudget({ slo, buckets, now });
    expect(result.inputs.slices).toMatchObject({
      total: 24,
      measured: 22,
      good: 20,
      bad: 2,
      empty: 2,
    });
    expect(result.inputs.slices?.budget).toBeCloseTo(0.24, 12);
    expect(result.sli).toBeCloseTo(20 / 22, 12);
    expect(result.errorBudget.consumed).toBeCloseTo(2 / 0.24, 12);
    expect(result.state).toBe('exhausted');
    expect(result.notes).toContain(
      '2 complete slices without events: neither good nor bad',
    );
  });

  it('RatioTimeslices: the SLI is the mean of slice SLIs', () => {
    const slo: BudgetSlo = {
      target: 0.99,
      budgetingMethod: 'RatioTimeslices',
      timeWindow: rolling('1d'),
      timeSliceWindowSeconds: HOUR,
    };
    // one hour at 88 %, the 23 others at 100 %; hour sizes differ, the mean does not weigh them
    const buckets = series(now, DAY, 0, HOUR, 100, ago =>
      ago === 10 * HOUR ? 12 : 0,
    ).map((b, i) =>
      i % 2 ? { ...b, good: b.good * 10, total: b.total * 10 } : b,
    );
    const result = evaluateErrorBudget({ slo, buckets, now });
    expect(result.sli).toBeCloseTo(1 - 0.12 / 24, 12);
    // bad-slice equivalents: 0.12 of a budget of 0.01 × 24 slices
    expect(result.inputs.slices?.bad).toBeCloseTo(0.12, 12);
    expect(result.errorBudget.consumed).toBeCloseTo(0.5, 12);
    // windows shorter than a slice hold no complete slice: no burn rate
    expect(
      result.burnRates.find(r => r.window === '5m')?.burnRate,
    ).toBeUndefined();
    expect(result.burnRates.find(r => r.window === '1d')?.burnRate).toBeCloseTo(
      0.5,
      12,
    );
  });

  it('Occurrences weighs events; RatioTimeslices weighs hours', () => {
    const buckets = [
      ...series(now, 2 * HOUR, HOUR, HOUR, 1_000, () => 100),
      ...series(now, HOUR, 0, HOUR, 10, () => 0),
    ];
    const occ = evaluateErrorBudget({
      slo: { ...occurrences30d, timeWindow: rolling('1d'), target: 0.5 },
      buckets,
      now,
    });
    const ratio = evaluateErrorBudget({
      slo: {
        target: 0.5,
        budgetingMethod: 'RatioTimeslices',
        timeWindow: rolling('1d'),
        timeSliceWindowSeconds: HOUR,
      },
      buckets,
      now,
    });
    expect(occ.sli).toBeCloseTo(910 / 1010, 12);
    expect(ratio.sli).toBeCloseTo((0.9 + 1) / 2, 12);
  });
});

describe('states', () => {
  const bucketsFor: Record<string, SliBucket[]> = {
    // 0.05 % errors everywhere: burn rate 0.5, half the budget spent
    healthy: month(() => 5),
    // 0.08 %: burn rate 0.8, 20 % left (≤ 25 %), no alert
    'at-risk by remaining budget': month(() => 8),
    // clean, then 3 days at burn rate 2: the 3d/6h ticket alert fires
    'at-risk by a ticket alert': month(ago => (ago < 3 * DAY ? 20 : 0)),
    // the last hour at burn rate 20: the 1h/5m page alert fires
    burning: month(ago => (ago < HOUR ? 200 : 0)),
    // 0.12 % everywhere: 120 % consumed
    exhausted: month(() => 12),
    // the last hour at burn rate 20 but the last 5 minutes clean: no page
    'page long window only': month(ago => (ago < HOUR && ago > 0 ? 200 : 0)),
    'no-data: no buckets': [],
    'no-data: buckets without events': month(() => 0).map(b => ({
      ...b,
      good: 0,
      total: 0,
    })),
  };

  it.each([
    ['healthy', 'healthy', [], 0.5],
    ['at-risk by remaining budget', 'at-risk', [], 0.2],
    ['at-risk by a ticket alert', 'at-risk', ['ticket-slow'], 0.8],
    ['burning', 'burning', ['page-quick'], 1 - 20 / 720],
    ['exhausted', 'exhausted', ['ticket-slow'], -0.2],
    ['page long window only', 'healthy', [], 1 - (20 * 11) / 12 / 720],
    ['no-data: no buckets', 'no-data', [], undefined],
    ['no-data: buckets without events', 'no-data', [], undefined],
  ])('%s → %s', (name, state, firing, remaining) => {
    const result = evaluate(bucketsFor[name]);
    expect(result.state).toBe(state);
    expect(result.action).toBe(DEFAULT_BUDGET_ACTIONS[result.state]);
    expect(result.alerts.filter(a => a.firing).map(a => a.name)).toEqual(
      firing,
    );
    const shown = (value?: number) =>
      value === undefined ? 'undefined' : value.toFixed(9);
    expect(shown(result.errorBudget.remaining)).toBe(shown(remaining));
  });

  it('uses the policy action text', () => {
    const result = evaluate(bucketsFor.burning, {
      actions: { burning: 'Call the orders on-call: +33 1 23 45 67 89' },
    });
    expect(result.action).toBe('Call the orders on-call: +33 1 23 45 67 89');
    expect(
      evaluate(bucketsFor.healthy, { actions: { burning: 'x' } }).action,
    ).toBe(DEFAULT_BUDGET_ACTIONS.healthy);
  });

  it('uses the warning threshold', () => {
    expect(
      evaluate(bucketsFor.healthy, { thresholds: { warnRemaining: 0.5 } })
        .state,
    ).toBe('at-risk');
    expect(
      evaluate(bucketsFor['at-risk by remaining budget'], {
        thresholds: { warnRemaining: 0.1 },
      }).state,
    ).toBe('healthy');
  });

  it('exhausted wins over burning', () => {
    const result = evaluate(month(ago => (ago < HOUR ? 200 : 12)));
    expect(result.alerts.find(a => a.name === 'page-quick')?.firing).toBe(true);
    expect(result.state).toBe('exhausted');
  });

  it('uses the pyrra set when asked', () => {
    // burn rate 15 over the last day: every Pyrra alert fires, even the
    // 4d6h51m one (15 × 1 / 4.29 = 3.5 > 1)
    const buckets = month(ago => (ago < DAY ? 150 : 0));
    const result = evaluate(buckets, { windowSet: BURN_WINDOW_SETS.pyrra });
    expect(result.windowSet).toBe('pyrra');
    expect(
      result.alerts.map(a => `${a.name}:${a.longWindow}/${a.shortWindow}`),
    ).toEqual([
      'page-quick:1h4m/5m',
      'page-slow:6h26m/32m',
      'ticket-quick:1d1h43m/2h9m',
      'ticket-slow:4d6h51m/6h26m',
    ]);
    expect(result.alerts.every(a => a.firing)).toBe(true);
    expect(result.state).toBe('burning');
  });
});

describe('time to exhaustion', () => {
  it('is R × W / BR with the longest page window (6h)', () => {
    const result = evaluate(month(() => 5));
    // R = 0.5, BR = 0.5: 30 days
    expect(result.timeToExhaustionSeconds).toBeCloseTo(30 * DAY, 3);
    expect(result.timeToExhaustionWindow).toBe('6h');
    expect(result.notes).toContain(
      'time to exhaustion at the burn rate of the last 6h',
    );
  });

  it('uses the longest page window of the set', () => {
    // 0.01 % errors: burn rate 0.1, 10 % consumed; 0.9 × 30 days / 0.1 = 270 days
    const buckets = month(() => 1);
    expect(evaluate(buckets).timeToExhaustionSeconds).toBeCloseTo(270 * DAY, 3);
    const noSlowPage = evaluate(buckets, {
      windowSet: {
        ...BURN_WINDOW_SETS.google,
        name: 'no-slow-page',
        alerts: BURN_WINDOW_SETS.google.alerts.filter(
          a => a.name !== 'page-slow',
        ),
      },
    });
    expect(noSlowPage.windowSet).toBe('no-slow-page');
    expect(noSlowPage.timeToExhaustionWindow).toBe('1h');
    expect(noSlowPage.timeToExhaustionSeconds).toBeCloseTo(270 * DAY, 3);
  });

  it('uses the longest window that has data (slices: the short ones have none)', () => {
    const slo: BudgetSlo = {
      target: 0.99,
      budgetingMethod: 'RatioTimeslices',
      timeWindow: rolling('30d'),
      timeSliceWindowSeconds: 2 * HOUR,
    };
    const buckets = series(now, 30 * DAY, 0, HOUR, 100, () => 0.5);
    const result = evaluateErrorBudget({ slo, buckets, now });
    expect(
      result.burnRates.find(r => r.window === '1h')?.burnRate,
    ).toBeUndefined();
    expect(result.timeToExhaustionWindow).toBe('6h');
    // R = 0.5, BR = 0.5
    expect(result.timeToExhaustionSeconds).toBeCloseTo(30 * DAY, 3);
  });

  it('is undefined without errors (burn rate 0) and when exhausted', () => {
    expect(evaluate(month(() => 0)).timeToExhaustionSeconds).toBeUndefined();
    expect(evaluate(month(() => 12)).timeToExhaustionSeconds).toBeUndefined();
    expect(evaluate([]).timeToExhaustionSeconds).toBeUndefined();
  });

  it('uses the page windows, not the ticket ones', () => {
    // errors only 2 days ago: 1h–6h clean, 1d/3d not
    const result = evaluate(month(ago => (ago > DAY && ago < 2 * DAY ? 5 : 0)));
    expect(
      result.burnRates.find(r => r.window === '3d')?.burnRate,
    ).toBeGreaterThan(0);
    expect(result.timeToExhaustionSeconds).toBeUndefined();
  });
});

describe('edge cases', () => {
  it('no data: N = 0 gives no-data, never 0 % or 100 %', () => {
    for (const buckets of [
      [],
      month(() => 0).map(b => ({ ...b, good: 0, total: 0 })),
    ]) {
      const result = evaluate(buckets);
      expect(result.state).toBe('no-data');
      expect(result.sli).toBeUndefined();
      expect(result.errorBudget).toEqual({ unit: 'events' });
      expect(result.burnRates.every(r => r.burnRate === undefined)).toBe(true);
      expect(result.alerts.every(a => !a.firing)).toBe(true);
      expect(result.notes).toContain(
        'no events in the window: no-data, not 0 % nor 100 %',
      );
      expect(result.action).toBe(DEFAULT_BUDGET_ACTIONS['no-data']);
    }
    expect(evaluate([]).inputs.coverage).toBe(0);
    expect(
      evaluate(month(() => 0).map(b => ({ ...b, good: 0, total: 0 }))).inputs
        .coverage,
    ).toBe(1);
  });

  it('good > total (scrape skew): clamped and flagged', () => {
    const buckets = month(() => 5);
    buckets[100] = { ...buckets[100], good: 10_200 };
    buckets[200] = { ...buckets[200], good: 10_001 };
    const result = evaluate(buckets);
    expect(result.inputs.clampedBuckets).toBe(2);
    // the two buckets count as 10,000 good of 10,000: 10 fewer bad events
    expect(result.inputs.bad).toBe(8_640 * 5 - 10);
    expect(result.notes).toContain(
      '2 buckets had good > total and were clamped',
    );
  });

  it('partial coverage: data younger than the window', () => {
    // 12 of 30 days
    const buckets = series(now, 12 * DAY, 0, HOUR, 10_000, () => 5);
    const result = evaluate(buckets);
    expect(result.inputs.coverage).toBeCloseTo(0.4, 12);
    expect(result.notes).toContain(
      'coverage 0.40: data younger than the window',
    );
    // the number is that of the data there is, shown beside the coverage
    expect(result.errorBudget.consumed).toBeCloseTo(0.5, 12);
    expect(result.state).toBe('healthy');
  });

  it('partial coverage: gaps', () => {
    const buckets = month(() => 5).filter((_, i) => i % 4 !== 1);
    const result = evaluate(buckets);
    expect(result.inputs.coverage).toBeCloseTo(0.75, 12);
    expect(result.notes).toContain('coverage 0.75: gaps in the data');
  });

  it('NaN, ±Infinity and negative counts from the source are ignored and counted', () => {
    const clean = month(() => 5);
    const junk: SliBucket[] = [
      { ...clean[10], good: NaN },
      { ...clean[11], total: Infinity },
      { ...clean[12], good: -Infinity },
      { ...clean[13], total: -100 },
      { ...clean[14], start: 'not a date' },
    ];
    const result = evaluate([...clean, ...junk]);
    const reference = evaluate(clean);
    expect(result.inputs.invalidBuckets).toBe(5);
    expect(result.notes).toContain(
      '5 buckets had NaN, infinite or negative counts or unreadable times and were treated as missing',
    );
    // nothing of them reaches the numbers
    expect({ ...result.inputs, invalidBuckets: 0 }).toEqual(reference.inputs);
    expect(result.errorBudget).toEqual(reference.errorBudget);
    expect(result.burnRates).toEqual(reference.burnRates);
  });

  it('a NaN bucket leaves a gap, not a zero', () => {
    const buckets = month(() => 5).map((b, i) =>
      i % 2 ? { ...b, total: NaN } : b,
    );
    const result = evaluate(buckets);
    expect(result.inputs.coverage).toBeCloseTo(0.5, 12);
    expect(result.errorBudget.consumed).toBeCloseTo(0.5, 12);
  });

  it('a bucket across the window start counts in proportion to its overlap', () => {
    const slo = { ...occurrences30d, timeWindow: rolling('1d') };
    const result = evaluateErrorBudget({
      slo,
      now,
      buckets: [
        // one hour before the window, one hour inside: half of it counts
        {
          start: new Date(now.getTime() - (DAY + HOUR) * 1000),
          end: new Date(now.getTime() - (DAY - HOUR) * 1000),
          good: 50,
          total: 100,
        },
        {
          start: new Date(now.getTime() - (DAY - HOUR) * 1000),
          end: now,
          good: 1000,
          total: 1000,
        },
      ],
    });
    expect(result.inputs.total).toBeCloseTo(1050, 9);
    expect(result.inputs.good).toBeCloseTo(1025, 9);
    expect(result.inputs.coverage).toBe(1);
  });

  it('overlapping buckets are summed and noted', () => {
    const buckets = month(() => 5);
    const result = evaluate([...buckets, buckets[0]]);
    expect(result.notes).toContain(
      'some buckets overlap in time: their counts were summed',
    );
  });

  it('target 1 or more, and missing slice settings, are programmer errors', () => {
    expect(() =>
      evaluate([], { slo: { ...occurrences30d, target: 1 } }),
    ).toThrow(/target must be in \[0, 1\), not 1/);
    expect(() =>
      evaluate([], { slo: { ...occurrences30d, target: NaN } }),
    ).toThrow(/target/);
    expect(() =>
      evaluate([], { slo: { ...occurrences30d, target: -0.1 } }),
    ).toThrow(/target/);
    expect(() =>
      evaluate([], {
        slo: {
          ...occurrences30d,
          budgetingMethod: 'Timeslices',
          timeSliceWindowSeconds: 60,
        },
      }),
    ).toThrow(/timeSliceTarget/);
    expect(() =>
      evaluate([], {
        slo: { ...occurrences30d, budgetingMethod: 'RatioTimeslices' },
      }),
    ).toThrow(/timeSliceWindowSeconds/);
    expect(() => evaluate([], { thresholds: { warnRemaining: 2 } })).toThrow(
      /warnRemaining/,
    );
  });
});

describe('calendar windows', () => {
  it('Occurrences budgets the elapsed part of the month, and says so', () => {
    const at = new Date('2026-02-10T12:00:00Z');
    const slo: BudgetSlo = {
      ...occurrences30d,
      timeWindow: calendar('1M', '2026-01-01 00:00:00', 'UTC'),
    };
    const buckets = series(at, 9.5 * DAY, 0, HOUR, 1_000, () => 1);
    const result = evaluateErrorBudget({ slo, buckets, now: at });
    expect(result.window).toEqual({
      start: new Date('2026-02-01T00:00:00Z'),
      end: new Date('2026-03-01T00:00:00Z'),
      lengthSeconds: 28 * DAY,
      kind: 'calendar',
      elapsedSeconds: 9.5 * DAY,
    });
    expect(result.inputs.coverage).toBe(1);
    expect(result.errorBudget.allowedBad).toBeCloseTo(0.001 * 228_000, 9);
    expect(result.errorBudget.consumed).toBeCloseTo(1, 9);
    expect(result.state).toBe('exhausted');
    expect(result.notes).toContain(
      'calendar window: budget of the elapsed part (B × N so far, 9d12h of 28d)',
    );
    // google factors scaled to February: 14.4 × 28 / 30
    expect(result.alerts[0].factor).toBeCloseTo(13.44, 12);
  });

  it.each([
    ['2026-02-15T00:00:00Z', 28],
    ['2028-02-15T00:00:00Z', 29],
    ['2026-04-15T00:00:00Z', 30],
    ['2026-01-15T00:00:00Z', 31],
  ])(
    'a month around %s has %i days, and the time to exhaustion uses it',
    (iso, days) => {
      const at = new Date(iso);
      const slo: BudgetSlo = {
        ...occurrences30d,
        timeWindow: calendar('1M', '2024-01-01 00:00:00', 'UTC'),
      };
      const buckets = series(at, 14 * DAY, 0, HOUR, 10_000, () => 5);
      const result = evaluateErrorBudget({ slo, buckets, now: at });
      expect(result.window.lengthSeconds).toBe(days * DAY);
      // R = 0.5, BR = 0.5: the rest of the budget lasts one window length
      expect(result.timeToExhaustionSeconds).toBeCloseTo(days * DAY, 3);
    },
  );

  it('a calendar day across the DST change in Europe/Berlin is 23 hours', () => {
    const slo: BudgetSlo = {
      ...occurrences30d,
      timeWindow: calendar('1d', '2026-01-01 00:00:00', 'Europe/Berlin'),
    };
    const at = new Date('2026-03-29T21:00:00Z'); // 23:00 CEST, an hour before the end
    const start = Date.parse('2026-03-28T23:00:00Z'); // midnight CET
    const buckets = series(
      at,
      (at.getTime() - start) / 1000,
      0,
      5 * MIN,
      1_000,
      () => 0,
    );
    const result = evaluateErrorBudget({ slo, buckets, now: at });
    expect(result.window.start).toEqual(new Date(start));
    expect(result.window.lengthSeconds).toBe(23 * HOUR);
    expect(result.window.elapsedSeconds).toBe(22 * HOUR);
    expect(result.inputs.total).toBe(22 * 12 * 1_000);
    expect(result.inputs.coverage).toBe(1);
    // 3d and 1d alerts are longer than a 23-hour window
    expect(result.alerts.map(a => a.name)).toEqual(['page-quick', 'page-slow']);
    expect(result.notes).toContain(
      'alert ticket-quick left out: its long window is longer than the SLO window (23h)',
    );
  });

  it('Timeslices in a calendar day of 25 hours has 25 hourly slices', () => {
    const slo: BudgetSlo = {
      target: 0.9,
      budgetingMethod: 'Timeslices',
      timeWindow: calendar('1d', '2026-01-01 00:00:00', 'Europe/Berlin'),
      timeSliceTarget: 0.99,
      timeSliceWindowSeconds: HOUR,
    };
    const at = new Date('2026-10-25T12:00:00Z');
    const result = evaluateErrorBudget({ slo, buckets: [], now: at });
    expect(result.inputs.slices?.total).toBe(25);
    expect(result.inputs.slices?.budget).toBeCloseTo(2.5, 12);
    expect(result.state).toBe('no-data');
    expect(result.notes).toContain(
      'no measured slice in the window: no-data, not 0 % nor 100 %',
    );
  });

  it('at the very start of a period nothing has elapsed: no-data, coverage 0', () => {
    const slo: BudgetSlo = {
      ...occurrences30d,
      timeWindow: calendar('1M', '2024-01-01 00:00:00', 'UTC'),
    };
    const at = new Date('2026-03-01T00:00:00Z');
    const buckets = series(at, 7 * DAY, 0, HOUR, 100, () => 0);
    const result = evaluateErrorBudget({ slo, buckets, now: at });
    expect(result.window.elapsedSeconds).toBe(0);
    expect(result.inputs.coverage).toBe(0);
    expect(result.state).toBe('no-data');
    // burn rates still read the days before the period
    expect(result.burnRates.find(r => r.window === '1d')?.burnRate).toBe(0);
  });
});

describe('no NaN or Infinity, whatever the buckets', () => {
  // mulberry32: a small seeded generator, so a failure can be replayed
  function random(seed: number) {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const pick = <T>(rand: () => number, list: readonly T[]): T =>
    list[Math.floor(rand() * list.length)];

  const counts = [
    0,
    1,
    7,
    100,
    1e6,
    2 ** 53 - 1,
    0.5,
    1e-300,
    5e-324,
    NaN,
    Infinity,
    -Infinity,
    -1,
  ];
  const windows: SloTimeWindow[] = [
    rolling('1h'),
    rolling('1d'),
    rolling('7d'),
    rolling('30d'),
    calendar('1d', '2026-01-01 00:00:00', 'Europe/Berlin'),
    calendar('1w', '2022-01-01 12:00:00', 'America/New_York'),
    calendar('1M', '2024-01-31 00:00:00', 'Australia/Lord_Howe'),
    calendar('1Q', '2025-01-01 00:00:00', 'Asia/Kolkata'),
    calendar('5m', '2026-01-01 00:00:00', 'UTC'),
  ];

  function walk(value: unknown, path: string, problems: string[]): void {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) problems.push(`${path} = ${value}`);
    } else if (value instanceof Date) {
      if (!Number.isFinite(value.getTime()))
        problems.push(`${path} is an invalid Date`);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}[${i}]`, problems));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value))
        walk(item, `${path}.${key}`, problems);
    }
  }

  it('holds over 400 random bucket sets (seed 20260630)', () => {
    const rand = random(20260630);
    for (let run = 0; run < 400; run++) {
      const timeWindow = pick(rand, windows);
      const method = pick(rand, [
        'Occurrences',
        'Timeslices',
        'RatioTimeslices',
      ] as const);
      const at = new Date(
        Date.parse('2026-03-29T00:00:00Z') +
          Math.floor(rand() * 400) * 3_600_000,
      );
      const slo: BudgetSlo = {
        target: pick(rand, [0, 0.5, 0.9, 0.99, 0.999, 0.9995, 0.999999999]),
        budgetingMethod: method,
        timeWindow,
        ...(method === 'Occurrences'
          ? {}
          : {
              timeSliceWindowSeconds: pick(rand, [60, 300]),
              timeSliceTarget: pick(rand, [0.5, 0.95, 1]),
            }),
      };
      const span = 8 * DAY * 1000;
      const buckets: SliBucket[] = [];
      const n = Math.floor(rand() * 40);
      for (let i = 0; i < n; i++) {
        const start =
          at.getTime() - rand() * span + (rand() < 0.1 ? DAY * 1000 : 0);
        const length =
          pick(rand, [1, 60, 300, 3600, 6 * 3600]) *
          1000 *
          (rand() < 0.2 ? -1 : 1);
        const total = pick(rand, counts);
        const good =
          rand() < 0.2
            ? pick(rand, counts)
            : rand() * (Number.isFinite(total) ? total : 1);
        buckets.push({
          start: new Date(start),
          end: rand() < 0.05 ? 'garbage' : new Date(start + length),
          good,
          total,
        });
      }
      const result = evaluateErrorBudget({
        slo,
        buckets,
        now: at,
        windowSet:
          rand() < 0.5 ? BURN_WINDOW_SETS.google : BURN_WINDOW_SETS.pyrra,
      });
      const problems: string[] = [];
      walk(result, 'result', problems);
      const { inputs, errorBudget, sli } = result;
      const check = (ok: boolean, what: string) => {
        if (!ok) problems.push(what);
      };
      check(inputs.coverage >= 0 && inputs.coverage <= 1, 'coverage in [0, 1]');
      check(inputs.good <= inputs.total, 'good ≤ total');
      if (result.state === 'no-data') {
        check(errorBudget.consumed === undefined, 'no consumed without data');
        check(sli === undefined, 'no SLI without data');
      } else {
        check(
          (errorBudget.remainingClamped ?? -1) >= 0,
          'remainingClamped ≥ 0',
        );
        check(sli !== undefined && sli >= 0 && sli <= 1, 'SLI in [0, 1]');
      }
      const context = `run ${run}: ${method} ${
        timeWindow.duration.text
      } at ${at.toISOString()}`;
      expect({ context, problems }).toEqual({ context, problems: [] });
    }
  });
});
