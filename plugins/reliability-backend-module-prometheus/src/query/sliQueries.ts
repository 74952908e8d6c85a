import {
  hasWindowPlaceholder,
  isLabelName,
  isMetricName,
  selector,
} from './promql';

/**
 * How a query's value turns into events over its window: `rate` (per
 * second, multiplied by the window's seconds) or `increase` (already events).
 */
export type ValueType = 'rate' | 'increase';

/** One query template with `{{window}}`. */
export interface CountQuery {
  query: string;
  valueType: ValueType;
}

/**
 * What to ask Prometheus for one SLO, whatever the mode.
 *
 * - `counts`: event counts of the numerator (good or bad) and the total.
 * - `ratio`: a precomputed ratio (Sloth, Pyrra burn rates, or a ratio
 *   query); each bucket counts its seconds, weighted by the ratio
 *   (time-weighted, as Sloth computes its own period figures).
 */
export type SliQueries =
  | {
      kind: 'counts';
      mode: 'raw' | 'pyrra';
      numerator: 'good' | 'bad';
      numeratorQuery: CountQuery;
      totalQuery: CountQuery;
    }
  | {
      kind: 'ratio';
      mode: 'raw' | 'sloth' | 'pyrra';
      /** What the ratio measures: good events (success) or bad (failure). */
      ratioOf: 'good' | 'bad';
      query: string;
    };

type Obj = Record<string, unknown>;

const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const EXAMPLE =
  "ratioMetric: { counter: true, good: { metricSource: { metricSourceRef: prometheus-main, spec: { query: 'sum(rate(http_requests_total{code!~\"5..\"}[{{window}}]))' } } }, total: { metricSource: { metricSourceRef: prometheus-main, spec: { query: 'sum(rate(http_requests_total[{{window}}]))' } } } }";

class Problem extends Error {}

/** The ratioMetric of an indicator, a SliSpec, or an SLI document's spec. */
function ratioMetricOf(indicator: Obj): Obj {
  const spec = isObj(indicator.spec) ? indicator.spec : indicator;
  if (isObj(spec.ratioMetric)) {
    return spec.ratioMetric;
  }
  if (['good', 'bad', 'total', 'raw'].some(key => key in spec)) {
    return spec;
  }
  if (isObj(spec.thresholdMetric)) {
    throw new Problem(
      'the Prometheus source reads ratio indicators only: write a latency SLO as a ratioMetric (requests under the threshold, e.g. a histogram bucket le="0.3", over all requests)',
    );
  }
  throw new Problem(`the indicator has no ratioMetric; write e.g. ${EXAMPLE}`);
}

function metricSpec(ratio: Obj, part: string, sourceId: string): Obj {
  const holder = ratio[part];
  const source = isObj(holder) ? holder.metricSource : undefined;
  if (!isObj(source)) {
    throw new Problem(`ratioMetric.${part} has no metricSource`);
  }
  const ref = source.metricSourceRef;
  if (ref !== undefined && ref !== sourceId) {
    throw new Problem(
      `ratioMetric.${part} reads metricSourceRef '${String(
        ref,
      )}', not this source '${sourceId}': good/bad and total must come from the same Prometheus`,
    );
  }
  if (!isObj(source.spec)) {
    throw new Problem(`ratioMetric.${part}.metricSource has no spec`);
  }
  return source.spec;
}

function text(spec: Obj, key: string, field: string): string {
  const value = spec[key];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Problem(`${field}.${key} must be a non-empty string`);
  }
  return value.trim();
}

function template(spec: Obj, field: string): string {
  const query = text(spec, 'query', field);
  if (!hasWindowPlaceholder(query)) {
    throw new Problem(
      `${field}.query must use {{window}} as its range, e.g. sum(rate(http_requests_total[{{window}}])): Vigil sets it to each bucket's length`,
    );
  }
  return query;
}

function valueTypeOf(spec: Obj, query: string, field: string): ValueType {
  const declared = spec.valueType;
  if (declared === 'rate' || declared === 'increase') {
    return declared;
  }
  if (declared !== undefined) {
    throw new Problem(
      `${field}.valueType must be rate or increase, got ${JSON.stringify(
        declared,
      )}`,
    );
  }
  const usesIncrease = /\bincrease\s*\(/.test(query);
  const usesRate = /\b(?:i?rate)\s*\(/.test(query);
  return usesIncrease && !usesRate ? 'increase' : 'rate';
}

/** Extra equality matchers `labels: { name: value }` of a recording-rule mode. */
function extraLabels(spec: Obj, field: string): Record<string, string> {
  const labels = spec.labels ?? {};
  if (!isObj(labels)) {
    throw new Problem(`${field}.labels must be a mapping of label values`);
  }
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(labels)) {
    if (!isLabelName(name) || typeof value !== 'string') {
      throw new Problem(
        `${field}.labels.${name} must be a label name with a string value`,
      );
    }
    result[name] = value;
  }
  return result;
}

function ruleWindow(spec: Obj, field: string): string {
  const window = spec.window ?? '5m';
  if (typeof window !== 'string' || !/^(\d+(ms|[smhdwy]))+$/.test(window)) {
    throw new Problem(
      `${field}.window must be the window of the recording rule to read, e.g. 5m`,
    );
  }
  return window;
}

function slothQueries(spec: Obj, field: string): SliQueries {
  const id = text(spec, 'id', field);
  const rule = `slo:sli_error:ratio_rate${ruleWindow(spec, field)}`;
  const series = selector(rule, { sloth_id: id, ...extraLabels(spec, field) });
  return {
    kind: 'ratio',
    mode: 'sloth',
    ratioOf: 'bad',
    query: `avg(avg_over_time(${series}[{{window}}]))`,
  };
}

function pyrraQueries(spec: Obj, field: string): SliQueries {
  const slo = text(spec, 'slo', field);
  const labels = { slo, ...extraLabels(spec, field) };
  if (spec.metric === undefined) {
    // Pyrra's generic rules: request and error rates over 5m, per SLO.
    const rate = (rule: string) =>
      `sum(avg_over_time(${selector(rule, labels)}[{{window}}]))`;
    return {
      kind: 'counts',
      mode: 'pyrra',
      numerator: 'bad',
      numeratorQuery: { query: rate('pyrra_errors:rate5m'), valueType: 'rate' },
      totalQuery: { query: rate('pyrra_requests:rate5m'), valueType: 'rate' },
    };
  }
  const metric = text(spec, 'metric', field);
  if (!isMetricName(metric)) {
    throw new Problem(
      `${field}.metric must be the total metric of the Pyrra SLO, e.g. http_requests_total`,
    );
  }
  const base = metric.replace(/_total$/, '').replace(/_count$/, '');
  const rule = `${base}:burnrate${ruleWindow(spec, field)}`;
  return {
    kind: 'ratio',
    mode: 'pyrra',
    ratioOf: 'bad',
    query: `avg(avg_over_time(${selector(rule, labels)}[{{window}}]))`,
  };
}

function rawRatioQueries(ratio: Obj, sourceId: string): SliQueries {
  const field = 'ratioMetric.raw.metricSource.spec';
  const spec = metricSpec(ratio, 'raw', sourceId);
  const rawType = ratio.rawType;
  if (rawType !== 'success' && rawType !== 'failure') {
    throw new Problem(
      'ratioMetric.rawType must be success or failure with ratioMetric.raw',
    );
  }
  const mode = spec.mode ?? 'raw';
  if ((mode === 'sloth' || mode === 'pyrra') && rawType !== 'failure') {
    throw new Problem(
      `${mode} records error ratios: write rawType: failure with mode ${mode}`,
    );
  }
  if (mode === 'sloth') return slothQueries(spec, field);
  if (mode === 'pyrra') return pyrraQueries(spec, field);
  if (mode !== 'raw') {
    throw new Problem(
      `${field}.mode must be raw, sloth or pyrra, got ${JSON.stringify(mode)}`,
    );
  }
  return {
    kind: 'ratio',
    mode: 'raw',
    ratioOf: rawType === 'success' ? 'good' : 'bad',
    query: template(spec, field),
  };
}

function countQueries(ratio: Obj, sourceId: string): SliQueries {
  const numerator = ratio.good !== undefined ? 'good' : 'bad';
  if (ratio[numerator] === undefined || ratio.total === undefined) {
    throw new Problem(
      `ratioMetric needs good (or bad) and total, or raw with rawType; write e.g. ${EXAMPLE}`,
    );
  }
  const queries = (['numerator', 'total'] as const).map(role => {
    const part = role === 'numerator' ? numerator : 'total';
    const field = `ratioMetric.${part}.metricSource.spec`;
    const spec = metricSpec(ratio, part, sourceId);
    if (spec.mode !== undefined && spec.mode !== 'raw') {
      throw new Problem(
        `${field}.mode ${JSON.stringify(
          spec.mode,
        )} goes in the precomputed form: ratioMetric: { rawType: failure, raw: { metricSource: { spec: { mode: ${String(
          spec.mode,
        )}, … } } } }`,
      );
    }
    const query = template(spec, field);
    return { query, valueType: valueTypeOf(spec, query, field) };
  });
  return {
    kind: 'counts',
    mode: 'raw',
    numerator,
    numeratorQuery: queries[0],
    totalQuery: queries[1],
  };
}

/**
 * The queries of an indicator (an OpenSLO SliSpec, or its ratioMetric), or
 * the reason it cannot be read from this source.
 */
export function sliQueriesOf(
  indicator: Record<string, unknown>,
  sourceId: string,
): SliQueries | { problem: string } {
  try {
    const ratio = ratioMetricOf(indicator);
    return ratio.raw !== undefined
      ? rawRatioQueries(ratio, sourceId)
      : countQueries(ratio, sourceId);
  } catch (error) {
    if (error instanceof Problem) {
      return { problem: error.message };
    }
    throw error;
  }
}
