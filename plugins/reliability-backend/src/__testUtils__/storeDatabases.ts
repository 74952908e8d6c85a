import { TestDatabaseId } from '@backstage/backend-test-utils';

/**
 * The databases every store test runs on: SQLite and a real PostgreSQL.
 * `./run.sh test` starts PostgreSQL and names it in VIGIL_TEST_POSTGRES_ID;
 * without it the tests stop with that message instead of silently running
 * on SQLite alone. `VIGIL_TEST_SQLITE_ONLY=1` opts out explicitly.
 */
export function storeDatabaseIds(): TestDatabaseId[] {
  if (process.env.VIGIL_TEST_SQLITE_ONLY === '1') {
    return ['SQLITE_3'];
  }
  const postgres = process.env.VIGIL_TEST_POSTGRES_ID;
  if (!postgres) {
    throw new Error(
      'Store tests need PostgreSQL: run them through ./run.sh test (which starts one), ' +
        'set VIGIL_TEST_POSTGRES_ID=POSTGRES_15 with BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING, ' +
        'or set VIGIL_TEST_SQLITE_ONLY=1 to run on SQLite alone',
    );
  }
  return [postgres as TestDatabaseId, 'SQLITE_3'];
}
