import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  evaluateErrorBudget,
  parseOpenSloDocument,
  ServiceLevelIndicator,
  SliBucket,
  toBudgetSlo,
  windowBounds,
} from '@vigil/plugin-reliability-common';
import { SliCountsResult, SliDataSource } from '@vigil/plugin-reliability-node';
import { SliBucketStore } from '../database/SliBucketStore';
import {
  SloSourceStatus,
  SloStatusStore,
  StoredSloStatus,
} from '../database/SloStatusStore';

/** The name SLO documents use for the push store. */
export const BUILTIN_SOURCE = 'builtin';

/** The data source an indicator reads, `builtin` when it names none. */
export function sourceOf(indicator: ServiceLevelIndicator): string {
  const { ratioMetric, thresholdMetric } = indicator.spec;
  const source =
    ratioMetric?.total?.metricSource ??
    ratioMetric?.good?.metricSource ??
    ratioMetric?.bad?.metricSource ??
    ratioMetric?.raw?.metricSource ??
    thresholdMetric?.metricSource;
  return source?.metricSourceRef ?? BUILTIN_SOURCE;
}

/**
 * Evaluates the error budget of one SLO entity: resolves its indicator,
 * reads the counts from its source and applies the budget maths of the
 * common package. A failing source never erases the last good figures: the
 * previous result is kept and marked stale.
 */
export class SloEvaluator {
  constructor(
    private readonly options: {
      buckets: SliBucketStore;
      dataSources: (id: string) => SliDataSource | undefined;
      /** Finds an SLI entity for `indicatorRef`. */
      findSli: (sliRef: string) => Promise<Entity | undefined>;
      statuses: SloStatusStore;
      logger: LoggerService;
    },
  ) {}

  async evaluate(entity: Entity, now: Date): Promise<StoredSloStatus> {
    const sloRef = stringifyEntityRef(entity);
    const parsed = parseOpenSloDocument(entity);
    if (!parsed.slo) {
      return this.noData(
        sloRef,
        undefined,
        now,
        `invalid SLO: ${parsed.errors[0]?.message}`,
      );
    }
    const slo = parsed.slo;
    const namespace = entity.metadata.namespace ?? 'default';
    const serviceRef = stringifyEntityRef(
      parseEntityRef(slo.service, {
        defaultKind: 'component',
        defaultNamespace: namespace,
      }),
    );
    const indicator = await this.indicatorOf(
      slo.indicator,
      slo.indicatorRef,
      namespace,
    );
    if (typeof indicator === 'string') {
      return this.noData(sloRef, serviceRef, now, indicator);
    }

    const window = windowBounds(slo.timeWindow, now);
    const sourceId = sourceOf(indicator);
    let buckets: SliBucket[];
    let source: SloSourceStatus = { status: 'ok' };
    if (sourceId === BUILTIN_SOURCE) {
      buckets = await this.options.buckets.listBuckets(
        sloRef,
        window.start,
        now,
      );
    } else {
      const dataSource = this.options.dataSources(sourceId);
      if (!dataSource) {
        return this.noData(
          sloRef,
          serviceRef,
          now,
          `no data source named '${sourceId}' in reliability.dataSources`,
        );
      }
      const answer = await dataSource
        .readCounts({
          sloRef,
          indicator: indicator.spec as Record<string, unknown>,
          ranges: [
            { start: window.start.toISOString(), end: now.toISOString() },
          ],
        })
        .catch(
          (error): SliCountsResult => ({
            status: 'stale',
            reason: String(error),
          }),
        );
      if (answer.status === 'stale') {
        const previous = await this.options.statuses.getStatus(sloRef);
        if (previous) {
          // Keep the last good figures; say they are stale and why.
          return {
            ...previous,
            source: { status: 'stale', reason: answer.reason },
          };
        }
        if (!answer.counts) {
          return this.noData(sloRef, serviceRef, now, answer.reason, 'stale');
        }
        // No stored status yet, but the source kept its last good counts.
        buckets = answer.counts;
        source = { status: 'stale', reason: answer.reason };
      } else {
        buckets = answer.status === 'ok' ? answer.counts : [];
        if (answer.status === 'no-data') {
          source = { status: 'no-data', reason: answer.reason };
        }
      }
    }

    const result = evaluateErrorBudget({ slo: toBudgetSlo(slo), buckets, now });
    return {
      sloRef,
      serviceRef,
      state: result.state,
      source,
      result: JSON.parse(JSON.stringify(result)),
      evaluatedAt: now,
    };
  }

  private async indicatorOf(
    inline: ServiceLevelIndicator | undefined,
    indicatorRef: string | undefined,
    namespace: string,
  ): Promise<ServiceLevelIndicator | string> {
    if (inline) return inline;
    if (!indicatorRef) return 'the SLO names no indicator';
    const sliRef = `sli:${namespace}/${indicatorRef}`;
    const sliEntity = await this.options.findSli(sliRef);
    if (!sliEntity) return `indicatorRef ${sliRef} is not in the catalog`;
    const { sli, errors } = parseOpenSloDocument(sliEntity);
    return sli ?? `invalid SLI ${sliRef}: ${errors[0]?.message}`;
  }

  private noData(
    sloRef: string,
    serviceRef: string | undefined,
    now: Date,
    reason: string,
    status: SloSourceStatus['status'] = 'no-data',
  ): StoredSloStatus {
    return {
      sloRef,
      serviceRef,
      state: 'no-data',
      source: { status, reason },
      result: { state: 'no-data', notes: [reason] },
      evaluatedAt: now,
    };
  }
}
