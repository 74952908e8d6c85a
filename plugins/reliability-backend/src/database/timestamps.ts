/**
 * A timestamp column as a Date: SQLite hands timestamps back as numbers or
 * strings, PostgreSQL as Dates.
 */
export function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}
