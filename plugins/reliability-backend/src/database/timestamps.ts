import { Knex } from 'knex';

/**
 * A timestamp column as a Date: SQLite hands timestamps back as numbers or
 * strings, PostgreSQL as Dates.
 */
export function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

/**
 * The condition under which an upsert replaces a stored row: the row was
 * not evaluated later than the incoming one. A refresh page evaluated
 * before an on-demand evaluation of one of its entities can be saved after
 * it (the refresh yields between evaluating and saving); the newer result
 * must stay. Equal times pass, so a status re-marked stale is saved.
 * `excluded` is the incoming row in SQLite's and PostgreSQL's upsert.
 */
export function notEvaluatedLater(
  db: Knex,
  table: string,
): [string, string, Knex.Ref<string, {}>] {
  return [`${table}.evaluated_at`, '<=', db.ref('excluded.evaluated_at')];
}
