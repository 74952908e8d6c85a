import { BudgetState } from '@vigil/plugin-reliability-common';
import { decideGate, DEFAULT_GATE_SETTINGS } from './deployGate';

const gate = (
  states: BudgetState[],
  change?: string,
  settings = DEFAULT_GATE_SETTINGS,
) =>
  decideGate({
    entityRef: 'component:default/orders',
    slos: states.map((state, i) => ({
      sloRef: `slo:default/s${i}`,
      state,
      remaining: state === 'no-data' ? undefined : 0.5,
      stale: false,
    })),
    change,
    settings,
  });

describe('decideGate', () => {
  it.each<[BudgetState, boolean]>([
    ['healthy', true],
    ['at-risk', true],
    ['burning', true],
    ['no-data', true],
    ['exhausted', false],
  ])(
    'with the default settings, a %s budget → allowed %s',
    (state, allowed) => {
      const result = gate([state]);
      expect(result.allowed).toBe(allowed);
      expect(result.state).toBe(state);
      expect(result.reasons[0]).toMatch(
        new RegExp(
          `^slo:default/s0 is ${state}.*: ${allowed ? 'allows' : 'blocks'}$`,
        ),
      );
    },
  );

  it('blocks on burning when the policy says so', () => {
    const settings = {
      ...DEFAULT_GATE_SETTINGS,
      blockOn: ['exhausted', 'burning'] as BudgetState[],
    };
    expect(gate(['burning'], undefined, settings).allowed).toBe(false);
    expect(gate(['at-risk'], undefined, settings).allowed).toBe(true);
  });

  it('reports the worst state of several SLOs', () => {
    const result = gate(['healthy', 'burning', 'at-risk']);
    expect(result.state).toBe('burning');
    expect(result.reasons).toHaveLength(3);
  });

  it('lets a reliability or security fix through a closed gate, saying so', () => {
    const result = gate(['exhausted'], 'reliability-fix');
    expect(result.allowed).toBe(true);
    expect(result.reasons).toContain(
      'allowed anyway: the change is marked as reliability-fix',
    );
    expect(gate(['exhausted'], 'feature').allowed).toBe(false);
  });

  it('allows a service without SLOs, saying why', () => {
    const result = gate([]);
    expect(result).toMatchObject({ allowed: true, state: 'no-data' });
    expect(result.reasons).toEqual([
      'component:default/orders has no SLO: nothing to block on',
    ]);
  });
});
