import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  RELIABILITY_ANNOTATIONS,
  RELIABILITY_ENTITY_KINDS,
} from './annotations';
import { parseDuration, ReliabilityDuration } from './duration';
import { MetadataError, metadataError } from './metadataError';
import { tierAnnotationOf, tierFrom, tierFromTags } from './entityTier';
import { DEFAULT_POLICY } from './policy/defaults';
import { ConventionsPolicy } from './policy/types';
import { isHttpUrl, isoDateMs, isoDay, isIsoDate } from './textFormats';
import { parseTier, Tier, tierLabel } from './tiers';

/**
 * Disaster-recovery postures, from the fastest recovery to none.
 *
 * @public
 */
export const DR_STRATEGIES = [
  'active-active',
  'warm-standby',
  'pilot-light',
  'backup-restore',
  'none',
] as const;

/** @public */
export type DrStrategy = (typeof DR_STRATEGIES)[number];

/**
 * Where a value of the profile came from, so the UI can tell the user which
 * line of YAML to change.
 *
 * @public
 */
export type ProfileValueSource = 'annotation' | 'link' | 'tag';

/**
 * Annotations of the on-call tools Backstage catalogs already use; any one
 * of them names where the service is paged.
 *
 * @public
 */
export const ON_CALL_ANNOTATIONS = [
  { provider: 'pagerduty', annotation: 'pagerduty.com/service-id' },
  { provider: 'pagerduty', annotation: 'pagerduty.com/integration-key' },
  { provider: 'opsgenie', annotation: 'opsgenie.com/team' },
  { provider: 'opsgenie', annotation: 'opsgenie.com/component-selector' },
] as const;

/** @public */
export interface ProfileOnCall {
  provider: string;
  annotation: string;
  value: string;
}

/** @public */
export interface ProfileLink {
  url: string;
  title?: string;
  source: ProfileValueSource;
}

/**
 * The reliability metadata of one entity, parsed. Fields that are missing or
 * invalid are absent; invalid ones also appear in `errors`.
 *
 * @public
 */
export interface ReliabilityProfile {
  entityRef: string;
  tier?: {
    value: Tier;
    label: string;
    source: ProfileValueSource;
    tag?: string;
  };
  runbook?: ProfileLink;
  dashboard?: ProfileLink;
  rto?: ReliabilityDuration;
  rpo?: ReliabilityDuration;
  /** On-call routing found in the entity's annotations, first one first. */
  onCall: ProfileOnCall[];
  dr: {
    strategy?: DrStrategy;
    /** ISO date (YYYY-MM-DD) of the last successful DR test. */
    lastTested?: string;
    runbook?: ProfileLink;
  };
  errors: MetadataError[];
}

/**
 * Options of {@link parseReliabilityProfile}.
 *
 * @public
 */
export interface ParseProfileOptions {
  /** The moment to judge dates against (a DR test cannot be in the future). */
  now?: Date;
  /** Tag and link conventions; the policy's defaults when absent. */
  conventions?: ConventionsPolicy;
}

const annotationField = (key: string) => `metadata.annotations.${key}`;

/** Kinds that carry reliability metadata, as usually written and lower-case. */
const RELIABILITY_KINDS_AS_WRITTEN = new Set<unknown>(RELIABILITY_ENTITY_KINDS);
const RELIABILITY_KINDS = new Set(
  RELIABILITY_ENTITY_KINDS.map(kind => kind.toLowerCase()),
);

/**
 * True when the entity is of a kind that carries reliability metadata
 * (Component, System, Resource). The tab shows for all of them, so that a
 * service without any metadata is told what to add.
 *
 * @public
 */
export function isReliabilityAvailable(entity: Entity): boolean {
  const kind: unknown = entity.kind;
  // The usual spelling needs no lower-case copy: this runs for every
  // entity and every entity it is related to.
  if (RELIABILITY_KINDS_AS_WRITTEN.has(kind)) return true;
  // toLowerCase, not toLocaleLowerCase('en-US'): the same mapping for
  // every locale but Turkish, Azeri and Lithuanian, without the locale
  // lookup on each call.
  const lower: string | undefined = entity.kind?.toLowerCase();
  return lower !== undefined && RELIABILITY_KINDS.has(lower);
}

type Annotations = Record<string, unknown>;

/** An annotation's value as text; undefined when it is absent. */
function readAnnotation(
  annotations: Annotations,
  key: string,
): string | undefined {
  const value: unknown = annotations[key];
  if (value === undefined || value === null) {
    // `vigil/tier:` with nothing after it is YAML null: treat it as absent.
    return undefined;
  }
  // The catalog admits only strings, but files linted by the CLI may not.
  if (typeof value === 'string') {
    return value;
  }
  // Show objects as written ({"url":"x"}), not as "[object Object]".
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/*
 * The readers below are module functions, not closures made per entity:
 * parsing runs once per entity per refresh. They report problems to the
 * profile's error list and return what they read; the profile is built
 * at the end, in one object literal.
 */

/** Where the readers report problems: the entity's ref and the error list. */
interface ErrorReport {
  entityRef: string;
  errors: MetadataError[];
}

function annotationError(
  report: ErrorReport,
  key: string,
  value: string,
  expected: string,
  example: string,
) {
  report.errors.push(
    metadataError({
      entityRef: report.entityRef,
      field: annotationField(key),
      value,
      expected,
      example,
    }),
  );
}

/**
 * The tier from the annotation, else from a convention tag; `null` when
 * the annotation is invalid (the profile then has no `tier` field).
 */
function readTier(
  report: ErrorReport,
  entity: Entity,
  annotations: Annotations,
  conventions: ConventionsPolicy,
): ReliabilityProfile['tier'] | null {
  const text = readAnnotation(annotations, RELIABILITY_ANNOTATIONS.tier);
  if (text === undefined) {
    return tierFromTags(entity, conventions);
  }
  const tier = parseTier(text);
  if (tier === undefined) {
    annotationError(
      report,
      RELIABILITY_ANNOTATIONS.tier,
      text,
      'one of tier-0, tier-1, tier-2, tier-3 (or 0 to 3; tier-0 is the most critical)',
      `"${RELIABILITY_ANNOTATIONS.tier}: tier-1"`,
    );
    return null;
  }
  return { value: tier, label: tierLabel(tier), source: 'annotation' };
}

function readUrl(
  report: ErrorReport,
  annotations: Annotations,
  key: string,
  example: string,
): ProfileLink | undefined {
  const text = readAnnotation(annotations, key);
  if (text === undefined) {
    return undefined;
  }
  const url = text.trim();
  if (!isHttpUrl(url)) {
    annotationError(
      report,
      key,
      text,
      'an absolute https:// or http:// URL',
      `"${key}: ${example}"`,
    );
    return undefined;
  }
  return { url, source: 'annotation' };
}

/** A link as linted files may hold it: any of its fields may be missing. */
type LinkLike = { url?: unknown; type?: unknown; title?: unknown } | null;

function isLinkOfType(
  link: LinkLike,
  type: string,
  titles: string[],
): link is { url: string; title?: unknown } {
  if (typeof link?.url !== 'string' || !isHttpUrl(link.url)) return false;
  if (typeof link.type === 'string' && link.type.toLowerCase() === type) {
    return true;
  }
  if (typeof link.title !== 'string') return false;
  const title = link.title.toLowerCase();
  return titles.some(t => title.includes(t.toLowerCase()));
}

function linkOfType(
  entity: Entity,
  type: string,
  titles: string[],
): ProfileLink | undefined {
  // Linted files may hold anything here; only well-formed links count.
  const links: unknown = entity.metadata?.links;
  if (!Array.isArray(links)) return undefined;
  const link = (links as LinkLike[]).find(l => isLinkOfType(l, type, titles));
  return link
    ? {
        url: link.url,
        title: typeof link.title === 'string' ? link.title : undefined,
        source: 'link',
      }
    : undefined;
}

function readDurationAnnotation(
  report: ErrorReport,
  annotations: Annotations,
  key: string,
  example: string,
): ReliabilityDuration | undefined {
  const text = readAnnotation(annotations, key);
  if (text === undefined) {
    return undefined;
  }
  const duration = parseDuration(text);
  if (!duration) {
    annotationError(
      report,
      key,
      text,
      'a positive whole number and one unit: s, m (minutes), h, d or w',
      `"${key}: ${example}"`,
    );
  }
  return duration;
}

function readDrStrategy(
  report: ErrorReport,
  annotations: Annotations,
): DrStrategy | undefined {
  const strategy = readAnnotation(
    annotations,
    RELIABILITY_ANNOTATIONS.drStrategy,
  );
  if (strategy === undefined) return undefined;
  const trimmed = strategy.trim();
  if ((DR_STRATEGIES as readonly string[]).includes(trimmed)) {
    return trimmed as DrStrategy;
  }
  annotationError(
    report,
    RELIABILITY_ANNOTATIONS.drStrategy,
    strategy,
    `one of ${DR_STRATEGIES.join(', ')}`,
    `"${RELIABILITY_ANNOTATIONS.drStrategy}: warm-standby"`,
  );
  return undefined;
}

/** The date of the last DR test, when valid and not in the future. */
function readDrTested(
  report: ErrorReport,
  annotations: Annotations,
  options: ParseProfileOptions,
): string | undefined {
  const tested = readAnnotation(annotations, RELIABILITY_ANNOTATIONS.drTested);
  if (tested === undefined) return undefined;
  const date = tested.trim();
  const now = options.now ?? new Date();
  // Built only for an error: most entities have a valid date.
  const example = () => `"${RELIABILITY_ANNOTATIONS.drTested}: ${isoDay(now)}"`;
  if (!isIsoDate(date)) {
    annotationError(
      report,
      RELIABILITY_ANNOTATIONS.drTested,
      tested,
      'a calendar date written YYYY-MM-DD',
      example(),
    );
    return undefined;
  }
  if (isoDateMs(date) > now.getTime()) {
    annotationError(
      report,
      RELIABILITY_ANNOTATIONS.drTested,
      tested,
      'the date of a DR test that has already happened (not in the future)',
      example(),
    );
    return undefined;
  }
  return date;
}

function readOnCall(annotations: Annotations): ProfileOnCall[] {
  const onCall: ProfileOnCall[] = [];
  for (const { provider, annotation } of ON_CALL_ANNOTATIONS) {
    const value = readAnnotation(annotations, annotation)?.trim();
    if (value) {
      onCall.push({ provider, annotation, value });
    }
  }
  return onCall;
}

/*
 * Why the profile and its `dr` are each built in one object literal per
 * shape, never grown field by field from `{}`: V8 shares one root map
 * among small objects, and a catalog's own objects (facts keyed by SLO
 * ref, say) can exhaust the transitions it may hold. From then on, every
 * object grown from it gets a map of its own, which made parsing four
 * times slower in the readiness benchmark.
 */

function drProfile(
  runbook: ProfileLink | undefined,
  strategy: DrStrategy | undefined,
  lastTested: string | undefined,
): ReliabilityProfile['dr'] {
  if (strategy === undefined) {
    return lastTested === undefined ? { runbook } : { runbook, lastTested };
  }
  return lastTested === undefined
    ? { runbook, strategy }
    : { runbook, strategy, lastTested };
}

/**
 * Parses an entity's reliability annotations (and the `links` that may stand
 * in for them) into a typed profile. Never throws on bad input: every
 * problem becomes a {@link MetadataError} and parsing goes on.
 *
 * @public
 */
export function parseReliabilityProfile(
  entity: Entity,
  options: ParseProfileOptions = {},
): ReliabilityProfile {
  const entityRef = safeEntityRef(entity);
  const annotations: Annotations = entity.metadata?.annotations ?? {};
  const conventions = options.conventions ?? DEFAULT_POLICY.conventions;
  const errors: MetadataError[] = [];
  const report: ErrorReport = { entityRef, errors };

  const tier = readTier(report, entity, annotations, conventions);
  const runbook =
    readUrl(
      report,
      annotations,
      RELIABILITY_ANNOTATIONS.runbook,
      'https://wiki.example.com/runbooks/orders',
    ) ?? linkOfType(entity, 'runbook', conventions.runbookLinkTitles);
  const dashboard =
    readUrl(
      report,
      annotations,
      RELIABILITY_ANNOTATIONS.dashboard,
      'https://grafana.example.com/d/orders',
    ) ?? linkOfType(entity, 'dashboard', conventions.dashboardLinkTitles);
  const drRunbook = readUrl(
    report,
    annotations,
    RELIABILITY_ANNOTATIONS.drRunbook,
    'https://wiki.example.com/runbooks/orders-dr',
  );
  const rto = readDurationAnnotation(
    report,
    annotations,
    RELIABILITY_ANNOTATIONS.rto,
    '1h',
  );
  const rpo = readDurationAnnotation(
    report,
    annotations,
    RELIABILITY_ANNOTATIONS.rpo,
    '15m',
  );
  const strategy = readDrStrategy(report, annotations);
  const lastTested = readDrTested(report, annotations, options);
  const onCall = readOnCall(annotations);
  const dr = drProfile(drRunbook, strategy, lastTested);

  // Fields in the order the profile always had; `tier` absent when invalid.
  return tier === null
    ? { entityRef, onCall, dr, errors, runbook, dashboard, rto, rpo }
    : { entityRef, onCall, dr, errors, tier, runbook, dashboard, rto, rpo };
}

/**
 * The tier of an entity alone, read as {@link parseReliabilityProfile}
 * reads it (annotation first, then convention tags); undefined when absent
 * or invalid. For related entities, where only the tier matters.
 *
 * @public
 */
export function readEntityTier(
  entity: Entity,
  conventions: ConventionsPolicy = DEFAULT_POLICY.conventions,
): Tier | undefined {
  return tierFrom(entity, tierAnnotationOf(entity), conventions);
}

/**
 * An entity's ref; for a malformed entity (a linted file may hold one), a
 * best-effort ref instead of a throw.
 *
 * @public
 */
export function safeEntityRef(entity: Entity): string {
  try {
    return stringifyEntityRef(entity);
  } catch {
    const kind = String(entity?.kind ?? 'unknown').toLocaleLowerCase('en-US');
    return `${kind}:${entity?.metadata?.namespace ?? 'default'}/${
      entity?.metadata?.name ?? '<unnamed>'
    }`;
  }
}
