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

  it('asks for one page of the overview', async () => {
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
      kind: 'Component',
    });

    expect(Object.fromEntries(seenQuery!)).toEqual({
      offset: '25',
      limit: '25',
      kind: 'Component',
    });
    expect(response).toEqual(page);
  });

  it('leaves the kind out of the overview query when none is given', async () => {
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

    await createClient().getOverviewEntities({ offset: 0, limit: 10 });

    expect(seenQuery?.has('kind')).toBe(false);
  });
});
