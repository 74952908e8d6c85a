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
    if (refs.length === 0) return [];
    const { items } = await this.options.catalog.getEntitiesByRefs(
      { entityRefs: refs },
      { credentials },
    );
    return items.filter((e): e is Entity => Boolean(e));
  }

  private async owner(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<Entity | null | undefined> {
    const owner = entity.spec?.owner;
    if (typeof owner !== 'string') return undefined;
    const ref = stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
    return (
      (await this.options.catalog.getEntityByRef(ref, { credentials })) ?? null
    );
  }

  async evaluate(
    entity: Entity,
    credentials: BackstageCredentials,
    now: Date,
  ): Promise<ReadinessResult> {
    const sloRefs = targetsOf(entity, RELATION_HAS_SLO);
    const [owner, dependencies, dependents, slos, statuses, exemptions] =
      await Promise.all([
        this.owner(entity, credentials),
        this.entities(targetsOf(entity, 'dependsOn'), credentials),
        this.entities(targetsOf(entity, 'dependencyOf'), credentials),
        this.entities(sloRefs, credentials),
        this.options.statuses.getStatuses(sloRefs),
        this.options.exemptions.forEvaluation(stringifyEntityRef(entity)),
      ]);
    // Only SLOs the caller may read count, and only their budgets.
    const readable = new Set(slos.map(s => stringifyEntityRef(s)));
    const budgets: Record<string, ErrorBudgetFact> = {};
    for (const status of statuses) {
      if (!readable.has(status.sloRef)) continue;
      const remaining = (
        status.result as { errorBudget?: { remaining?: number } }
      ).errorBudget?.remaining;
      budgets[status.sloRef] = { state: status.state, remaining };
    }
    return evaluateReadinessAsync({
      entity,
      related: { owner, dependencies, dependents, slos },
      facts: { [ERROR_BUDGET_FACT]: budgets },
      policy: this.options.policy,
      now,
      exemptions,
      customChecks: this.options.customChecks(),
    });
  }
}
