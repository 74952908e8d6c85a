import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { parsePolicyOrThrow } from '@vigil/plugin-reliability-common';
import { OpenSloEntityProcessor } from './OpenSloEntityProcessor';

const location = { type: 'file', target: '/repo/slos.yaml' };

const slo = (overrides: Record<string, unknown> = {}, annotations = {}) =>
  ({
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: {
      name: 'orders-availability',
      displayName: 'Orders API availability',
      annotations,
    },
    spec: {
      service: 'orders',
      indicator: {
        metadata: { name: 'orders-good-ratio' },
        spec: {
          ratioMetric: {
            counter: true,
            good: { metricSource: { metricSourceRef: 'builtin', spec: {} } },
            total: { metricSource: { metricSourceRef: 'builtin', spec: {} } },
          },
        },
      },
      timeWindow: [{ duration: '28d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ displayName: 'availability', targetPercent: 99.9 }],
      ...overrides,
    },
  } as unknown as Entity);

function processor(
  policyConfig: unknown = {},
  owner: string | null = 'group:default/checkout-team',
) {
  const lookupServiceOwner = jest.fn().mockResolvedValue(owner ?? undefined);
  return {
    lookupServiceOwner,
    processor: new OpenSloEntityProcessor({
      policy: parsePolicyOrThrow(policyConfig),
      lookupServiceOwner,
    }),
  };
}

async function run(p: OpenSloEntityProcessor, raw: Entity) {
  const entity = await p.preProcessEntity(raw);
  const emitted: CatalogProcessorResult[] = [];
  await p.postProcessEntity(entity, location, r => emitted.push(r));
  return { entity, emitted };
}

const relations = (emitted: CatalogProcessorResult[]) =>
  emitted
    .filter(r => r.type === 'relation')
    .map(r => {
      const { source, type, target } = (r as any).relation;
      const ref = (e: any) =>
        `${e.kind}:${e.namespace}/${e.name}`.toLocaleLowerCase('en-US');
      return `${ref(source)} ${type} ${ref(target)}`;
    });

describe('OpenSloEntityProcessor', () => {
  it('normalises what the catalog cannot hold', async () => {
    const { processor: p } = processor();
    const entity = await p.preProcessEntity(slo());
    expect(entity.metadata.title).toBe('Orders API availability');
    expect((entity.spec as any).objectives[0].target).toBe(0.999);
  });

  it('accepts SLO and SLI kinds of openslo/v1 only', async () => {
    const { processor: p } = processor();
    await expect(p.validateEntityKind(slo())).resolves.toBe(true);
    await expect(
      p.validateEntityKind({
        ...slo(),
        apiVersion: 'backstage.io/v1alpha1',
      } as Entity),
    ).resolves.toBe(false);
    await expect(
      p.validateEntityKind({ ...slo(), kind: 'Service' } as Entity),
    ).resolves.toBe(false);
  });

  it('rejects an invalid SLO under enforce with every problem, admits it under warn', async () => {
    const bad = slo({
      budgetingMethod: undefined,
      objectives: [{ target: 1 }],
    });
    const { processor: enforcing } = processor({
      enforcement: { kinds: { slo: 'enforce' } },
    });
    const rejection = enforcing.preProcessEntity(bad);
    await expect(rejection).rejects.toThrow(/spec\.budgetingMethod/);
    await expect(rejection).rejects.toThrow(/spec\.objectives\[0\]\.target/);
    const { processor: warning } = processor();
    await expect(
      warning.validateEntityKind(await warning.preProcessEntity(bad)),
    ).resolves.toBe(true);
  });

  it('relates the SLO to its service and to the service owner', async () => {
    const { processor: p, lookupServiceOwner } = processor();
    const { emitted } = await run(p, slo());
    expect(lookupServiceOwner).toHaveBeenCalledWith('component:default/orders');
    expect(relations(emitted)).toEqual([
      'slo:default/orders-availability sloOf component:default/orders',
      'component:default/orders hasSLO slo:default/orders-availability',
      'slo:default/orders-availability ownedBy group:default/checkout-team',
      'group:default/checkout-team ownerOf slo:default/orders-availability',
    ]);
  });

  it('prefers the SLO owner annotation over the service owner', async () => {
    const { processor: p, lookupServiceOwner } = processor();
    const { emitted } = await run(p, slo({}, { 'vigil/owner': 'sre' }));
    expect(lookupServiceOwner).not.toHaveBeenCalled();
    expect(relations(emitted)).toContain(
      'slo:default/orders-availability ownedBy group:default/sre',
    );
  });

  it('emits no owner relation while the owner is unknown', async () => {
    const { processor: p } = processor({}, null);
    const { emitted } = await run(p, slo());
    expect(relations(emitted)).toHaveLength(2);
  });

  it('accepts a service ref with kind and namespace', async () => {
    const { processor: p } = processor();
    const { emitted } = await run(p, slo({ service: 'system:ops/checkout' }));
    expect(relations(emitted)[0]).toBe(
      'slo:default/orders-availability sloOf system:ops/checkout',
    );
  });
});
