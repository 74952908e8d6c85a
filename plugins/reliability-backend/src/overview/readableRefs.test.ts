import { PermissionsService } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ReadableRefs } from './readableRefs';

const TTL = 60_000;
/** How long the shared set lasts before it is read again. */
const SHARED_TTL = 5 * TTL;

/** A catalog whose readable components the test sets; reads are counted. */
function fakeCatalog() {
  const state = {
    names: ['a'],
    fail: false,
    /** Resolves the reads that wait; none wait unless `hold` is set. */
    hold: false,
    waiting: [] as Array<() => void>,
  };
  const queryEntities = jest.fn(async () => {
    if (state.hold) await new Promise<void>(r => state.waiting.push(r));
    if (state.fail) throw new Error('catalog down');
    return {
      items: state.names.map(name => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name, namespace: 'default' },
      })),
      totalItems: state.names.length,
      pageInfo: {},
    };
  });
  const release = () => state.waiting.splice(0).forEach(r => r());
  return {
    state,
    release,
    queryEntities,
    catalog: { queryEntities } as unknown as CatalogService,
  };
}

/** The catalog's read decision per user; asks are counted. */
function fakePermissions(decisions: Record<string, AuthorizeResult>) {
  const authorizeConditional = jest.fn(async (_queries, { credentials }) => {
    const result = decisions[credentials.principal.userEntityRef];
    if (result === AuthorizeResult.CONDITIONAL) {
      return [
        {
          result,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: { rule: 'IS_ENTITY_OWNER', params: {} },
        },
      ];
    }
    return [{ result }];
  });
  return {
    authorizeConditional,
    permissions: { authorizeConditional } as unknown as PermissionsService,
  };
}

describe('ReadableRefs', () => {
  /** Alice: her read is conditional, so she has a set of her own. */
  const credentials = mockCredentials.user('user:default/alice');
  const sorted = (refs: Set<string>) => [...refs].sort();
  const flush = () => new Promise(r => setImmediate(r));

  const bob = mockCredentials.user('user:default/bob');
  const carol = mockCredentials.user('user:default/carol');
  const dave = mockCredentials.user('user:default/dave');
  const decisions: Record<string, AuthorizeResult> = {
    'user:default/alice': AuthorizeResult.CONDITIONAL,
    'user:default/bob': AuthorizeResult.ALLOW,
    'user:default/carol': AuthorizeResult.ALLOW,
    'user:default/dave': AuthorizeResult.DENY,
  };
  const setUp = (options: { maxCallers?: number } = {}) => {
    const fake = fakeCatalog();
    // A copy per test: a test may change a decision.
    const decided = { ...decisions };
    const permissions = { ...fakePermissions(decided), decided };
    const refs = new ReadableRefs({
      catalog: fake.catalog,
      permissions: permissions.permissions,
      auth: mockServices.auth(),
      ttlMs: TTL,
      everyEntityTtlMs: SHARED_TTL,
      ...options,
    });
    /** The principal of each catalog read, in order. */
    const readers = () =>
      fake.queryEntities.mock.calls.map(
        (call: any) => call[1].credentials.principal,
      );
    return { fake, permissions, refs, readers };
  };

  beforeEach(() => jest.useFakeTimers({ now: 0, doNotFake: ['setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  it('shares one read among the requests within the time', async () => {
    const { fake, refs } = setUp();
    await Promise.all([refs.get(credentials), refs.get(credentials)]);
    jest.setSystemTime(TTL - 1);
    expect(sorted(await refs.get(credentials))).toEqual([
      'component:default/a',
    ]);
    expect(fake.queryEntities).toHaveBeenCalledTimes(1);
  });

  it('answers from the set at hand past the time while it reads again, then from the new set', async () => {
    const { fake, refs } = setUp();
    await refs.get(credentials);
    fake.state.names = ['a', 'b'];
    fake.state.hold = true;
    jest.setSystemTime(TTL + 1);
    // Answered at once, from the old set, though the new read waits.
    expect(sorted(await refs.get(credentials))).toEqual([
      'component:default/a',
    ]);
    expect(sorted(await refs.get(credentials))).toEqual([
      'component:default/a',
    ]);
    expect(fake.queryEntities).toHaveBeenCalledTimes(2);
    fake.release();
    await flush();
    expect(sorted(await refs.get(credentials))).toEqual([
      'component:default/a',
      'component:default/b',
    ]);
    expect(fake.queryEntities).toHaveBeenCalledTimes(2);
  });

  it('makes the caller wait for a fresh read past twice the time', async () => {
    const { fake, refs } = setUp();
    await refs.get(credentials);
    fake.state.names = ['b'];
    jest.setSystemTime(2 * TTL);
    expect(sorted(await refs.get(credentials))).toEqual([
      'component:default/b',
    ]);
  });

  it('keeps the old set when a read again fails, until twice the time', async () => {
    const { fake, refs } = setUp();
    await refs.get(credentials);
    fake.state.fail = true;
    jest.setSystemTime(TTL + 1);
    expect(sorted(await refs.get(credentials))).toEqual([
      'component:default/a',
    ]);
    await flush();
    // The failed read is forgotten: the next request past the time tries again.
    expect(sorted(await refs.get(credentials))).toEqual([
      'component:default/a',
    ]);
    expect(fake.queryEntities).toHaveBeenCalledTimes(3);
    jest.setSystemTime(2 * TTL + 1);
    await expect(refs.get(credentials)).rejects.toThrow('catalog down');
  });

  describe("by the catalog's read decision", () => {
    it("gives callers allowed outright one set, read with the plugin's own credentials", async () => {
      const { refs, readers } = setUp();
      const [forBob, forCarol] = await Promise.all([
        refs.get(bob),
        refs.get(carol),
      ]);
      expect(forCarol).toBe(forBob);
      expect(sorted(forBob)).toEqual(['component:default/a']);
      expect(readers()).toEqual([expect.objectContaining({ type: 'service' })]);
    });

    it("reads the catalog with the caller's credentials when their read is conditional", async () => {
      const { refs, readers } = setUp();
      const forAlice = await refs.get(credentials);
      expect(forAlice).not.toBe(await refs.get(bob));
      expect(readers()).toEqual([
        expect.objectContaining({ userEntityRef: 'user:default/alice' }),
        expect.objectContaining({ type: 'service' }),
      ]);
    });

    it('gives a denied caller nothing without reading the catalog', async () => {
      const { refs, fake } = setUp();
      expect((await refs.get(dave)).size).toBe(0);
      expect(await refs.cached(dave)).toEqual(new Set());
      expect(fake.queryEntities).not.toHaveBeenCalled();
    });

    it("asks for a caller's decision once within the time", async () => {
      const { refs, permissions } = setUp();
      await refs.get(bob);
      await refs.get(bob);
      await refs.cached(bob);
      expect(permissions.authorizeConditional).toHaveBeenCalledTimes(1);
      jest.setSystemTime(TTL);
      await refs.get(bob);
      expect(permissions.authorizeConditional).toHaveBeenCalledTimes(2);
    });

    it('has cached() start the shared read without waiting, then answer from it, reading again behind it', async () => {
      const { refs, fake } = setUp();
      fake.state.hold = true;
      expect(await refs.cached(bob)).toBeUndefined();
      expect(fake.queryEntities).toHaveBeenCalledTimes(1);
      fake.state.hold = false;
      fake.release();
      await flush();
      expect(sorted((await refs.cached(carol))!)).toEqual([
        'component:default/a',
      ]);
      // Past its time the set at hand still answers while it is read again.
      fake.state.names = ['a', 'b'];
      jest.setSystemTime(SHARED_TTL + 1);
      expect(sorted((await refs.cached(bob))!)).toEqual([
        'component:default/a',
      ]);
      await flush();
      expect(sorted((await refs.cached(bob))!)).toEqual([
        'component:default/a',
        'component:default/b',
      ]);
      expect(fake.queryEntities).toHaveBeenCalledTimes(2);
    });

    it("has cached() never read a conditional caller's own set", async () => {
      const { refs, fake } = setUp();
      expect(await refs.cached(credentials)).toBeUndefined();
      expect(fake.queryEntities).not.toHaveBeenCalled();
    });

    it('answers callers allowed outright from a set handed over, however old, reading again behind it', async () => {
      const { refs, fake } = setUp();
      refs.everyEntity(new Set(['component:default/x']), new Date(0));
      expect(sorted(await refs.get(bob))).toEqual(['component:default/x']);
      expect(fake.queryEntities).not.toHaveBeenCalled();
      // Not read again within its time, though past the callers' own time.
      jest.setSystemTime(SHARED_TTL - 1);
      expect(sorted(await refs.get(bob))).toEqual(['component:default/x']);
      expect(fake.queryEntities).not.toHaveBeenCalled();
      jest.setSystemTime(10 * SHARED_TTL);
      expect(sorted(await refs.get(bob))).toEqual(['component:default/x']);
      expect(fake.queryEntities).toHaveBeenCalledTimes(1);
      await flush();
      expect(sorted(await refs.get(carol))).toEqual(['component:default/a']);
    });

    it('adds an entity evaluated on its own to the shared set, also while the set is first read', async () => {
      const { refs, fake } = setUp();
      fake.state.hold = true;
      const first = refs.get(bob);
      await flush();
      refs.addEntity('component:default/during');
      fake.state.hold = false;
      fake.release();
      await first;
      refs.addEntity('component:default/new');
      await flush();
      expect(sorted(await refs.get(carol))).toEqual([
        'component:default/a',
        'component:default/during',
        'component:default/new',
      ]);
    });

    it('keeps a newer set than the one handed over', async () => {
      const { refs } = setUp();
      jest.setSystemTime(TTL / 2);
      await refs.get(bob);
      refs.everyEntity(new Set(['component:default/x']), new Date(0));
      expect(sorted(await refs.get(bob))).toEqual(['component:default/a']);
    });

    it("honours a caller's changed decision once the time has passed", async () => {
      const { refs, permissions } = setUp();
      expect((await refs.get(bob)).size).toBe(1);
      permissions.decided['user:default/bob'] = AuthorizeResult.DENY;
      jest.setSystemTime(TTL - 1);
      expect((await refs.get(bob)).size).toBe(1);
      jest.setSystemTime(TTL);
      expect((await refs.get(bob)).size).toBe(0);
      expect(await refs.cached(bob)).toEqual(new Set());
    });

    it('fails get() and answers nothing from cached() when the decision cannot be asked', async () => {
      const { refs, permissions } = setUp();
      permissions.authorizeConditional.mockRejectedValue(
        new Error('permission backend down'),
      );
      await expect(refs.get(bob)).rejects.toThrow('permission backend down');
      expect(await refs.cached(bob)).toBeUndefined();
    });

    it("has cached() vouch for a conditional caller's own set only within the time", async () => {
      const { refs } = setUp();
      await refs.get(credentials);
      jest.setSystemTime(TTL - 1);
      expect(await refs.cached(credentials)).toBeDefined();
      jest.setSystemTime(TTL + 1);
      expect(await refs.cached(credentials)).toBeUndefined();
      // It was read again behind that request: the fresh set vouches again.
      await flush();
      expect(await refs.cached(credentials)).toBeDefined();
    });

    it('keeps an entity evaluated on its own through a set handed over that was read before it', async () => {
      const { refs } = setUp();
      await refs.get(bob);
      jest.setSystemTime(1_000);
      refs.addEntity('component:default/new');
      refs.everyEntity(new Set(['component:default/b']), new Date(500));
      expect(sorted(await refs.get(carol))).toEqual([
        'component:default/b',
        'component:default/new',
      ]);
    });

    it('never drops the shared set to keep a caller of their own', async () => {
      const { refs, fake } = setUp({ maxCallers: 1 });
      await refs.get(bob);
      await refs.get(credentials);
      await refs.get(carol);
      // One read for the shared set, one for alice's own: none again for carol.
      expect(fake.queryEntities).toHaveBeenCalledTimes(2);
    });
  });
});
