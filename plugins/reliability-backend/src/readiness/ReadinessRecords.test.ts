import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEFAULT_POLICY,
  evaluateReadiness,
} from '@vigil/plugin-reliability-common';
import { ReadinessStore } from '../database/ReadinessStore';
import { ReadableRefs } from '../overview/readableRefs';
import { ReadinessRecords } from './ReadinessRecords';
import { ReadinessService } from './ReadinessService';

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner: 'team', lifecycle: 'production' },
});

describe('ReadinessRecords', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  const evaluateMany = async (entities: Entity[]) =>
    entities.map(entity =>
      evaluateReadiness({
        entity,
        related: { dependencies: [], dependents: [], slos: [] },
        facts: {},
        policy: DEFAULT_POLICY,
        now,
      }),
    );

  function records(catalog: ReturnType<typeof catalogServiceMock>) {
    const everyEntity = jest.fn();
    const addEntity = jest.fn();
    const saveResult = jest.fn(async () => undefined);
    const saveResults = jest.fn(async () => undefined);
    const refresh = new ReadinessRecords({
      catalog,
      auth: mockServices.auth(),
      readiness: { evaluateMany } as unknown as ReadinessService,
      store: { saveResults, saveResult } as unknown as ReadinessStore,
      logger: mockServices.logger.mock(),
      policy: DEFAULT_POLICY,
      historyEverySeconds: 86_400,
      readableRefs: { everyEntity, addEntity } as unknown as ReadableRefs,
      clock: () => now,
    });
    return { refresh, everyEntity, addEntity, saveResults };
  }

  // Three catalog pages of 500.
  const names = Array.from({ length: 1100 }, (_, i) => `service-${i}`);

  it('hands every entity of a complete read to the readable sets', async () => {
    const { refresh, everyEntity } = records(
      catalogServiceMock({ entities: names.map(component) }),
    );
    expect(await refresh.refreshAll()).toEqual({ evaluated: 1100, failed: 0 });
    expect(everyEntity).toHaveBeenCalledTimes(1);
    const [refs, readAt] = everyEntity.mock.calls[0];
    expect([...refs].sort()).toEqual(
      names.map(name => `component:default/${name}`).sort(),
    );
    expect(readAt).toEqual(now);
  });

  it('hands nothing over when the read stops half way', async () => {
    const catalog = catalogServiceMock({ entities: names.map(component) });
    const firstPage = catalog.queryEntities.bind(catalog);
    jest
      .spyOn(catalog, 'queryEntities')
      .mockImplementationOnce(firstPage)
      .mockRejectedValue(new Error('catalog down'));
    const { refresh, everyEntity, saveResults } = records(catalog);
    await expect(refresh.refreshAll()).rejects.toThrow('catalog down');
    // The first page was saved; no partial set replaces the shared one.
    expect(saveResults).toHaveBeenCalledTimes(1);
    expect(everyEntity).not.toHaveBeenCalled();
  });

  it('adds an entity it records on its own to the shared readable set', async () => {
    const { refresh, addEntity } = records(catalogServiceMock());
    const [result] = await evaluateMany([component('lone')]);
    await refresh.record(component('lone'), result);
    expect(addEntity).toHaveBeenCalledWith('component:default/lone');
  });
});
