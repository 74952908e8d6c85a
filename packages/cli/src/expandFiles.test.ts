import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandFiles } from './expandFiles';
import { mergeConfig } from './policyConfig';

describe('expandFiles', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-glob-'));
    for (const file of [
      'a/x.yaml',
      'a/y.yaml',
      'b/x.yaml',
      'node_modules/n/x.yaml',
      '.hidden/x.yaml',
    ]) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), '');
    }
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it.each<[string[], string[]]>([
    [['**/x.yaml'], ['a/x.yaml', 'b/x.yaml']],
    [
      ['*/y.yaml', 'a/*.yaml'],
      ['a/y.yaml', 'a/x.yaml'],
    ],
    [
      ['b/x.yaml', '**/*.yaml'],
      ['b/x.yaml', 'a/x.yaml', 'a/y.yaml'],
    ],
    [['missing.yaml'], ['missing.yaml']],
    [['./a/x.yaml', 'a/x.yaml'], ['./a/x.yaml']],
  ])('%j → %j', (patterns, files) => {
    expect(expandFiles(patterns, dir, 'linux')).toEqual({ ok: true, files });
  });

  it('reads \\ as a directory separator on Windows', () => {
    expect(expandFiles(['a\\*.yaml'], dir, 'win32')).toEqual({
      ok: true,
      files: ['a/x.yaml', 'a/y.yaml'],
    });
  });

  it('names every glob that matches nothing', () => {
    expect(
      expandFiles(['c/*.yaml', 'a/*.yaml', '{d,e}/x.yaml'], dir, 'linux'),
    ).toEqual({
      ok: false,
      errors: ['no file matches "c/*.yaml"', 'no file matches "{d,e}/x.yaml"'],
    });
  });
});

describe('mergeConfig', () => {
  it('merges mappings key by key and replaces lists and scalars', () => {
    expect(
      mergeConfig(
        {
          reliability: {
            policy: {
              levels: ['a', 'b'],
              enforcement: { default: 'warn', tiers: { 'tier-0': 'enforce' } },
            },
          },
          app: { title: 'x' },
        },
        {
          reliability: {
            policy: { levels: ['c'], enforcement: { default: 'off' } },
          },
        },
      ),
    ).toEqual({
      reliability: {
        policy: {
          levels: ['c'],
          enforcement: { default: 'off', tiers: { 'tier-0': 'enforce' } },
        },
      },
      app: { title: 'x' },
    });
    expect(mergeConfig({ a: { b: 1 } }, { a: 'text' })).toEqual({ a: 'text' });
    expect(mergeConfig({ a: 1 }, undefined)).toEqual({ a: 1 });
  });
});
