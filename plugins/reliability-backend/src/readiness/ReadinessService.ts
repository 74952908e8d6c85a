import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ERROR_BUDGET_FACT,
  ErrorBudgetFact,
  evaluateReadinessAsync,
  RELATION_HAS_SLO,
  ReadinessCustomCheck,
  ReadinessResult,
  ReliabilityPolicy,
} from '@vigil/plugin-reliability-common';
import { SloStatusStore } from '../database/SloStatusStore';
import { ExemptionService } from '../exemptions/ExemptionService';
import { yieldToEventLoop } from '../service/yieldToEventLoop';

/**
 * Entities evaluated at once (their custom checks run concurrently) before
 * requests get a turn: about 1 ms of the evaluator's own work on the
 * readiness bench (10 µs an entity), more with custom checks.
 */
const EVALUATIONS_PER_TURN = 100;

/** Refs per catalog read of related entities. */
const REFS_PER_READ = 1000;

const targetsOf = (entity: Entity, type: string) =>
  (entity.relations ?? []).filter(r => r.type === type).map(r => r.targetRef);

/**
 * Gathers what the readiness evaluator needs about one entity — its owner,
 * dependencies, dependents, SLOs and their error budgets — with the
 * caller's credentials, and runs the evaluator of the common package.
 */
export class ReadinessService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      policy: ReliabilityPolicy;
      statuses: SloStatusStore;
      exemptions: ExemptionService;
      customChecks: () => ReadinessCustomCheck[];
    },
  ) {}

  private async entities(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const found: Entity[] = [];
    for (let i = 0; i < refs.length; i += REFS_PER_READ) {
      const { items } = await this.options.catalog.getEntitiesByRefs(
        { entityRefs: refs.slice(i, i + REFS_PER_READ) },
        { credentials },
      );
      found.push(...items.filter((e): e is Entity => Boolean(e)));
    }
    return found;
  }

  /**
   * The owner's full ref, `spec.owner` resolved against group/namespace;
   * undefined without an owner, null when it is not a ref at all.
   */
  private ownerRef(entity: Entity): string | null | undefined {
    const owner = entity.spec?.owner;
    if (typeof owner !== 'string') return undefined;
    try {
      return stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      );
    } catch {
      return null;
    }
  }

  /** Evaluates one entity, reading what it relates to with the caller's credentials. */
  async evaluate(
    entity: Entity,
    credentials: BackstageCredentials,
    now: Date,
  ): Promise<ReadinessResult> {
    const [result] = await this.evaluateMany([entity], credentials, now);
    if (result instanceof Error) throw result;
    return result;
  }

  /**
   * Evaluates many entities with one catalog read for everything they
   * relate to (owners, dependencies, dependents, SLOs), one read of the
   * SLO statuses and one of the exemptions: the scheduled refresh's path.
   * An entity whose evaluation throws gets its Error in its place; the
   * others go on.
   */
  async evaluateMany(
    entities: Entity[],
    credentials: BackstageCredentials,
    now: Date,
  ): Promise<Array<ReadinessResult | Error>> {
    const related = entities.map(entity => ({
      owner: this.ownerRef(entity),
      dependencies: targetsOf(entity, 'dependsOn'),
      dependents: targetsOf(entity, 'dependencyOf'),
      slos: targetsOf(entity, RELATION_HAS_SLO),
    }));
    const allRefs = new Set<string>();
    const sloRefs = new Set<string>();
    for (const r of related) {
      if (r.owner) allRefs.add(r.owner);
      for (const ref of [...r.dependencies, ...r.dependents, ...r.slos]) {
        allRefs.add(ref);
      }
      for (const ref of r.slos) sloRefs.add(ref);
    }
    const entityRefs = entities.map(stringifyEntityRef);
    const [found, statuses, exemptions] = await Promise.all([
      this.entities([...allRefs], credentials),
      this.options.statuses.getStatuses([...sloRefs]),
      this.options.exemptions.forEvaluation(entityRefs),
    ]);
    // Only entities the caller may read come back, so only their budgets count.
    const byRef = new Map(found.map(e => [stringifyEntityRef(e), e]));
    const budgets = new Map<string, ErrorBudgetFact>();
    for (const status of statuses) {
      const remaining = (
        status.result as { errorBudget?: { remaining?: number } }
      ).errorBudget?.remaining;
      budgets.set(status.sloRef, { state: status.state, remaining });
    }
    const resolve = (refs: string[]) =>
      refs.map(ref => byRef.get(ref)).filter((e): e is Entity => Boolean(e));
    const evaluateOne = async (entity: Entity, i: number) => {
      try {
        const r = related[i];
        const slos = resolve(r.slos);
        const facts: Record<string, ErrorBudgetFact> = {};
        for (const slo of slos) {
          const ref = stringifyEntityRef(slo);
          const budget = budgets.get(ref);
          if (budget) facts[ref] = budget;
        }
        return await evaluateReadinessAsync({
          entity,
          related: {
            owner: r.owner
              ? byRef.get(r.owner) ?? null
              : (r.owner as null | undefined),
            dependencies: resolve(r.dependencies),
            dependents: resolve(r.dependents),
            slos,
          },
          facts: { [ERROR_BUDGET_FACT]: facts },
          policy: this.options.policy,
          now,
          exemptions: exemptions.get(entityRefs[i]),
          customChecks: this.options.customChecks(),
        });
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    };
    // A turn at a time, with requests answered in between.
    const results: Array<ReadinessResult | Error> = [];
    for (let i = 0; i < entities.length; i += EVALUATIONS_PER_TURN) {
      if (i > 0) await yieldToEventLoop();
      const turn = entities.slice(i, i + EVALUATIONS_PER_TURN);
      results.push(
        ...(await Promise.all(
          turn.map((entity, j) => evaluateOne(entity, i + j)),
        )),
      );
    }
    return results;
  }
}
