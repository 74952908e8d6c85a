export interface Config {
  /** Configuration of Vigil, the reliability plugin suite. */
  reliability?: {
    /** The built-in SLI source (counts pushed to the backend). */
    builtinSource?: {
      /**
       * Days of pushed buckets to keep; older ones are pruned daily.
       * Default 400, more than a calendar-year SLO window needs.
       */
      retentionDays?: number;
    };
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
