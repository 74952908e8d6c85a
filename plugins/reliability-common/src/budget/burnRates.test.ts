import {
  BURN_WINDOW_SETS,
  burnWindowsOf,
  evaluateAlerts,
  resolveBurnWindowSet,
} from './burnRates';
import { BurnRate, BurnWindowSet } from './types';

const DAY = 86400;

const summary = (set: BurnWindowSet, windowSeconds: number) =>
  resolveBurnWindowSet(set, windowSeconds).alerts.map(
    a =>
      `${a.name} ${a.severity} ${a.longWindow}/${
        a.shortWindow
      } ${+a.factor.toFixed(4)}`,
  );

describe('BURN_WINDOW_SETS.google', () => {
  it('is the SRE workbook set for a 30-day window', () => {
    expect(summary(BURN_WINDOW_SETS.google, 30 * DAY)).toEqual([
      'page-quick page 1h/5m 14.4',
      'page-slow page 6h/30m 6',
      'ticket-quick ticket 1d/2h 3',
      'ticket-slow ticket 3d/6h 1',
    ]);
  });

  it.each([
    // 2 %, 5 %, 10 %, 10 % of the budget within 1h, 6h, 1d, 3d of a 28-day window
    [28, ['13.44', '5.6', '2.8', '0.9333']],
    [7, ['3.36', '1.4', '0.7', '0.2333']],
    [31, ['14.88', '6.2', '3.1', '1.0333']],
  ])(
    'keeps the windows and scales the factors by W / 30d for %i days',
    (days, factors) => {
      const alerts = resolveBurnWindowSet(
        BURN_WINDOW_SETS.google,
        days * DAY,
      ).alerts;
      expect(alerts.map(a => a.longWindow)).toEqual(['1h', '6h', '1d', '3d']);
      expect(alerts.map(a => String(+a.factor.toFixed(4)))).toEqual(factors);
    },
  );

  it('leaves out alerts whose long window is longer than the SLO window', () => {
    const { alerts, dropped } = resolveBurnWindowSet(
      BURN_WINDOW_SETS.google,
      DAY,
    );
    expect(alerts.map(a => a.name)).toEqual([
      'page-quick',
      'page-slow',
      'ticket-quick',
    ]);
    expect(dropped).toEqual(['ticket-slow']);
  });
});

describe('BURN_WINDOW_SETS.pyrra', () => {
  it("is Pyrra's set for a 28-day window", () => {
    expect(summary(BURN_WINDOW_SETS.pyrra, 28 * DAY)).toEqual([
      'page-quick page 1h/5m 14',
      'page-slow page 6h/30m 7',
      'ticket-quick ticket 1d/2h 2',
      'ticket-slow ticket 4d/6h 1',
    ]);
  });

  it('keeps the factors and scales the windows by W / 28d, to the minute', () => {
    expect(summary(BURN_WINDOW_SETS.pyrra, 30 * DAY)).toEqual([
      'page-quick page 1h4m/5m 14',
      'page-slow page 6h26m/32m 7',
      'ticket-quick ticket 1d1h43m/2h9m 2',
      'ticket-slow ticket 4d6h51m/6h26m 1',
    ]);
    expect(summary(BURN_WINDOW_SETS.pyrra, 7 * DAY)).toEqual([
      'page-quick page 15m/1m 14',
      'page-slow page 1h30m/8m 7',
      'ticket-quick ticket 6h/30m 2',
      'ticket-slow ticket 1d/1h30m 1',
    ]);
  });

  it('never scales a window below one minute', () => {
    const alerts = resolveBurnWindowSet(BURN_WINDOW_SETS.pyrra, DAY).alerts;
    expect(alerts[0].shortWindowSeconds).toBe(60);
  });
});

describe('custom window sets', () => {
  const custom: BurnWindowSet = {
    name: 'strict',
    referenceWindowSeconds: 7 * DAY,
    scale: 'none',
    alerts: [
      {
        name: 'fast',
        severity: 'page',
        longWindowSeconds: 1800,
        shortWindowSeconds: 300,
        factor: 10,
      },
    ],
  };

  it('uses a set with scale none as written', () => {
    expect(summary(custom, 30 * DAY)).toEqual(['fast page 30m/5m 10']);
  });

  it.each<[string, Partial<BurnWindowSet['alerts'][0]>]>([
    ['a zero factor', { factor: 0 }],
    ['a NaN window', { longWindowSeconds: NaN }],
    ['a short window longer than the long one', { shortWindowSeconds: 3600 }],
    ['an unknown severity', { severity: 'email' as 'page' }],
  ])('refuses %s', (_name, change) => {
    expect(() =>
      resolveBurnWindowSet(
        { ...custom, alerts: [{ ...custom.alerts[0], ...change }] },
        DAY,
      ),
    ).toThrow(/burn window set "strict"/);
  });
});

describe('evaluateAlerts', () => {
  const [pageQuick] = resolveBurnWindowSet(
    BURN_WINDOW_SETS.google,
    30 * DAY,
  ).alerts;
  const rates = (long?: number, short?: number): BurnRate[] => [
    {
      window: '1h',
      seconds: 3600,
      good: 0,
      total: 0,
      coverage: 1,
      burnRate: long,
    },
    {
      window: '5m',
      seconds: 300,
      good: 0,
      total: 0,
      coverage: 1,
      burnRate: short,
    },
  ];

  it.each([
    [20, 20, true],
    [20, 10, false],
    [10, 20, false],
    [undefined, 20, false],
    [20, undefined, false],
    // at the factor is not faster than it, whatever the binary rounding
    [0.0144 / 0.001, 0.0144 / 0.001, false],
    [14.4 + 1e-6, 14.4 + 1e-6, true],
  ])('long %p short %p fires: %p', (long, short, firing) => {
    expect(evaluateAlerts([pageQuick], rates(long, short))[0].firing).toBe(
      firing,
    );
  });

  it('lists the distinct windows shortest first', () => {
    const { alerts } = resolveBurnWindowSet(BURN_WINDOW_SETS.google, 30 * DAY);
    expect(burnWindowsOf(alerts)).toEqual([
      300, 1800, 3600, 7200, 21600, 86400, 259200,
    ]);
  });
});
