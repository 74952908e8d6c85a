export interface Config {
  /** Settings of Vigil's development harness; not used in production. */
  vigilDemo?: {
    /**
     * The day the example catalog was written (YYYY-MM-DD). Example DR test
     * dates move forward by the days elapsed since, so the examples keep
     * their ages.
     */
    examplesWrittenOn?: string;
    /**
     * Push DEMO DATA (synthetic good/total counts) for the example SLOs
     * into the built-in SLI source every minute.
     */
    traffic?: boolean;
    /**
     * Put this many generated components (with teams, departments,
     * systems, domains and SLOs) into the catalog: for trying the
     * overview and the refresh at scale. Off (0) by default.
     */
    syntheticEntities?: number;
  };
}
