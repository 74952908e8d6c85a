import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { OverviewEntityRow } from '@vigil/plugin-reliability-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { reliabilityApiRef } from '../../api';
import { mockReliabilityApi } from '../../testUtils/fixtures';
import { ReliabilityOverviewPage } from './ReliabilityOverviewPage';

const orders: OverviewEntityRow = {
  entityRef: 'component:default/orders',
  kind: 'Component',
  namespace: 'default',
  name: 'orders',
  title: 'Orders API',
  owner: 'group:default/checkout-team',
  system: 'system:default/checkout',
  tier: 'tier-0',
  hasRunbook: true,
  errorCount: 0,
  violationCount: 0,
  readiness: {
    score: 87.5,
    level: 'silver',
    targetLevel: 'gold',
    gapCount: 2,
    evaluatedAt: '2026-11-27T10:00:00.000Z',
  },
};

const reports: OverviewEntityRow = {
  entityRef: 'component:default/legacy-reports',
  kind: 'Component',
  namespace: 'default',
  name: 'legacy-reports',
  hasRunbook: false,
  errorCount: 2,
  violationCount: 3,
};

async function renderPage(api: ReturnType<typeof mockReliabilityApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api]]}>
      <ReliabilityOverviewPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** The cells of the table row that holds the given link text. */
function cellsOfRow(linkName: string) {
  const row = screen.getByRole('link', { name: linkName }).closest('tr')!;
  return within(row)
    .getAllByRole('cell')
    .map(cell => cell.textContent);
}

describe('ReliabilityOverviewPage', () => {
  it('shows one page of services from the server', async () => {
    const api = mockReliabilityApi();
    api.getOverviewEntities.mockResolvedValue({
      items: [orders, reports],
      totalItems: 30,
      offset: 0,
      limit: 25,
    });

    await renderPage(api);

    expect(
      screen.getByRole('heading', { name: 'Reliability overview' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Orders API' }),
    ).toHaveAttribute('href', '/catalog/default/component/orders/reliability');
    expect(
      screen.getByRole('link', { name: 'legacy-reports' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/legacy-reports/reliability',
    );
    expect(
      screen.getByRole('heading', { name: 'Entities' }),
    ).toBeInTheDocument();
    expect(api.getOverviewEntities).toHaveBeenCalledWith({
      offset: 0,
      limit: 25,
    });

    expect(cellsOfRow('Orders API')).toEqual([
      'Orders API',
      'Component',
      'checkout-team',
      'checkout',
      'tier-0',
      'silver / gold',
      '87.5',
      '2',
      'Yes',
      '0',
      '0',
    ]);
    expect(cellsOfRow('legacy-reports')).toEqual([
      'legacy-reports',
      'Component',
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
      'No',
      '2',
      '3',
    ]);
    expect(screen.getAllByText('1-25 of 30').length).toBeGreaterThan(0);
  });

  it('asks the server for the next page', async () => {
    const api = mockReliabilityApi();
    api.getOverviewEntities
      .mockResolvedValueOnce({
        items: [orders],
        totalItems: 30,
        offset: 0,
        limit: 25,
      })
      .mockResolvedValueOnce({
        items: [reports],
        totalItems: 30,
        offset: 25,
        limit: 25,
      });

    await renderPage(api);
    await screen.findByRole('link', { name: 'Orders API' });

    fireEvent.click(screen.getAllByRole('button', { name: /next page/i })[0]);

    expect(
      await screen.findByRole('link', { name: 'legacy-reports' }),
    ).toBeInTheDocument();
    expect(api.getOverviewEntities).toHaveBeenLastCalledWith({
      offset: 25,
      limit: 25,
    });
  });

  it('shows an error panel when the server fails', async () => {
    const api = mockReliabilityApi();
    api.getOverviewEntities.mockRejectedValue(
      new Error('overview unavailable'),
    );

    await renderPage(api);

    await waitFor(() =>
      expect(
        screen.getAllByText(/overview unavailable/).length,
      ).toBeGreaterThan(0),
    );
  });
});
