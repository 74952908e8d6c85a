/*
 * bench/readiness/run.sh [entities] — Vigil's readiness evaluator against
 * json-rules-engine (the engine behind Tech Insights' fact checker), on
 * the same synthetic catalog and the same checks. Prints entities/s for
 * both, the ratio, p95 per entity and RSS. A benchmark, not a test.
 */
import { performance } from 'node:perf_hooks';
import { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_POLICY,
  ERROR_BUDGET_FACT,
  evaluateReadiness,
  parseReliabilityProfile,
} from '@vigil/plugin-reliability-common';
import { Engine } from 'json-rules-engine';
import {
  random,
  syntheticCatalog,
} from '../../packages/backend/src/synthetic/syntheticCatalog';

const count = Number(process.argv[2] ?? 10000);
const now = new Date('2026-11-27T12:00:00Z');
const catalog = syntheticCatalog(count);
const next = random(7);

const dependents = new Map<string, Entity[]>();
for (const c of catalog.components) {
  for (const r of c.relations ?? []) {
    if (r.type !== 'dependsOn') continue;
    dependents.set(r.targetRef, [...(dependents.get(r.targetRef) ?? []), c]);
  }
}
const refOf = (e: Entity) => `component:default/${e.metadata.name}`;
const budgetStates = [
  'healthy',
  'healthy',
  'healthy',
  'at-risk',
  'burning',
  'exhausted',
] as const;
const budgets = new Map<
  string,
  { state: (typeof budgetStates)[number]; remaining: number }
>();
for (const [service] of catalog.slosByService) {
  budgets.set(service, {
    state: budgetStates[Math.floor(next() * budgetStates.length)],
    remaining: next(),
  });
}

function inputOf(component: Entity) {
  const ref = refOf(component);
  const slos = catalog.slosByService.get(ref) ?? [];
  const budget = budgets.get(ref);
  return {
    entity: component,
    related: {
      owner:
        catalog.groups.get(`group:default/${component.spec!.owner}`) ?? null,
      dependencies: (component.relations ?? [])
        .filter(r => r.type === 'dependsOn')
        .map(r => catalog.byRef.get(r.targetRef)!)
        .filter(Boolean),
      dependents: dependents.get(ref) ?? [],
      slos,
    },
    facts: {
      [ERROR_BUDGET_FACT]: budget
        ? { [`slo:default/${component.metadata.name}-availability`]: budget }
        : {},
    },
    policy: DEFAULT_POLICY,
    now,
  };
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

// The same checks as flat facts, the way a fact retriever would store them.
function factsOf(component: Entity) {
  const profile = parseReliabilityProfile(component, { now });
  const tier = profile.tier?.label;
  const limits = tier ? DEFAULT_POLICY.tiers[tier] : undefined;
  const ref = refOf(component);
  const slos = catalog.slosByService.get(ref) ?? [];
  const depTiers = (component.relations ?? [])
    .filter(r => r.type === 'dependsOn')
    .map(r => catalog.byRef.get(r.targetRef))
    .map(d => (d ? parseReliabilityProfile(d).tier?.value ?? -1 : -1));
  return {
    tier: profile.tier?.value ?? -1,
    ownerExists: catalog.groups.has(`group:default/${component.spec!.owner}`),
    hasRunbook: Boolean(profile.runbook),
    hasDashboard: Boolean(profile.dashboard),
    hasOnCall: profile.onCall.length > 0,
    hasDrStrategy: Boolean(profile.dr.strategy),
    rtoSeconds: profile.rto?.seconds ?? Infinity,
    rpoSeconds: profile.rpo?.seconds ?? Infinity,
    drAgeDays: profile.dr.lastTested
      ? (now.getTime() - Date.parse(profile.dr.lastTested)) / 86_400_000
      : Infinity,
    isProduction: component.spec!.lifecycle === 'production',
    sloCount: slos.length,
    minSloTarget: Math.min(
      1,
      ...slos.map(s => (s.spec as any).objectives[0].target as number),
    ),
    budgetHealthy: budgets.get(ref)?.state === 'healthy',
    maxDependencyTier: Math.max(-1, ...depTiers),
    maxRtoSeconds: limits?.maxRtoSeconds ?? Infinity,
    maxRpoSeconds: limits?.maxRpoSeconds ?? Infinity,
    maxDrAgeDays: limits?.maxDrTestAgeDays ?? Infinity,
    requiredMinSloTarget: limits?.minSloTarget ?? 0,
  };
}

/** The 14 checks as json-rules-engine rules over the flat facts. */
function ruleDefinitions(): Array<{ name: string; conditions: any }> {
  const rules: Array<{ name: string; conditions: any }> = [];
  const rule = (name: string, conditions: any) =>
    rules.push({ name, conditions });
  const is = (fact: string, value: unknown) => ({
    fact,
    operator: 'equal',
    value,
  });
  const atMost = (fact: string, limit: string) => ({
    fact,
    operator: 'lessThanInclusive',
    value: { fact: limit },
  });
  rule('tier-declared', {
    all: [{ fact: 'tier', operator: 'greaterThanInclusive', value: 0 }],
  });
  rule('owner-resolves', { all: [is('ownerExists', true)] });
  rule('runbook', { all: [is('hasRunbook', true)] });
  rule('on-call', { all: [is('hasOnCall', true)] });
  rule('dashboard', { all: [is('hasDashboard', true)] });
  rule('dr-strategy', { all: [is('hasDrStrategy', true)] });
  rule('rto-within-tier', { all: [atMost('rtoSeconds', 'maxRtoSeconds')] });
  rule('rpo-within-tier', { all: [atMost('rpoSeconds', 'maxRpoSeconds')] });
  rule('dr-tested-recently', { all: [atMost('drAgeDays', 'maxDrAgeDays')] });
  rule('lifecycle-production', { all: [is('isProduction', true)] });
  rule('slo-defined', {
    all: [{ fact: 'sloCount', operator: 'greaterThan', value: 0 }],
  });
  rule('slo-target-meets-tier', {
    all: [
      {
        fact: 'minSloTarget',
        operator: 'greaterThanInclusive',
        value: { fact: 'requiredMinSloTarget' },
      },
    ],
  });
  rule('error-budget-healthy', { all: [is('budgetHealthy', true)] });
  rule('dependency-tier', {
    all: [
      {
        fact: 'maxDependencyTier',
        operator: 'lessThanInclusive',
        value: { fact: 'tier' },
      },
    ],
  });
  return rules;
}

/** One engine holding every rule, reused for all entities: the engine's best case. */
function rulesEngine() {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const { name, conditions } of ruleDefinitions()) {
    engine.addRule({ name, conditions, event: { type: name } });
  }
  return engine;
}

/** The facts a condition tree reads, as Tech Insights lists them per check. */
function factsRead(condition: any): string[] {
  if (condition.all) return condition.all.flatMap(factsRead);
  if (condition.any) return condition.any.flatMap(factsRead);
  return [condition.fact];
}

/**
 * json-rules-engine driven the way Tech Insights' fact checker
 * (JsonRulesEngineFactChecker.runChecks, read in backstage/backstage) drives
 * it for one entity: a new engine, every check added as a rule, one run, then
 * each rule result turned into a check response (the rule's conditions via
 * its toJSON, the facts it read, the check's metadata). Its store reads
 * (latest facts, fact schemas) are left out: only CPU work is timed.
 */
const checksAsTechInsightsRegisters = ruleDefinitions().map(
  ({ name, conditions }) => ({
    id: name,
    name,
    type: 'json-rules-engine',
    description: `the ${name} check`,
    factIds: ['reliability-facts'],
    rule: { conditions },
    successMetadata: { passed: name },
    failureMetadata: { failed: name },
  }),
);
async function runAsTechInsights(facts: Record<string, unknown>) {
  const engine = new Engine();
  for (const check of checksAsTechInsightsRegisters) {
    engine.addRule({ ...check.rule, name: check.id, event: { type: 'noop' } });
  }
  const outcome = await engine.run(facts);
  const responses = [...outcome.results, ...outcome.failureResults].map(
    (result: any) => {
      const check = checksAsTechInsightsRegisters.find(
        c => c.id === result.name,
      )!;
      const read = factsRead(check.rule.conditions);
      return {
        facts: Object.fromEntries(read.map(fact => [fact, facts[fact]])),
        result: result.result,
        check: {
          id: check.id,
          type: check.type,
          name: check.name,
          description: check.description,
          factIds: check.factIds,
          metadata: result.result
            ? check.successMetadata
            : check.failureMetadata,
          rule: { conditions: JSON.parse(result.toJSON()).conditions },
        },
      };
    },
  );
  return responses.filter(r => r.result).length;
}

/** Rounds after the warm-up round; the median counts. */
const ROUNDS = 7;

interface Round {
  ms: number;
  perEntity: number[];
  passing: number;
}

interface Contender<T> {
  name: string;
  what: string;
  items: T[];
  evaluate: (item: T) => number | Promise<number>;
}

/** One pass of a contender over all its items. */
async function pass<T>(contender: Contender<T>): Promise<Round> {
  const perEntity: number[] = [];
  let passing = 0;
  const start = performance.now();
  for (const item of contender.items) {
    const t = performance.now();
    // Awaited only when it is a promise: an await costs a microtask per
    // entity, which the synchronous evaluator does not need.
    const counted = contender.evaluate(item);
    passing += typeof counted === 'number' ? counted : await counted;
    perEntity.push(performance.now() - t);
  }
  return { ms: performance.now() - start, perEntity, passing };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const rate = (ms: number) => count / (ms / 1000);

async function main() {
  console.log(
    `bench: ${count} synthetic components, 50 teams, ${catalog.slosByService.size} with SLOs; 14 checks; a warm-up round, then ${ROUNDS} rounds, each running every contender in turn`,
  );
  const rssBefore = process.memoryUsage().rss;

  const inputs = catalog.components.map(inputOf);
  const facts = catalog.components.map(factsOf);
  const engine = rulesEngine();
  const runRules = async (f: ReturnType<typeof factsOf>) =>
    (await engine.run(f)).events.length;
  const contenders: Contender<any>[] = [
    // Vigil: the full evaluator, parsing annotations and SLO documents itself.
    {
      name: 'vigil evaluator',
      what: 'passing checks',
      items: inputs,
      evaluate: input =>
        evaluateReadiness(input).checks.filter(c => c.state === 'pass').length,
    },
    // Facts prepared beforehand (not timed), one engine for all entities.
    {
      name: 'json-rules-engine',
      what: 'passing rules',
      items: facts,
      evaluate: runRules,
    },
    // The same engine, with the facts gathered from the entities in the
    // loop, as Vigil's evaluator does (it parses annotations and SLOs).
    {
      name: 'json-rules-engine incl. gathering the facts from the entities',
      what: 'passing rules',
      items: catalog.components,
      evaluate: c => runRules(factsOf(c)),
    },
    // The engine as Tech Insights drives it, per entity (precomputed facts).
    {
      name: 'json-rules-engine driven as Tech Insights drives it',
      what: 'passing rules',
      items: facts,
      evaluate: runAsTechInsights,
    },
  ];

  // Rounds alternate between the contenders, so a slow spell of the
  // machine hits all of them; each ratio is the median of per-round ratios.
  const rounds: Round[][] = contenders.map(() => []);
  for (let round = 0; round <= ROUNDS; round++) {
    for (const [i, contender] of contenders.entries()) {
      const result = await pass(contender);
      if (round > 0) rounds[i].push(result);
    }
  }

  for (const [i, contender] of contenders.entries()) {
    const ms = median(rounds[i].map(r => r.ms));
    const middle = rounds[i].find(r => r.ms === ms)!;
    console.log(
      `bench: ${contender.name}: ${rate(ms).toFixed(
        0,
      )} entities/s (${ms.toFixed(0)} ms, rounds ${rate(
        Math.max(...rounds[i].map(r => r.ms)),
      ).toFixed(0)}–${rate(Math.min(...rounds[i].map(r => r.ms))).toFixed(
        0,
      )}/s), p95 ${percentile(middle.perEntity, 95).toFixed(
        3,
      )} ms per entity; ${middle.passing} ${contender.what}`,
    );
  }
  const ratio = (i: number) => {
    const perRound = rounds[0].map((vigil, r) => rounds[i][r].ms / vigil.ms);
    return `${median(perRound).toFixed(1)}× (rounds ${Math.min(
      ...perRound,
    ).toFixed(1)}–${Math.max(...perRound).toFixed(1)}×)`;
  };
  console.log(
    `bench: ratio vigil / json-rules-engine (precomputed facts): ${ratio(
      1,
    )} (target ≥ 10×)`,
  );
  console.log(
    `bench: ratio vigil / json-rules-engine (facts gathered in the loop): ${ratio(
      2,
    )}`,
  );
  console.log(
    `bench: ratio vigil / json-rules-engine as Tech Insights drives it: ${ratio(
      3,
    )} (target ≥ 10×)`,
  );
  console.log(
    `bench: RSS ${(process.memoryUsage().rss / 1048576).toFixed(
      0,
    )} MB (before ${(rssBefore / 1048576).toFixed(0)} MB)`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
