export interface Config {
  /** Configuration of Vigil, the reliability plugin suite. */
  reliability?: {
    /**
     * SLI data sources, by the name SLO documents use in `metricSourceRef`.
     * The `type` selects the backend module that serves the entry (for
     * example `prometheus`); the other keys belong to that module.
     */
    dataSources?: {
      [name: string]: {
        /** The kind of source, e.g. `prometheus`. */
        type: string;
      };
    };
  };
}
