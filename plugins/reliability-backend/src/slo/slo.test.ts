import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { reliabilityPlugin } from '../plugin';
import { sloEntity as slo } from '../__testUtils__/sloEntity';

const orders: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders', namespace: 'default' },
  spec: { type: 'service', owner: 'team' },
  relations: [
    { type: 'hasSLO', targetRef: 'slo:default/orders-availability' },
    { type: 'hasSLO', targetRef: 'slo:default/orders-latency' },
  ],
};

async function startBackend() {
  const { server } = await startTestBackend({
    features: [
      reliabilityPlugin,
      catalogServiceMock.factory({
        entities: [
          orders,
          slo('orders-availability'),
          slo('orders-latency', 'nowhere'),
        ],
      }),
      mockServices.database.factory(),
    ],
  });
  return server;
}

/** The last `minutes` minutes as one-minute buckets with `bad` bad events each. */
function lastMinutes(minutes: number, bad: number) {
  const end = Math.floor(Date.now() / 60_000) * 60_000;
  return Array.from({ length: minutes }, (_, i) => ({
    start: new Date(end - (minutes - i) * 60_000).toISOString(),
    end: new Date(end - (minutes - i - 1) * 60_000).toISOString(),
    good: 1000 - bad,
    total: 1000,
  }));
}

describe('error budgets and the deploy gate', () => {
  it('evaluates an SLO from pushed counts, with its inputs', async () => {
    const server = await startBackend();
    await request(server)
      .post('/api/reliability/slis/default/orders-availability/samples')
      .send({ samples: lastMinutes(60, 1) })
      .expect(201);
    const res = await request(server).get(
      '/api/reliability/slos/default/orders-availability',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      sloRef: 'slo:default/orders-availability',
      serviceRef: 'component:default/orders',
      source: { status: 'ok' },
    });
    expect(res.body.result.inputs).toMatchObject({
      good: 59940,
      total: 60000,
      bad: 60,
    });
    expect(res.body.result.sli).toBeCloseTo(0.999, 6);
    expect(res.body.history).toHaveLength(1);
  });

  it('says no-data, with the reason, for an SLO whose source does not exist', async () => {
    const server = await startBackend();
    const res = await request(server).get(
      '/api/reliability/slos/default/orders-latency',
    );
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('no-data');
    expect(res.body.source.reason).toBe(
      "no data source named 'nowhere' in reliability.dataSources",
    );
  });

  it('closes the gate when a budget is exhausted and lets a fix through', async () => {
    const server = await startBackend();
    // 5 % errors for an hour against a 1 % budget over a day: exhausted.
    await request(server)
      .post('/api/reliability/slis/default/orders-availability/samples')
      .send({ samples: lastMinutes(60, 500) })
      .expect(201);
    await request(server)
      .get('/api/reliability/slos/default/orders-availability')
      .expect(200);
    await request(server)
      .get('/api/reliability/slos/default/orders-latency')
      .expect(200);

    const closed = await request(server).get(
      '/api/reliability/gate/component/default/orders',
    );
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ allowed: false, state: 'exhausted' });
    expect(closed.body.reasons[0]).toMatch(
      /^slo:default\/orders-availability is exhausted.*blocks$/,
    );

    // The same budget feeds the readiness check error-budget-healthy.
    const entity = await request(server).get(
      '/api/reliability/entities/component/default/orders',
    );
    expect(entity.status).toBe(200);
    const budgetCheck = entity.body.readiness.checks.find(
      (c: { id: string }) => c.id === 'error-budget-healthy',
    );
    expect(budgetCheck.state).toBe('fail');
    expect(budgetCheck.message).toContain('orders-availability');

    const fix = await request(server)
      .get('/api/reliability/gate/component/default/orders')
      .query({ change: 'security-fix' });
    expect(fix.body.allowed).toBe(true);
  });

  it('answers 401 without credentials and 404 for an unknown entity', async () => {
    const server = await startBackend();
    await request(server)
      .get('/api/reliability/gate/component/default/orders')
      .set('Authorization', mockCredentials.none.header())
      .expect(401);
    const missing = await request(server).get(
      '/api/reliability/gate/component/default/nope',
    );
    expect(missing.status).toBe(404);
    const badChange = await request(server)
      .get('/api/reliability/gate/component/default/orders')
      .query({ change: 'Fix Now!' });
    expect(badChange.status).toBe(400);
    expect(badChange.body.error.message).toContain('change');
  });
});
