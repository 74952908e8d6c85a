import { parseSloDuration } from '../openslo/duration';
import { SloTimeWindow } from '../openslo/types';
import {
  formatWindowLabel,
  windowBounds,
  zonedWallClockToUtc,
} from './windows';

const HOUR = 3600;
const DAY = 86400;

function calendar(
  duration: string,
  startTime: string,
  timeZone: string,
): SloTimeWindow {
  const parsed = parseSloDuration(duration, { calendarUnits: true });
  if (!parsed) throw new Error(`bad duration ${duration}`);
  return {
    duration: parsed,
    isRolling: false,
    calendar: { startTime, timeZone },
  };
}

function rolling(duration: string): SloTimeWindow {
  const parsed = parseSloDuration(duration, { calendarUnits: false });
  if (!parsed) throw new Error(`bad duration ${duration}`);
  return { duration: parsed, isRolling: true };
}

const iso = (date: Date) => date.toISOString();

describe('windowBounds, rolling', () => {
  it('is [now − duration, now]', () => {
    const now = new Date('2026-06-30T12:00:00Z');
    expect(windowBounds(rolling('30d'), now)).toEqual({
      start: new Date('2026-05-31T12:00:00Z'),
      end: now,
      lengthSeconds: 30 * DAY,
      kind: 'rolling',
    });
  });

  it('ignores DST: 1d rolling is always 24 hours', () => {
    const now = new Date('2026-03-29T12:00:00Z');
    expect(windowBounds(rolling('1d'), now).lengthSeconds).toBe(DAY);
  });

  it('refuses a rolling window without a fixed length and an invalid now', () => {
    const month = calendar('1M', '2026-01-01 00:00:00', 'UTC');
    expect(() =>
      windowBounds({ duration: month.duration, isRolling: true }, new Date()),
    ).toThrow(/fixed length/);
    expect(() => windowBounds(rolling('1d'), new Date('nope'))).toThrow(
      /not a valid Date/,
    );
  });
});

describe('windowBounds, calendar months and quarters of their real length', () => {
  it.each([
    ['February 2026', 28, '2026-02-14T10:00:00Z', '2026-02-01', '2026-03-01'],
    [
      'February 2028 (leap)',
      29,
      '2028-02-29T23:59:59Z',
      '2028-02-01',
      '2028-03-01',
    ],
    ['April 2026', 30, '2026-04-01T00:00:00Z', '2026-04-01', '2026-05-01'],
    ['January 2026', 31, '2026-01-31T23:00:00Z', '2026-01-01', '2026-02-01'],
    [
      'December 2025 (year boundary)',
      31,
      '2025-12-31T23:59:59Z',
      '2025-12-01',
      '2026-01-01',
    ],
  ])('%s has %i days', (_name, days, now, start, end) => {
    const bounds = windowBounds(
      calendar('1M', '2024-01-01 00:00:00', 'UTC'),
      new Date(now),
    );
    expect(iso(bounds.start)).toBe(`${start}T00:00:00.000Z`);
    expect(iso(bounds.end)).toBe(`${end}T00:00:00.000Z`);
    expect(bounds.lengthSeconds).toBe(days * DAY);
    expect(bounds.kind).toBe('calendar');
  });

  it('a quarter in Europe/Berlin: Q1 2026 is 90 days less the hour DST takes', () => {
    const bounds = windowBounds(
      calendar('1Q', '2025-01-01 00:00:00', 'Europe/Berlin'),
      new Date('2026-02-10T00:00:00Z'),
    );
    expect(iso(bounds.start)).toBe('2025-12-31T23:00:00.000Z');
    expect(iso(bounds.end)).toBe('2026-03-31T22:00:00.000Z');
    expect(bounds.lengthSeconds).toBe(90 * DAY - HOUR);
  });

  it('a quarter starting in February is 89 days (non-leap year)', () => {
    const bounds = windowBounds(
      calendar('1Q', '2026-02-01 00:00:00', 'UTC'),
      new Date('2026-03-15T00:00:00Z'),
    );
    expect(bounds.lengthSeconds).toBe(89 * DAY);
  });

  it('a year: 2028 is 366 days', () => {
    const bounds = windowBounds(
      calendar('1Y', '2020-01-01 00:00:00', 'UTC'),
      new Date('2028-07-01T00:00:00Z'),
    );
    expect(iso(bounds.start)).toBe('2028-01-01T00:00:00.000Z');
    expect(bounds.lengthSeconds).toBe(366 * DAY);
  });

  it('months in a zone start at local midnight (America/New_York)', () => {
    const bounds = windowBounds(
      calendar('1M', '2026-01-01 00:00:00', 'America/New_York'),
      new Date('2026-07-04T12:00:00Z'),
    );
    expect(iso(bounds.start)).toBe('2026-07-01T04:00:00.000Z');
    expect(iso(bounds.end)).toBe('2026-08-01T04:00:00.000Z');
  });

  it('a start on the 31st uses the last day of shorter months, without drifting', () => {
    const window = calendar('1M', '2026-01-31 00:00:00', 'UTC');
    const feb = windowBounds(window, new Date('2026-03-10T00:00:00Z'));
    expect(iso(feb.start)).toBe('2026-02-28T00:00:00.000Z');
    expect(iso(feb.end)).toBe('2026-03-31T00:00:00.000Z');
    const apr = windowBounds(window, new Date('2026-05-01T00:00:00Z'));
    expect(iso(apr.start)).toBe('2026-04-30T00:00:00.000Z');
    expect(iso(apr.end)).toBe('2026-05-31T00:00:00.000Z');
  });

  it('2M periods are counted from the start time', () => {
    const bounds = windowBounds(
      calendar('2M', '2026-01-01 00:00:00', 'UTC'),
      new Date('2026-04-15T00:00:00Z'),
    );
    expect(iso(bounds.start)).toBe('2026-03-01T00:00:00.000Z');
    expect(iso(bounds.end)).toBe('2026-05-01T00:00:00.000Z');
  });
});

describe('windowBounds, DST in Europe/Berlin', () => {
  const day = calendar('1d', '2026-01-01 00:00:00', 'Europe/Berlin');

  it('the day of 2026-03-29 is 23 hours', () => {
    const bounds = windowBounds(day, new Date('2026-03-29T12:00:00Z'));
    expect(iso(bounds.start)).toBe('2026-03-28T23:00:00.000Z');
    expect(iso(bounds.end)).toBe('2026-03-29T22:00:00.000Z');
    expect(bounds.lengthSeconds).toBe(23 * HOUR);
  });

  it('the day of 2026-10-25 is 25 hours', () => {
    const bounds = windowBounds(day, new Date('2026-10-25T12:00:00Z'));
    expect(iso(bounds.start)).toBe('2026-10-24T22:00:00.000Z');
    expect(iso(bounds.end)).toBe('2026-10-25T23:00:00.000Z');
    expect(bounds.lengthSeconds).toBe(25 * HOUR);
  });

  it('an ordinary day is 24 hours, and the day boundary is exact', () => {
    const bounds = windowBounds(day, new Date('2026-03-28T23:00:00Z'));
    expect(iso(bounds.start)).toBe('2026-03-28T23:00:00.000Z');
    const before = windowBounds(day, new Date('2026-03-28T22:59:59.999Z'));
    expect(iso(before.start)).toBe('2026-03-27T23:00:00.000Z');
    expect(before.lengthSeconds).toBe(24 * HOUR);
  });

  it('a week across the change is 167 hours', () => {
    const bounds = windowBounds(
      calendar('1w', '2026-03-23 00:00:00', 'Europe/Berlin'),
      new Date('2026-03-29T12:00:00Z'),
    );
    expect(bounds.lengthSeconds).toBe(167 * HOUR);
  });

  it('an hourly calendar window is 3600 s even on the change night', () => {
    const bounds = windowBounds(
      calendar('1h', '2026-01-01 00:30:00', 'Europe/Berlin'),
      new Date('2026-03-29T01:10:00Z'),
    );
    expect(iso(bounds.start)).toBe('2026-03-29T00:30:00.000Z');
    expect(bounds.lengthSeconds).toBe(HOUR);
  });

  it('a start time skipped by DST moves forward; a repeated one is its first occurrence', () => {
    const skipped = {
      year: 2026,
      month: 3,
      day: 29,
      hour: 2,
      minute: 30,
      second: 0,
    };
    expect(
      new Date(zonedWallClockToUtc(skipped, 'Europe/Berlin')).toISOString(),
    ).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    const repeated = {
      year: 2026,
      month: 10,
      day: 25,
      hour: 2,
      minute: 30,
      second: 0,
    };
    expect(
      new Date(zonedWallClockToUtc(repeated, 'Europe/Berlin')).toISOString(),
    ).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST, not CET
  });
});

describe('windowBounds, calendar alignment', () => {
  it('aligns to a start time not at midnight (the OpenSLO 1w example)', () => {
    const window = calendar('1w', '2022-01-01 12:00:00', 'America/New_York');
    const bounds = windowBounds(window, new Date('2022-01-05T12:00:00Z'));
    expect(iso(bounds.start)).toBe('2022-01-01T17:00:00.000Z');
    expect(iso(bounds.end)).toBe('2022-01-08T17:00:00.000Z');
    expect(bounds.lengthSeconds).toBe(7 * DAY);
    // Just before noon on Saturday 8 January, local time: still week one.
    const last = windowBounds(window, new Date('2022-01-08T16:59:59Z'));
    expect(iso(last.start)).toBe('2022-01-01T17:00:00.000Z');
  });

  it('aligns days to 06:00 local', () => {
    const bounds = windowBounds(
      calendar('1d', '2026-01-01 06:00:00', 'Asia/Tokyo'),
      new Date('2026-05-10T20:00:00Z'), // 05:00 on the 11th in Tokyo
    );
    expect(iso(bounds.start)).toBe('2026-05-09T21:00:00.000Z');
    expect(iso(bounds.end)).toBe('2026-05-10T21:00:00.000Z');
  });

  it('extends periods backwards when now is before the start time', () => {
    const bounds = windowBounds(
      calendar('1M', '2030-01-01 00:00:00', 'UTC'),
      new Date('2026-02-10T00:00:00Z'),
    );
    expect(iso(bounds.start)).toBe('2026-02-01T00:00:00.000Z');
    expect(bounds.lengthSeconds).toBe(28 * DAY);
  });

  it('refuses an unknown time zone and a malformed start time', () => {
    expect(() =>
      windowBounds(
        calendar('1M', '2026-01-01 00:00:00', 'Mars/Olympus'),
        new Date(),
      ),
    ).toThrow(/unknown time zone "Mars\/Olympus"/);
    expect(() =>
      windowBounds(calendar('1M', '1 January 2026', 'UTC'), new Date()),
    ).toThrow(/YYYY-MM-DD HH:mm:ss/);
  });
});

describe('formatWindowLabel', () => {
  it.each([
    [300, '5m'],
    [3600, '1h'],
    [86400, '1d'],
    [3 * 86400, '3d'],
    [3840, '1h4m'],
    [45, '45s'],
    [0, '0s'],
  ])('%d s is %s', (seconds, label) => {
    expect(formatWindowLabel(seconds)).toBe(label);
  });
});
