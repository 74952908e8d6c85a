/*
 * One policy, three places: the catalog module, `vigil lint` and the
 * backend's entity route must report the same findings for the same files.
 * This drives the example catalog through all three.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ReliabilityMetadataProcessor } from '@vigil/plugin-catalog-backend-module-reliability';
import reliabilityPlugin from '@vigil/plugin-reliability-backend';
import {
  isReliabilityAvailable,
  parsePolicyOrThrow,
} from '@vigil/plugin-reliability-common';
import { runCli } from '@vigil/reliability-cli';
import request from 'supertest';
import { parse, parseAllDocuments } from 'yaml';

const repo = resolve(__dirname, '../../..');
const files = ['examples/components.yaml', 'examples/policy-violations.yaml'];
const appConfig = join(repo, 'app-config.yaml');
const rawPolicy = parse(readFileSync(appConfig, 'utf8')).reliability.policy;

const entities: Entity[] = files.flatMap(file =>
  parseAllDocuments(readFileSync(join(repo, file), 'utf8'))
    .map(doc => doc.toJS() as Entity)
    .filter(isReliabilityAvailable),
);

/** A finding reduced to what all three must agree on. */
const key = (entityRef: string, rule: string, field: string) =>
  `${entityRef} | ${rule} | ${field}`;

function fromCli(): string[] {
  const result = runCli(
    ['lint', '--format', 'json', '--config', appConfig, ...files],
    { cwd: repo },
  );
  expect([0, 1]).toContain(result.exitCode);
  const report = JSON.parse(result.stdout);
  return report.findings
    .filter((f: { pending: boolean }) => !f.pending)
    .map((f: { entityRef: string; rule: string; field: string }) =>
      key(f.entityRef, f.rule, f.field),
    );
}

async function fromCatalogModule(): Promise<string[]> {
  // Enforce everywhere so that every finding becomes a processing error;
  // the findings themselves do not depend on the mode.
  const processor = new ReliabilityMetadataProcessor({
    policy: {
      ...parsePolicyOrThrow(rawPolicy),
      enforcement: { default: 'enforce', tiers: {}, kinds: {} },
    },
  });
  const found: string[] = [];
  for (const entity of entities) {
    const emitted: CatalogProcessorResult[] = [];
    await processor.postProcessEntity(
      entity,
      { type: 'file', target: 'x' },
      r => emitted.push(r),
    );
    for (const result of emitted) {
      const message = (result as { error: Error }).error.message;
      for (const line of message.split('\n').slice(1)) {
        const match = /^- \[([^\]]+)\] (\S+) /.exec(line);
        expect(match).not.toBeNull();
        found.push(key(stringifyEntityRef(entity), match![1], match![2]));
      }
    }
  }
  return found;
}

async function fromBackend(): Promise<string[]> {
  const { server } = await startTestBackend({
    features: [
      reliabilityPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: { reliability: { policy: rawPolicy } },
      }),
    ],
  });
  const found: string[] = [];
  for (const entity of entities) {
    const { kind, metadata } = entity;
    const res = await request(server).get(
      `/api/reliability/entities/${kind}/${metadata.namespace ?? 'default'}/${
        metadata.name
      }`,
    );
    expect(res.status).toBe(200);
    for (const v of res.body.metadataPolicy.violations) {
      if (!v.pending) found.push(key(v.entityRef, v.rule, v.field));
    }
  }
  return found;
}

describe('the same findings from the catalog module, the CLI and the backend', () => {
  it('agree on the example catalog', async () => {
    const cli = fromCli().sort();
    const catalog = (await fromCatalogModule()).sort();
    const backend = (await fromBackend()).sort();

    // The examples are built to break the policy in known ways; an empty
    // list would make the comparison meaningless.
    expect(cli.length).toBeGreaterThanOrEqual(3);
    expect(cli).toContain(
      key(
        'component:default/legacy-reports',
        'metadata-valid',
        'metadata.annotations.vigil/tier',
      ),
    );
    expect(catalog).toEqual(cli);
    expect(backend).toEqual(cli);
  });
});
