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

/** Rounds of each contender after a full warm-up round; the median counts. */
const ROUNDS = 5;

interface Round {
  ms: number;
  perEntity: number[];
  passing: number;
}

/**
 * Runs `evaluate` over every item once to warm the JIT, then ROUNDS more
 * times, and returns the median round: steady-state speed for both sides.
 */
async function measure<T>(
  items: T[],
  evaluate: (item: T) => number | Promise<number>,
): Promise<Round> {
  const rounds: Round[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const perEntity: number[] = [];
    let passing = 0;
    const start = performance.now();
    for (const item of items) {
      const t = performance.now();
      passing += await evaluate(item);
      perEntity.push(performance.now() - t);
    }
    if (round > 0)
      rounds.push({ ms: performance.now() - start, perEntity, passing });
  }
  rounds.sort((a, b) => a.ms - b.ms);
  return rounds[Math.floor(rounds.length / 2)];
}

const rate = (round: Round) => count / (round.ms / 1000);

function report(name: string, round: Round, what: string) {
  console.log(
    `bench: ${name}: ${rate(round).toFixed(0)} entities/s (${round.ms.toFixed(
      0,
    )} ms), p95 ${percentile(round.perEntity, 95).toFixed(3)} ms per entity; ${
      round.passing
    } ${what}`,
  );
}

async function main() {
  console.log(
    `bench: ${count} synthetic components, 50 teams, ${catalog.slosByService.size} with SLOs; 14 checks; median of ${ROUNDS} rounds after a warm-up round`,
  );
  const rssBefore = process.memoryUsage().rss;

  // Vigil: the full evaluator, parsing annotations and SLO documents itself.
  const inputs = catalog.components.map(inputOf);
  const vigil = await measure(
    inputs,
    input =>
      evaluateReadiness(input).checks.filter(c => c.state === 'pass').length,
  );

  // json-rules-engine: facts prepared beforehand (not timed), rules run per entity.
  const facts = catalog.components.map(factsOf);
  const engine = rulesEngine();
  const runRules = async (f: ReturnType<typeof factsOf>) =>
    (await engine.run(f)).events.length;
  const rules = await measure(facts, runRules);

  // The same engine, with the facts gathered from the entities in the loop,
  // as Vigil's evaluator does (it parses annotations and SLO documents).
  const gathered = await measure(catalog.components, c => runRules(factsOf(c)));

  // The engine as Tech Insights drives it, per entity (precomputed facts).
  const techInsights = await measure(facts, runAsTechInsights);

  report('vigil evaluator', vigil, 'passing checks');
  report('json-rules-engine', rules, 'passing rules');
  report(
    'json-rules-engine incl. gathering the facts from the entities',
    gathered,
    'passing rules',
  );
  report(
    'json-rules-engine driven as Tech Insights drives it',
    techInsights,
    'passing rules',
  );
  console.log(
    `bench: ratio vigil / json-rules-engine (precomputed facts): ${(
      rate(vigil) / rate(rules)
    ).toFixed(1)}× (target ≥ 10×)`,
  );
  console.log(
    `bench: ratio vigil / json-rules-engine (facts gathered in the loop): ${(
      rate(vigil) / rate(gathered)
    ).toFixed(1)}×`,
  );
  console.log(
    `bench: ratio vigil / json-rules-engine as Tech Insights drives it: ${(
      rate(vigil) / rate(techInsights)
    ).toFixed(1)}× (target ≥ 10×)`,
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
