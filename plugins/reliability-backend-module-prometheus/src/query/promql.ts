/** `{{window}}`, with or without spaces inside the braces. */
const WINDOW_PLACEHOLDER = /\{\{\s*window\s*\}\}/g;

/** Does the template hold `{{window}}`? */
export function hasWindowPlaceholder(template: string): boolean {
  return new RegExp(WINDOW_PLACEHOLDER.source).test(template);
}

/** The template with every `{{window}}` replaced by `window` (e.g. `5m`). */
export function renderWindow(template: string, window: string): string {
  return template.replace(WINDOW_PLACEHOLDER, window);
}

/** A PromQL string literal: JSON's escapes are valid PromQL (Go) escapes. */
export function promString(value: string): string {
  return JSON.stringify(value);
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

export function isLabelName(name: string): boolean {
  return LABEL_NAME.test(name);
}

export function isMetricName(name: string): boolean {
  return METRIC_NAME.test(name);
}

/** `name{a="x",b="y"}` with every value escaped. */
export function selector(
  metric: string,
  labels: Record<string, string>,
): string {
  const matchers = Object.entries(labels).map(
    ([name, value]) => `${name}=${promString(value)}`,
  );
  return `${metric}{${matchers.join(',')}}`;
}

/** The label that tells the series of one combined query apart. */
export const SERIES_LABEL = 'vigil_series';

/**
 * One expression that answers several queries at once: each is summed to a
 * single series and tagged with `vigil_series="<name>"`; `or` keeps them
 * all because their label sets differ. A query without series simply adds
 * nothing (a missing numerator then counts as zero events).
 */
export function combineSeries(queries: Record<string, string>): string {
  return Object.entries(queries)
    .map(
      ([name, query]) =>
        `label_replace(sum(${query}), ${promString(SERIES_LABEL)}, ${promString(
          name,
        )}, "", "")`,
    )
    .join(' or ');
}
