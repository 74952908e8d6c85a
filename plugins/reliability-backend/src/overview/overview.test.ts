import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { reliabilityPlugin } from '../plugin';

const group = (name: string, parent?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
});

const system = (name: string, domain: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name, namespace: 'default' },
  spec: { owner: 'platform', domain },
});

const component = (
  name: string,
  owner: string,
  annotations: Record<string, string>,
  extra: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', title: `The ${name}`, annotations },
  spec: { type: 'service', owner, lifecycle: 'production', ...extra },
});

const complete = {
  'vigil/runbook': 'https://wiki.example.com/rb',
  'pagerduty.com/service-id': 'P123',
  'vigil/dr-strategy': 'warm-standby',
  'vigil/rto': '1h',
  'vigil/rpo': '15m',
  'vigil/dr-tested': '2026-11-01',
};

// engineering ⊃ payments ⊃ checkout-team; platform stands alone.
const entities = [
  group('engineering'),
  group('payments', 'engineering'),
  group('checkout-team', 'payments'),
  group('platform'),
  system('checkout', 'commerce'),
  system('tools', 'internal'),
  component(
    'orders',
    'checkout-team',
    { 'vigil/tier': 'tier-0', ...complete },
    { system: 'checkout' },
  ),
  component(
    'cart',
    'checkout-team',
    { 'vigil/tier': 'tier-0' },
    { system: 'checkout' },
  ),
  component('billing', 'payments', {
    'vigil/tier': 'tier-1',
    'vigil/runbook': 'https://wiki.example.com/b',
  }),
  component(
    'wiki',
    'platform',
    { 'vigil/tier': 'tier-3' },
    { system: 'tools' },
  ),
  component('untiered', 'platform', {}),
];

async function startWithEvaluatedEntities() {
  const { server } = await startTestBackend({
    features: [
      reliabilityPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.database.factory(),
    ],
  });
  for (const name of ['orders', 'cart', 'billing', 'wiki', 'untiered']) {
    await request(server)
      .post(`/api/reliability/entities/component/default/${name}/refresh`)
      .expect(200);
  }
  return server;
}

const names = (body: { items: Array<{ name: string }> }) =>
  body.items.map(r => r.name);

describe('overview', () => {
  let server: Awaited<ReturnType<typeof startWithEvaluatedEntities>>;
  beforeAll(async () => {
    server = await startWithEvaluatedEntities();
  });

  const get = (path: string, query: Record<string, unknown> = {}) =>
    request(server).get(`/api/reliability${path}`).query(query);

  it('sorts rows by gap, largest first, by default', async () => {
    const res = await get('/overview/entities').expect(200);
    expect(res.body.totalItems).toBe(5);
    const gaps = res.body.items.map(
      (r: { readiness: { gapCount: number } }) => r.readiness.gapCount,
    );
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    expect(gaps[0]).toBeGreaterThan(gaps[gaps.length - 1]);
    const ascending = await get('/overview/entities', { order: 'asc' });
    expect(names(ascending.body)).toEqual(names(res.body).slice().reverse());
  });

  it('filters by tier, by owner through the group hierarchy, by domain, by missing items and by text', async () => {
    const tier0 = await get('/overview/entities', {
      tier: 'tier-0',
      sort: 'name',
    });
    expect(names(tier0.body)).toEqual(['cart', 'orders']);
    const untiered = await get('/overview/entities', { tier: 'none' });
    expect(names(untiered.body)).toEqual(['untiered']);
    // engineering owns nothing directly: its sub-groups' entities count.
    const engineering = await get('/overview/entities', {
      owner: 'group:default/engineering',
      sort: 'name',
    });
    expect(names(engineering.body)).toEqual(['billing', 'cart', 'orders']);
    const commerce = await get('/overview/entities', {
      domain: 'domain:default/commerce',
      sort: 'name',
    });
    expect(names(commerce.body)).toEqual(['cart', 'orders']);
    const noRunbook = await get('/overview/entities', {
      missing: 'runbook',
      tier: 'tier-0,tier-1',
    });
    expect(names(noRunbook.body)).toEqual(['cart']);
    const search = await get('/overview/entities', { search: 'THE BILL' });
    expect(names(search.body)).toEqual(['billing']);
  });

  it('pages after sorting and filtering', async () => {
    const all = await get('/overview/entities', { sort: 'name' });
    const page = await get('/overview/entities', {
      sort: 'name',
      offset: 2,
      limit: 2,
    });
    expect(page.body.totalItems).toBe(5);
    expect(names(page.body)).toEqual(names(all.body).slice(2, 4));
  });

  it('exports the filtered, sorted rows as CSV, matching the JSON rows', async () => {
    const query = { tier: 'tier-0,tier-1', sort: 'gap' };
    const json = await get('/overview/entities', { ...query, limit: 500 });
    const csv = await get('/overview/entities', {
      ...query,
      format: 'csv',
    }).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain(
      'reliability-overview.csv',
    );
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0].split(',').slice(0, 3)).toEqual([
      'entityRef',
      'kind',
      'name',
    ]);
    expect(lines.slice(1).map(l => l.split(',')[0])).toEqual(
      json.body.items.map((r: { entityRef: string }) => r.entityRef),
    );
  });

  it('aggregates by owner with the roll-up through parent groups', async () => {
    const res = await get('/overview', { groupBy: 'owner' }).expect(200);
    const byKey = new Map(
      res.body.items.map((g: { key: string }) => [g.key, g] as const),
    );
    expect(byKey.get('group:default/checkout-team')).toMatchObject({
      entities: 2,
      directEntities: 2,
      parent: 'group:default/payments',
    });
    expect(byKey.get('group:default/payments')).toMatchObject({
      entities: 3,
      directEntities: 1,
      parent: 'group:default/engineering',
    });
    expect(byKey.get('group:default/engineering')).toMatchObject({
      entities: 3,
      directEntities: 0,
    });
    expect(byKey.get('group:default/platform')).toMatchObject({ entities: 2 });
    const payments = byKey.get('group:default/payments') as {
      coverage: { runbook: number };
    };
    expect(payments.coverage.runbook).toBe(2);
  });

  it('aggregates by domain and by tier, with filters', async () => {
    const domains = await get('/overview', { groupBy: 'domain' });
    const counts = Object.fromEntries(
      domains.body.items.map((g: { key: string | null; entities: number }) => [
        String(g.key),
        g.entities,
      ]),
    );
    expect(counts).toEqual({
      'domain:default/commerce': 2,
      'domain:default/internal': 1,
      null: 2,
    });
    const tiers = await get('/overview', { groupBy: 'tier', tier: 'tier-0' });
    expect(tiers.body.items.map((g: { key: string }) => g.key)).toEqual([
      'tier-0',
    ]);
  });

  it('explains every headline figure and counts tier-0/1 coverage', async () => {
    const res = await get('/overview/kpis').expect(200);
    const kpi = (id: string) =>
      res.body.items.find((k: { id: string }) => k.id === id);
    expect(kpi('tier01-runbook')).toMatchObject({ value: 2, of: 3 });
    expect(kpi('tier01-onCall')).toMatchObject({ value: 1, of: 3 });
    expect(kpi('tier01-drTested')).toMatchObject({ value: 1, of: 3 });
    for (const item of res.body.items) {
      expect(item.explanation.length).toBeGreaterThan(20);
    }
    const filtered = await get('/overview/kpis', {
      owner: 'group:default/platform',
    });
    expect(
      filtered.body.items.find(
        (k: { id: string }) => k.id === 'tier01-runbook',
      ),
    ).toMatchObject({ value: 0, of: 0 });
  });

  it('answers a trend point for today over the evaluated entities', async () => {
    const res = await get('/overview/trends', { days: 7 }).expect(200);
    const today = new Date().toISOString().slice(0, 10);
    const last = res.body.items[res.body.items.length - 1];
    expect(last).toMatchObject({ date: today, entities: 5 });
    const tier0 = await get('/overview/trends', { days: 7, tier: 'tier-0' });
    expect(tier0.body.items[tier0.body.items.length - 1].entities).toBe(2);
  });

  it('rejects a bad grouping naming the parameter', async () => {
    const res = await get('/overview', { groupBy: 'colour' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('groupBy');
  });
});
