import { MatrixSeries, VectorSample } from '../client/PrometheusHttpClient';
import { SERIES_LABEL } from '../query/promql';
import { QueryPlan } from '../query/plan';
import { SliQueries } from '../query/sliQueries';
import { bucketCounts } from './bucketValues';
import { CountSeries } from './countSeries';

/** What one read found, to explain a no-data answer. */
export interface ReadStats {
  /** Series in the answers (0: the queries matched nothing). */
  series: number;
  /** Buckets with counts. */
  buckets: number;
  /** Buckets left out for NaN, ±Inf, negative or out-of-range values. */
  invalid: number;
}

const seriesName = (metric: Record<string, string>) =>
  metric[SERIES_LABEL] ?? '';

/**
 * The buckets of one read: one per evaluation time of the `query_range`
 * (`(t − step, t]`, `{{window}}` = step) and the partial bucket of the
 * instant query.
 */
export function countSeriesFrom(
  plan: QueryPlan,
  queries: SliQueries,
  matrix: MatrixSeries[] | undefined,
  tail: VectorSample[] | undefined,
): { series: CountSeries; stats: ReadStats } {
  const step = plan.stepSeconds;
  const points = plan.range?.points ?? 0;
  const first = plan.range?.start ?? 0;
  const series: CountSeries = {
    start: first - step,
    stepSeconds: step,
    good: new Float64Array(points),
    total: new Float64Array(points).fill(NaN),
  };
  const stats: ReadStats = {
    series: (matrix?.length ?? 0) + (tail?.length ?? 0),
    buckets: 0,
    invalid: 0,
  };

  // Values by series name, then by point (no object per point: a read has
  // thousands of them).
  const byName = new Map<string, Array<string | undefined>>();
  for (const one of matrix ?? []) {
    const values: Array<string | undefined> = new Array(points);
    byName.set(seriesName(one.metric), values);
    for (const [time, value] of one.values) {
      const index = (Math.round(time) - first) / step;
      if (Number.isInteger(index) && index >= 0 && index < points) {
        values[index] = value;
      }
    }
  }
  let point = 0;
  const valueAt = (name: string) => byName.get(name)?.[point];
  for (; point < points; point++) {
    const counts = bucketCounts(valueAt, step, queries);
    if (counts === 'invalid') {
      stats.invalid++;
    } else if (counts !== 'missing') {
      series.good[point] = counts.good;
      series.total[point] = counts.total;
      stats.buckets++;
    }
  }

  if (plan.tail && tail) {
    const values = new Map(
      tail.map(sample => [seriesName(sample.metric), sample.value[1]]),
    );
    const seconds = plan.tail.end - plan.tail.start;
    const counts = bucketCounts(name => values.get(name), seconds, queries);
    if (counts === 'invalid') {
      stats.invalid++;
    } else if (counts !== 'missing') {
      series.tail = { ...plan.tail, ...counts };
      stats.buckets++;
    }
  }
  return { series, stats };
}
