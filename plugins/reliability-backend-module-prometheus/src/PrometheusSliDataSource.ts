import { LoggerService } from '@backstage/backend-plugin-api';
import {
  SliCountsResult,
  SliCountsRequest,
  SliDataSource,
} from '@vigil/plugin-reliability-node';
import { Limiter } from './client/limiter';
import {
  PromFailure,
  PrometheusHttpClient,
} from './client/PrometheusHttpClient';
import { toSliCounts } from './counts/countSeries';
import { countSeriesFrom, ReadStats } from './counts/fromAnswers';
import { LastGoodAnswers } from './counts/lastGood';
import { formatPromDuration } from './query/duration';
import { QueryPlan, planQueries } from './query/plan';
import { combineSeries, renderWindow } from './query/promql';
import { SliQueries, sliQueriesOf } from './query/sliQueries';
import { PrometheusSourceSettings } from './settings';
import { SourceHealth } from './sourceHealth';

/**
 * The answer of this source: the extension point's `SliCountsResult`, which
 * carries the last good counts and their time on a `stale` answer.
 *
 * @public
 */
export type PrometheusCountsResult = SliCountsResult;

function expressionOf(queries: SliQueries): string {
  return queries.kind === 'counts'
    ? combineSeries({
        [queries.numerator]: queries.numeratorQuery.query,
        total: queries.totalQuery.query,
      })
    : combineSeries({ ratio: queries.query });
}

function shorten(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/**
 * A Prometheus SLI data source: reads good/total counts of an SLO's
 * indicator as buckets, with one `query_range` (all series of the SLO in
 * one expression) and, when the read ends between two bucket boundaries,
 * one instant query for the last partial bucket. Never throws: failures
 * are `no-data` (the request cannot succeed as written) or `stale` (the
 * source is failing; the last good counts come along).
 *
 * @public
 */
export class PrometheusSliDataSource implements SliDataSource {
  readonly type = 'prometheus';
  private readonly client: PrometheusHttpClient;
  private readonly limiter: Limiter;
  private readonly lastGood = new LastGoodAnswers();
  private readonly health: SourceHealth;
  private readonly now: () => Date;

  constructor(
    readonly settings: PrometheusSourceSettings,
    options: { logger?: LoggerService; clock?: () => Date } = {},
  ) {
    this.client = new PrometheusHttpClient(settings);
    this.limiter = new Limiter(settings.concurrency);
    this.health = new SourceHealth(settings.id, options.logger);
    this.now = options.clock ?? (() => new Date());
  }

  get id(): string {
    return this.settings.id;
  }

  async readCounts(request: SliCountsRequest): Promise<PrometheusCountsResult> {
    try {
      return await this.read(request);
    } catch (error) {
      // A bug of ours must not take the backend's refresh down with it.
      return this.failed(request.sloRef, undefined, {
        kind: 'malformed',
        message: `could not be read: ${String(error)}`,
      });
    }
  }

  private async read(
    request: SliCountsRequest,
  ): Promise<PrometheusCountsResult> {
    const { sloRef } = request;
    const queries = sliQueriesOf(request.indicator, this.id);
    if ('problem' in queries) {
      return this.noData(sloRef, queries.problem);
    }
    const plan = planQueries(request.ranges, this.settings);
    if ('problem' in plan) {
      return this.noData(sloRef, plan.problem);
    }
    if (!plan.range && !plan.tail) {
      return { status: 'ok', counts: [] };
    }
    const fingerprint = JSON.stringify(queries);
    const expression = expressionOf(queries);
    const [range, tail] = await Promise.all([
      plan.range ? this.queryRange(expression, plan) : undefined,
      plan.tail ? this.queryTail(expression, plan) : undefined,
    ]);
    const failure =
      (range && !range.ok && range.failure) ||
      (tail && !tail.ok && tail.failure);
    if (failure) {
      return this.failed(sloRef, fingerprint, failure);
    }
    this.health.answered();
    const { series, stats } = countSeriesFrom(
      plan,
      queries,
      range?.ok ? range.result : undefined,
      tail?.ok ? tail.result : undefined,
    );
    if (stats.buckets === 0) {
      return this.noData(sloRef, this.emptyReason(stats, plan, expression));
    }
    this.lastGood.set(sloRef, {
      fingerprint,
      series,
      requested: plan.requested,
      at: this.now(),
    });
    this.health.ok(sloRef);
    return { status: 'ok', counts: toSliCounts(series, plan.requested) };
  }

  private queryRange(expression: string, plan: QueryPlan) {
    const { start, end } = plan.range!;
    const step = plan.stepSeconds;
    const query = renderWindow(expression, formatPromDuration(step));
    return this.limiter.run(() =>
      this.client.queryRange(query, { start, end, step }),
    );
  }

  private queryTail(expression: string, plan: QueryPlan) {
    const { start, end } = plan.tail!;
    const query = renderWindow(expression, formatPromDuration(end - start));
    return this.limiter.run(() => this.client.query(query, end));
  }

  private emptyReason(stats: ReadStats, plan: QueryPlan, expression: string) {
    const from = new Date(
      Math.min(...plan.requested.map(r => r.start)) * 1000,
    ).toISOString();
    const to = new Date(
      Math.max(...plan.requested.map(r => r.end)) * 1000,
    ).toISOString();
    if (stats.series === 0) {
      return `the queries returned no series (empty vector) from ${from} to ${to}: check the metric names and labels of ${shorten(
        expression,
      )}`;
    }
    if (stats.invalid > 0) {
      return `every value from ${from} to ${to} was NaN, ±Inf, negative or a ratio outside [0, 1] (${stats.invalid} bucket(s) left out)`;
    }
    return `the total query returned no series from ${from} to ${to}`;
  }

  private noData(sloRef: string, why: string): PrometheusCountsResult {
    const reason = `Prometheus source '${this.id}': ${why}`;
    this.health.rejectedFor(sloRef, reason);
    return { status: 'no-data', reason };
  }

  private failed(
    sloRef: string,
    fingerprint: string | undefined,
    failure: PromFailure,
  ): PrometheusCountsResult {
    const reason = `Prometheus source '${this.id}' ${failure.message}`;
    if (failure.kind === 'rejected') {
      this.health.answered();
      return this.noData(sloRef, failure.message);
    }
    this.health.unavailable(reason);
    const last =
      fingerprint === undefined
        ? undefined
        : this.lastGood.get(sloRef, fingerprint);
    if (!last) {
      return {
        status: 'stale',
        reason: `${reason}; no earlier answer to show`,
      };
    }
    const asOf = last.at.toISOString();
    return {
      status: 'stale',
      reason: `${reason}; showing the last good counts, read at ${asOf}`,
      counts: toSliCounts(last.series, last.requested),
      asOf,
    };
  }
}
