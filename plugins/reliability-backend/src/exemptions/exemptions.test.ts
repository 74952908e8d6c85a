import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { reliabilityPlugin } from '../plugin';

/** A tier-2 service without a runbook: the runbook check fails. */
const reports: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'reports',
    namespace: 'default',
    annotations: { 'vigil/tier': 'tier-2', 'pagerduty.com/service-id': 'P1' },
  },
  spec: { type: 'service', owner: 'data', lifecycle: 'production' },
};
const data: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'data', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString();
const grant = (overrides: Record<string, unknown> = {}) => ({
  entityRef: 'component:default/reports',
  checkId: 'runbook',
  reason: 'Runbook is being rewritten with the new on-call team',
  expiresAt: inDays(30),
  ...overrides,
});

async function startBackend(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const { server } = await startTestBackend({
    features: [
      reliabilityPlugin,
      catalogServiceMock.factory({ entities: [reports, data] }),
      mockServices.database.factory(),
      mockServices.permissions.factory({ result }),
    ],
  });
  return server;
}

const runbookCheck = async (server: any) => {
  const res = await request(server).get(
    '/api/reliability/entities/component/default/reports',
  );
  expect(res.status).toBe(200);
  return res.body.readiness.checks.find(
    (c: { id: string }) => c.id === 'runbook',
  );
};

describe('exemptions', () => {
  it('answers 403 to a grant without the permission, writing nothing', async () => {
    const server = await startBackend(AuthorizeResult.DENY);
    const res = await request(server)
      .post('/api/reliability/exemptions')
      .send(grant());
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('reliability.exemption.create');
    const list = await request(server)
      .get('/api/reliability/exemptions')
      .query({ entityRef: 'component:default/reports' });
    expect(list.body).toEqual({ items: [], maxDays: 90 });
  });

  it('counts an exemption in force, audits grant and revocation, and stops counting once revoked', async () => {
    const server = await startBackend();
    expect((await runbookCheck(server)).state).toBe('fail');

    const granted = await request(server)
      .post('/api/reliability/exemptions')
      .send(grant());
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({
      entityRef: 'component:default/reports',
      checkId: 'runbook',
      grantedBy: mockCredentials.user().principal.userEntityRef,
    });
    const exempt = await runbookCheck(server);
    expect(exempt.state).toBe('exempt');
    expect(exempt.exemption).toMatchObject({
      expired: false,
      underlyingState: 'fail',
    });

    await request(server)
      .delete(`/api/reliability/exemptions/${granted.body.id}`)
      .expect(204);
    expect((await runbookCheck(server)).state).toBe('fail');

    const audit = await request(server).get(
      `/api/reliability/exemptions/${granted.body.id}/audit`,
    );
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'grant',
      'revoke',
    ]);
    await request(server)
      .delete(`/api/reliability/exemptions/${granted.body.id}`)
      .expect(404);
  });

  it.each([
    [{ expiresAt: inDays(-1) }, 'is not in the future'],
    [{ expiresAt: inDays(120) }, 'more than 90 days ahead'],
    [{ expiresAt: 'next month' }, 'expiresAt must be an ISO 8601 timestamp'],
    [{ checkId: 'has-tests' }, 'checkId "has-tests" is not a check'],
    [{ reason: 'because' }, 'reason must say why'],
    [
      { entityRef: 'component:default/nope' },
      'No entity component:default/nope',
    ],
    [{ entityRef: ':' }, 'is not an entity ref'],
  ])('rejects %j naming the problem', async (overrides, expected) => {
    const server = await startBackend();
    const res = await request(server)
      .post('/api/reliability/exemptions')
      .send(grant(overrides));
    expect([400, 404]).toContain(res.status);
    expect(res.body.error.message).toContain(expected);
  });
});
