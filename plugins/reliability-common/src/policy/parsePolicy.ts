import { parseDuration } from '../duration';
import { parseTier, TIERS, tierLabel } from '../tiers';
import { DEFAULT_POLICY } from './defaults';
import {
  EnforcementMode,
  METADATA_REQUIREMENTS,
  MetadataRequirement,
  ReliabilityPolicy,
  TierPolicy,
} from './types';

/**
 * One problem in the policy configuration, naming the full key.
 *
 * @public
 */
export interface PolicyConfigError {
  key: string;
  value?: string;
  expected: string;
  message: string;
}

/** @public */
export interface ParsePolicyResult {
  /** The effective policy: the defaults with the configuration merged in. */
  policy: ReliabilityPolicy;
  errors: PolicyConfigError[];
}

const MODES: EnforcementMode[] = ['off', 'warn', 'enforce'];
const TIER_LABELS = TIERS.map(tierLabel);

type Json = unknown;

function describe(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads values under one key prefix and collects every problem instead of
 * stopping at the first, so one start-up shows them all.
 */
class PolicyReader {
  readonly errors: PolicyConfigError[] = [];

  constructor(readonly prefix: string) {}

  fail(key: string, value: Json, expected: string) {
    const found =
      value === undefined
        ? 'is missing'
        : `has ${JSON.stringify(describe(value))}`;
    this.errors.push({
      key,
      value: value === undefined ? undefined : describe(value),
      expected,
      message: `${key} ${found}; expected ${expected}`,
    });
  }

  /** Flags keys outside `allowed`, the usual sign of a typo. */
  onlyKeys(key: string, value: Record<string, Json>, allowed: string[]) {
    for (const k of Object.keys(value)) {
      if (!allowed.includes(k)) {
        this.fail(
          `${key}.${k}`,
          value[k],
          `no such key; known keys are ${allowed.join(', ')}`,
        );
      }
    }
  }

  object(key: string, value: Json): Record<string, Json> | undefined {
    if (value === undefined) return undefined;
    if (!isObject(value)) {
      this.fail(key, value, 'a mapping of keys to values');
      return undefined;
    }
    return value;
  }

  stringList(
    key: string,
    value: Json,
    allowed?: readonly string[],
  ): string[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
      this.fail(key, value, 'a list of strings');
      return undefined;
    }
    if (allowed) {
      const bad = value.filter(v => !allowed.includes(v));
      if (bad.length > 0) {
        this.fail(
          key,
          bad.join(', '),
          `only values among ${allowed.join(', ')}`,
        );
        return undefined;
      }
    }
    return value as string[];
  }

  mode(key: string, value: Json): EnforcementMode | undefined {
    if (value === undefined) return undefined;
    const mode = MODES.find(m => m === value);
    if (!mode) this.fail(key, value, `one of ${MODES.join(', ')}`);
    return mode;
  }

  durationSeconds(key: string, value: Json): number | undefined {
    if (value === undefined) return undefined;
    const duration =
      typeof value === 'string' ? parseDuration(value) : undefined;
    if (!duration) {
      this.fail(
        key,
        value,
        'a duration such as 15m, 1h or 90d (units s, m, h, d, w)',
      );
    }
    return duration?.seconds;
  }

  sloTarget(key: string, value: Json): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
      this.fail(
        key,
        value,
        'a number in [0, 1), e.g. 0.999 (1 would leave no error budget)',
      );
      return undefined;
    }
    return value;
  }

  positiveInteger(key: string, value: Json): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      this.fail(key, value, 'a whole number of at least 1');
      return undefined;
    }
    return value;
  }

  isoDate(key: string, value: Json): string | undefined {
    if (value === undefined) return undefined;
    // app-config YAML may hand over a Date for an unquoted date.
    const text =
      value instanceof Date ? value.toISOString().slice(0, 10) : value;
    if (
      typeof text !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(text) ||
      Number.isNaN(Date.parse(`${text}T00:00:00Z`))
    ) {
      this.fail(key, value, 'a date written YYYY-MM-DD, e.g. 2027-01-01');
      return undefined;
    }
    return text;
  }
}

const TIER_KEYS = [
  'targetLevel',
  'require',
  'minSloTarget',
  'maxRto',
  'maxRpo',
  'maxDrTestAge',
  'requiredSloKinds',
];

function readTier(
  r: PolicyReader,
  key: string,
  raw: Record<string, Json>,
  base: TierPolicy | undefined,
): TierPolicy {
  r.onlyKeys(key, raw, TIER_KEYS);
  const maxDrTestAgeSeconds = r.durationSeconds(
    `${key}.maxDrTestAge`,
    raw.maxDrTestAge,
  );
  const targetLevel = raw.targetLevel;
  if (targetLevel !== undefined && typeof targetLevel !== 'string') {
    r.fail(`${key}.targetLevel`, targetLevel, 'the name of a level, e.g. gold');
  }
  return {
    targetLevel:
      typeof targetLevel === 'string'
        ? targetLevel
        : base?.targetLevel ?? 'bronze',
    require:
      (r.stringList(`${key}.require`, raw.require, METADATA_REQUIREMENTS) as
        | MetadataRequirement[]
        | undefined) ??
      base?.require ??
      [],
    minSloTarget:
      r.sloTarget(`${key}.minSloTarget`, raw.minSloTarget) ??
      base?.minSloTarget,
    maxRtoSeconds:
      r.durationSeconds(`${key}.maxRto`, raw.maxRto) ?? base?.maxRtoSeconds,
    maxRpoSeconds:
      r.durationSeconds(`${key}.maxRpo`, raw.maxRpo) ?? base?.maxRpoSeconds,
    maxDrTestAgeDays:
      maxDrTestAgeSeconds !== undefined
        ? Math.ceil(maxDrTestAgeSeconds / 86400)
        : base?.maxDrTestAgeDays,
    requiredSloKinds:
      r.stringList(`${key}.requiredSloKinds`, raw.requiredSloKinds) ??
      base?.requiredSloKinds ??
      [],
  };
}

function readEnforcement(r: PolicyReader, key: string, raw: Json) {
  const base = DEFAULT_POLICY.enforcement;
  if (typeof raw === 'string') {
    return { ...base, default: r.mode(key, raw) ?? base.default };
  }
  const obj = r.object(key, raw);
  if (!obj) return base;
  r.onlyKeys(key, obj, ['default', 'tiers', 'kinds']);
  const tiers: Record<string, EnforcementMode> = {};
  const tiersRaw = r.object(`${key}.tiers`, obj.tiers) ?? {};
  for (const [label, value] of Object.entries(tiersRaw)) {
    const tier = parseTier(label);
    if (tier === undefined) {
      r.fail(
        `${key}.tiers.${label}`,
        label,
        `a tier among ${TIER_LABELS.join(', ')}`,
      );
      continue;
    }
    const mode = r.mode(`${key}.tiers.${label}`, value);
    if (mode) tiers[tierLabel(tier)] = mode;
  }
  const kinds: Record<string, EnforcementMode> = {};
  const kindsRaw = r.object(`${key}.kinds`, obj.kinds) ?? {};
  for (const [kind, value] of Object.entries(kindsRaw)) {
    const mode = r.mode(`${key}.kinds.${kind}`, value);
    if (mode) kinds[kind.toLocaleLowerCase('en-US')] = mode;
  }
  return {
    default: r.mode(`${key}.default`, obj.default) ?? base.default,
    tiers,
    kinds,
  };
}

const POLICY_KEYS = [
  'levels',
  'tiers',
  'enforcement',
  'checks',
  'conventions',
  'exemptions',
];

/**
 * Reads `reliability.policy` (as plain JSON, e.g. `config.getOptional('reliability.policy')`)
 * and merges it over {@link DEFAULT_POLICY}: a tier's keys replace the
 * default's one by one, lists replace whole. Every problem is returned with
 * its full key; callers refuse to start on any.
 *
 * @public
 */
export function parsePolicy(
  raw: unknown,
  prefix = 'reliability.policy',
): ParsePolicyResult {
  const r = new PolicyReader(prefix);
  const root = r.object(prefix, raw) ?? {};
  r.onlyKeys(prefix, root, POLICY_KEYS);

  const levels =
    r.stringList(`${prefix}.levels`, root.levels) ?? DEFAULT_POLICY.levels;
  if (levels.length === 0) r.fail(`${prefix}.levels`, [], 'at least one level');

  const tiers: Record<string, TierPolicy> = { ...DEFAULT_POLICY.tiers };
  const tiersRaw = r.object(`${prefix}.tiers`, root.tiers) ?? {};
  for (const [label, value] of Object.entries(tiersRaw)) {
    const key = `${prefix}.tiers.${label}`;
    const tier = parseTier(label);
    if (tier === undefined) {
      r.fail(key, label, `a tier among ${TIER_LABELS.join(', ')}`);
      continue;
    }
    const obj = r.object(key, value);
    if (obj)
      tiers[tierLabel(tier)] = readTier(
        r,
        key,
        obj,
        DEFAULT_POLICY.tiers[tierLabel(tier)],
      );
  }
  for (const [label, tier] of Object.entries(tiers)) {
    if (!levels.includes(tier.targetLevel)) {
      r.fail(
        `${prefix}.tiers.${label}.targetLevel`,
        tier.targetLevel,
        `one of the levels ${levels.join(', ')}`,
      );
    }
  }

  const checks: Record<string, { enabledFrom?: string }> = {};
  const checksRaw = r.object(`${prefix}.checks`, root.checks) ?? {};
  for (const [id, value] of Object.entries(checksRaw)) {
    const key = `${prefix}.checks.${id}`;
    const obj = r.object(key, value);
    if (!obj) continue;
    r.onlyKeys(key, obj, ['enabledFrom']);
    checks[id] = {
      enabledFrom: r.isoDate(`${key}.enabledFrom`, obj.enabledFrom),
    };
  }

  const conventions = { ...DEFAULT_POLICY.conventions };
  const conventionsRaw = r.object(`${prefix}.conventions`, root.conventions);
  if (conventionsRaw) {
    const key = `${prefix}.conventions`;
    r.onlyKeys(key, conventionsRaw, [
      'tierTags',
      'runbookLinkTitles',
      'dashboardLinkTitles',
    ]);
    const tagsRaw = r.object(`${key}.tierTags`, conventionsRaw.tierTags);
    if (tagsRaw) {
      conventions.tierTags = {};
      for (const [tag, value] of Object.entries(tagsRaw)) {
        const tier = typeof value === 'string' ? parseTier(value) : undefined;
        if (tier === undefined) {
          r.fail(
            `${key}.tierTags.${tag}`,
            value,
            `a tier among ${TIER_LABELS.join(', ')}`,
          );
        } else {
          conventions.tierTags[tag] = tierLabel(tier);
        }
      }
    }
    conventions.runbookLinkTitles =
      r.stringList(
        `${key}.runbookLinkTitles`,
        conventionsRaw.runbookLinkTitles,
      ) ?? conventions.runbookLinkTitles;
    conventions.dashboardLinkTitles =
      r.stringList(
        `${key}.dashboardLinkTitles`,
        conventionsRaw.dashboardLinkTitles,
      ) ?? conventions.dashboardLinkTitles;
  }

  const exemptionsRaw = r.object(`${prefix}.exemptions`, root.exemptions);
  if (exemptionsRaw)
    r.onlyKeys(`${prefix}.exemptions`, exemptionsRaw, ['maxDays']);
  const exemptions = {
    maxDays:
      r.positiveInteger(
        `${prefix}.exemptions.maxDays`,
        exemptionsRaw?.maxDays,
      ) ?? DEFAULT_POLICY.exemptions.maxDays,
  };

  return {
    policy: {
      levels,
      tiers,
      enforcement: readEnforcement(
        r,
        `${prefix}.enforcement`,
        root.enforcement,
      ),
      checks,
      conventions,
      exemptions,
    },
    errors: r.errors,
  };
}

/**
 * {@link parsePolicy} for start-up: throws one error listing every problem.
 *
 * @public
 */
export function parsePolicyOrThrow(
  raw: unknown,
  prefix = 'reliability.policy',
): ReliabilityPolicy {
  const { policy, errors } = parsePolicy(raw, prefix);
  if (errors.length > 0) {
    throw new Error(
      `Invalid reliability policy (${errors.length} problem${
        errors.length === 1 ? '' : 's'
      }):\n${errors.map(e => `  - ${e.message}`).join('\n')}`,
    );
  }
  return policy;
}
