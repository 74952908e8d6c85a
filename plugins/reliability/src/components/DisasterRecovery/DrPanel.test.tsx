import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import {
  checkOutcome,
  drChecks,
  exemplaryProfile,
  reliabilityResponse,
  rtoOverLimitFinding,
  silverReadiness,
} from '../../testUtils/fixtures';
import { DrPanel } from './DrPanel';

function valueOf(label: string) {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent;
}

describe('DrPanel', () => {
  it('judges RTO and RPO against the tier and names the next DR test', async () => {
    const response = reliabilityResponse(
      { ...exemplaryProfile, rto: { text: '4h', seconds: 14400 } },
      [rtoOverLimitFinding],
      { ...silverReadiness, checks: drChecks },
    );

    await renderInTestApp(<DrPanel response={response} />);

    expect(valueOf('Strategy')).toBe('warm-standby');
    expect(valueOf('RTO')).toBe('4h');
    expect(valueOf('RTO against tier-0')).toBe(
      'over the limit: at most 1h for tier-0',
    );
    expect(valueOf('RPO')).toBe('15m');
    expect(valueOf('RPO against tier-0')).toBe('within the tier-0 limit');
    expect(valueOf('Last DR test')).toBe('2026-01-15');
    expect(valueOf('Next DR test due')).toBe('by 2026-07-14 (soon)');
    expect(screen.getByRole('link', { name: 'DR procedure' })).toHaveAttribute(
      'href',
      'https://wiki.example.com/runbooks/orders-dr',
    );

    fireEvent.click(
      screen.getByRole('button', { name: 'How disaster recovery is judged' }),
    );
    const checks = screen.getByRole('list', {
      name: 'Disaster-recovery checks',
    });
    expect(within(checks).getAllByRole('listitem')).toHaveLength(4);
    expect(checks).toHaveTextContent(
      'tier-0 needs a DR test every 180 days, so the next one is due by 2026-07-14',
    );
  });

  it('says a DR test is overdue from the policy finding', async () => {
    const response = reliabilityResponse(
      exemplaryProfile,
      [
        {
          ...rtoOverLimitFinding,
          rule: 'dr-tested',
          field: 'metadata.annotations.vigil/dr-tested',
          value: '2026-01-15',
          expected:
            'a DR test within the last 180 days for tier-0 (this one is 316 days old)',
        },
      ],
      {
        ...silverReadiness,
        checks: [
          ...drChecks.filter(c => c.id !== 'dr-tested-recently'),
          checkOutcome({ id: 'dr-tested-recently', state: 'fail' }),
        ],
      },
    );

    await renderInTestApp(<DrPanel response={response} />);

    expect(valueOf('Next DR test due')).toBe(
      'overdue: expected a DR test within the last 180 days for tier-0 (this one is 316 days old)',
    );
  });

  it('does not invent a limit or a deadline the response does not carry', async () => {
    const response = reliabilityResponse(exemplaryProfile, [], {
      ...silverReadiness,
      tier: 'tier-3',
      checks: [
        checkOutcome({
          id: 'rto-within-tier',
          state: 'not-applicable',
          message: 'not required for tier-3',
        }),
        checkOutcome({
          id: 'dr-tested-recently',
          state: 'pass',
          message: 'last DR test on 2026-01-15',
        }),
      ],
    });

    await renderInTestApp(<DrPanel response={response} />);

    expect(valueOf('RTO against tier-3')).toBe(
      'no limit: not required for tier-3',
    );
    expect(valueOf('RPO against tier-3')).toBe('not evaluated');
    expect(valueOf('Next DR test due')).toBe(
      'no deadline: the policy sets no maximum age of a DR test for tier-3',
    );
  });
});
