import { RootConfigService } from '@backstage/backend-plugin-api';
import { BUDGET_STATES, BudgetState } from '@vigil/plugin-reliability-common';
import { DEFAULT_GATE_SETTINGS, GateSettings } from './deployGate';

export interface SloSettings {
  refreshSeconds: number;
  historyEverySeconds: number;
  historyRetentionDays: number;
  gate: GateSettings;
}

function positive(
  config: RootConfigService,
  key: string,
  fallback: number,
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!(value > 0)) {
    throw new Error(`${key} must be a positive number, got ${value}`);
  }
  return value;
}

/** Reads `reliability.errorBudgets` and `reliability.deployGate`, naming any bad key. */
export function readSloSettings(config: RootConfigService): SloSettings {
  const blockOn =
    config.getOptionalStringArray('reliability.deployGate.blockOn') ??
    DEFAULT_GATE_SETTINGS.blockOn;
  const unknown = blockOn.filter(
    s => !BUDGET_STATES.includes(s as BudgetState),
  );
  if (unknown.length > 0) {
    throw new Error(
      `reliability.deployGate.blockOn has ${unknown.join(
        ', ',
      )}; expected states among ${BUDGET_STATES.join(', ')}`,
    );
  }
  return {
    refreshSeconds: positive(
      config,
      'reliability.errorBudgets.refreshSeconds',
      60,
    ),
    historyEverySeconds: positive(
      config,
      'reliability.errorBudgets.historyEverySeconds',
      3600,
    ),
    historyRetentionDays: positive(
      config,
      'reliability.errorBudgets.historyRetentionDays',
      90,
    ),
    gate: {
      blockOn: blockOn as BudgetState[],
      overrides:
        config.getOptionalStringArray('reliability.deployGate.overrides') ??
        DEFAULT_GATE_SETTINGS.overrides,
    },
  };
}
