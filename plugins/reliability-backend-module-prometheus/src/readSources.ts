import { Config } from '@backstage/config';
import { parsePromDuration } from './query/duration';
import { DEFAULT_SETTINGS, PrometheusSourceSettings } from './settings';

const PROMETHEUS_MAX_POINTS = 11_000;

function checkUrl(id: string, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new Error('not http(s)');
    }
  } catch {
    throw new Error(
      `reliability.dataSources.${id}.url must be an http(s) URL such as http://prometheus:9090, got ${JSON.stringify(
        url,
      )}`,
    );
  }
  if (parsed.username || parsed.password) {
    // Never echo this URL: it holds a password.
    throw new Error(
      `reliability.dataSources.${id}.url must not hold credentials; put them in reliability.dataSources.${id}.headers (e.g. Authorization: Basic …)`,
    );
  }
  return url.replace(/\/+$/, '');
}

function wholeNumber(
  entry: Config,
  id: string,
  key: string,
  fallback: number,
  [min, max]: [number, number],
): number {
  const value = entry.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(
      `reliability.dataSources.${id}.${key} must be a whole number from ${min} to ${max}, got ${value}`,
    );
  }
  return value;
}

function readOne(id: string, entry: Config): PrometheusSourceSettings {
  const url = checkUrl(id, entry.getString('url'));
  const timeoutMs =
    entry.getOptionalNumber('timeoutMs') ?? DEFAULT_SETTINGS.timeoutMs;
  if (!(timeoutMs > 0)) {
    throw new Error(
      `reliability.dataSources.${id}.timeoutMs must be a positive number of milliseconds, got ${timeoutMs}`,
    );
  }
  const minStepText = entry.getOptionalString('minStep');
  const minStepSeconds =
    minStepText === undefined
      ? DEFAULT_SETTINGS.minStepSeconds
      : parsePromDuration(minStepText);
  if (minStepSeconds === undefined) {
    throw new Error(
      `reliability.dataSources.${id}.minStep must be a Prometheus duration such as 1m or 5m, got ${JSON.stringify(
        minStepText,
      )}`,
    );
  }
  const maxPoints = wholeNumber(
    entry,
    id,
    'maxPoints',
    DEFAULT_SETTINGS.maxPoints,
    [2, PROMETHEUS_MAX_POINTS],
  );
  const concurrency = wholeNumber(
    entry,
    id,
    'concurrency',
    DEFAULT_SETTINGS.concurrency,
    [1, 256],
  );
  const headersConfig = entry.getOptionalConfig('headers');
  const headers: Record<string, string> = {};
  for (const name of headersConfig?.keys() ?? []) {
    headers[name] = headersConfig!.getString(name);
  }
  return {
    id,
    url,
    headers,
    timeoutMs,
    minStepSeconds,
    maxPoints,
    concurrency,
  };
}

/**
 * Reads every `reliability.dataSources` entry of type `prometheus`. A bad
 * entry stops start-up with a message naming its key: a source silently
 * missing would show as no-data far from the cause.
 */
export function readPrometheusSources(
  config: Config,
): PrometheusSourceSettings[] {
  const sources = config.getOptionalConfig('reliability.dataSources');
  if (!sources) {
    return [];
  }
  return sources
    .keys()
    .filter(id => sources.getConfig(id).getString('type') === 'prometheus')
    .map(id => readOne(id, sources.getConfig(id)));
}
