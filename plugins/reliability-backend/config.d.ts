export interface Config {
  /** Configuration of Vigil, the reliability plugin suite. */
  reliability?: {
    /** Scheduled readiness evaluation of every entity. */
    readiness?: {
      /** Minutes between refreshes of all entities. Default 30. */
      refreshMinutes?: number;
      /**
       * Days of readiness history to keep (a point per change, at least
       * one a day). Default 400.
       */
      historyRetentionDays?: number;
    };
    /** Scheduled evaluation of every SLO's error budget. */
    errorBudgets?: {
      /** Seconds between evaluations of all SLOs. Default 60. */
      refreshSeconds?: number;
      /**
       * A history point is stored when the state changes, and otherwise at
       * most once per this many seconds. Default 3600.
       */
      historyEverySeconds?: number;
      /** Days of history to keep. Default 90. */
      historyRetentionDays?: number;
    };
    /** The deploy gate, `GET /api/reliability/gate/:kind/:namespace/:name`. */
    deployGate?: {
      /**
       * Budget states that close the gate: among exhausted, burning,
       * at-risk, no-data. Default `[exhausted]`.
       */
      blockOn?: string[];
      /**
       * Change kinds (`?change=`) that pass a closed gate. Default
       * `[reliability-fix, security-fix]`.
       */
      overrides?: string[];
    };
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
