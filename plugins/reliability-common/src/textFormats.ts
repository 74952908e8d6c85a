/*
 * Checks of the text formats metadata values are written in. They run for
 * every annotation of every entity in a readiness refresh, so each avoids
 * building objects it does not need (a URL, a Date) on its common path.
 */

const HTTP_SCHEME = /^https?:/i;

/** Characters the URL parser strips (leading, trailing) or skips (tab, newline). */
// eslint-disable-next-line no-control-regex -- the URL standard's C0 controls
const C0_CONTROL_OR_SPACE = /[\x00-\x20]/;

function parsesAsHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

const PRINTABLE_ASCII = /^[!-~]*$/;

/**
 * `URL.canParse` where the runtime has it (Node 19.9+, current browsers),
 * for printable ASCII only: once optimised, Node 22's `URL.canParse` rejects
 * valid URLs with Latin-1 letters (`https://ünicode.example`).
 */
const canParseUrl: (text: string) => boolean =
  typeof URL.canParse === 'function'
    ? text =>
        PRINTABLE_ASCII.test(text) ? URL.canParse(text) : parsesAsHttpUrl(text)
    : parsesAsHttpUrl;

/**
 * The usual runbook or dashboard URL, which the URL parser always accepts:
 * http(s), a host of lower-case labels each starting with a letter (never
 * read as an IPv4 number) with no `--` (so no `xn--` label to decode), no
 * port, and a path of unreserved characters. A regular expression decides
 * it faster than a call into the URL parser.
 */
const PLAIN_HTTP_URL =
  /^https?:\/\/[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*)*(?:\/[A-Za-z0-9._~/-]*)?$/;

/**
 * True when `new URL(text)` succeeds with the scheme http or https. An
 * ASCII text that starts with the scheme only needs `URL.canParse` (no URL
 * object built); one with no blank or control character that does not
 * start with it has another scheme or none. The rest (leading blanks, a
 * tab inside the scheme) is left to the URL parser itself.
 */
export function isHttpUrl(text: string): boolean {
  if (PLAIN_HTTP_URL.test(text)) return true;
  if (HTTP_SCHEME.test(text)) return canParseUrl(text);
  if (C0_CONTROL_OR_SPACE.test(text)) return parsesAsHttpUrl(text);
  return false;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by `count` ASCII digits from `start` (no substring made). */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    value = value * 10 + (text.charCodeAt(i) - 48);
  }
  return value;
}

const isLeapYear = (year: number) =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/**
 * A real calendar date written as YYYY-MM-DD (rejects 2026-02-30), read
 * field by field rather than through a Date and its ISO string.
 */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  return (
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

const DAY_MS = 86_400_000;

/*
 * Calendar arithmetic on days since 1970-01-01 (H. Hinnant's
 * days_from_civil and civil_from_days, proleptic Gregorian, like Date).
 * A DR test date is parsed and its due date formatted for most entities
 * of a refresh; Date.parse and toISOString cost far more than this.
 */

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear =
    Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 +
    Math.floor(yearOfEra / 4) -
    Math.floor(yearOfEra / 100) +
    dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Midnight UTC of a date written YYYY-MM-DD, in ms: the same number as
 * `Date.parse(`${text}T00:00:00Z`)`, which it falls back to for any text
 * that is not a real calendar date.
 */
export function isoDateMs(text: string): number {
  if (!isIsoDate(text)) return Date.parse(`${text}T00:00:00Z`);
  const days = daysFromCivil(
    digitsAt(text, 0, 4),
    digitsAt(text, 5, 2),
    digitsAt(text, 8, 2),
  );
  return days * DAY_MS;
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * The UTC day of an instant in ms, YYYY-MM-DD: the same text as
 * `new Date(ms).toISOString().slice(0, 10)`, which it falls back to
 * outside the years 0000 to 9999 (and for a time that is not valid).
 */
export function isoDayOfMs(ms: number): string {
  // Date drops a fraction of a millisecond toward zero (TimeClip).
  const days = Math.floor(Math.trunc(ms) / DAY_MS) + 719468;
  const era = Math.floor(days / 146097);
  const dayOfEra = days - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra -
    (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (!(year >= 0 && year <= 9999)) {
    return new Date(ms).toISOString().slice(0, 10);
  }
  const yearText = `${year}`.padStart(4, '0');
  return `${yearText}-${twoDigits(month)}-${twoDigits(day)}`;
}

/** The last instant formatted by {@link isoDay}: a refresh shares one `now`. */
let lastFormatted = { time: NaN, iso: '' };

/** `date.toISOString()`, formatted once while the instant stays the same. */
export function isoString(date: Date): string {
  const time = date.getTime();
  if (time !== lastFormatted.time) {
    lastFormatted = { time, iso: date.toISOString() };
  }
  return lastFormatted.iso;
}

/** The UTC day of `date`, YYYY-MM-DD. */
export function isoDay(date: Date): string {
  return isoString(date).slice(0, 10);
}
