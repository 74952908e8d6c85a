import { evaluateReadiness } from './evaluate';
import {
  applyExemption,
  findExemption,
  isExemptionInForce,
} from './exemptions';
import { check, now, scenario, outcomeOf } from './__fixtures__/scenario';
import { ReadinessExemption } from './types';

const exemption = (
  expiresAt: string,
  checkId = 'runbook',
  reason = 'runbook moves to the new wiki',
): ReadinessExemption => ({
  checkId,
  reason,
  grantedBy: 'user:default/sre-lead',
  expiresAt,
});

const noRunbook = { annotations: { 'vigil/runbook': undefined } };

describe('exemptions', () => {
  it('turn a failing check into exempt while in force, keeping the reason and the underlying state', () => {
    const outcome = check('runbook', {
      ...noRunbook,
      exemptions: [exemption('2026-12-01T00:00:00Z')],
    });
    expect(outcome).toMatchObject({
      state: 'exempt',
      counts: true,
      exemption: {
        reason: 'runbook moves to the new wiki',
        grantedBy: 'user:default/sre-lead',
        expiresAt: '2026-12-01T00:00:00Z',
        expired: false,
        underlyingState: 'fail',
      },
    });
    expect(outcome.message).toContain('exempt until 2026-12-01T00:00:00Z');
    expect(outcome.message).toContain('vigil/runbook is missing');
    expect(outcome.fix).toContain('vigil/runbook:');
  });

  it('stop counting once expired, and the result says so', () => {
    const outcome = check('runbook', {
      ...noRunbook,
      exemptions: [exemption('2026-11-27T11:59:59Z')],
    });
    expect(outcome.state).toBe('fail');
    expect(outcome.exemption).toMatchObject({
      expired: true,
      underlyingState: 'fail',
    });
    expect(outcome.message).toContain(
      'The exemption granted by user:default/sre-lead (runbook moves to the new wiki) expired on 2026-11-27T11:59:59Z.',
    );
  });

  it('expire at their expiry instant exactly', () => {
    expect(isExemptionInForce({ expiresAt: now.toISOString() }, now)).toBe(
      false,
    );
    expect(
      isExemptionInForce({ expiresAt: '2026-11-27T12:00:00.001Z' }, now),
    ).toBe(true);
  });

  it('never count with an unreadable expiry', () => {
    expect(isExemptionInForce({ expiresAt: 'next spring' }, now)).toBe(false);
    expect(
      check('runbook', {
        ...noRunbook,
        exemptions: [exemption('next spring')],
      }),
    ).toMatchObject({ state: 'fail', exemption: { expired: true } });
  });

  it('use the longest exemption in force, else the last expired', () => {
    const list = [
      exemption('2026-11-01T00:00:00Z'),
      exemption('2027-01-01T00:00:00Z'),
      exemption('2026-12-01T00:00:00Z'),
      exemption('2027-06-01T00:00:00Z', 'dashboard'),
    ];
    expect(findExemption(list, 'runbook', now)).toEqual({
      exemption: list[1],
      inForce: true,
    });
    expect(
      findExemption(list, 'runbook', new Date('2027-02-01T00:00:00Z')),
    ).toEqual({ exemption: list[1], inForce: false });
    expect(findExemption(list, 'on-call', now)).toBeUndefined();
  });

  it('leave pass and not-applicable as they are', () => {
    const found = findExemption(
      [exemption('2027-01-01T00:00:00Z')],
      'runbook',
      now,
    );
    expect(applyExemption({ state: 'pass' }, found)).toMatchObject({
      state: 'pass',
      exemption: { expired: false, underlyingState: 'pass' },
    });
    expect(applyExemption({ state: 'not-applicable' }, found).state).toBe(
      'not-applicable',
    );
  });

  it('cover warn, no-data and error too', () => {
    const found = findExemption(
      [exemption('2027-01-01T00:00:00Z')],
      'runbook',
      now,
    );
    for (const state of ['warn', 'no-data', 'error'] as const) {
      expect(applyExemption({ state }, found)).toMatchObject({
        state: 'exempt',
        exemption: { underlyingState: state },
      });
    }
  });

  it('count as passing for the score and the level', () => {
    const input = scenario({
      ...noRunbook,
      exemptions: [exemption('2026-12-01T00:00:00Z')],
    });
    const result = evaluateReadiness(input);
    expect(result.score).toBe(100);
    expect(result.level).toBe('gold');
    expect(result.gap).toEqual([]);

    const later = evaluateReadiness({
      ...input,
      now: new Date('2026-12-02T00:00:00Z'),
    });
    expect(outcomeOf(later, 'runbook').state).toBe('fail');
    expect(later.level).toBeUndefined();
    expect(later.gap.map(c => c.id)).toEqual(['runbook']);
    expect(later.score).toBeLessThan(100);
  });

  it('apply only to their own check', () => {
    const result = evaluateReadiness(
      scenario({
        ...noRunbook,
        exemptions: [exemption('2027-01-01T00:00:00Z', 'dashboard')],
      }),
    );
    expect(outcomeOf(result, 'runbook').state).toBe('fail');
    expect(outcomeOf(result, 'dashboard')).toMatchObject({
      state: 'pass',
      exemption: { expired: false },
    });
  });
});
