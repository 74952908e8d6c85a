import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { ReliabilityMetadataProcessor } from './ReliabilityMetadataProcessor';
import { parseEnforcementMode } from './enforcement';

const location = { type: 'file', target: '/repo/catalog-info.yaml' };

const entity = (tier: string, kind = 'Component'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'legacy-reports', annotations: { 'vigil/tier': tier } },
  spec: { type: 'service', owner: 'data' },
});

async function process(
  enforcement: 'off' | 'warn' | 'enforce',
  input: Entity,
): Promise<CatalogProcessorResult[]> {
  const emitted: CatalogProcessorResult[] = [];
  const processor = new ReliabilityMetadataProcessor({ enforcement });
  const output = await processor.postProcessEntity(input, location, r =>
    emitted.push(r),
  );
  expect(output).toBe(input);
  return emitted;
}

describe('ReliabilityMetadataProcessor', () => {
  it('emits one processing error per finding under enforce', async () => {
    const emitted = await process('enforce', entity('tier-5'));
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({ type: 'error', location });
    const error = (emitted[0] as { error: Error }).error;
    expect(error.name).toBe('InputError');
    expect(error.message).toContain('metadata.annotations.vigil/tier has "tier-5"');
  });

  it('admits the entity silently under warn and off', async () => {
    expect(await process('warn', entity('tier-5'))).toEqual([]);
    expect(await process('off', entity('tier-5'))).toEqual([]);
  });

  it('emits nothing for valid metadata or other kinds', async () => {
    expect(await process('enforce', entity('tier-1'))).toEqual([]);
    expect(await process('enforce', entity('tier-5', 'Group'))).toEqual([]);
  });
});

describe('parseEnforcementMode', () => {
  it('defaults to warn and accepts the three modes', () => {
    expect(parseEnforcementMode(undefined, 'k')).toBe('warn');
    expect(parseEnforcementMode('enforce', 'k')).toBe('enforce');
  });
  it('names the key and the allowed values for a bad mode', () => {
    expect(() =>
      parseEnforcementMode('strict', 'reliability.catalog.enforcement'),
    ).toThrow(
      'reliability.catalog.enforcement must be one of off, warn, enforce, got "strict"',
    );
  });
});
