import { Config } from '@backstage/config';
import { PrometheusSourceSettings } from './PrometheusSliDataSource';

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Reads every `reliability.dataSources` entry of type `prometheus`. A bad
 * entry stops start-up with a message naming its key: a source silently
 * missing would show as no-data far from the cause.
 */
export function readPrometheusSources(config: Config): PrometheusSourceSettings[] {
  const sources = config.getOptionalConfig('reliability.dataSources');
  if (!sources) {
    return [];
  }
  return sources
    .keys()
    .filter(id => sources.getConfig(id).getString('type') === 'prometheus')
    .map(id => {
      const entry = sources.getConfig(id);
      const url = entry.getString('url');
      try {
        const parsed = new URL(url);
        if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
          throw new Error('not http(s)');
        }
      } catch {
        throw new Error(
          `reliability.dataSources.${id}.url must be an http(s) URL such as http://prometheus:9090, got ${JSON.stringify(url)}`,
        );
      }
      const timeoutMs = entry.getOptionalNumber('timeoutMs') ?? DEFAULT_TIMEOUT_MS;
      if (!(timeoutMs > 0)) {
        throw new Error(
          `reliability.dataSources.${id}.timeoutMs must be a positive number of milliseconds, got ${timeoutMs}`,
        );
      }
      const headersConfig = entry.getOptionalConfig('headers');
      const headers: Record<string, string> = {};
      for (const name of headersConfig?.keys() ?? []) {
        headers[name] = headersConfig!.getString(name);
      }
      return { id, url: url.replace(/\/+$/, ''), headers, timeoutMs };
    });
}
