/**
 * How a finding is treated where the policy is enforced (catalog, CLI).
 *
 * @public
 */
export type EnforcementMode = 'off' | 'warn' | 'enforce';

/**
 * Metadata requirements a tier can make. Their ids are those of the
 * readiness checks that verify them, so the catalog, the CLI and the score
 * speak of the same thing.
 *
 * @public
 */
export const METADATA_REQUIREMENTS = [
  'owner',
  'on-call',
  'runbook',
  'dashboard',
  'dr-strategy',
  'rto',
  'rpo',
  'dr-tested',
  'lifecycle-production',
] as const;

/** @public */
export type MetadataRequirement = (typeof METADATA_REQUIREMENTS)[number];

/**
 * What one tier requires.
 *
 * @public
 */
export interface TierPolicy {
  /** The readiness level services of this tier must reach, e.g. `gold`. */
  targetLevel: string;
  /** Metadata that must be declared. */
  require: MetadataRequirement[];
  /** Lowest acceptable SLO target, in [0, 1). */
  minSloTarget?: number;
  /** Longest acceptable RTO, in seconds. */
  maxRtoSeconds?: number;
  /** Longest acceptable RPO, in seconds. */
  maxRpoSeconds?: number;
  /** Oldest acceptable DR test, in days. */
  maxDrTestAgeDays?: number;
  /** SLO kinds that must exist, e.g. availability, latency. */
  requiredSloKinds: string[];
}

/**
 * Mappings from conventions a catalog already uses, so that it gets useful
 * results before anyone edits YAML. An explicit annotation always wins.
 *
 * @public
 */
export interface ConventionsPolicy {
  /** Tag → tier label, e.g. `tier:critical` → `tier-0`. */
  tierTags: Record<string, string>;
  /** Link titles (case-insensitive) that mark a runbook. */
  runbookLinkTitles: string[];
  /** Link titles (case-insensitive) that mark a dashboard. */
  dashboardLinkTitles: string[];
}

/**
 * Vigil's policy: one document that the catalog module, the CLI and the
 * readiness score all apply.
 *
 * @public
 */
export interface ReliabilityPolicy {
  /** Ordered levels, lowest first. */
  levels: string[];
  /** By tier label (`tier-0` … `tier-3`). */
  tiers: Record<string, TierPolicy>;
  enforcement: {
    default: EnforcementMode;
    /** By tier label; wins over `default`. */
    tiers: Record<string, EnforcementMode>;
    /** By lower-case kind; wins over the tier and the default. */
    kinds: Record<string, EnforcementMode>;
  };
  /** Per requirement or check id. */
  checks: Record<string, { enabledFrom?: string }>;
  conventions: ConventionsPolicy;
  exemptions: { maxDays: number };
}
