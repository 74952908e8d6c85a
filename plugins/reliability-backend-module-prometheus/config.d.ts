export interface Config {
  reliability?: {
    dataSources?: {
      [name: string]: {
        /** `prometheus` for entries served by this module. */
        type: string;
        /** Base URL of the Prometheus HTTP API, e.g. `http://prometheus:9090`. */
        url?: string;
        /**
         * Extra request headers, e.g. an Authorization header.
         * @visibility secret
         */
        headers?: { [name: string]: string };
        /** Request timeout in milliseconds (default 10000). */
        timeoutMs?: number;
      };
    };
  };
}
