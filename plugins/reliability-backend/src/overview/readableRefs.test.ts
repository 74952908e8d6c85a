import { mockCredentials } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ReadableRefs } from './readableRefs';

const TTL = 60_000;

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

describe('ReadableRefs', () => {
  const credentials = mockCredentials.user('user:default/alice');
  const sorted = (refs: Set<string>) => [...refs].sort();
  const flush = () => new Promise(r => setImmediate(r));

  beforeEach(() => jest.useFakeTimers({ now: 0, doNotFake: ['setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  it('shares one read among the requests within the time', async () => {
    const fake = fakeCatalog();
    const refs = new ReadableRefs({ catalog: fake.catalog, ttlMs: TTL });
    await Promise.all([refs.get(credentials), refs.get(credentials)]);
    jest.setSystemTime(TTL - 1);
    expect(sorted(await refs.get(credentials))).toEqual([
      'component:default/a',
    ]);
    expect(fake.queryEntities).toHaveBeenCalledTimes(1);
  });

  it('answers from the set at hand past the time while it reads again, then from the new set', async () => {
    const fake = fakeCatalog();
    const refs = new ReadableRefs({ catalog: fake.catalog, ttlMs: TTL });
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
    const fake = fakeCatalog();
    const refs = new ReadableRefs({ catalog: fake.catalog, ttlMs: TTL });
    await refs.get(credentials);
    fake.state.names = ['b'];
    jest.setSystemTime(2 * TTL);
    expect(sorted(await refs.get(credentials))).toEqual([
      'component:default/b',
    ]);
  });

  it('keeps the old set when a read again fails, until twice the time', async () => {
    const fake = fakeCatalog();
    const refs = new ReadableRefs({ catalog: fake.catalog, ttlMs: TTL });
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
});
