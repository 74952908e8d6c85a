import { METADATA_REQUIREMENTS, ReliabilityPolicy } from './types';

const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * The policy that applies when app-config says nothing: limits that fit a
 * typical SaaS, strict for tier-0 and loosening with each tier.
 *
 * @public
 */
export const DEFAULT_POLICY: ReliabilityPolicy = {
  levels: ['bronze', 'silver', 'gold'],
  tiers: {
    'tier-0': {
      targetLevel: 'gold',
      // Tiers 0 and 1 require every piece of metadata Vigil knows.
      require: [...METADATA_REQUIREMENTS],
      minSloTarget: 0.9995,
      maxRtoSeconds: 1 * HOUR,
      maxRpoSeconds: 15 * 60,
      maxDrTestAgeDays: 90,
      requiredSloKinds: ['availability', 'latency'],
    },
    'tier-1': {
      targetLevel: 'gold',
      // Tiers 0 and 1 require every piece of metadata Vigil knows.
      require: [...METADATA_REQUIREMENTS],
      minSloTarget: 0.999,
      maxRtoSeconds: 4 * HOUR,
      maxRpoSeconds: 1 * HOUR,
      maxDrTestAgeDays: 180,
      requiredSloKinds: ['availability'],
    },
    'tier-2': {
      targetLevel: 'silver',
      require: ['owner', 'on-call', 'runbook'],
      minSloTarget: 0.99,
      maxRtoSeconds: 1 * DAY,
      maxRpoSeconds: 1 * DAY,
      maxDrTestAgeDays: 365,
      requiredSloKinds: [],
    },
    'tier-3': {
      targetLevel: 'bronze',
      require: ['owner'],
      minSloTarget: 0.95,
      maxRtoSeconds: 7 * DAY,
      maxRpoSeconds: 7 * DAY,
      requiredSloKinds: [],
    },
  },
  enforcement: { default: 'warn', tiers: {}, kinds: {} },
  checks: {},
  conventions: {
    tierTags: {
      'tier-0': 'tier-0',
      'tier-1': 'tier-1',
      'tier-2': 'tier-2',
      'tier-3': 'tier-3',
      'tier:critical': 'tier-0',
      'tier:high': 'tier-1',
      'tier:medium': 'tier-2',
      'tier:low': 'tier-3',
    },
    runbookLinkTitles: ['runbook'],
    dashboardLinkTitles: ['dashboard'],
  },
  exemptions: { maxDays: 90 },
};
