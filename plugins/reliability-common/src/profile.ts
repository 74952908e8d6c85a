import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  RELIABILITY_ANNOTATIONS,
  RELIABILITY_ENTITY_KINDS,
} from './annotations';
import { parseDuration, ReliabilityDuration } from './duration';
import { MetadataError, metadataError } from './metadataError';
import { DEFAULT_POLICY } from './policy/defaults';
import { ConventionsPolicy } from './policy/types';
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

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** A real calendar date written as YYYY-MM-DD (rejects 2026-02-30). */
function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return false;
  }
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/**
 * True when the entity is of a kind that carries reliability metadata
 * (Component, System, Resource). The tab shows for all of them, so that a
 * service without any metadata is told what to add.
 *
 * @public
 */
export function isReliabilityAvailable(entity: Entity): boolean {
  return RELIABILITY_ENTITY_KINDS.some(
    kind =>
      kind.toLocaleLowerCase('en-US') ===
      entity.kind?.toLocaleLowerCase('en-US'),
  );
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
  const annotations = entity.metadata?.annotations ?? {};
  const errors: MetadataError[] = [];
  const conventions = options.conventions ?? DEFAULT_POLICY.conventions;
  const profile: ReliabilityProfile = { entityRef, onCall: [], dr: {}, errors };

  const read = (key: string): string | undefined => {
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
  };
  const fail = (
    key: string,
    value: string,
    expected: string,
    example: string,
  ) =>
    errors.push(
      metadataError({
        entityRef,
        field: annotationField(key),
        value,
        expected,
        example,
      }),
    );

  const tierText = read(RELIABILITY_ANNOTATIONS.tier);
  if (tierText !== undefined) {
    const tier = parseTier(tierText);
    if (tier === undefined) {
      fail(
        RELIABILITY_ANNOTATIONS.tier,
        tierText,
        'one of tier-0, tier-1, tier-2, tier-3 (or 0 to 3; tier-0 is the most critical)',
        `"${RELIABILITY_ANNOTATIONS.tier}: tier-1"`,
      );
    } else {
      profile.tier = {
        value: tier,
        label: tierLabel(tier),
        source: 'annotation',
      };
    }
  } else {
    profile.tier = tierFromTags(entity, conventions);
  }

  const readUrl = (key: string, example: string): ProfileLink | undefined => {
    const text = read(key);
    if (text === undefined) {
      return undefined;
    }
    if (!isHttpUrl(text.trim())) {
      fail(
        key,
        text,
        'an absolute https:// or http:// URL',
        `"${key}: ${example}"`,
      );
      return undefined;
    }
    return { url: text.trim(), source: 'annotation' };
  };
  const linkOfType = (
    type: string,
    titles: string[],
  ): ProfileLink | undefined => {
    // Linted files may hold anything here; only well-formed links count.
    const links: unknown = entity.metadata?.links;
    const lowerTitles = titles.map(t => t.toLocaleLowerCase('en-US'));
    const link = (Array.isArray(links) ? links : []).find(
      l =>
        typeof l?.url === 'string' &&
        isHttpUrl(l.url) &&
        ((typeof l.type === 'string' &&
          l.type.toLocaleLowerCase('en-US') === type) ||
          (typeof l.title === 'string' &&
            lowerTitles.some(t =>
              l.title.toLocaleLowerCase('en-US').includes(t),
            ))),
    );
    return link
      ? {
          url: link.url,
          title: typeof link.title === 'string' ? link.title : undefined,
          source: 'link',
        }
      : undefined;
  };

  profile.runbook =
    readUrl(
      RELIABILITY_ANNOTATIONS.runbook,
      'https://wiki.example.com/runbooks/orders',
    ) ?? linkOfType('runbook', conventions.runbookLinkTitles);
  profile.dashboard =
    readUrl(
      RELIABILITY_ANNOTATIONS.dashboard,
      'https://grafana.example.com/d/orders',
    ) ?? linkOfType('dashboard', conventions.dashboardLinkTitles);
  profile.dr.runbook = readUrl(
    RELIABILITY_ANNOTATIONS.drRunbook,
    'https://wiki.example.com/runbooks/orders-dr',
  );

  const readDuration = (key: string, example: string) => {
    const text = read(key);
    if (text === undefined) {
      return undefined;
    }
    const duration = parseDuration(text);
    if (!duration) {
      fail(
        key,
        text,
        'a positive whole number and one unit: s, m (minutes), h, d or w',
        `"${key}: ${example}"`,
      );
    }
    return duration;
  };
  profile.rto = readDuration(RELIABILITY_ANNOTATIONS.rto, '1h');
  profile.rpo = readDuration(RELIABILITY_ANNOTATIONS.rpo, '15m');

  const strategy = read(RELIABILITY_ANNOTATIONS.drStrategy);
  if (strategy !== undefined) {
    const known = DR_STRATEGIES.find(s => s === strategy.trim());
    if (known) {
      profile.dr.strategy = known;
    } else {
      fail(
        RELIABILITY_ANNOTATIONS.drStrategy,
        strategy,
        `one of ${DR_STRATEGIES.join(', ')}`,
        `"${RELIABILITY_ANNOTATIONS.drStrategy}: warm-standby"`,
      );
    }
  }

  const tested = read(RELIABILITY_ANNOTATIONS.drTested);
  if (tested !== undefined) {
    const date = tested.trim();
    const now = options.now ?? new Date();
    const example = `"${RELIABILITY_ANNOTATIONS.drTested}: ${now
      .toISOString()
      .slice(0, 10)}"`;
    if (!isIsoDate(date)) {
      fail(
        RELIABILITY_ANNOTATIONS.drTested,
        tested,
        'a calendar date written YYYY-MM-DD',
        example,
      );
    } else if (new Date(`${date}T00:00:00Z`).getTime() > now.getTime()) {
      fail(
        RELIABILITY_ANNOTATIONS.drTested,
        tested,
        'the date of a DR test that has already happened (not in the future)',
        example,
      );
    } else {
      profile.dr.lastTested = date;
    }
  }

  for (const { provider, annotation } of ON_CALL_ANNOTATIONS) {
    const value = read(annotation)?.trim();
    if (value) {
      profile.onCall.push({ provider, annotation, value });
    }
  }

  return profile;
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
  const value: unknown =
    entity.metadata?.annotations?.[RELIABILITY_ANNOTATIONS.tier];
  if (value !== undefined && value !== null) {
    // Objects never name a tier; numbers do in linted files, as in the parser.
    return typeof value === 'object' ? undefined : parseTier(String(value));
  }
  return tierFromTags(entity, conventions)?.value;
}

/** The tier a convention tag gives, when the annotation is absent. */
function tierFromTags(
  entity: Entity,
  conventions: ConventionsPolicy,
): ReliabilityProfile['tier'] {
  const tags: unknown = entity.metadata?.tags;
  for (const tag of Array.isArray(tags) ? tags : []) {
    const label =
      typeof tag === 'string' ? conventions.tierTags[tag] : undefined;
    const tier = label === undefined ? undefined : parseTier(label);
    if (tier !== undefined) {
      return { value: tier, label: tierLabel(tier), source: 'tag', tag };
    }
  }
  return undefined;
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
