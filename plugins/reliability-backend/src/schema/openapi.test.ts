/*
 * Keeps src/schema/openapi.yaml honest: it must be a well-formed OpenAPI 3.0
 * document, and it must name exactly the routes that src/router.ts serves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createRouter } from '../router';

const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
];

type Json = Record<string, any>;

const spec: Json = parse(readFileSync(join(__dirname, 'openapi.yaml'), 'utf8'));

/** Every operation of the spec as `METHOD /path`, with its objects. */
function operations() {
  return Object.entries(spec.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json)
      .filter(([key]) => HTTP_METHODS.includes(key))
      .map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        path,
        pathItem: item as Json,
        operation: operation as Json,
      })),
  );
}

/** Resolves a local JSON pointer such as `#/components/schemas/Exemption`. */
function resolvePointer(ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = spec;
  for (const raw of ref.slice(2).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(part in node)) {
      return undefined;
    }
    node = (node as Json)[part];
  }
  return node;
}

/** Every `$ref` in the document, with where it is. */
function allRefs(node: unknown, at = '#'): Array<{ at: string; ref: string }> {
  if (Array.isArray(node)) {
    return node.flatMap((child, i) => allRefs(child, `${at}/${i}`));
  }
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, child]) =>
      key === '$ref'
        ? [{ at, ref: String(child) }]
        : allRefs(child, `${at}/${key}`),
    );
  }
  return [];
}

const deref = (node: Json): Json =>
  node.$ref ? (resolvePointer(node.$ref) as Json) : node;

/** The routes of the real router, as `METHOD /path` with `{param}`s. */
async function routerRoutes(): Promise<string[]> {
  // The routes are only listed, never called: every service is a stand-in
  // object, whatever services the router asks for.
  const services = new Proxy({}, { get: () => ({}) }) as Parameters<
    typeof createRouter
  >[0];
  const router = await createRouter(services);
  const routes: string[] = [];
  for (const layer of (router as unknown as { stack: any[] }).stack) {
    const route = layer.route;
    if (!route) continue; // middleware, e.g. the JSON body parser
    const paths: string[] = Array.isArray(route.path)
      ? route.path
      : [route.path];
    for (const path of paths) {
      for (const [method, enabled] of Object.entries(route.methods)) {
        if (enabled && method !== '_all') {
          routes.push(
            `${method.toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`,
          );
        }
      }
    }
  }
  return routes;
}

describe('the OpenAPI description of the reliability API', () => {
  it('is an OpenAPI 3.0 document with info and paths', () => {
    expect(spec.openapi).toMatch(/^3\.0\.\d+$/);
    expect(typeof spec.info?.title).toBe('string');
    expect(typeof spec.info?.version).toBe('string');
    expect(Object.keys(spec.paths).length).toBeGreaterThan(0);
    for (const path of Object.keys(spec.paths)) {
      expect(path).toMatch(/^\//);
    }
  });

  it('gives every operation a unique id and described responses', () => {
    const ids = new Set<string>();
    for (const { key, operation } of operations()) {
      expect({ key, operationId: typeof operation.operationId }).toEqual({
        key,
        operationId: 'string',
      });
      expect(ids.has(operation.operationId)).toBe(false);
      ids.add(operation.operationId);

      const responses = Object.entries(operation.responses ?? {});
      expect({ key, responses: responses.length > 0 }).toEqual({
        key,
        responses: true,
      });
      for (const [status, response] of responses) {
        expect(status).toMatch(/^([1-5]\d\d|default)$/);
        expect(typeof deref(response as Json)?.description).toBe('string');
      }
    }
  });

  it('declares every path parameter as a required path parameter', () => {
    for (const { key, path, pathItem, operation } of operations()) {
      const declared = [
        ...(pathItem.parameters ?? []),
        ...(operation.parameters ?? []),
      ]
        .map(deref)
        .filter(p => p.in === 'path');
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
      expect({ key, params: declared.map(p => p.name).sort() }).toEqual({
        key,
        params: inPath,
      });
      for (const param of declared) {
        expect({ key, name: param.name, required: param.required }).toEqual({
          key,
          name: param.name,
          required: true,
        });
      }
    }
  });

  it('resolves every $ref', () => {
    const refs = allRefs(spec);
    expect(refs.length).toBeGreaterThan(0);
    const unresolved = refs.filter(({ ref }) => !resolvePointer(ref));
    expect(unresolved).toEqual([]);
  });

  it('describes exactly the routes the router serves', async () => {
    const inCode = (await routerRoutes()).sort();
    const inSpec = operations()
      .map(o => o.key)
      .sort();
    // Sanity: the walk over the router found routes at all.
    expect(inCode).toContain('GET /health');
    expect({
      missingFromSpec: inCode.filter(r => !inSpec.includes(r)),
    }).toEqual({ missingFromSpec: [] });
    expect({ notInCode: inSpec.filter(r => !inCode.includes(r)) }).toEqual({
      notInCode: [],
    });
  });
});
