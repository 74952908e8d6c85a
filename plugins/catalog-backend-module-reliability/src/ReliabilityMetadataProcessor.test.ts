import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { parsePolicyOrThrow } from '@vigil/plugin-reliability-common';
import { ReliabilityMetadataProcessor } from './ReliabilityMetadataProcessor';

const location = { type: 'file', target: '/repo/catalog-info.yaml' };
const now = new Date('2026-11-27T12:00:00Z');

const entity = (
  annotations: Record<string, string>,
  kind = 'Component',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'ledger', annotations },
  spec: { type: 'service', owner: 'billing-team', lifecycle: 'production' },
});

async function process(policyConfig: unknown, input: Entity) {
  const emitted: CatalogProcessorResult[] = [];
  const processor = new ReliabilityMetadataProcessor({
    policy: parsePolicyOrThrow(policyConfig),
    clock: () => now,
  });
  const output = await processor.postProcessEntity(input, location, r =>
    emitted.push(r),
  );
  expect(output).toBe(input);
  return emitted;
}

const errorMessage = (result: CatalogProcessorResult) =>
  (result as { error: Error }).error.message;

describe('ReliabilityMetadataProcessor', () => {
  const violating = entity({ 'vigil/tier': 'tier-0', 'vigil/rto': '4h' });

  it('emits one processing error listing every violation under enforce', async () => {
    const emitted = await process({ enforcement: 'enforce' }, violating);
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({ type: 'error', location });
    const message = errorMessage(emitted[0]);
    expect(message).toMatch(
      /^Reliability policy: component:default\/ledger has 7 violations:/,
    );
    expect(message).toContain(
      '- [on-call] metadata.annotations.pagerduty.com/service-id is missing',
    );
    expect(message).toContain(
      '- [rto] metadata.annotations.vigil/rto has "4h"; expected at most 1h for tier-0',
    );
  });

  it('admits the entity without errors under warn and off', async () => {
    expect(await process({ enforcement: 'warn' }, violating)).toEqual([]);
    expect(await process({ enforcement: 'off' }, violating)).toEqual([]);
  });

  it('follows the per-tier and per-kind modes', async () => {
    const policy = {
      enforcement: {
        default: 'off',
        tiers: { 'tier-0': 'enforce' },
        kinds: { resource: 'warn' },
      },
    };
    expect(await process(policy, violating)).toHaveLength(1);
    expect(
      await process(policy, entity({ 'vigil/tier': 'tier-0' }, 'Resource')),
    ).toEqual([]);
    expect(await process(policy, entity({ 'vigil/tier': 'tier-1' }))).toEqual(
      [],
    );
  });

  it('does not block on rules that are not enabled yet', async () => {
    const emitted = await process(
      {
        enforcement: 'enforce',
        tiers: { 'tier-3': { require: ['owner', 'runbook'] } },
        checks: { runbook: { enabledFrom: '2027-01-01' } },
      },
      entity({ 'vigil/tier': 'tier-3' }),
    );
    expect(emitted).toEqual([]);
  });

  it('reports an invalid annotation value under enforce', async () => {
    const emitted = await process(
      { enforcement: 'enforce' },
      entity({ 'vigil/tier': 'tier-5' }),
    );
    expect(errorMessage(emitted[0])).toContain(
      '[metadata-valid] metadata.annotations.vigil/tier has "tier-5"',
    );
  });

  it('leaves other kinds alone', async () => {
    expect(
      await process({ enforcement: 'enforce' }, entity({}, 'Group')),
    ).toEqual([]);
  });
});
