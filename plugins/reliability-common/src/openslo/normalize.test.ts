import { makeValidator } from '@backstage/catalog-model';
import {
  compositeSlo,
  ratioSli,
  ratioSlo,
  thresholdSlo,
  timeslicesSlo,
  withPath,
} from './__fixtures__/documents';
import { normalizeOpenSloEntity } from './normalize';
import { parseOpenSloDocument } from './parseDocument';

/** The checks of the catalog's FieldFormatEntityPolicy that concern us. */
function catalogProblems(entity: Record<string, any>): string[] {
  const v = makeValidator();
  const problems: string[] = [];
  const { metadata } = entity;
  if (!v.isValidEntityName(metadata.name)) problems.push('metadata.name');
  if (
    metadata.namespace !== undefined &&
    !v.isValidNamespace(metadata.namespace)
  ) {
    problems.push('metadata.namespace');
  }
  if (
    metadata.title !== undefined &&
    !(typeof metadata.title === 'string' && metadata.title.length > 0)
  ) {
    problems.push('metadata.title');
  }
  for (const [k, value] of Object.entries(metadata.labels ?? {})) {
    if (!v.isValidLabelKey(k) || !v.isValidLabelValue(value))
      problems.push(`labels.${k}`);
  }
  for (const [k, value] of Object.entries(metadata.annotations ?? {})) {
    if (!v.isValidAnnotationKey(k) || !v.isValidAnnotationValue(value)) {
      problems.push(`annotations.${k}`);
    }
  }
  return problems;
}

const labelled = () =>
  withPath(ratioSlo(), 'metadata.labels', {
    organization: 'acme',
    team: ['identity', 'rbac'],
    costCentre: 'project 1',
    serviceTier: ['tier-1'],
    empty: [],
  });

describe('normalizeOpenSloEntity', () => {
  it('makes the example labels of the OpenSLO spec storable, keeping their meaning', () => {
    const { entity, notes } = normalizeOpenSloEntity(labelled());
    const metadata = entity.metadata as Record<string, any>;
    expect(metadata.labels).toEqual({
      organization: 'acme',
      serviceTier: 'tier-1',
    });
    expect(JSON.parse(metadata.annotations['vigil/openslo-labels'])).toEqual({
      team: ['identity', 'rbac'],
      costCentre: 'project 1',
      empty: [],
    });
    expect(catalogProblems(entity)).toEqual([]);
    expect(notes).toContain(
      'metadata.labels team, costCentre, empty moved to the annotation vigil/openslo-labels (the catalog holds one value per label, without spaces)',
    );
  });

  it('sets the namespace, the title and the description', () => {
    const { entity } = normalizeOpenSloEntity(ratioSlo());
    expect(entity.metadata).toEqual({
      name: 'orders-availability',
      namespace: 'default',
      displayName: 'Orders API availability',
      title: 'Orders API availability',
      description: '99.9% of orders requests succeed',
    });
  });

  it('turns targetPercent into an exact target', () => {
    const doc = withPath(ratioSlo(), 'spec.objectives', [
      { displayName: 'a', targetPercent: 99.95 },
      { targetPercent: 99.9 },
    ]);
    const { entity, notes } = normalizeOpenSloEntity(doc);
    expect((entity.spec as any).objectives).toEqual([
      { displayName: 'a', target: 0.9995 },
      { target: 0.999 },
    ]);
    expect(notes).toContain(
      'spec.objectives[0].targetPercent 99.95 became target 0.9995',
    );
  });

  it('leaves invalid OpenSLO as written, for the parser to report', () => {
    const doc = withPath(
      timeslicesSlo(),
      'spec.objectives[0].targetPercent',
      100,
    );
    const { entity } = normalizeOpenSloEntity(doc);
    expect((entity.spec as any).objectives[0].targetPercent).toBe(100);
    const errors = parseOpenSloDocument(entity).errors;
    expect(errors.map(e => e.field)).toEqual([
      'spec.objectives[0].targetPercent',
    ]);
  });

  it('does not modify its input and is idempotent', () => {
    const doc = labelled();
    const before = JSON.stringify(doc);
    const once = normalizeOpenSloEntity(doc).entity;
    expect(JSON.stringify(doc)).toBe(before);
    const twice = normalizeOpenSloEntity(once).entity;
    expect(twice).toEqual(once);
  });

  it('merges with labels moved before', () => {
    const doc = withPath(labelled(), 'metadata.annotations', {
      'vigil/openslo-labels': '{"region":["eu","us"]}',
    });
    const { entity } = normalizeOpenSloEntity(doc);
    expect(
      JSON.parse((entity.metadata as any).annotations['vigil/openslo-labels']),
    ).toEqual({
      region: ['eu', 'us'],
      team: ['identity', 'rbac'],
      costCentre: 'project 1',
      empty: [],
    });
  });

  it.each([
    ['ratio', ratioSlo],
    ['threshold', thresholdSlo],
    ['calendar, targetPercent', timeslicesSlo],
    ['composite', compositeSlo],
    ['labelled', labelled],
  ])('parses the %s SLO to the same model in both forms', (_, make) => {
    const raw = parseOpenSloDocument(make());
    const normal = parseOpenSloDocument(normalizeOpenSloEntity(make()).entity);
    expect(raw.errors).toEqual([]);
    expect(normal).toEqual(raw);
  });

  it('gives the same errors in both forms', () => {
    const doc = withPath(labelled(), 'metadata.labels.tier', 3);
    const raw = parseOpenSloDocument(doc);
    const normal = parseOpenSloDocument(normalizeOpenSloEntity(doc).entity);
    expect(raw.errors.map(e => e.field)).toEqual(['metadata.labels.tier']);
    expect(normal.errors).toEqual(raw.errors);
  });

  it('normalises an SLI too, and leaves other documents alone', () => {
    expect(normalizeOpenSloEntity(ratioSli()).entity.metadata).toEqual({
      name: 'checkout-errors',
      namespace: 'default',
      description: 'Share of checkout requests that fail',
    });
    const component = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
    };
    const result = normalizeOpenSloEntity(component);
    expect(result.entity).toBe(component);
    expect(result.notes).toEqual([
      'not an OpenSLO v1 document (apiVersion openslo/v1): left unchanged',
    ]);
  });

  it('keeps an existing namespace and title', () => {
    const doc = withPath(
      withPath(ratioSlo(), 'metadata.namespace', 'payments'),
      'metadata.title',
      'Orders',
    );
    const metadata = normalizeOpenSloEntity(doc).entity.metadata as any;
    expect(metadata.namespace).toBe('payments');
    expect(metadata.title).toBe('Orders');
  });
});
