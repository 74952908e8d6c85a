import { Entity } from '@backstage/catalog-model';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { reliabilityPlugin } from './plugin';

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'orders',
      title: 'Orders API',
      annotations: {
        'vigil/tier': 'tier-0',
        'vigil/runbook': 'https://wiki.example.com/runbooks/orders',
      },
    },
    spec: { type: 'service', owner: 'checkout-team', system: 'checkout' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'legacy-reports',
      annotations: { 'vigil/tier': 'tier-5' },
    },
    spec: { type: 'service', owner: 'group:default/data' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'checkout-team' },
    spec: { type: 'team', children: [] },
  },
];

async function startBackend() {
  const { server } = await startTestBackend({
    features: [
      reliabilityPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.database.factory(),
    ],
  });
  return server;
}

describe('reliability backend', () => {
  it('answers /health without credentials', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/reliability/health')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it.each([
    '/api/reliability/entities/component/default/orders',
    '/api/reliability/overview/entities',
  ])('refuses %s without credentials', async path => {
    const server = await startBackend();
    const anonymous = await request(server)
      .get(path)
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
    const badToken = await request(server)
      .get(path)
      .set('Authorization', mockCredentials.user.invalidHeader());
    expect(badToken.status).toBe(401);
  });

  it('returns the parsed profile of a catalog entity', async () => {
    const server = await startBackend();
    const res = await request(server).get(
      '/api/reliability/entities/component/default/orders',
    );
    expect(res.status).toBe(200);
    expect(res.body.entity).toEqual({
      entityRef: 'component:default/orders',
      kind: 'Component',
      namespace: 'default',
      name: 'orders',
      title: 'Orders API',
      owner: 'group:default/checkout-team',
      system: 'system:default/checkout',
    });
    expect(res.body.profile.tier).toEqual({
      value: 0,
      label: 'tier-0',
      source: 'annotation',
    });
    expect(res.body.profile.runbook.url).toBe(
      'https://wiki.example.com/runbooks/orders',
    );
    expect(res.body.profile.errors).toEqual([]);
    expect(Date.parse(res.body.profileChangedAt)).not.toBeNaN();
  });

  it('keeps the moment the metadata changed across reads', async () => {
    const server = await startBackend();
    const path = '/api/reliability/entities/component/default/orders';
    const first = await request(server).get(path).expect(200);
    await new Promise(resolve => setTimeout(resolve, 20));
    const second = await request(server).get(path).expect(200);
    expect(second.body.profileChangedAt).toBe(first.body.profileChangedAt);
  });

  it('reports metadata errors with field, value and expectation', async () => {
    const server = await startBackend();
    const res = await request(server).get(
      '/api/reliability/entities/component/default/legacy-reports',
    );
    expect(res.status).toBe(200);
    expect(res.body.profile.errors).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/legacy-reports',
        field: 'metadata.annotations.vigil/tier',
        value: 'tier-5',
      }),
    ]);
  });

  it('returns the policy findings the catalog module and the CLI report', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/reliability/entities/component/default/orders')
      .expect(200);
    expect(res.body.metadataPolicy.enforcement).toBe('warn');
    // The test entity declares tier-0 with only a runbook: the default
    // policy asks a tier-0 service for much more.
    expect(
      res.body.metadataPolicy.violations.map((v: { rule: string }) => v.rule),
    ).toEqual([
      'on-call',
      'dashboard',
      'dr-strategy',
      'rto',
      'rpo',
      'dr-tested',
      'lifecycle-production',
    ]);
  });

  it('applies the configured policy', async () => {
    const { server } = await startTestBackend({
      features: [
        reliabilityPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            reliability: {
              policy: {
                enforcement: { tiers: { 'tier-0': 'enforce' } },
                tiers: { 'tier-0': { require: ['runbook'] } },
              },
            },
          },
        }),
      ],
    });
    const res = await request(server)
      .get('/api/reliability/entities/component/default/orders')
      .expect(200);
    expect(res.body.metadataPolicy).toEqual({
      enforcement: 'enforce',
      violations: [],
    });
  });

  it('refuses to start with an invalid policy, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          reliabilityPlugin,
          catalogServiceMock.factory({ entities }),
          mockServices.rootConfig.factory({
            data: {
              reliability: {
                policy: { tiers: { 'tier-0': { maxRto: '1 hour' } } },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      /reliability\.policy\.tiers\.tier-0\.maxRto has "1 hour"/,
    );
  });

  it('answers 404 for an entity the catalog does not have', async () => {
    const server = await startBackend();
    const res = await request(server).get(
      '/api/reliability/entities/component/default/nope',
    );
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
  });

  it('pages the overview rows of evaluated entities', async () => {
    const server = await startBackend();
    // Rows are stored results: the entity route evaluates and records them.
    for (const name of ['legacy-reports', 'orders']) {
      await request(server)
        .get(`/api/reliability/entities/component/default/${name}`)
        .expect(200);
    }
    const res = await request(server)
      .get('/api/reliability/overview/entities')
      .query({ limit: 1, offset: 0, sort: 'name' });
    expect(res.status).toBe(200);
    expect(res.body.totalItems).toBe(2);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      name: 'legacy-reports',
      errorCount: 1,
      violationCount: 1,
      hasRunbook: false,
    });
    const next = await request(server)
      .get('/api/reliability/overview/entities')
      .query({ limit: 1, offset: 1, sort: 'name' })
      .expect(200);
    expect(next.body.items[0]).toMatchObject({
      name: 'orders',
      tier: 'tier-0',
      hasRunbook: true,
      errorCount: 0,
    });
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 501 }, 'limit'],
    [{ offset: -1 }, 'offset'],
    [{ limit: 'ten' }, 'limit'],
    [{ kind: 'Comp onent' }, 'kind'],
    [{ tier: 'tier-7' }, 'tier'],
    [{ sort: 'colour' }, 'sort'],
    [{ missing: 'slo,docs' }, 'missing'],
    [{ owner: 'team-a' }, 'owner'],
    [{ format: 'xml' }, 'format'],
  ])('rejects overview query %j naming %s', async (query, field) => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/reliability/overview/entities')
      .query(query);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(field);
  });
});
