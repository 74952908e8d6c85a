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
  /** Components with their relations already set (as the catalog would). */
  components: Entity[];
  groups: Map<string, Entity>;
  slosByService: Map<string, Entity[]>;
  byRef: Map<string, Entity>;
  /** Departments (parents of the teams), systems and domains. */
  structure: Entity[];
}

const DEPARTMENTS = 5;
const TEAMS = 50;
const SYSTEMS = 100;
const DOMAINS = 8;

/**
 * `count` components over 50 teams in 5 departments, 100 systems in 8
 * domains, with realistic metadata: tiers 0–3 (1 % invalid), most with
 * runbooks and on-call, some DR data, dependencies between services, and
 * a third with OpenSLO SLOs. 5 % of owners name a team that does not
 * exist. Deterministic: the same count gives the same catalog.
 */
export function syntheticCatalog(count: number): SyntheticCatalog {
  const next = random(42);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  const groups = new Map<string, Entity>();
  const structure: Entity[] = [];
  const entity = (kind: string, name: string, spec: object): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
    spec: spec as Entity['spec'],
  });
  for (let d = 0; d < DEPARTMENTS; d++) {
    structure.push(
      entity('Group', `department-${d}`, { type: 'department', children: [] }),
    );
  }
  for (let g = 0; g < TEAMS; g++) {
    const group = entity('Group', `team-${g}`, {
      type: 'team',
      children: [],
      parent: `department-${g % DEPARTMENTS}`,
    });
    groups.set(`group:default/team-${g}`, group);
  }
  for (let d = 0; d < DOMAINS; d++) {
    structure.push(
      entity('Domain', `domain-${d}`, {
        owner: `department-${d % DEPARTMENTS}`,
      }),
    );
  }
  for (let s = 0; s < SYSTEMS; s++) {
    structure.push(
      entity('System', `system-${s}`, {
        owner: `team-${s % TEAMS}`,
        domain: `domain-${s % DOMAINS}`,
      }),
    );
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
        system: `system-${i % SYSTEMS}`,
        dependsOn,
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
  return { components, groups, slosByService, byRef, structure };
}
