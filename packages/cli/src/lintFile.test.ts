import { fieldToPath, looksLikeEntity, looksLikeOpenSlo } from './lintFile';
import { parseYamlDocuments } from './yamlDocuments';

describe('fieldToPath', () => {
  it('keeps annotation keys with dots whole', () => {
    expect(fieldToPath('metadata.annotations.vigil/tier')).toEqual([
      'metadata',
      'annotations',
      'vigil/tier',
    ]);
    expect(
      fieldToPath('metadata.annotations.pagerduty.com/service-id'),
    ).toEqual(['metadata', 'annotations', 'pagerduty.com/service-id']);
  });

  it.each([
    ['spec.objectives[0].target', ['spec', 'objectives', 0, 'target']],
    [
      'spec.timeWindow[0].calendar.timeZone',
      ['spec', 'timeWindow', 0, 'calendar', 'timeZone'],
    ],
    [
      'spec.objectives[1].indicator.spec.ratioMetric.good.metricSource.spec',
      [
        'spec',
        'objectives',
        1,
        'indicator',
        'spec',
        'ratioMetric',
        'good',
        'metricSource',
        'spec',
      ],
    ],
    [
      'spec.indicator.metadata.annotations.vigil/slo-kind',
      ['spec', 'indicator', 'metadata', 'annotations', 'vigil/slo-kind'],
    ],
    [
      'metadata.labels.app.kubernetes.io/name',
      ['metadata', 'labels', 'app.kubernetes.io/name'],
    ],
    [
      // a valid key: DNS-subdomain prefix a.metadata.labels.b, name c
      'metadata.annotations.a.metadata.labels.b/c',
      ['metadata', 'annotations', 'a.metadata.labels.b/c'],
    ],
    ['(document)', ['(document)']],
  ])('maps the OpenSLO path %s', (field, path) => {
    expect(fieldToPath(field)).toEqual(path);
  });

  it('reads array indices', () => {
    expect(fieldToPath('metadata.links[1].url')).toEqual([
      'metadata',
      'links',
      1,
      'url',
    ]);
    expect(fieldToPath('spec.owner')).toEqual(['spec', 'owner']);
  });
});

describe('looksLikeEntity', () => {
  it('needs apiVersion, kind and metadata', () => {
    expect(
      looksLikeEntity({
        apiVersion: 'v1',
        kind: 'Component',
        metadata: { name: 'a' },
      }),
    ).toBe(true);
    expect(looksLikeEntity({ apiVersion: 'v1', kind: 'Component' })).toBe(
      false,
    );
    expect(looksLikeEntity({ kind: 'Component', metadata: {} })).toBe(false);
    expect(looksLikeEntity(null)).toBe(false);
    expect(looksLikeEntity(['a'])).toBe(false);
  });
});

describe('looksLikeOpenSlo', () => {
  it.each([
    [{ apiVersion: 'openslo/v1', kind: 'SLO' }, true],
    [{ apiVersion: 'openslo/v1alpha', kind: 'SLO' }, true],
    [{ apiVersion: 'openslo.com/v2alpha', kind: 'SLO' }, true],
    [{ apiVersion: 'backstage.io/v1alpha1', kind: 'SLO' }, false],
    [{ apiVersion: 5 }, false],
    ['openslo/v1', false],
  ])('%j → %s', (doc, expected) => {
    expect(looksLikeOpenSlo(doc)).toBe(expected);
  });
});

describe('parseYamlDocuments', () => {
  const text = [
    '# leading comment',
    'kind: Component',
    'metadata:',
    '  name: a',
    '  annotations:',
    '    x: "y"',
    '',
  ].join('\n');

  it('locates a value, else its deepest existing parent, else the document start', () => {
    const [doc] = parseYamlDocuments(text);
    expect(doc.locate(['metadata', 'annotations', 'x'])).toEqual({
      line: 6,
      column: 8,
    });
    expect(doc.locate(['metadata', 'annotations', 'missing'])).toEqual({
      line: 6,
      column: 5,
    });
    expect(doc.locate(['metadata', 'name', 'deeper'])).toEqual({
      line: 4,
      column: 9,
    });
    expect(doc.locate(['spec', 'owner'])).toEqual({ line: 2, column: 1 });
    expect(doc.start).toEqual({ line: 2, column: 1 });
    expect(doc.resolve(['metadata', 'annotations', 'missing'])).toEqual({
      position: { line: 6, column: 5 },
      depth: 2,
    });
    expect(doc.resolve(['nothing'])).toEqual({
      position: { line: 2, column: 1 },
      depth: 0,
    });
  });

  it('locates list items of OpenSLO documents', () => {
    const [doc] = parseYamlDocuments(
      [
        'spec:',
        '  timeWindow:',
        '    - duration: 1M',
        '      calendar: { startTime: "2026-01-01 00:00:00", timeZone: Europe/Berlin }',
        '  objectives:',
        '    - target: 0.99',
        '    - targetPercent: 99.9',
        '',
      ].join('\n'),
    );
    expect(
      doc.locate(fieldToPath('spec.timeWindow[0].calendar.timeZone')),
    ).toEqual({ line: 4, column: 63 });
    expect(doc.locate(fieldToPath('spec.objectives[1].targetPercent'))).toEqual(
      { line: 7, column: 22 },
    );
    // a missing item: its list
    expect(doc.locate(fieldToPath('spec.objectives[2].target'))).toEqual({
      line: 6,
      column: 5,
    });
  });

  it('keeps the documents after a broken one', () => {
    const docs = parseYamlDocuments('a: [1\n---\nb: 2\n');
    expect(docs).toHaveLength(2);
    expect(docs[0].errors.length).toBeGreaterThan(0);
    expect(docs[0].value).toBeUndefined();
    expect(docs[1]).toMatchObject({
      errors: [],
      value: { b: 2 },
      start: { line: 3, column: 1 },
    });
  });
});
