import { Entity } from '@backstage/catalog-model';

/** A small deterministic PRNG, so every run measures the same catalog. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface SyntheticCatalog {
  components: Entity[];
  groups: Map<string, Entity>;
  slosByService: Map<string, Entity[]>;
  byRef: Map<string, Entity>;
}

/**
 * `count` components over 50 teams with realistic metadata: tiers 0–3,
 * most with runbooks and on-call, some DR data, dependencies between
 * services, and a third with OpenSLO SLOs.
 */
export function syntheticCatalog(count: number): SyntheticCatalog {
  const next = random(42);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  const groups = new Map<string, Entity>();
  for (let g = 0; g < 50; g++) {
    const group: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `team-${g}`, namespace: 'default' },
      spec: { type: 'team', children: [] },
    };
    groups.set(`group:default/team-${g}`, group);
  }
  const components: Entity[] = [];
  const slosByService = new Map<string, Entity[]>();
  const byRef = new Map<string, Entity>();
  for (let i = 0; i < count; i++) {
    const annotations: Record<string, string> = {};
    const tier = pick([0, 1, 1, 2, 2, 2, 3, 3]);
    if (next() < 0.95) annotations['vigil/tier'] = `tier-${tier}`;
    if (next() < 0.8)
      annotations['vigil/runbook'] = `https://wiki.example.com/runbooks/s${i}`;
    if (next() < 0.6)
      annotations['vigil/dashboard'] = `https://grafana.example.com/d/s${i}`;
    if (next() < 0.85) annotations['pagerduty.com/service-id'] = `P${i}`;
    if (next() < 0.7) {
      annotations['vigil/rto'] = pick(['30m', '1h', '4h', '1d']);
      annotations['vigil/rpo'] = pick(['5m', '15m', '1h', '1d']);
      annotations['vigil/dr-strategy'] = pick([
        'active-active',
        'warm-standby',
        'backup-restore',
      ]);
      annotations['vigil/dr-tested'] = pick([
        '2026-10-01',
        '2026-06-01',
        '2025-11-01',
      ]);
    }
    if (next() < 0.01) annotations['vigil/tier'] = 'tier-9';
    const name = `service-${i}`;
    const ref = `component:default/${name}`;
    const dependsOn =
      i > 10 ? [`component:default/service-${Math.floor(next() * i)}`] : [];
    const component: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name, namespace: 'default', annotations },
      spec: {
        type: 'service',
        owner: `team-${Math.floor(next() * 55)}`,
        lifecycle: next() < 0.9 ? 'production' : 'experimental',
      },
      relations: dependsOn.map(targetRef => ({ type: 'dependsOn', targetRef })),
    };
    if (next() < 0.35) {
      const slo = {
        apiVersion: 'openslo/v1',
        kind: 'SLO',
        metadata: { name: `${name}-availability`, namespace: 'default' },
        spec: {
          service: name,
          indicator: {
            metadata: { name: `${name}-ratio` },
            spec: {
              ratioMetric: {
                counter: true,
                good: {
                  metricSource: { metricSourceRef: 'builtin', spec: {} },
                },
                total: {
                  metricSource: { metricSourceRef: 'builtin', spec: {} },
                },
              },
            },
          },
          timeWindow: [{ duration: '28d', isRolling: true }],
          budgetingMethod: 'Occurrences',
          objectives: [{ target: pick([0.99, 0.999, 0.9995]) }],
        },
      } as unknown as Entity;
      slosByService.set(ref, [slo]);
      component.relations!.push({
        type: 'hasSLO',
        targetRef: `slo:default/${name}-availability`,
      });
    }
    components.push(component);
    byRef.set(ref, component);
  }
  return { components, groups, slosByService, byRef };
}
