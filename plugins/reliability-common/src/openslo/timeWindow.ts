import { explainSloDuration, parseSloDuration } from './duration';
import { own, Problems } from './problems';
import { SloTimeWindow } from './types';

const WINDOW_EXAMPLE = 'timeWindow: [{ duration: 28d, isRolling: true }]';
const CALENDAR_EXAMPLE =
  "calendar: { startTime: '2024-01-01 00:00:00', timeZone: Europe/Paris }";
const START_TIME_EXPECTED =
  'a date and 24-hour time without time zone, YYYY-MM-DD HH:mm:ss';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Checks `YYYY-MM-DD HH:mm:ss` and that the date exists. A YAML 1.1 parser
 * turns the unquoted form into a Date read as UTC: its UTC fields are the
 * digits as written, so it is turned back into that text.
 */
function readStartTime(
  problems: Problems,
  value: unknown,
  field: string,
): string | undefined {
  let text: string | undefined;
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    text = `${pad(value.getUTCFullYear(), 4)}-${pad(
      value.getUTCMonth() + 1,
    )}-${pad(value.getUTCDate())} ${pad(value.getUTCHours())}:${pad(
      value.getUTCMinutes(),
    )}:${pad(value.getUTCSeconds())}`;
  } else {
    text = problems.string(value, field, {
      required: true,
      expected: START_TIME_EXPECTED,
      example: "startTime: '2024-01-01 00:00:00'",
    });
  }
  if (text === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (match) {
    const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    if (
      date.getUTCFullYear() === year &&
      date.getUTCMonth() === month - 1 &&
      date.getUTCDate() === day &&
      hour < 24 &&
      minute < 60 &&
      second < 60
    ) {
      return text;
    }
  }
  const hint = /^\d{4}-\d{2}-\d{2}T/.test(text)
    ? ' (a space, not T, between date and time; the zone goes in timeZone)'
    : '';
  problems.add(
    field,
    text,
    `${START_TIME_EXPECTED}, a real date and time${hint}`,
    "startTime: '2024-01-01 00:00:00'",
  );
  return undefined;
}

let knownZones: Map<string, string> | undefined;
function zoneByLowerCase(): Map<string, string> {
  if (!knownZones) {
    knownZones = new Map();
    try {
      for (const zone of Intl.supportedValuesOf('timeZone')) {
        knownZones.set(zone.toLowerCase(), zone);
      }
    } catch {
      // Older runtimes: the resolved name below still catches most cases.
    }
  }
  return knownZones;
}

/** Accepts IANA time zone names, spelled with their exact case. */
export function checkTimeZone(zone: string): { ok: boolean; hint?: string } {
  if (/^[+-]\d|^(UTC|GMT)[+-]\d/i.test(zone)) {
    return { ok: false, hint: 'a zone name, not an offset' };
  }
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
    }).resolvedOptions().timeZone;
  } catch {
    return { ok: false };
  }
  const exact = zoneByLowerCase().get(zone.toLowerCase());
  if (exact !== undefined && exact !== zone) {
    return { ok: false, hint: `did you mean ${exact}? case matters` };
  }
  if (resolved !== zone && resolved.toLowerCase() === zone.toLowerCase()) {
    return { ok: false, hint: `did you mean ${resolved}? case matters` };
  }
  return { ok: true };
}

/**
 * Reads `spec.timeWindow`: a list of exactly one rolling or calendar-aligned
 * window.
 */
export function readTimeWindow(
  problems: Problems,
  value: unknown,
  field: string,
): SloTimeWindow | undefined {
  if (value === undefined || value === null) {
    problems.add(
      field,
      undefined,
      'a list of exactly one time window',
      WINDOW_EXAMPLE,
    );
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 1) {
    const detail = Array.isArray(value)
      ? `a list of exactly one time window, not ${value.length}`
      : 'a list of exactly one time window (write it as a list item, with "- ")';
    problems.add(field, value, detail, WINDOW_EXAMPLE);
    return undefined;
  }
  const at = `${field}[0]`;
  const window = problems.object(value[0], at, {
    required: true,
    expected: 'a mapping with duration, and isRolling or calendar',
    example: '{ duration: 28d, isRolling: true }',
  });
  if (!window) return undefined;
  const before = problems.errors.length;

  const isRollingValue = own(window, 'isRolling');
  const calendarValue = own(window, 'calendar');
  let isRolling = problems.boolean(isRollingValue, `${at}.isRolling`, {
    expected: 'true (rolling window) or false (calendar-aligned window)',
    example: 'isRolling: true',
  });
  if (isRollingValue === undefined) {
    if (calendarValue !== undefined) {
      // The specification: "if omitted assumed false if calendar: is present".
      isRolling = false;
    } else {
      problems.add(
        `${at}.isRolling`,
        undefined,
        'true for a rolling window, or false with a calendar (start time and time zone)',
        'isRolling: true',
      );
    }
  }

  const durationValue = own(window, 'duration');
  const duration = parseSloDuration(durationValue, { calendarUnits: true });
  if (durationValue === undefined) {
    problems.add(
      `${at}.duration`,
      undefined,
      explainSloDuration(undefined, { calendarUnits: true }),
      'duration: 28d',
    );
  } else if (!duration) {
    problems.add(
      `${at}.duration`,
      durationValue,
      explainSloDuration(durationValue, { calendarUnits: true }),
      'duration: 28d',
    );
  } else if (isRolling === true && duration.seconds === undefined) {
    const days = { M: '30d', Q: '90d', Y: '365d' }[duration.unit as 'M'];
    problems.add(
      `${at}.duration`,
      duration.text,
      `a fixed-length duration (m h d w) for a rolling window: a calendar month, quarter or year (M Q Y) has no fixed length; use e.g. ${days}, or isRolling: false with a calendar`,
      'duration: 28d',
    );
  }

  let calendar: SloTimeWindow['calendar'];
  if (isRolling === true && calendarValue !== undefined) {
    problems.add(
      `${at}.calendar`,
      calendarValue,
      'no calendar on a rolling window (isRolling: true): remove calendar, or set isRolling: false',
      '{ duration: 28d, isRolling: true }',
    );
  } else if (isRolling === false) {
    const calendarObj = problems.object(calendarValue, `${at}.calendar`, {
      required: true,
      expected:
        'a calendar with startTime and timeZone, since the window is not rolling (isRolling: false)',
      example: CALENDAR_EXAMPLE,
    });
    if (calendarObj) {
      const startTime = readStartTime(
        problems,
        own(calendarObj, 'startTime'),
        `${at}.calendar.startTime`,
      );
      const zoneField = `${at}.calendar.timeZone`;
      const timeZone = problems.string(
        own(calendarObj, 'timeZone'),
        zoneField,
        {
          required: true,
          expected: 'an IANA time zone name',
          example: 'timeZone: America/New_York',
        },
      );
      if (timeZone !== undefined) {
        const check = checkTimeZone(timeZone);
        if (!check.ok) {
          problems.add(
            zoneField,
            timeZone,
            `an IANA time zone name${check.hint ? ` (${check.hint})` : ''}`,
            'timeZone: America/New_York',
          );
        }
      }
      if (startTime !== undefined && timeZone !== undefined) {
        calendar = { startTime, timeZone };
      }
    }
  }

  if (problems.errors.length > before || !duration || isRolling === undefined) {
    return undefined;
  }
  return { duration, isRolling, ...(calendar ? { calendar } : {}) };
}
