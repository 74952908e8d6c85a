import {
  CheckOutcome,
  EntityReliabilityResponse,
  PolicyViolation,
} from '@vigil/plugin-reliability-common';

/** The readiness checks the DR panel reports on. */
export const DR_CHECK_IDS = [
  'dr-strategy',
  'rto-within-tier',
  'rpo-within-tier',
  'dr-tested-recently',
] as const;

/** One objective (RTO or RPO) against the tier's limit. */
export interface ObjectiveVerdict {
  check?: CheckOutcome;
  /**
   * The tier's limit as the policy states it ("at most 1h for tier-0"), when
   * the response carries it: the backend names the limit only in a finding
   * of a value over it. Never guessed.
   */
  limit?: string;
  /** One line: the verdict of the check against the tier. */
  verdict: string;
}

/** When the next DR test is due, as far as the response tells. */
export interface NextDrTest {
  /** YYYY-MM-DD, when a check message names it. */
  dueBy?: string;
  overdue: boolean;
  text: string;
}

const checkOf = (response: EntityReliabilityResponse, id: string) =>
  response.readiness.checks.find(c => c.id === id);

const violationOf = (response: EntityReliabilityResponse, rule: string) =>
  response.metadataPolicy.violations.find(
    (v: PolicyViolation) => v.rule === rule,
  );

function objectiveVerdict(
  response: EntityReliabilityResponse,
  checkId: string,
  rule: string,
): ObjectiveVerdict {
  const check = checkOf(response, checkId);
  const limit = violationOf(response, rule)?.expected;
  const tier = response.readiness.tier;
  if (!check) return { verdict: 'not evaluated' };
  switch (check.state) {
    case 'pass':
      return {
        check,
        limit,
        verdict: tier ? `within the ${tier} limit` : 'within the limit',
      };
    case 'fail':
      return {
        check,
        limit,
        verdict: limit ? `over the limit: ${limit}` : 'fails the tier limit',
      };
    case 'exempt':
      return {
        check,
        limit,
        verdict: `exempt until ${check.exemption?.expiresAt ?? 'its expiry'}`,
      };
    case 'not-applicable':
      return {
        check,
        limit,
        verdict: `no limit: ${check.message ?? ''}`.trim(),
      };
    default:
      return { check, limit, verdict: check.state };
  }
}

export const rtoVerdict = (response: EntityReliabilityResponse) =>
  objectiveVerdict(response, 'rto-within-tier', 'rto');

export const rpoVerdict = (response: EntityReliabilityResponse) =>
  objectiveVerdict(response, 'rpo-within-tier', 'rpo');

/**
 * When the next DR test is due. The dr-tested-recently check names the
 * date in its message ("due by 2026-04-15") while the test is recent; a
 * finding says how old it is once overdue.
 */
export function nextDrTest(response: EntityReliabilityResponse): NextDrTest {
  const check = checkOf(response, 'dr-tested-recently');
  const overdue = violationOf(response, 'dr-tested');
  if (overdue?.value) {
    return { overdue: true, text: `overdue: expected ${overdue.expected}` };
  }
  if (!check) return { overdue: false, text: 'not evaluated' };
  const dueBy = check.message?.match(/due by (\d{4}-\d{2}-\d{2})/)?.[1];
  if (dueBy) {
    return {
      dueBy,
      overdue: false,
      text: check.state === 'warn' ? `by ${dueBy} (soon)` : `by ${dueBy}`,
    };
  }
  switch (check.state) {
    case 'fail':
      return { overdue: false, text: 'unknown: no DR test date is recorded' };
    case 'exempt':
      return {
        overdue: false,
        text: `exempt until ${check.exemption?.expiresAt ?? 'its expiry'}`,
      };
    case 'not-applicable':
      return {
        overdue: false,
        text: `no deadline: ${check.message ?? 'not required'}`,
      };
    case 'pass':
      return {
        overdue: false,
        text: `no deadline: the policy sets no maximum age of a DR test${
          response.readiness.tier ? ` for ${response.readiness.tier}` : ''
        }`,
      };
    default:
      return { overdue: false, text: check.state };
  }
}
