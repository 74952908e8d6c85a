/**
 * Settings of one Prometheus source, read from
 * `reliability.dataSources.<id>` where `type: prometheus`.
 *
 * @public
 */
export interface PrometheusSourceSettings {
  id: string;
  /** Base URL of the HTTP API, without a trailing slash or credentials. */
  url: string;
  /** Sent with every request; secret: never logged nor put in a reason. */
  headers: Record<string, string>;
  /** Whole request, body included; also sent to Prometheus as `timeout`. */
  timeoutMs: number;
  /** Smallest bucket (query step), in seconds. */
  minStepSeconds: number;
  /** Most points one `query_range` may return per series (Prometheus: 11,000). */
  maxPoints: number;
  /** Most requests in flight to this source at once. */
  concurrency: number;
}

/** Defaults of the optional settings. */
export const DEFAULT_SETTINGS = {
  timeoutMs: 10_000,
  minStepSeconds: 300,
  maxPoints: 11_000,
  concurrency: 8,
} as const;
