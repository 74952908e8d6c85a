/*
 * The catalog module inside a real catalog backend (SQLite, real processing
 * loop, a real file Location): what a platform engineer sees when the
 * policy is enforced.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import request from 'supertest';
import { catalogModuleReliability } from './module';

jest.setTimeout(60_000);

const group = `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: billing-team }
spec: { type: team, children: [] }
`;

const ledger = (rto: string) => `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ledger
  annotations:
    vigil/tier: tier-0
    vigil/runbook: https://wiki.example.com/runbooks/ledger
    vigil/dashboard: https://grafana.example.com/d/ledger
    vigil/rto: ${rto}
    vigil/rpo: 15m
    vigil/dr-strategy: warm-standby
    vigil/dr-tested: 2026-11-01
    pagerduty.com/service-id: PLEDGER
spec: { type: service, owner: billing-team, lifecycle: production }
`;

const newcomer = `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: newcomer
  annotations: { vigil/tier: tier-0 }
spec: { type: service, owner: billing-team, lifecycle: production }
`;

const slo = `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ledger-availability
  displayName: Ledger availability
spec:
  service: ledger
  indicator:
    metadata: { name: ledger-good-ratio }
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { metricSourceRef: builtin, spec: {} } }
        total: { metricSource: { metricSourceRef: builtin, spec: {} } }
  timeWindow: [ { duration: 28d, isRolling: true } ]
  budgetingMethod: Occurrences
  objectives: [ { displayName: availability, targetPercent: 99.95 } ]
`;

const documents = (...docs: string[]) => docs.join('\n---\n');

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

describe('catalog ingestion under the reliability policy', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-ingestion-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the last good version, shows the error and admits no new violator', async () => {
    const file = join(dir, 'catalog-info.yaml');
    writeFileSync(file, documents(group, ledger('1h'), slo));

    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleReliability,
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            catalog: {
              processingInterval: { milliseconds: 300 },
              rules: [
                { allow: ['Component', 'Group', 'Location', 'SLO', 'SLI'] },
              ],
              locations: [{ type: 'file', target: file }],
            },
            reliability: { policy: { enforcement: 'enforce' } },
          },
        }),
      ],
    });

    const getEntity = async (kind: string, name: string) => {
      const res = await request(server).get(
        `/api/catalog/entities/by-name/${kind}/default/${name}`,
      );
      return res.status === 200 ? (res.body as Entity) : undefined;
    };

    // A compliant tier-0 service and its OpenSLO SLO are admitted, related.
    const good = await waitFor('ledger', () =>
      getEntity('component', 'ledger'),
    );
    expect(good.metadata.annotations?.['vigil/rto']).toBe('1h');
    const sloEntity = await waitFor('the SLO with its relations', async () => {
      const e = await getEntity('slo', 'ledger-availability');
      return e?.relations?.some(r => r.type === 'ownedBy') ? e : undefined;
    });
    expect(sloEntity.metadata.title).toBe('Ledger availability');
    expect(
      sloEntity.relations?.map(r => `${r.type} ${r.targetRef}`).sort(),
    ).toEqual([
      'ownedBy group:default/billing-team',
      'sloOf component:default/ledger',
    ]);
    await waitFor('hasSLO on the service', async () => {
      const e = await getEntity('component', 'ledger');
      return e?.relations?.some(r => r.type === 'hasSLO') ? e : undefined;
    });

    // Edited to violate the policy, plus a new violating document in the
    // same file: the last good version stays, with the error on it; the
    // newcomer is never admitted; the rest of the file still is.
    writeFileSync(file, documents(group, ledger('4h'), slo, newcomer));
    const withError = await waitFor(
      'the processing error on ledger',
      async () => {
        const e = await getEntity('component', 'ledger');
        const items = (e as any)?.status?.items ?? [];
        return items.length > 0 ? e : undefined;
      },
    );
    expect(withError.metadata.annotations?.['vigil/rto']).toBe('1h');
    const error = (withError as any).status.items[0].error;
    expect(error.message).toContain(
      '[rto] metadata.annotations.vigil/rto has "4h"',
    );
    expect(await getEntity('component', 'newcomer')).toBeUndefined();
    expect(await getEntity('group', 'billing-team')).toBeDefined();
    expect(await getEntity('slo', 'ledger-availability')).toBeDefined();
  });
});
