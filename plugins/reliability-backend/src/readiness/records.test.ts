import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { reliabilityPlugin } from '../plugin';

const component = (name: string, tier: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations: { 'vigil/tier': tier } },
  spec: { type: 'service', owner: 'team', lifecycle: 'production' },
});

async function startBackend(options: { runScheduledTasks?: boolean } = {}) {
  const { server } = await startTestBackend({
    features: [
      // Runs the scheduled refresh at startup, initial delay or not.
      ...(options.runScheduledTasks
        ? [
            mockServices.scheduler.factory({
              includeInitialDelayedTasksOnStartup: true,
            }),
          ]
        : []),
      reliabilityPlugin,
      catalogServiceMock.factory({
        entities: [
          component('a', 'tier-1'),
          component('b', 'tier-3'),
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name: 'team', namespace: 'default' },
            spec: { type: 'team', children: [] },
          },
        ],
      }),
      mockServices.database.factory(),
    ],
  });
  return server;
}

describe('stored readiness', () => {
  it('refreshes one entity, keeps its history and aggregates the overview', async () => {
    const server = await startBackend();
    const refreshed = await request(server).post(
      '/api/reliability/entities/component/default/a/refresh',
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({
      entityRef: 'component:default/a',
      tier: 'tier-1',
    });
    await request(server)
      .post('/api/reliability/entities/component/default/b/refresh')
      .expect(200);

    const history = await request(server).get(
      '/api/reliability/entities/component/default/a/history',
    );
    expect(history.status).toBe(200);

    // The stored result is the one the refresh saved, not a new evaluation.
    const stored = await request(server).get(
      '/api/reliability/entities/component/default/a/readiness',
    );
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual(refreshed.body);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0].score).toBe(refreshed.body.score);

    // The overview rows carry the stored headline.
    const rows = await request(server).get(
      '/api/reliability/overview/entities',
    );
    const rowA = rows.body.items.find((r: { name: string }) => r.name === 'a');
    expect(rowA.readiness).toMatchObject({
      score: refreshed.body.score,
      gapCount: refreshed.body.gap.length,
    });

    const overview = await request(server)
      .get('/api/reliability/overview')
      .query({ groupBy: 'tier' });
    expect(overview.status).toBe(200);
    expect(
      overview.body.items.map((g: { key: string }) => g.key).sort(),
    ).toEqual(['tier-1', 'tier-3']);
  });

  it('rejects an unknown grouping and answers 404 for an unknown entity', async () => {
    const server = await startBackend();
    const bad = await request(server)
      .get('/api/reliability/overview')
      .query({ groupBy: 'color' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('groupBy');
    await request(server)
      .post('/api/reliability/entities/component/default/nope/refresh')
      .expect(404);
    await request(server)
      .get('/api/reliability/entities/component/default/nope/readiness')
      .expect(404);
  });

  it('refreshes every entity when the scheduled task runs, resolving owners in one read per page', async () => {
    const server = await startBackend({ runScheduledTasks: true });
    let rows: Array<{ name: string }> = [];
    for (let i = 0; i < 100 && rows.length < 2; i++) {
      await new Promise(resolve => setTimeout(resolve, 50));
      rows = (await request(server).get('/api/reliability/overview/entities'))
        .body.items;
    }
    expect(rows.map(r => r.name).sort()).toEqual(['a', 'b']);
    const a = await request(server).get(
      '/api/reliability/entities/component/default/a/history',
    );
    expect(a.body.items).toHaveLength(1);
    const result = await request(server).post(
      '/api/reliability/entities/component/default/a/refresh',
    );
    const owner = result.body.checks.find(
      (c: { id: string }) => c.id === 'owner-resolves',
    );
    expect(owner.state).toBe('pass');
  });
});
