import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { storeDatabaseIds } from '../__testUtils__/storeDatabases';
import { parseReliabilityProfile } from '@vigil/plugin-reliability-common';
import { DatabaseProfileStore } from './DatabaseProfileStore';

const profileOf = (tier: string) =>
  parseReliabilityProfile({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders', annotations: { 'vigil/tier': tier } },
  });

describe('DatabaseProfileStore', () => {
  const databases = TestDatabases.create({ ids: storeDatabaseIds() });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseProfileStore.create({
      database: { getClient: async () => knex },
    });
    return { knex, store };
  }

  it.each(databases.eachSupportedId())(
    'moves changedAt only when the profile changes, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const t1 = new Date('2026-11-01T00:00:00Z');
      const t2 = new Date('2026-11-02T00:00:00Z');
      const t3 = new Date('2026-11-03T00:00:00Z');

      const first = await store.recordProfile(profileOf('tier-1'), t1);
      expect(first.changedAt.toISOString()).toBe(t1.toISOString());

      const same = await store.recordProfile(profileOf('tier-1'), t2);
      expect(same.changedAt.toISOString()).toBe(t1.toISOString());
      expect(same.seenAt.toISOString()).toBe(t2.toISOString());

      const changed = await store.recordProfile(profileOf('tier-0'), t3);
      expect(changed.changedAt.toISOString()).toBe(t3.toISOString());
      expect(changed.profile.tier?.label).toBe('tier-0');
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps one row per entity, on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      for (let day = 1; day <= 5; day++) {
        await store.recordProfile(
          profileOf(`tier-${day % 2}`),
          new Date(Date.UTC(2026, 10, day)),
        );
      }
      const [{ count }] = await knex('reliability_entity_profiles').count({
        count: '*',
      });
      expect(Number(count)).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'migrates down and up again, on %p',
    async databaseId => {
      const { knex } = await createStore(databaseId);
      await knex.migrate.rollback(
        { directory: `${__dirname}/../../migrations` },
        true,
      );
      expect(await knex.schema.hasTable('reliability_entity_profiles')).toBe(
        false,
      );
      await knex.migrate.latest({ directory: `${__dirname}/../../migrations` });
      expect(await knex.schema.hasTable('reliability_entity_profiles')).toBe(
        true,
      );
    },
  );
});
