import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { OverviewEntitiesResponse } from '@vigil/plugin-reliability-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ReliabilityClient } from './ReliabilityClient';

const server = setupServer();
registerMswTestHooks(server);

const baseUrl = 'http://backstage.test/api/reliability';

function createClient() {
  return new ReliabilityClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage.test' }),
    fetchApi: new MockFetchApi({ injectIdentityAuth: { token: 'user-token' } }),
  });
}

describe('ReliabilityClient', () => {
  it('requests an entity with every path part encoded and the user token', async () => {
    let seenUrl: string | undefined;
    let seenAuthorization: string | null = null;
    server.use(
      http.get(`${baseUrl}/entities/*`, ({ request }) => {
        seenUrl = request.url;
        seenAuthorization = request.headers.get('authorization');
        return HttpResponse.json({ entity: { name: 'a/b c' } });
      }),
    );

    const response = await createClient().getEntityReliability({
      kind: 'Component',
      namespace: 'team #1',
      name: 'a/b c',
    });

    expect(seenUrl).toBe(`${baseUrl}/entities/Component/team%20%231/a%2Fb%20c`);
    expect(seenAuthorization).toBe('Bearer user-token');
    expect(response.entity.name).toBe('a/b c');
  });

  it('turns a 404 into a ResponseError', async () => {
    server.use(
      http.get(`${baseUrl}/entities/*`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No such entity' },
            request: { method: 'GET', url: '/entities/component/default/x' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );

    const result = createClient().getEntityReliability({
      kind: 'component',
      namespace: 'default',
      name: 'missing',
    });

    await expect(result).rejects.toBeInstanceOf(ResponseError);
    await expect(result).rejects.toMatchObject({
      statusCode: 404,
      body: { error: { name: 'NotFoundError' } },
    });
  });

  it('asks for one page of the overview with its filters and order', async () => {
    const page: OverviewEntitiesResponse = {
      items: [],
      totalItems: 30,
      offset: 25,
      limit: 25,
    };
    let seenQuery: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/overview/entities`, ({ request }) => {
        seenQuery = new URL(request.url).searchParams;
        return HttpResponse.json(page);
      }),
    );

    const response = await createClient().getOverviewEntities({
      offset: 25,
      limit: 25,
      kind: ['Component'],
      tier: ['tier-0', 'none'],
      owner: ['group:default/checkout-team'],
      missing: ['runbook', 'drTested'],
      budget: ['exhausted'],
      search: ' orders & co ',
      sort: 'score',
      order: 'asc',
    });

    expect(Object.fromEntries(seenQuery!)).toEqual({
      offset: '25',
      limit: '25',
      kind: 'Component',
      tier: 'tier-0,none',
      owner: 'group:default/checkout-team',
      missing: 'runbook,drTested',
      budget: 'exhausted',
      search: 'orders & co',
      sort: 'score',
      order: 'asc',
    });
    expect(response).toEqual(page);
  });

  it('leaves empty filters out of the overview query', async () => {
    let seenQuery: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/overview/entities`, ({ request }) => {
        seenQuery = new URL(request.url).searchParams;
        return HttpResponse.json({
          items: [],
          totalItems: 0,
          offset: 0,
          limit: 10,
        });
      }),
    );

    await createClient().getOverviewEntities({
      offset: 0,
      limit: 10,
      kind: [],
      search: '  ',
    });

    expect([...seenQuery!.keys()]).toEqual(['offset', 'limit']);
  });

  it('downloads the filtered overview as CSV with the user token', async () => {
    let seenQuery: URLSearchParams | undefined;
    let seenAuthorization: string | null = null;
    const csv = 'entityRef,kind\ncomponent:default/orders,Component\n';
    server.use(
      http.get(`${baseUrl}/overview/entities`, ({ request }) => {
        seenQuery = new URL(request.url).searchParams;
        seenAuthorization = request.headers.get('authorization');
        return new HttpResponse(csv, {
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition':
              'attachment; filename="reliability-overview.csv"',
          },
        });
      }),
    );

    const file = await createClient().exportOverviewCsv({
      tier: ['tier-0'],
      sort: 'gap',
      order: 'desc',
    });

    expect(Object.fromEntries(seenQuery!)).toEqual({
      format: 'csv',
      tier: 'tier-0',
      sort: 'gap',
      order: 'desc',
    });
    expect(seenAuthorization).toBe('Bearer user-token');
    expect(file.filename).toBe('reliability-overview.csv');
    expect(await file.blob.text()).toBe(csv);
  });

  it('turns a refused CSV export into a ResponseError', async () => {
    server.use(
      http.get(`${baseUrl}/overview/entities`, () =>
        HttpResponse.json(
          {
            error: { name: 'InputError', message: 'unknown tier tier-9' },
            request: { method: 'GET', url: '/overview/entities' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );

    await expect(
      createClient().exportOverviewCsv({ tier: ['tier-9'] }),
    ).rejects.toMatchObject({
      statusCode: 400,
      body: { error: { message: 'unknown tier tier-9' } },
    });
  });

  it('asks for the aggregates, KPIs and trends with the same filters', async () => {
    const seen: Record<string, Record<string, string>> = {};
    server.use(
      http.get(`${baseUrl}/overview`, ({ request }) => {
        seen.aggregates = Object.fromEntries(new URL(request.url).searchParams);
        return HttpResponse.json({ groupBy: 'system', items: [] });
      }),
      http.get(`${baseUrl}/overview/kpis`, ({ request }) => {
        seen.kpis = Object.fromEntries(new URL(request.url).searchParams);
        return HttpResponse.json({ items: [] });
      }),
      http.get(`${baseUrl}/overview/trends`, ({ request }) => {
        seen.trends = Object.fromEntries(new URL(request.url).searchParams);
        return HttpResponse.json({ items: [] });
      }),
    );
    const filters = {
      tier: ['tier-0', 'tier-1'],
      domain: ['domain:default/retail'],
    };
    const client = createClient();

    await client.getOverviewAggregates({ ...filters, groupBy: 'system' });
    await client.getOverviewKpis(filters);
    await client.getOverviewTrends({ ...filters, days: 30 });

    const expected = { tier: 'tier-0,tier-1', domain: 'domain:default/retail' };
    expect(seen.aggregates).toEqual({ groupBy: 'system', ...expected });
    expect(seen.kpis).toEqual(expected);
    expect(seen.trends).toEqual({ days: '30', ...expected });
  });

  it('asks for 90 days of trends by default', async () => {
    let seenQuery: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/overview/trends`, ({ request }) => {
        seenQuery = new URL(request.url).searchParams;
        return HttpResponse.json({ items: [] });
      }),
    );

    await createClient().getOverviewTrends({ missing: ['slo'] });

    expect(Object.fromEntries(seenQuery!)).toEqual({
      days: '90',
      missing: 'slo',
    });
  });

  it('asks for the readiness history of the last 90 days by default', async () => {
    let seenUrl: string | undefined;
    server.use(
      http.get(`${baseUrl}/entities/*`, ({ request }) => {
        seenUrl = request.url;
        return HttpResponse.json({
          items: [{ at: '2026-01-01T00:00:00.000Z', score: 50, gapCount: 2 }],
        });
      }),
    );

    const response = await createClient().getReadinessHistory({
      kind: 'Component',
      namespace: 'default',
      name: 'orders',
    });

    expect(seenUrl).toBe(
      `${baseUrl}/entities/Component/default/orders/history?days=90`,
    );
    expect(response.items[0].score).toBe(50);
  });

  it('re-evaluates an entity with a POST to its refresh route', async () => {
    let seen: { method: string; url: string } | undefined;
    server.use(
      http.post(`${baseUrl}/entities/*`, ({ request }) => {
        seen = { method: request.method, url: request.url };
        return HttpResponse.json({ score: 81 });
      }),
    );

    const result = await createClient().refreshReadiness({
      kind: 'Component',
      namespace: 'default',
      name: 'orders',
    });

    expect(seen).toEqual({
      method: 'POST',
      url: `${baseUrl}/entities/Component/default/orders/refresh`,
    });
    expect(result.score).toBe(81);
  });

  it('lists the exemptions of an entity by its ref', async () => {
    let seenQuery: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/exemptions`, ({ request }) => {
        seenQuery = new URL(request.url).searchParams;
        return HttpResponse.json({ items: [] });
      }),
    );

    await createClient().listExemptions('component:default/orders');

    expect(seenQuery?.get('entityRef')).toBe('component:default/orders');
  });

  it('grants an exemption with a JSON body', async () => {
    let seenBody: unknown;
    let seenType: string | null = null;
    server.use(
      http.post(`${baseUrl}/exemptions`, async ({ request }) => {
        seenType = request.headers.get('content-type');
        seenBody = await request.json();
        return HttpResponse.json({ id: 'e1' }, { status: 201 });
      }),
    );
    const body = {
      entityRef: 'component:default/orders',
      checkId: 'runbook',
      reason: 'runbook is being rewritten',
      expiresAt: '2026-02-01T00:00:00.000Z',
    };

    const created = await createClient().grantExemption(body);

    expect(seenBody).toEqual(body);
    expect(seenType).toBe('application/json');
    expect(created.id).toBe('e1');
  });

  it('keeps the backend message when a grant is refused', async () => {
    server.use(
      http.post(`${baseUrl}/exemptions`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message:
                'Invalid exemption: expiresAt is more than 90 days ahead',
            },
            request: { method: 'POST', url: '/exemptions' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );

    const result = createClient().grantExemption({
      entityRef: 'component:default/orders',
      checkId: 'runbook',
      reason: 'runbook is being rewritten',
      expiresAt: '2030-01-01T00:00:00.000Z',
    });

    await expect(result).rejects.toMatchObject({
      statusCode: 400,
      body: {
        error: {
          message: 'Invalid exemption: expiresAt is more than 90 days ahead',
        },
      },
    });
  });

  it('revokes an exemption with a DELETE and accepts the empty 204', async () => {
    let seen: { method: string; url: string } | undefined;
    server.use(
      http.delete(`${baseUrl}/exemptions/*`, ({ request }) => {
        seen = { method: request.method, url: request.url };
        return new HttpResponse(null, { status: 204 });
      }),
    );

    await expect(createClient().revokeExemption('a/b')).resolves.toBe(
      undefined,
    );
    expect(seen).toEqual({
      method: 'DELETE',
      url: `${baseUrl}/exemptions/a%2Fb`,
    });
  });

  it('reads the audit trail of an exemption', async () => {
    server.use(
      http.get(`${baseUrl}/exemptions/e1/audit`, () =>
        HttpResponse.json({
          items: [
            {
              exemptionId: 'e1',
              action: 'grant',
              actor: 'user:default/ada',
              at: '2026-01-01T00:00:00.000Z',
              details: {},
            },
          ],
        }),
      ),
    );

    const audit = await createClient().getExemptionAudit('e1');

    expect(audit.items.map(i => i.action)).toEqual(['grant']);
  });
});
