import {
  compositeSlo,
  ratioSli,
  ratioSlo,
  rawRatioSlo,
  thresholdSlo,
  timeslicesSlo,
} from './__fixtures__/documents';
import { normalizeOpenSloEntity } from './normalize';
import { isOpenSloDocument, parseOpenSloDocument } from './parseDocument';
import { OpenSloParseResult } from './types';

function deepArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function cyclic(): Record<string, unknown> {
  const doc: Record<string, any> = ratioSlo();
  doc.spec.indicator.spec.ratioMetric.good.metricSource.spec.self = doc;
  doc.spec.objectives[0].displayName = doc;
  return doc;
}

const throwingGetter = Object.defineProperty(
  { apiVersion: 'openslo/v1', kind: 'SLO' },
  'metadata',
  {
    enumerable: true,
    get() {
      throw new Error('boom');
    },
  },
);

const hostileProxy = new Proxy(
  {},
  {
    get() {
      throw new Error('trap');
    },
    has() {
      throw new Error('trap');
    },
    ownKeys() {
      throw new Error('trap');
    },
    getOwnPropertyDescriptor() {
      throw new Error('trap');
    },
  },
);

const revoked = Proxy.revocable({}, {});
revoked.revoke();

const JUNK: Array<[string, unknown]> = [
  ['undefined', undefined],
  ['null', null],
  ['zero', 0],
  ['NaN', NaN],
  ['Infinity', -Infinity],
  ['empty string', ''],
  ['a YAML text', 'apiVersion: openslo/v1\nkind: SLO'],
  ['true', true],
  ['a bigint', BigInt(7)],
  ['a symbol', Symbol('slo')],
  ['a function', () => 'SLO'],
  ['a Date', new Date(0)],
  ['an invalid Date', new Date('x')],
  ['a Map', new Map([['apiVersion', 'openslo/v1']])],
  ['an empty list', []],
  ['a list of nulls', [null, null]],
  ['a list of documents', [ratioSlo(), ratioSli()]],
  ['an empty mapping', {}],
  [
    'a mapping without prototype',
    Object.assign(Object.create(null), ratioSlo()),
  ],
  ['apiVersion only', { apiVersion: 'openslo/v1' }],
  ['kind only', { apiVersion: 'openslo/v1', kind: 'SLO' }],
  [
    'null metadata and spec',
    { apiVersion: 'openslo/v1', kind: 'SLO', metadata: null, spec: null },
  ],
  [
    'every field a number',
    { apiVersion: 'openslo/v1', kind: 'SLO', metadata: 1, spec: 2 },
  ],
  [
    'spec of lists',
    {
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: { name: 'a' },
      spec: {
        service: [],
        indicator: [],
        timeWindow: [[]],
        budgetingMethod: [],
        objectives: [[]],
      },
    },
  ],
  [
    'spec of mappings',
    {
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: { name: 'a' },
      spec: {
        service: {},
        indicator: {},
        timeWindow: [{}],
        budgetingMethod: {},
        objectives: [{}],
      },
    },
  ],
  [
    'SLI of nulls',
    {
      apiVersion: 'openslo/v1',
      kind: 'SLI',
      metadata: { name: null },
      spec: { ratioMetric: { good: null, total: null, counter: null } },
    },
  ],
  [
    'indicator spec of lists',
    {
      apiVersion: 'openslo/v1',
      kind: 'SLI',
      metadata: { name: 'a' },
      spec: {
        ratioMetric: {
          good: { metricSource: [] },
          total: { metricSource: { spec: [] } },
        },
      },
    },
  ],
  [
    'objectives of junk',
    {
      ...ratioSlo(),
      spec: {
        ...ratioSlo().spec,
        objectives: [null, 1, 'x', [], {}, { target: {} }],
      },
    },
  ],
  ['a 100 000 deep list', deepArray(100000)],
  [
    'a deep list as a label',
    {
      ...ratioSlo(),
      metadata: { name: 'a', labels: { x: deepArray(100000) } },
    },
  ],
  ['a cycle', cyclic()],
  ['a throwing getter', throwingGetter],
  ['a hostile proxy', hostileProxy],
  ['a revoked proxy', revoked.proxy],
  [
    'a __proto__ key',
    JSON.parse(
      '{"apiVersion":"openslo/v1","kind":"SLO","metadata":{"name":"a","labels":{"__proto__":"x"},"__proto__":{"name":"b"}},"spec":{"__proto__":{"service":"x"}}}',
    ),
  ],
];

function expectWellFormed(result: OpenSloParseResult) {
  expect(['SLO', 'SLI', 'unsupported']).toContain(result.kind);
  expect(Array.isArray(result.errors)).toBe(true);
  // slo / sli only when there is no error; one of them when SLO / SLI is valid.
  const parsed = [result.slo, result.sli].filter(x => x !== undefined).length;
  expect(parsed).toBe(
    result.errors.length === 0 && result.kind !== 'unsupported' ? 1 : 0,
  );
  for (const error of result.errors) {
    expect(typeof error.entityRef).toBe('string');
    expect(error.field.length).toBeGreaterThan(0);
    expect(error.expected.length).toBeGreaterThan(0);
    expect(error.example.length).toBeGreaterThan(0);
    expect(error.message).toContain(` ${error.field} `);
  }
}

describe('junk never makes the parser throw', () => {
  it.each(JUNK)('%s', (_, junk) => {
    let result: OpenSloParseResult | undefined;
    expect(() => {
      result = parseOpenSloDocument(junk);
    }).not.toThrow();
    expectWellFormed(result!);
    expect(() => isOpenSloDocument(junk)).not.toThrow();
    expect(() =>
      normalizeOpenSloEntity(junk as Record<string, unknown>),
    ).not.toThrow();
  });

  it('names the missing metadata when the document is an empty SLO', () => {
    const result = parseOpenSloDocument({
      apiVersion: 'openslo/v1',
      kind: 'SLO',
    });
    expect(result.errors.map(e => e.field)).toEqual(['metadata', 'spec']);
    expect(result.errors[0].entityRef).toBe('slo:default/<unnamed>');
  });

  it('survives thousands of random mutations of valid documents', () => {
    // A small deterministic generator (mulberry32), so failures reproduce.
    let seed = 20261127;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(items: T[]): T =>
      items[Math.floor(random() * items.length)];
    const values: unknown[] = [
      undefined,
      null,
      0,
      -1,
      1,
      0.5,
      100,
      NaN,
      '',
      ' ',
      'x',
      '1m',
      '1M',
      '0.99',
      'true',
      true,
      false,
      [],
      [1],
      {},
      { a: 1 },
      [{}],
      deepArray(50),
      'SLO',
      'openslo/v1',
      '2024-01-01 00:00:00',
      'Europe/Paris',
      new Date(0),
    ];
    const bases = [
      ratioSlo,
      thresholdSlo,
      timeslicesSlo,
      rawRatioSlo,
      compositeSlo,
      ratioSli,
    ];

    const paths = (
      node: unknown,
      prefix: Array<string | number> = [],
    ): Array<Array<string | number>> => {
      if (
        typeof node !== 'object' ||
        node === null ||
        node instanceof Date ||
        prefix.length > 8
      ) {
        return [prefix];
      }
      const entries = Array.isArray(node)
        ? node.map((v, i) => [i, v] as const)
        : Object.entries(node);
      return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
    };

    let rejected = 0;
    for (let run = 0; run < 3000; run++) {
      const doc: any = pick(bases)();
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
        const path = pick(paths(doc).filter(p => p.length > 0));
        let node = doc;
        for (const key of path.slice(0, -1)) node = node[key];
        const picked = pick(values);
        // A fresh copy each time, so no value is shared (or made cyclic).
        const value =
          typeof picked === 'object' &&
          picked !== null &&
          !(picked instanceof Date)
            ? structuredClone(picked)
            : picked;
        if (value === undefined && !Array.isArray(node))
          delete node[path[path.length - 1]];
        else node[path[path.length - 1]] = value;
      }
      const result = parseOpenSloDocument(doc);
      expectWellFormed(result);
      if (result.errors.length > 0) rejected++;
      const normalized = normalizeOpenSloEntity(doc).entity;
      expectWellFormed(parseOpenSloDocument(normalized));
    }
    expect(rejected).toBeGreaterThan(1500);
  });
});
