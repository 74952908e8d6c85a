import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** Where this plugin's knex migrations live, in source and when published. */
export const migrationsDir = resolvePackagePath(
  '@vigil/plugin-reliability-backend',
  'migrations',
);

/**
 * The plugin's database client with every migration applied, unless the
 * deployment manages migrations itself (`migrations.skip`).
 */
export async function migratedClient(database: DatabaseService): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}
