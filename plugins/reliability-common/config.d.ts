export interface Config {
  reliability?: {
    /**
     * Vigil's reliability policy, applied alike by the catalog module, the
     * `vigil lint` CLI and the readiness score. Every key is optional: what
     * is not set keeps the default of a typical SaaS (see the README of
     * `@vigil/plugin-reliability-common`). An invalid policy stops the
     * backend at start with a message naming each bad key.
     */
    policy?: {
      /**
       * Readiness levels, lowest first. Default `[bronze, silver, gold]`.
       */
      levels?: string[];
      /**
       * Requirements by tier, keyed `tier-0` … `tier-3`. A tier's keys
       * replace the default's one by one; lists replace whole.
       */
      tiers?: {
        [tier: string]: {
          /** The level services of this tier must reach, e.g. `gold`. */
          targetLevel?: string;
          /**
           * Metadata that must be declared: `owner`, `on-call`, `runbook`,
           * `dashboard`, `dr-strategy`, `rto`, `rpo`, `dr-tested`,
           * `lifecycle-production`.
           */
          require?: string[];
          /** Lowest acceptable SLO target in [0, 1), e.g. 0.9995. */
          minSloTarget?: number;
          /** Longest acceptable RTO, a duration such as `1h`. */
          maxRto?: string;
          /** Longest acceptable RPO, a duration such as `15m`. */
          maxRpo?: string;
          /** Oldest acceptable DR test, a duration such as `90d`. */
          maxDrTestAge?: string;
          /** SLO kinds that must exist, e.g. `[availability, latency]`. */
          requiredSloKinds?: string[];
        };
      };
      /**
       * How findings are treated in the catalog and the CLI: `off`, `warn`
       * (admitted, findings listed) or `enforce` (a processing error; the
       * catalog keeps the last good version). A single mode, or a default
       * with overrides by tier and by kind (kind wins over tier). Default
       * `warn`.
       */
      enforcement?:
        | 'off'
        | 'warn'
        | 'enforce'
        | {
            /** The mode where no override applies. */
            default?: 'off' | 'warn' | 'enforce';
            /** Overrides by tier, e.g. `tier-0: enforce`. */
            tiers?: { [tier: string]: 'off' | 'warn' | 'enforce' };
            /** Overrides by entity kind, e.g. `resource: warn`, `slo: enforce`. */
            kinds?: { [kind: string]: 'off' | 'warn' | 'enforce' };
          };
      /**
       * Per rule or check id. `enabledFrom` (YYYY-MM-DD): before that date
       * the rule is reported but never blocks or counts, so a new rule can
       * be rolled out without breaking every pipeline.
       */
      checks?: {
        [id: string]: {
          /** The first day the rule counts, YYYY-MM-DD. */
          enabledFrom?: string;
        };
      };
      /**
       * Mappings from conventions the catalog already uses; an explicit
       * `vigil/*` annotation always wins.
       */
      conventions?: {
        /** Tag → tier, e.g. `tier:critical: tier-0`. Replaces the default map. */
        tierTags?: { [tag: string]: string };
        /** Link titles (case-insensitive, substring) that mark a runbook. */
        runbookLinkTitles?: string[];
        /** Link titles (case-insensitive, substring) that mark a dashboard. */
        dashboardLinkTitles?: string[];
      };
      /** Exemptions from checks. */
      exemptions?: {
        /** The longest an exemption may last, in days. Default 90. */
        maxDays?: number;
      };
    };
  };
}
