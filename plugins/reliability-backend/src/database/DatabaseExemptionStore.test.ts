import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { storeDatabaseIds } from '../__testUtils__/storeDatabases';
import { DatabaseExemptionStore } from './DatabaseExemptionStore';

const day = (d: number) => new Date(Date.UTC(2026, 10, d));

describe('DatabaseExemptionStore', () => {
  const databases = TestDatabases.create({ ids: storeDatabaseIds() });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    return DatabaseExemptionStore.create({
      database: { getClient: async () => knex },
    });
  }

  it.each(databases.eachSupportedId())(
    'grants, lists, revokes and audits every change, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const exemption = {
        id: '00000000-0000-4000-8000-000000000001',
        entityRef: 'component:default/reports',
        checkId: 'runbook',
        reason: 'Runbook rewrite under way',
        grantedBy: 'user:default/alice',
        createdAt: day(1),
        expiresAt: day(20),
      };
      await store.grant(exemption);
      expect(await store.listForEntity('component:default/reports')).toEqual([
        exemption,
      ]);

      const revoked = await store.revoke(
        exemption.id,
        'user:default/bob',
        day(2),
      );
      expect(revoked).toMatchObject({ revokedBy: 'user:default/bob' });
      expect(await store.listForEntity('component:default/reports')).toEqual(
        [],
      );
      expect(
        await store.revoke(exemption.id, 'user:default/bob', day(3)),
      ).toBeUndefined();

      const audit = await store.audit(exemption.id);
      expect(audit.map(e => [e.action, e.actor, e.at.toISOString()])).toEqual([
        ['grant', 'user:default/alice', day(1).toISOString()],
        ['revoke', 'user:default/bob', day(2).toISOString()],
      ]);
      expect(audit[0].details).toMatchObject({ checkId: 'runbook' });
    },
  );
});
