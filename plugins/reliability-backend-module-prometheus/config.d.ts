export interface Config {
  reliability?: {
    dataSources?: {
      [name: string]: {
        /** `prometheus` for entries served by this module. */
        type: string;
        /** Base URL of the Prometheus HTTP API, e.g. `http://prometheus:9090`; no credentials in it (use headers). */
        url?: string;
        /**
         * Extra request headers, e.g. an Authorization header.
         * @visibility secret
         */
        headers?: { [name: string]: string };
        /** Timeout of each request to Prometheus in milliseconds, body included (default 10000). */
        timeoutMs?: number;
        /** Smallest bucket, a Prometheus duration such as `1m` or `5m` (default `5m`); keep it at least 4 scrape intervals. */
        minStep?: string;
        /** Most points per series in one query_range, 2 to 11000 (default 11000, Prometheus' own limit). */
        maxPoints?: number;
        /** Most requests in flight to this Prometheus at once (default 8). */
        concurrency?: number;
      };
    };
  };
}
