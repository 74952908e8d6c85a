import {
  BudgetState,
  DeployGateResponse,
} from '@vigil/plugin-reliability-common';

/** What blocks a deployment, from `reliability.deployGate`. */
export interface GateSettings {
  /** Budget states that block, default `[exhausted]`. */
  blockOn: BudgetState[];
  /** Change kinds that pass a closed gate, default reliability-fix and security-fix. */
  overrides: string[];
}

export const DEFAULT_GATE_SETTINGS: GateSettings = {
  blockOn: ['exhausted'],
  overrides: ['reliability-fix', 'security-fix'],
};

/** Worst first: the gate reports the worst state of the service's SLOs. */
const SEVERITY: BudgetState[] = [
  'exhausted',
  'burning',
  'at-risk',
  'no-data',
  'healthy',
];

/**
 * The deploy gate's decision (DESIGN §6.2): not allowed while a budget is
 * in a blocking state, unless the change is marked as one of the override
 * kinds. Every reason names the SLO and its state.
 */
export function decideGate(input: {
  entityRef: string;
  slos: Array<{
    sloRef: string;
    state: BudgetState;
    remaining?: number;
    stale: boolean;
  }>;
  change?: string;
  settings: GateSettings;
}): DeployGateResponse {
  const { entityRef, slos, change, settings } = input;
  const worst =
    SEVERITY.find(state => slos.some(s => s.state === state)) ?? 'no-data';
  const blocking = slos.filter(s => settings.blockOn.includes(s.state));
  const reasons = slos.map(s => {
    const remaining =
      s.remaining === undefined
        ? ''
        : `, ${(s.remaining * 100).toFixed(1)} % of budget left`;
    const stale = s.stale ? ' (stale: last good figures)' : '';
    const verdict = settings.blockOn.includes(s.state) ? 'blocks' : 'allows';
    return `${s.sloRef} is ${s.state}${remaining}${stale}: ${verdict}`;
  });
  if (slos.length === 0) {
    reasons.push(`${entityRef} has no SLO: nothing to block on`);
  }
  const overridden =
    blocking.length > 0 &&
    change !== undefined &&
    settings.overrides.includes(change);
  if (overridden) {
    reasons.push(`allowed anyway: the change is marked as ${change}`);
  }
  return {
    entityRef,
    allowed: blocking.length === 0 || overridden,
    state: worst,
    reasons,
    slos,
  };
}
