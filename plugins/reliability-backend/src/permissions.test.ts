/*
 * A user who may not read an entity in the catalog gets no result for it.
 *
 * Everything on the path of a request is the production code: the real
 * catalog (SQLite, real processing), the real permission backend with a
 * policy module, the real auth, httpAuth and userInfo services (plugin
 * tokens on behalf of the user, verified against each plugin's keys), and
 * real user tokens signed by the real auth backend. Only the way a user
 * signs in is a test provider: it signs in whoever the request names.
 *
 * Why not the test harness's mock auth: its on-behalf-of tokens lose the
 * calling plugin (the actor), so the permission backend takes the catalog's
 * conditional read check for a direct user request without a resourceRef and
 * answers 400 "Resource permissions require a resourceRef to be set".
 */
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import {
  BackstageUserPrincipal,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthenticationError } from '@backstage/errors';
import authPlugin from '@backstage/plugin-auth-backend';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { BUILT_IN_CHECKS } from '@vigil/plugin-reliability-common';
import request from 'supertest';
import reliabilityPlugin from './index';

jest.setTimeout(120_000);

const OUTSIDER = 'user:default/outsider';
const INSIDER = 'user:default/insider';
/** May read no entity at all. */
const BANNED = 'user:default/banned';
const SECRET = 'component:default/secret';

const location = 'url:https://git.example.com/vigil-test/catalog-info.yaml';
const component = (name: string, owner: string, tier: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    annotations: {
      'backstage.io/managed-by-location': location,
      'backstage.io/managed-by-origin-location': location,
      'vigil/tier': tier,
      'vigil/runbook': `https://wiki.example.com/runbooks/${name}`,
    },
  },
  spec: { type: 'service', owner, lifecycle: 'production' },
});

const entities = [
  component('secret', 'group:default/vault-team', 'tier-1'),
  component('storefront', 'group:default/web-team', 'tier-2'),
];

/** Feeds the catalog the test entities, as any entity provider would. */
const testEntities = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'vigil-test-entities',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addEntityProvider({
          getProviderName: () => 'vigil-test-entities',
          connect: connection =>
            connection.applyMutation({
              type: 'full',
              entities: entities.map(entity => ({
                entity,
                locationKey: 'vigil-test',
              })),
            }),
        });
      },
    });
  },
});

/**
 * The policy under test: the outsider may read every entity but the secret
 * one (a conditional decision the catalog applies itself); the banned user
 * may read none; everything else is allowed.
 */
const testPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'vigil-test-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy({
          async handle(query, user) {
            const principal = user?.credentials.principal as
              | BackstageUserPrincipal
              | undefined;
            if (
              principal?.userEntityRef === OUTSIDER &&
              query.permission.name === 'catalog.entity.read' &&
              isResourcePermission(query.permission, 'catalog-entity')
            ) {
              return createCatalogConditionalDecision(query.permission, {
                not: {
                  allOf: [
                    catalogConditions.isEntityKind({ kinds: ['component'] }),
                    catalogConditions.hasMetadata({
                      key: 'name',
                      value: 'secret',
                    }),
                  ],
                },
              });
            }
            if (
              principal?.userEntityRef === BANNED &&
              query.permission.name === 'catalog.entity.read'
            ) {
              return { result: AuthorizeResult.DENY };
            }
            return { result: AuthorizeResult.ALLOW };
          },
        });
      },
    });
  },
});

/**
 * Signs in the user named in the `x-test-user` header: the auth backend
 * issues a real, signed Backstage user token for it.
 */
const testSignIn = createBackendModule({
  pluginId: 'auth',
  moduleId: 'vigil-test-sign-in',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'test',
          factory: createProxyAuthProviderFactory({
            authenticator: createProxyAuthenticator({
              defaultProfileTransform: async () => ({ profile: {} }),
              initialize: () => undefined,
              async authenticate({ req }) {
                const userEntityRef = req.header('x-test-user');
                if (!userEntityRef) {
                  throw new AuthenticationError('No x-test-user header');
                }
                return { result: { userEntityRef } };
              },
            }),
            signInResolver: async ({ result }, ctx) =>
              ctx.issueToken({
                claims: {
                  sub: result.userEntityRef,
                  ent: [result.userEntityRef],
                },
              }),
          }),
        });
      },
    });
  },
});

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

describe('a user who may not read an entity in the catalog', () => {
  let server: Parameters<typeof request>[0];
  const tokens = new Map<string, string>();

  /** A request as one of the two users, signed in through the auth backend. */
  const as = (user: string) => ({
    get: (path: string, query: Record<string, string> = {}) =>
      request(server)
        .get(path)
        .query(query)
        .set('Authorization', `Bearer ${tokens.get(user)}`),
    post: (path: string, body?: object) =>
      request(server)
        .post(path)
        .set('Authorization', `Bearer ${tokens.get(user)}`)
        .send(body),
  });

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        testEntities,
        permissionPlugin,
        testPolicy,
        authPlugin,
        testSignIn,
        reliabilityPlugin,
        authServiceFactory,
        httpAuthServiceFactory,
        userInfoServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            backend: { baseUrl: 'http://localhost:7007' },
            permission: { enabled: true },
            auth: { providers: { test: { enabled: true } } },
            catalog: {
              processingInterval: { milliseconds: 300 },
              rules: [{ allow: ['Component', 'Group', 'Location'] }],
            },
          },
        }),
      ],
    });
    server = backend.server;

    for (const user of [OUTSIDER, INSIDER, BANNED]) {
      const res = await request(server)
        .get('/api/auth/test/refresh')
        .set('x-test-user', user);
      if (res.status !== 200) {
        throw new Error(`Sign-in of ${user}: ${res.status} ${res.text}`);
      }
      tokens.set(user, res.body.backstageIdentity.token);
    }

    await waitFor('the catalog to hold both entities', async () => {
      const res = await as(INSIDER).get('/api/catalog/entities/by-query', {
        filter: 'kind=component',
      });
      return res.status === 200 && res.body.items.length === 2
        ? true
        : undefined;
    });
  });

  it('is refused by the catalog itself (the policy is in force)', async () => {
    const path = '/api/catalog/entities/by-name/component/default/secret';
    expect((await as(INSIDER).get(path)).status).toBe(200);
    expect((await as(OUTSIDER).get(path)).status).toBe(404);
  });

  it('gets 404 for the entity, its history and its refresh; others still answer', async () => {
    const base = '/api/reliability/entities/component/default';
    for (const user of [INSIDER, OUTSIDER]) {
      expect((await as(user).get(`${base}/storefront`)).status).toBe(200);
      expect((await as(user).post(`${base}/storefront/refresh`)).status).toBe(
        200,
      );
    }

    const insider = await as(INSIDER).get(`${base}/secret`);
    expect(insider.status).toBe(200);
    expect(insider.body.entity.entityRef).toBe(SECRET);
    expect((await as(INSIDER).post(`${base}/secret/refresh`)).status).toBe(200);
    const history = await as(INSIDER).get(`${base}/secret/history`);
    expect(history.status).toBe(200);
    expect(history.body.items.length).toBeGreaterThan(0);
    expect((await as(INSIDER).get(`${base}/secret/readiness`)).status).toBe(
      200,
    );
    // With the outsider's readable set cached (the overview fills it), the
    // stored result is still refused.
    await as(OUTSIDER).get('/api/reliability/overview/entities');

    for (const [what, res] of [
      ['entity', await as(OUTSIDER).get(`${base}/secret`)],
      ['history', await as(OUTSIDER).get(`${base}/secret/history`)],
      ['stored result', await as(OUTSIDER).get(`${base}/secret/readiness`)],
      ['refresh', await as(OUTSIDER).post(`${base}/secret/refresh`)],
    ] as const) {
      expect({ what, status: res.status }).toEqual({ what, status: 404 });
      expect(res.body.error.name).toBe('NotFoundError');
      expect(res.text).not.toContain('vault-team');
    }
  });

  it('finds no row of it in the overview or the overview entities', async () => {
    const base = '/api/reliability/entities/component/default';
    for (const name of ['secret', 'storefront']) {
      expect((await as(INSIDER).post(`${base}/${name}/refresh`)).status).toBe(
        200,
      );
    }

    const owners = async (user: string) => {
      const res = await as(user).get('/api/reliability/overview', {
        groupBy: 'owner',
      });
      expect(res.status).toBe(200);
      return res.body.items.map((i: { key: string }) => i.key).sort();
    };
    expect(await owners(INSIDER)).toEqual([
      'group:default/vault-team',
      'group:default/web-team',
    ]);
    expect(await owners(OUTSIDER)).toEqual(['group:default/web-team']);

    const rows = async (user: string) => {
      const res = await as(user).get('/api/reliability/overview/entities');
      expect(res.status).toBe(200);
      return {
        totalItems: res.body.totalItems,
        refs: res.body.items
          .map((i: { entityRef: string }) => i.entityRef)
          .sort(),
      };
    };
    expect(await rows(INSIDER)).toEqual({
      totalItems: 2,
      refs: [SECRET, 'component:default/storefront'],
    });
    expect(await rows(OUTSIDER)).toEqual({
      totalItems: 1,
      refs: ['component:default/storefront'],
    });
  });

  it('finds nothing at all when the catalog lets them read nothing', async () => {
    const base = '/api/reliability/entities/component/default';
    expect((await as(INSIDER).post(`${base}/storefront/refresh`)).status).toBe(
      200,
    );
    const rows = await as(BANNED).get('/api/reliability/overview/entities');
    expect(rows.status).toBe(200);
    expect(rows.body).toMatchObject({ totalItems: 0, items: [] });
    const owners = await as(BANNED).get('/api/reliability/overview', {
      groupBy: 'owner',
    });
    expect(owners.body.items).toEqual([]);
    for (const path of [`${base}/storefront/readiness`, `${base}/storefront`]) {
      expect((await as(BANNED).get(path)).status).toBe(404);
    }
  });

  it('gets 404 from the deploy gate for it', async () => {
    const gate = '/api/reliability/gate/component/default';
    expect((await as(INSIDER).get(`${gate}/secret`)).status).toBe(200);
    expect((await as(OUTSIDER).get(`${gate}/secret`)).status).toBe(404);
    expect((await as(OUTSIDER).get(`${gate}/storefront`)).status).toBe(200);
  });

  it('cannot list, audit or grant its exemptions', async () => {
    const exemption = (reason: string) => ({
      entityRef: SECRET,
      checkId: BUILT_IN_CHECKS[0].id,
      reason,
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    const granted = await as(INSIDER).post(
      '/api/reliability/exemptions',
      exemption('Being rebuilt this quarter'),
    );
    expect(granted.status).toBe(201);

    const list = (user: string) =>
      as(user).get('/api/reliability/exemptions', { entityRef: SECRET });
    const insider = await list(INSIDER);
    expect(insider.status).toBe(200);
    expect(insider.body.items.map((e: { id: string }) => e.id)).toEqual([
      granted.body.id,
    ]);
    expect((await list(OUTSIDER)).status).toBe(404);

    const audit = `/api/reliability/exemptions/${granted.body.id}/audit`;
    expect((await as(INSIDER).get(audit)).status).toBe(200);
    expect((await as(OUTSIDER).get(audit)).status).toBe(404);

    const refused = await as(OUTSIDER).post(
      '/api/reliability/exemptions',
      exemption('Trying to reach what I cannot see'),
    );
    expect(refused.status).toBe(404);
    expect((await list(INSIDER)).body.items).toHaveLength(1);
  });
});
