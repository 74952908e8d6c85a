import { parseDuration } from '../duration';
import { SloDuration } from './types';

const CALENDAR_UNITS = ['M', 'Q', 'Y'] as const;

/** Units of the OpenSLO v1 duration-shorthand, in the specification's order. */
export const SLO_DURATION_UNITS = 'm h d w M Q Y';

const DAY = 86400;

/**
 * The shortest a calendar unit can be, in seconds: February, the quarter
 * starting in February (89 days), a non-leap year. Enough to tell whether a
 * fixed length certainly fits inside a calendar window.
 */
export const MIN_CALENDAR_UNIT_SECONDS: Record<'M' | 'Q' | 'Y', number> = {
  M: 28 * DAY,
  Q: 89 * DAY,
  Y: 365 * DAY,
};

/** The shortest length a duration can have, in seconds. */
export function minimumSeconds(duration: SloDuration): number {
  if (duration.seconds !== undefined) return duration.seconds;
  return (
    duration.amount *
    MIN_CALENDAR_UNIT_SECONDS[duration.unit as 'M' | 'Q' | 'Y']
  );
}

/**
 * Parses an OpenSLO v1 duration-shorthand: a positive whole number and one
 * case-sensitive unit, with no spaces. `m` is minutes, `h` hours, `d` days,
 * `w` weeks; with `calendarUnits`, `M`, `Q` and `Y` are calendar months,
 * quarters and years (no fixed length: `seconds` is undefined). Returns
 * undefined for anything else, including `0d`, `1.5h`, `30s` (OpenSLO v1 has
 * no seconds unit) and, without `calendarUnits`, `1M`.
 *
 * @public
 */
export function parseSloDuration(
  text: unknown,
  options: { calendarUnits: boolean },
): SloDuration | undefined {
  if (typeof text !== 'string') {
    return undefined;
  }
  const match = /^([1-9][0-9]{0,8})([mhdwMQY])$/.exec(text);
  if (!match) {
    return undefined;
  }
  const amount = Number(match[1]);
  const unit = match[2] as SloDuration['unit'];
  if ((CALENDAR_UNITS as readonly string[]).includes(unit)) {
    return options.calendarUnits ? { text, amount, unit } : undefined;
  }
  // m h d w mean the same as in annotation durations: reuse that parser.
  const fixed = parseDuration(text);
  return fixed ? { text, amount, unit, seconds: fixed.seconds } : undefined;
}

/** Why a duration-shorthand text was refused, for the error's "expected". */
export function explainSloDuration(
  text: unknown,
  options: { calendarUnits: boolean; orMinutes?: boolean },
): string {
  const units = options.calendarUnits ? SLO_DURATION_UNITS : 'm h d w';
  const calendar = options.calendarUnits
    ? '; M, Q, Y are calendar months, quarters, years'
    : '';
  const grammar = `a duration (a positive whole number and one unit of ${units}; m is minutes${calendar})${
    options.orMinutes ? ' or a whole number of minutes' : ''
  }`;
  const reason = (() => {
    if (typeof text === 'number') {
      return options.orMinutes ? '' : 'a bare number has no unit';
    }
    if (typeof text !== 'string') return '';
    if (/^\s|\s$/.test(text)) return 'without spaces';
    if (/^[0-9]+$/.test(text)) {
      return options.orMinutes
        ? 'a number, not a string: remove the quotes, or add a unit'
        : 'the unit is missing';
    }
    if (/^[1-9][0-9]*s$/.test(text)) return 'OpenSLO v1 has no seconds unit';
    if (/^[1-9][0-9]{0,8}[MQY]$/.test(text) && !options.calendarUnits) {
      return 'months, quarters and years have no fixed length, so they are not allowed here';
    }
    const caseMatch = /^([1-9][0-9]{0,8})([A-Za-z])$/.exec(text);
    if (caseMatch) {
      const other =
        caseMatch[2] === caseMatch[2].toLowerCase()
          ? caseMatch[2].toUpperCase()
          : caseMatch[2].toLowerCase();
      if (units.split(' ').includes(other)) {
        return `did you mean ${caseMatch[1]}${other}? units are case-sensitive`;
      }
    }
    return '';
  })();
  return reason ? `${grammar}: ${reason}` : grammar;
}
