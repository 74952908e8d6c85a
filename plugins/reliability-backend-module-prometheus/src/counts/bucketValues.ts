import { SliQueries } from '../query/sliQueries';

/** A sample value as Prometheus writes it: `"12.5"`, `"NaN"`, `"+Inf"`. */
export function parseSampleValue(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return text.trim() === '' ? NaN : Number(text);
}

/**
 * Good and total events of one bucket from the values of its series
 * (`good`/`bad`/`total` or `ratio`, as text), or why there are none:
 * `missing` (no total or ratio at that time) or `invalid` (NaN, ±Inf,
 * negative, or a ratio outside [0, 1]): such a bucket is left out, never
 * passed on.
 */
export function bucketCounts(
  valueOf: (name: string) => string | undefined,
  windowSeconds: number,
  queries: SliQueries,
): { good: number; total: number } | 'missing' | 'invalid' {
  if (queries.kind === 'ratio') {
    const text = valueOf('ratio');
    if (text === undefined) return 'missing';
    let ratio = parseSampleValue(text);
    if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1 + 1e-9) {
      return 'invalid';
    }
    ratio = Math.min(ratio, 1);
    const goodShare = queries.ratioOf === 'good' ? ratio : 1 - ratio;
    return { good: windowSeconds * goodShare, total: windowSeconds };
  }
  const events = (name: string, valueType: 'rate' | 'increase') => {
    const text = valueOf(name);
    if (text === undefined) return undefined;
    const value = parseSampleValue(text);
    if (!Number.isFinite(value) || value < 0) return NaN;
    return valueType === 'rate' ? value * windowSeconds : value;
  };
  const total = events('total', queries.totalQuery.valueType);
  if (total === undefined) return 'missing';
  // A numerator without series counts no events: PromQL has no series
  // for a counter that never moved (e.g. no 5xx yet).
  const numerator =
    events(queries.numerator, queries.numeratorQuery.valueType) ?? 0;
  if (Number.isNaN(total) || Number.isNaN(numerator)) return 'invalid';
  const good =
    queries.numerator === 'good' ? numerator : Math.max(0, total - numerator);
  return { good, total };
}
