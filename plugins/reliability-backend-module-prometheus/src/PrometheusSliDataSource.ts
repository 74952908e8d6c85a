import { SliCountsResult, SliDataSource } from '@vigil/plugin-reliability-node';

/**
 * Settings of one Prometheus source, read from
 * `reliability.dataSources.<id>` where `type: prometheus`.
 */
export interface PrometheusSourceSettings {
  id: string;
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

/**
 * A Prometheus SLI data source. Querying arrives with the error-budget
 * issue; until then every request answers `no-data` with that reason, so
 * callers already handle the path a failing source takes.
 */
export class PrometheusSliDataSource implements SliDataSource {
  readonly type = 'prometheus';

  constructor(readonly settings: PrometheusSourceSettings) {}

  get id(): string {
    return this.settings.id;
  }

  async readCounts(): Promise<SliCountsResult> {
    return {
      status: 'no-data',
      reason: `Prometheus source '${this.id}' does not query yet (not implemented in this release)`,
    };
  }
}
