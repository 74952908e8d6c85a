import { fieldToPath, looksLikeEntity } from './lintFile';
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
