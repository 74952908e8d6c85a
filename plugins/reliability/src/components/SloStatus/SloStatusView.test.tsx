import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { burningSloStatus } from '../../testUtils/fixtures';
import { SloStatusView } from './SloStatusView';

/** The text of the value next to a label in a description list. */
function valueOf(label: string) {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent;
}

async function renderView(status = burningSloStatus) {
  return renderInTestApp(
    <SloStatusView
      status={status}
      sloName="orders-availability"
      heading="Orders API availability"
    />,
  );
}

describe('SloStatusView', () => {
  it('shows state, policy action, budget left and time to exhaustion', async () => {
    await renderView();

    expect(
      screen.getByText(/40\.0 % of the error budget left/),
    ).toBeInTheDocument();
    expect(valueOf('State')).toBe('burning');
    expect(valueOf('Policy action')).toBe(
      'Page the on-call: the error budget is burning fast; mitigate or roll back now.',
    );
    expect(valueOf('Budget left')).toBe(
      '40.0 % (400 of 1,000 bad events left)',
    );
    expect(valueOf('Time to exhaustion')).toBe('16.1 h at the 1h burn rate');
    expect(valueOf('Target')).toBe('99.900 %');
    expect(valueOf('SLI')).toBe('99.940 %');
  });

  it('lists the burn rate of every window with what it is made of', async () => {
    await renderView();

    const table = screen.getByRole('table', {
      name: 'Burn rates of orders-availability',
    });
    const rows = within(table)
      .getAllByRole('row')
      .map(r => r.textContent);
    expect(rows).toEqual([
      'WindowBad / totalError ratioBurn rateCoverage',
      '5m20 / 1,000 events2.000 %20×100 %',
      '1h200 / 12,000 events1.667 %16.67×100 %',
      '3d0 / 0 eventsno datano data0 %',
    ]);
    expect(
      screen.getByText(
        /Burn rate = error ratio ÷ error budget share \(0\.100 %/,
      ),
    ).toBeInTheDocument();
    const alerts = screen.getByRole('list', {
      name: 'Burn-rate alerts of orders-availability',
    });
    expect(alerts).toHaveTextContent(
      'Firing · page-quick (page): 1h at 16.67× and 5m at 20×, threshold 14.4×',
    );
  });

  it('explains each number with its formula and inputs on demand', async () => {
    await renderView();

    const toggle = screen.getByRole('button', {
      name: 'How the budget of orders-availability is computed',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(toggle);
    const region = screen.getByRole('region', {
      name: 'How the budget of orders-availability is computed',
    });
    expect(region).toHaveTextContent(
      'SLI = good ÷ total = 999,400 ÷ 1,000,000 = 99.940 %',
    );
    expect(region).toHaveTextContent(
      'Allowed bad events = 0.100 % × 1,000,000 events = 1,000',
    );
    expect(region).toHaveTextContent(
      'Consumed = bad ÷ allowed bad = 600 ÷ 1,000 = 60.0 %',
    );
    expect(region).toHaveTextContent(
      'Remaining = 1 − consumed = 40.0 %, 400 bad events left',
    );
    expect(region).toHaveTextContent(
      'Time to exhaustion = remaining × window ÷ burn rate (1h, the longest page window with data) = 0.4 × 28.0 d ÷ 16.67 = 16.1 h',
    );
    expect(region).toHaveTextContent(
      'State burning: a page alert fires — page-quick (page: 1h and 5m above 14.4×).',
    );
    expect(region).toHaveTextContent(
      'time to exhaustion at the burn rate of the last 1h',
    );
  });

  it('summarises the burn-down and keeps the points as a table', async () => {
    await renderView();

    expect(
      screen.getByText(
        'Budget left 80.0 % → 40.0 % over 6 days (2026-11-21 to 2026-11-27, 2 points)',
      ).tagName,
    ).toBe('FIGCAPTION');
    fireEvent.click(
      screen.getByRole('button', { name: 'Show the data as a table' }),
    );
    const rows = within(
      screen.getByRole('table', {
        name: 'Budget history of orders-availability',
      }),
    )
      .getAllByRole('row')
      .map(r => r.textContent);
    expect(rows).toEqual([
      'AtStateBudget leftSLI',
      '2026-11-21 10:00 UTChealthy80.0 %99.980 %',
      '2026-11-24 10:00 UTCno-datano datano data',
      '2026-11-27 10:00 UTCburning40.0 %99.940 %',
    ]);
  });

  it('shows an overspent budget as 0 % and says it is exhausted', async () => {
    await renderView({
      ...burningSloStatus,
      state: 'exhausted',
      history: [],
      result: {
        ...burningSloStatus.result,
        errorBudget: {
          unit: 'events',
          allowedBad: 1000,
          consumed: 1.2,
          remaining: -0.2,
          remainingBad: -200,
        },
        timeToExhaustionSeconds: undefined,
      },
    });

    expect(
      screen.getByText(/0\.0 % of the error budget left/),
    ).toBeInTheDocument();
    expect(valueOf('Time to exhaustion')).toBe('already exhausted');
    expect(screen.getByText(/No budget history yet/)).toBeInTheDocument();
    fireEvent.click(
      screen.getByRole('button', {
        name: 'How the budget of orders-availability is computed',
      }),
    );
    expect(
      screen.getByText(
        'Remaining = 1 − consumed = -20.0 % (overspent; shown as 0.0 %), -200 bad events left',
      ),
    ).toBeInTheDocument();
  });

  it('shows a no-data status without inventing numbers', async () => {
    await renderView({
      ...burningSloStatus,
      state: 'no-data',
      source: { status: 'no-data', reason: 'no counts pushed yet' },
      history: [],
      result: { state: 'no-data', notes: ['no counts pushed yet'] },
    });

    expect(screen.getByText(/no data yet/)).toBeInTheDocument();
    expect(valueOf('Budget left')).toBe('no data');
    expect(valueOf('Time to exhaustion')).toBe('no data');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
