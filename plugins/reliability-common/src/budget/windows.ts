import { SloTimeWindow } from '../openslo/types';
import { WindowBounds } from './types';

const SECOND = 1000;
const DAY_MS = 86400 * SECOND;

/** Wall-clock fields of a civil date and time, months 1–12. */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new Error(
        `Error budget: unknown time zone "${timeZone}"; expected an IANA name such as Europe/Paris`,
      );
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in `timeZone` at the instant `ms` (whole seconds). */
function wallClockAt(ms: number, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year,
    month: fields.month,
    day: fields.day,
    hour: fields.hour % 24,
    minute: fields.minute,
    second: fields.second,
  };
}

/** A wall clock read as if it were UTC, in milliseconds. */
function wallAsUtc(wall: WallClock): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return date.getTime();
}

/** Offset of `timeZone` from UTC at the instant `ms`, in milliseconds. */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / SECOND) * SECOND;
  return wallAsUtc(wallClockAt(whole, timeZone)) - whole;
}

/**
 * The instant at which the wall clock of `timeZone` shows `wall`. Like
 * Temporal's `compatible` disambiguation: a time skipped by a DST change
 * (02:30 on a spring-forward night in Europe) moves forward by the length of
 * the gap (03:30); a time that happens twice (fall back) is its first
 * occurrence.
 */
export function zonedWallClockToUtc(wall: WallClock, timeZone: string): number {
  const local = wallAsUtc(wall);
  // Transitions are at least days apart: the offsets one day either side
  // are the only candidates.
  const before = zoneOffsetMs(local - DAY_MS, timeZone);
  const after = zoneOffsetMs(local + DAY_MS, timeZone);
  const candidates = [local - before, local - after].filter(
    t => wallAsUtc(wallClockAt(t, timeZone)) === local,
  );
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: keep the offset from before the change, which lands later.
  return local - before;
}

/** Reads `YYYY-MM-DD HH:mm:ss` (the form the OpenSLO parser accepts). */
function parseStartTime(text: string): WallClock {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(
    text,
  );
  if (!match) {
    throw new Error(
      `Error budget: calendar.startTime "${text}" is not YYYY-MM-DD HH:mm:ss`,
    );
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  return { year, month, day, hour, minute, second };
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/**
 * The wall clock `count` units after `anchor`. Days and weeks move the date
 * and keep the time of day (so a day across a DST change lasts 23 or 25
 * hours); months, quarters and years move the month and keep the day,
 * using the month's last day when the anchor's day does not exist
 * (31 January + 1 month = 28 or 29 February), always counted from the
 * anchor so that periods never drift.
 */
function addCalendarUnits(
  anchor: WallClock,
  unit: 'd' | 'w' | 'M' | 'Q' | 'Y',
  count: number,
): WallClock {
  if (unit === 'd' || unit === 'w') {
    const days = unit === 'w' ? count * 7 : count;
    const date = new Date(0);
    date.setUTCFullYear(anchor.year, anchor.month - 1, anchor.day + days);
    return {
      ...anchor,
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
    };
  }
  const months = count * { M: 1, Q: 3, Y: 12 }[unit];
  const index = anchor.year * 12 + (anchor.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return {
    ...anchor,
    year,
    month,
    day: Math.min(anchor.day, daysInMonth(year, month)),
  };
}

/**
 * Start and end of the time window that `now` is in.
 *
 * - Rolling: `[now − duration, now]`, `lengthSeconds` = the duration.
 * - Calendar: the whole period containing `now` (`start` ≤ now < `end`),
 *   periods being `calendar.startTime` + k × duration on the wall clock of
 *   `calendar.timeZone` (k may be negative when `now` is before the start
 *   time). Minutes and hours are fixed lengths; days and weeks follow the
 *   wall clock, so a day across a DST change lasts 23 or 25 hours; months,
 *   quarters and years have their real length in that zone.
 *
 * Throws an Error only on programmer misuse: an invalid `now`, a rolling
 * window without a fixed length, a calendar window without a calendar, an
 * unknown time zone or a malformed start time (the OpenSLO parser rejects
 * all of these).
 *
 * @public
 */
export function windowBounds(
  timeWindow: SloTimeWindow,
  now: Date,
): WindowBounds {
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) {
    throw new Error('Error budget: `now` is not a valid Date');
  }
  const { duration } = timeWindow;
  if (timeWindow.isRolling) {
    if (duration.seconds === undefined || !(duration.seconds > 0)) {
      throw new Error(
        `Error budget: a rolling window needs a fixed length, not ${duration.text}`,
      );
    }
    return {
      start: new Date(nowMs - duration.seconds * SECOND),
      end: new Date(nowMs),
      lengthSeconds: duration.seconds,
      kind: 'rolling',
    };
  }
  if (!timeWindow.calendar) {
    throw new Error(
      'Error budget: a calendar window (isRolling: false) needs calendar.startTime and calendar.timeZone',
    );
  }
  const { timeZone } = timeWindow.calendar;
  const anchorWall = parseStartTime(timeWindow.calendar.startTime);
  const anchor = zonedWallClockToUtc(anchorWall, timeZone);
  const { unit, amount } = duration;

  let periodStart: (k: number) => number;
  let estimate: number;
  if (unit === 'm' || unit === 'h' || unit === 's') {
    const lengthMs = (duration.seconds ?? 0) * SECOND;
    if (!(lengthMs > 0)) {
      throw new Error(`Error budget: invalid duration ${duration.text}`);
    }
    periodStart = k => anchor + k * lengthMs;
    estimate = Math.floor((nowMs - anchor) / lengthMs);
  } else {
    periodStart = k =>
      zonedWallClockToUtc(
        addCalendarUnits(anchorWall, unit, k * amount),
        timeZone,
      );
    if (unit === 'd' || unit === 'w') {
      const unitDays = unit === 'w' ? 7 : 1;
      estimate = Math.floor((nowMs - anchor) / (amount * unitDays * DAY_MS));
    } else {
      const nowWall = wallClockAt(nowMs, timeZone);
      const monthsApart =
        (nowWall.year - anchorWall.year) * 12 +
        (nowWall.month - anchorWall.month);
      estimate = Math.floor(
        monthsApart / (amount * { M: 1, Q: 3, Y: 12 }[unit]),
      );
    }
  }
  let k = estimate;
  while (periodStart(k) > nowMs) k--;
  while (periodStart(k + 1) <= nowMs) k++;
  const start = periodStart(k);
  const end = periodStart(k + 1);
  return {
    start: new Date(start),
    end: new Date(end),
    lengthSeconds: (end - start) / SECOND,
    kind: 'calendar',
  };
}

const LABEL_UNITS: Array<[string, number]> = [
  ['d', 86400],
  ['h', 3600],
  ['m', 60],
  ['s', 1],
];

/**
 * A length in seconds written the Prometheus way: `5m`, `1h`, `3d`,
 * `1h4m`.
 */
export function formatWindowLabel(seconds: number): string {
  let rest = Math.round(seconds);
  if (rest <= 0) return '0s';
  let label = '';
  for (const [unit, size] of LABEL_UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0) {
      label += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return label;
}
