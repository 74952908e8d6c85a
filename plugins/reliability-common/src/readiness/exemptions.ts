import { CheckResult, CheckState } from '../checks';
import { CheckExemptionOutcome, ReadinessExemption } from './types';

/**
 * True while the exemption counts: its expiry lies strictly after `now`.
 * An expiry that cannot be read never counts.
 *
 * @public
 */
export function isExemptionInForce(
  exemption: Pick<ReadinessExemption, 'expiresAt'>,
  now: Date,
): boolean {
  const expires = Date.parse(exemption.expiresAt);
  return !Number.isNaN(expires) && expires > now.getTime();
}

/**
 * The exemption that applies to a check: the one in force that lasts
 * longest, else the one that expired last (shown as expired), else none.
 */
export function findExemption(
  exemptions: ReadinessExemption[] | undefined,
  checkId: string,
  now: Date,
): { exemption: ReadinessExemption; inForce: boolean } | undefined {
  const mine = (exemptions ?? []).filter(e => e?.checkId === checkId);
  const expiry = (e: ReadinessExemption) => {
    const ms = Date.parse(e.expiresAt);
    return Number.isNaN(ms) ? -Infinity : ms;
  };
  const latest = mine.reduce<ReadinessExemption | undefined>(
    (best, e) => (best === undefined || expiry(e) > expiry(best) ? e : best),
    undefined,
  );
  return latest
    ? { exemption: latest, inForce: isExemptionInForce(latest, now) }
    : undefined;
}

/** States an exemption turns into `exempt`; pass and not-applicable stay. */
const EXEMPTABLE: CheckState[] = ['fail', 'warn', 'no-data', 'error'];

/**
 * Applies the exemption (if any) to a check's result. In force, it turns a
 * fail, warn, no-data or error into `exempt`; expired, it changes nothing
 * but is shown, and the message says so.
 */
export function applyExemption(
  result: CheckResult,
  found: ReturnType<typeof findExemption>,
): CheckResult & { exemption?: CheckExemptionOutcome } {
  if (!found) return result;
  const { exemption, inForce } = found;
  const outcome: CheckExemptionOutcome = {
    reason: exemption.reason,
    grantedBy: exemption.grantedBy,
    expiresAt: exemption.expiresAt,
    expired: !inForce,
    underlyingState: result.state,
  };
  if (!inForce && !EXEMPTABLE.includes(result.state)) {
    return { ...result, exemption: outcome };
  }
  if (!inForce) {
    const note = `The exemption granted by ${exemption.grantedBy} (${exemption.reason}) expired on ${exemption.expiresAt}.`;
    return {
      ...result,
      message: result.message ? `${result.message}\n${note}` : note,
      exemption: outcome,
    };
  }
  if (!EXEMPTABLE.includes(result.state)) {
    return { ...result, exemption: outcome };
  }
  return {
    ...result,
    state: 'exempt',
    message: `exempt until ${exemption.expiresAt}, granted by ${
      exemption.grantedBy
    }: ${exemption.reason}${
      result.message
        ? `\nWithout the exemption (${result.state}): ${result.message}`
        : ''
    }`,
    exemption: outcome,
  };
}
