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

  it.each(databases.eachSupportedId())(
    'lists the exemptions of many entities at once, every ref a key, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const grant = (n: number, entity: string, checkId: string) =>
        store.grant({
          id: `00000000-0000-4000-8000-00000000000${n}`,
          entityRef: `component:default/${entity}`,
          checkId,
          reason: 'Being fixed',
          grantedBy: 'user:default/alice',
          createdAt: day(n),
          expiresAt: day(20),
        });
      await grant(2, 'reports', 'dashboard');
      await grant(1, 'reports', 'runbook');
      await grant(3, 'orders', 'on-call');
      await grant(4, 'billing', 'runbook');
      await store.revoke(
        '00000000-0000-4000-8000-000000000003',
        'user:default/bob',
        day(5),
      );
      // 600 refs: more than one query takes.
      const others = Array.from(
        { length: 597 },
        (_, i) => `component:default/s${i}`,
      );
      const byEntity = await store.listForEntities([
        ...others,
        'component:default/reports',
        'component:default/orders',
        'component:default/billing',
      ]);
      expect(byEntity.size).toBe(600);
      expect(
        byEntity.get('component:default/reports')!.map(e => e.checkId),
      ).toEqual(['runbook', 'dashboard']);
      expect(byEntity.get('component:default/orders')).toEqual([]);
      expect(
        byEntity.get('component:default/billing')!.map(e => e.checkId),
      ).toEqual(['runbook']);
      expect(byEntity.get('component:default/s0')).toEqual([]);
    },
  );
});
