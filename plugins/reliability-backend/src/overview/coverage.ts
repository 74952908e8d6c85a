import {
  OverviewCoverage,
  ReadinessResult,
  ReliabilityProfile,
} from '@vigil/plugin-reliability-common';

/**
 * How each basic is decided, in words: shown with the overview's figures.
 */
export const COVERAGE_RULES: Record<keyof OverviewCoverage, string> = {
  slo: 'at least one SLO entity names the service (spec.service); the error-budget-healthy check applies to it',
  runbook:
    'a runbook is declared (metadata.annotations.vigil/runbook or a runbook link)',
  onCall:
    'an on-call route is declared (pagerduty.com/* or opsgenie.com/* annotations)',
  drTested:
    'a DR test date is recorded (vigil/dr-tested) and the dr-tested-recently check does not fail',
};

const stateOf = (result: ReadinessResult, id: string) =>
  result.checks.find(c => c.id === id)?.state;

/**
 * Which reliability basics an entity has, whatever its tier requires: the
 * overview counts them for every tier. Read from the parsed profile and
 * the readiness result (see COVERAGE_RULES).
 */
export function coverageOf(
  profile: ReliabilityProfile,
  result: ReadinessResult,
): OverviewCoverage {
  const budget = stateOf(result, 'error-budget-healthy');
  const drCheck = stateOf(result, 'dr-tested-recently');
  return {
    slo: budget !== undefined && budget !== 'not-applicable',
    runbook: Boolean(profile.runbook),
    onCall: profile.onCall.length > 0,
    drTested:
      Boolean(profile.dr.lastTested) &&
      drCheck !== 'fail' &&
      drCheck !== 'error',
  };
}
