import { Entity } from '@backstage/catalog-model';
import {
  tierAnnotationOf,
  tierAnnotationsOf,
  tierFrom,
  tierFromTags,
} from './entityTier';
import { DEFAULT_POLICY } from './policy/defaults';
import { readEntityTier } from './profile';

const conventions = {
  ...DEFAULT_POLICY.conventions,
  tierTags: { 'tier-1': 'tier-1', critical: 'tier-0' },
};

const entity = (annotations?: Record<string, unknown>, tags?: unknown) =>
  ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'svc', annotations, tags },
  } as unknown as Entity);

describe('tierAnnotationOf', () => {
  it('is the raw vigil/tier value, whatever it holds', () => {
    expect(tierAnnotationOf(entity({ 'vigil/tier': 'tier-2' }))).toBe('tier-2');
    expect(tierAnnotationOf(entity({ 'vigil/tier': 3 }))).toBe(3);
    expect(tierAnnotationOf(entity({ 'vigil/tier': null }))).toBeNull();
    expect(tierAnnotationOf(entity({}))).toBeUndefined();
    expect(tierAnnotationOf(entity())).toBeUndefined();
  });

  it('never throws, so that it can run before the entity is checked', () => {
    expect(tierAnnotationOf(undefined)).toBeUndefined();
    expect(tierAnnotationOf(null as unknown as Entity)).toBeUndefined();
    expect(tierAnnotationOf({} as Entity)).toBeUndefined();
  });
});

describe('tierAnnotationsOf', () => {
  it('is tierAnnotationOf of each entity, in order', () => {
    const entities = [
      entity({ 'vigil/tier': 'tier-1' }),
      entity(),
      null as unknown as Entity,
      entity({ 'vigil/tier': 0 }),
    ];
    expect(tierAnnotationsOf(entities)).toEqual([
      'tier-1',
      undefined,
      undefined,
      0,
    ]);
    expect(tierAnnotationsOf([])).toEqual([]);
  });
});

describe('tierFrom', () => {
  it.each([
    [{ 'vigil/tier': 'tier-0' }, undefined, 0],
    [{ 'vigil/tier': 'TIER-3' }, undefined, 3],
    [{ 'vigil/tier': 2 }, ['critical'], 2],
    [{ 'vigil/tier': 'tier-9' }, ['critical'], undefined],
    [{ 'vigil/tier': ['tier-1'] }, undefined, undefined],
    [{ 'vigil/tier': null }, ['tier-1'], 1],
    [{}, ['unrelated', 'critical'], 0],
    [{}, 'critical', undefined],
    [undefined, undefined, undefined],
  ])('%j with tags %j: %s, as readEntityTier', (annotations, tags, tier) => {
    const e = entity(annotations, tags);
    expect(tierFrom(e, tierAnnotationOf(e), conventions)).toBe(tier);
    expect(readEntityTier(e, conventions)).toBe(tier);
  });
});

describe('tierFromTags', () => {
  it('gives the first tag that names a tier, with its label', () => {
    expect(tierFromTags(entity({}, ['x', 'critical']), conventions)).toEqual({
      value: 0,
      label: 'tier-0',
      source: 'tag',
      tag: 'critical',
    });
    expect(tierFromTags(entity({}, [7, 'x']), conventions)).toBeUndefined();
  });
});
