import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { analyticsApiRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useLocation, useNavigate } from 'react-router-dom';
import { reliabilityApiRef } from '../../api';
import { mockReliabilityApi } from '../../testUtils/fixtures';
import {
  legacyReportsOverviewRow,
  ordersOverviewRow,
  overviewAggregate,
  overviewKpis,
  overviewTrends,
} from '../../testUtils/overviewFixtures';
import { ReliabilityOverviewPage } from './ReliabilityOverviewPage';

/**
 * Shows the current query string, so tests can read what the page wrote,
 * and offers the browser's back button.
 */
function LocationProbe() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <div data-testid="location">{location.search}</div>
      <div data-testid="pathname">{location.pathname}</div>
      <button onClick={() => navigate(-1)}>Browser back</button>
    </>
  );
}

const currentQuery = () => screen.getByTestId('location').textContent;

function apiWithData() {
  const api = mockReliabilityApi();
  api.getOverviewEntities.mockResolvedValue({
    items: [ordersOverviewRow, legacyReportsOverviewRow],
    totalItems: 80,
    offset: 0,
    limit: 50,
  });
  api.getOverviewKpis.mockResolvedValue(overviewKpis);
  api.getOverviewTrends.mockResolvedValue(overviewTrends);
  api.getOverviewAggregates.mockImplementation(async ({ groupBy }) => ({
    groupBy,
    items: [
      overviewAggregate({
        key: 'group:default/engineering',
        title: 'Engineering',
        entities: 7,
        directEntities: 1,
      }),
      overviewAggregate({
        key: 'group:default/checkout-team',
        parent: 'group:default/engineering',
        entities: 6,
        directEntities: 6,
      }),
      overviewAggregate({ key: null, entities: 2, directEntities: 2 }),
    ],
  }));
  return api;
}

async function renderPage(
  api: ReturnType<typeof mockReliabilityApi>,
  url = '/reliability',
) {
  return renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api]]}>
      <ReliabilityOverviewPage />
      <LocationProbe />
    </TestApiProvider>,
    {
      routeEntries: [url],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

/** The cells of the entity table's row that holds the given link text. */
function cellsOfRow(linkName: string) {
  const row = screen.getByRole('link', { name: linkName }).closest('tr')!;
  return within(row)
    .getAllByRole('cell')
    .map(cell => cell.textContent);
}

const entityTable = () => screen.getByRole('table', { name: 'Entities' });

describe('ReliabilityOverviewPage', () => {
  it('shows one page of entities, biggest gaps first, with links to their tabs', async () => {
    const api = apiWithData();

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
      limit: 50,
      sort: 'gap',
      order: 'desc',
    });

    expect(cellsOfRow('Orders API')).toEqual([
      'Orders APIComponent',
      'checkout-team',
      'checkout',
      'tier-0',
      'silver / goldbelow target',
      '87.5',
      '2',
      'SLO yesRunbook yesOn-call yesDR tested missing',
      'burning',
      '0',
      '0',
    ]);
    expect(cellsOfRow('legacy-reports')).toEqual([
      'legacy-reportsComponent',
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
      'SLO missingRunbook missingOn-call missingDR tested missing',
      '—',
      '2',
      '3',
    ]);
    expect(screen.getByText('1-50 of 80')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      '80 entities evaluated',
    );
    const gapHeader = within(entityTable()).getByRole('columnheader', {
      name: /^Gap/,
    });
    expect(gapHeader).toHaveAttribute('aria-sort', 'descending');
  });

  it('asks the server for what the URL says', async () => {
    const api = apiWithData();

    await renderPage(
      api,
      '/reliability?tier=tier-0&missing=runbook&search=ord&sort=score&order=desc&page=2&groupBy=tier',
    );

    await screen.findByRole('link', { name: 'Orders API' });
    const filters = { tier: ['tier-0'], missing: ['runbook'], search: 'ord' };
    expect(api.getOverviewEntities).toHaveBeenCalledWith({
      offset: 50,
      limit: 50,
      ...filters,
      sort: 'score',
      order: 'desc',
    });
    expect(api.getOverviewEntities).toHaveBeenCalledTimes(1);
    expect(api.getOverviewKpis).toHaveBeenCalledWith(filters);
    expect(api.getOverviewTrends).toHaveBeenCalledWith({
      ...filters,
      days: 90,
    });
    expect(api.getOverviewAggregates).toHaveBeenCalledWith({
      ...filters,
      groupBy: 'tier',
    });
    const tiers = screen.getByRole('group', { name: 'Tier' });
    expect(
      within(tiers).getByRole('button', { name: 'tier-0' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(
      within(tiers).getByRole('button', { name: 'tier-1' }),
    ).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue(
      'ord',
    );
    expect(
      within(entityTable()).getByRole('columnheader', { name: /^Score/ }),
    ).toHaveAttribute('aria-sort', 'descending');
  });

  it('writes a filter change to the URL, back on page one, and asks again', async () => {
    const api = apiWithData();
    await renderPage(api, '/reliability?tier=tier-0&page=3');
    await screen.findByRole('link', { name: 'Orders API' });

    const tiers = screen.getByRole('group', { name: 'Tier' });
    fireEvent.click(within(tiers).getByRole('button', { name: 'tier-1' }));

    await waitFor(() => expect(currentQuery()).toBe('?tier=tier-0,tier-1'));
    await waitFor(() =>
      expect(api.getOverviewEntities).toHaveBeenLastCalledWith({
        offset: 0,
        limit: 50,
        tier: ['tier-0', 'tier-1'],
        sort: 'gap',
        order: 'desc',
      }),
    );
    expect(api.getOverviewKpis).toHaveBeenLastCalledWith({
      tier: ['tier-0', 'tier-1'],
    });

    fireEvent.click(
      screen.getAllByRole('button', { name: 'Clear filters' })[0],
    );
    await waitFor(() => expect(currentQuery()).toBe(''));
  });

  it('asks for the tiles, the chart and the aggregates once the rows of the same filters are answered', async () => {
    const api = apiWithData();
    let answerRows: () => void = () => {};
    api.getOverviewEntities.mockImplementation(
      () =>
        new Promise(resolve => {
          answerRows = () =>
            resolve({
              items: [ordersOverviewRow],
              totalItems: 1,
              offset: 0,
              limit: 50,
            });
        }),
    );
    await renderPage(api);
    await waitFor(() => expect(api.getOverviewEntities).toHaveBeenCalled());
    expect(api.getOverviewKpis).not.toHaveBeenCalled();
    expect(api.getOverviewTrends).not.toHaveBeenCalled();
    expect(api.getOverviewAggregates).not.toHaveBeenCalled();

    answerRows();
    await screen.findByRole('link', { name: 'Orders API' });
    await waitFor(() => expect(api.getOverviewKpis).toHaveBeenCalledWith({}));
    expect(api.getOverviewTrends).toHaveBeenCalledTimes(1);
    expect(api.getOverviewAggregates).toHaveBeenCalledTimes(1);

    // A filter: the others wait for its rows again; a sort asks them nothing.
    const tiers = screen.getByRole('group', { name: 'Tier' });
    fireEvent.click(within(tiers).getByRole('button', { name: 'tier-1' }));
    await waitFor(() =>
      expect(api.getOverviewEntities).toHaveBeenLastCalledWith(
        expect.objectContaining({ tier: ['tier-1'] }),
      ),
    );
    expect(api.getOverviewKpis).toHaveBeenCalledTimes(1);
    answerRows();
    await waitFor(() =>
      expect(api.getOverviewKpis).toHaveBeenLastCalledWith({
        tier: ['tier-1'],
      }),
    );
    fireEvent.click(
      within(entityTable()).getByRole('button', { name: 'Score' }),
    );
    await waitFor(() =>
      expect(api.getOverviewEntities).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: 'score' }),
      ),
    );
    answerRows();
    await waitFor(() => expect(currentQuery()).toContain('sort=score'));
    expect(api.getOverviewKpis).toHaveBeenCalledTimes(2);
    expect(api.getOverviewTrends).toHaveBeenCalledTimes(2);
  });

  it('still shows the other sections when the rows cannot be read', async () => {
    const api = apiWithData();
    api.getOverviewEntities.mockRejectedValue(new Error('rows unavailable'));
    await renderPage(api);
    expect(
      await screen.findByText('Error: rows unavailable', { selector: 'h6' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(api.getOverviewKpis).toHaveBeenCalledWith({}));
    expect(api.getOverviewAggregates).toHaveBeenCalled();
  });

  it('follows a row link inside the app and reports the click to analytics', async () => {
    const api = apiWithData();
    const analytics = mockApis.analytics.mock();
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [reliabilityApiRef, api],
          [analyticsApiRef, analytics],
        ]}
      >
        <ReliabilityOverviewPage />
        <LocationProbe />
      </TestApiProvider>,
      {
        routeEntries: ['/reliability'],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    fireEvent.click(await screen.findByRole('link', { name: 'Orders API' }));

    await waitFor(() =>
      expect(screen.getByTestId('pathname')).toHaveTextContent(
        '/catalog/default/component/orders/reliability',
      ),
    );
    expect(analytics.captureEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        action: 'click',
        subject: 'Orders API',
        attributes: { to: '/catalog/default/component/orders/reliability' },
      }),
    );
  });

  it('shows the view of a URL changed from outside, as by the back button', async () => {
    const api = apiWithData();
    await renderPage(api, '/reliability?tier=tier-0');
    await screen.findByRole('link', { name: 'Orders API' });
    const tiers = screen.getByRole('group', { name: 'Tier' });
    const tier1 = within(tiers).getByRole('button', { name: 'tier-1' });

    fireEvent.click(tier1);
    await waitFor(() => expect(currentQuery()).toBe('?tier=tier-0,tier-1'));
    expect(tier1).toHaveAttribute('aria-pressed', 'true');

    fireEvent.click(screen.getByRole('button', { name: 'Browser back' }));
    await waitFor(() => expect(currentQuery()).toBe('?tier=tier-0'));
    await waitFor(() => expect(tier1).toHaveAttribute('aria-pressed', 'false'));
    await waitFor(() =>
      expect(api.getOverviewEntities).toHaveBeenLastCalledWith(
        expect.objectContaining({ tier: ['tier-0'] }),
      ),
    );
  });

  it('searches once the user stops typing', async () => {
    const api = apiWithData();
    await renderPage(api);
    await screen.findByRole('link', { name: 'Orders API' });

    const searchBox = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.change(searchBox, { target: { value: 'orders ' } });

    await waitFor(() => expect(currentQuery()).toBe('?search=orders'));
    // The blank the user just typed stays, ready for the next word.
    expect(searchBox).toHaveValue('orders ');
    await waitFor(() =>
      expect(api.getOverviewEntities).toHaveBeenLastCalledWith(
        expect.objectContaining({ search: 'orders', offset: 0 }),
      ),
    );
  });

  it('sorts by a clicked column, then reverses it', async () => {
    const api = apiWithData();
    await renderPage(api);
    await screen.findByRole('link', { name: 'Orders API' });

    fireEvent.click(
      within(entityTable()).getByRole('button', { name: 'Score' }),
    );
    await waitFor(() => expect(currentQuery()).toBe('?sort=score&order=asc'));
    await waitFor(() =>
      expect(api.getOverviewEntities).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: 'score', order: 'asc' }),
      ),
    );
    await waitFor(() =>
      expect(
        within(entityTable()).getByRole('columnheader', { name: /^Score/ }),
      ).toHaveAttribute('aria-sort', 'ascending'),
    );

    fireEvent.click(
      within(entityTable()).getByRole('button', { name: 'Score' }),
    );
    await waitFor(() => expect(currentQuery()).toBe('?sort=score&order=desc'));
  });

  it('asks the server for the next page and keeps it in the URL', async () => {
    const api = apiWithData();
    api.getOverviewEntities
      .mockResolvedValueOnce({
        items: [ordersOverviewRow],
        totalItems: 80,
        offset: 0,
        limit: 50,
      })
      .mockResolvedValueOnce({
        items: [legacyReportsOverviewRow],
        totalItems: 80,
        offset: 50,
        limit: 50,
      });
    await renderPage(api);
    await screen.findByRole('link', { name: 'Orders API' });

    fireEvent.click(screen.getByRole('button', { name: /next page/i }));

    expect(
      await screen.findByRole('link', { name: 'legacy-reports' }),
    ).toBeInTheDocument();
    // The URL follows once the page's rows are drawn.
    await waitFor(() => expect(currentQuery()).toBe('?page=2'));
    expect(api.getOverviewEntities).toHaveBeenLastCalledWith(
      expect.objectContaining({ offset: 50, limit: 50 }),
    );
  });

  it('shows how a headline figure is computed on demand', async () => {
    const api = apiWithData();
    await renderPage(api);

    const tile = await screen.findByRole('region', {
      name: 'Tier-0/1 services with SLOs',
    });
    expect(within(tile).getByText('3')).toBeInTheDocument();
    expect(within(tile).getByText('of 4 (75 %)')).toBeInTheDocument();
    const explanation = /out of all tier-0 and tier-1 entities/;
    expect(screen.queryByText(explanation)).not.toBeInTheDocument();

    const button = within(tile).getByRole('button', {
      name: 'How "Tier-0/1 services with SLOs" is computed',
    });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(button);

    expect(await within(tile).findByText(explanation)).toBeVisible();
    expect(button).toHaveAttribute('aria-expanded', 'true');
  });

  it('downloads the CSV of the current filters and order', async () => {
    const api = apiWithData();
    const blob = new Blob(['entityRef\ncomponent:default/orders\n'], {
      type: 'text/csv',
    });
    api.exportOverviewCsv.mockResolvedValue({
      blob,
      filename: 'reliability-overview.csv',
    });
    const createObjectURL = jest.fn(() => 'blob:overview');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: HTMLAnchorElement[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function recordClick(this: HTMLAnchorElement) {
        clicked.push(this);
      });

    try {
      await renderPage(
        api,
        '/reliability?tier=tier-0&budget=burning&sort=name&order=asc&page=2',
      );
      await screen.findByRole('link', { name: 'Orders API' });

      fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));

      await waitFor(() => expect(clicked).toHaveLength(1));
      expect(api.exportOverviewCsv).toHaveBeenCalledWith({
        tier: ['tier-0'],
        budget: ['burning'],
        sort: 'name',
        order: 'asc',
      });
      expect(createObjectURL).toHaveBeenCalledWith(blob);
      expect(clicked[0].download).toBe('reliability-overview.csv');
      expect(clicked[0].getAttribute('href')).toBe('blob:overview');
    } finally {
      click.mockRestore();
    }
  });

  it('says so when the CSV cannot be downloaded', async () => {
    const api = apiWithData();
    api.exportOverviewCsv.mockRejectedValue(new Error('export refused'));
    await renderPage(api);
    await screen.findByRole('link', { name: 'Orders API' });

    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The CSV could not be downloaded: export refused',
    );
  });

  it('shows owner groups as a tree and filters the entities by a clicked group', async () => {
    const api = apiWithData();
    await renderPage(api);

    const groups = await screen.findByRole('table', {
      name: 'Reliability by owner',
    });
    const rowHeaders = within(groups)
      .getAllByRole('rowheader')
      .map(cell => cell.textContent);
    expect(rowHeaders).toEqual([
      'Engineering',
      '↳checkout-team, part of Engineering',
      'No owner',
    ]);
    const engineering = within(groups)
      .getByRole('rowheader', { name: /^Engineering/ })
      .closest('tr')!;
    expect(
      within(engineering)
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual([
      '7 (1 own)',
      '62.5',
      '1 of 7 (14 %)',
      '9',
      '3',
      '2',
      '4',
      '1',
      '1',
      '0',
    ]);

    fireEvent.click(
      within(groups).getByRole('button', {
        name: 'Filter by owner checkout-team',
      }),
    );

    await waitFor(() =>
      expect(currentQuery()).toBe('?owner=group:default/checkout-team'),
    );
    await waitFor(() =>
      expect(api.getOverviewEntities).toHaveBeenLastCalledWith(
        expect.objectContaining({ owner: ['group:default/checkout-team'] }),
      ),
    );
    expect(
      await within(groups).findByRole('button', {
        name: 'Filter by owner checkout-team',
      }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('offers the owner groups as a filter once the list is opened', async () => {
    const api = apiWithData();
    await renderPage(api, '/reliability?system=system:default/checkout');
    await screen.findByRole('link', { name: 'Orders API' });
    expect(api.getOverviewAggregates).toHaveBeenCalledTimes(1);

    const filterForm = screen.getByRole('search', {
      name: 'Filter the overview',
    });
    fireEvent.mouseDown(
      within(filterForm).getByRole('button', { name: /^Owner/ }),
    );

    const engineering = await screen.findByRole('option', {
      name: 'Engineering (7)',
    });
    expect(api.getOverviewAggregates).toHaveBeenLastCalledWith({
      groupBy: 'owner',
    });
    expect(screen.getAllByRole('option').map(o => o.textContent)).toEqual([
      'Engineering (7)',
      '\u2003checkout-team (6)',
    ]);
    fireEvent.click(engineering);

    await waitFor(() =>
      expect(currentQuery()).toBe(
        '?system=system:default/checkout&owner=group:default/engineering',
      ),
    );
    await waitFor(() =>
      expect(api.getOverviewEntities).toHaveBeenLastCalledWith(
        expect.objectContaining({
          system: ['system:default/checkout'],
          owner: ['group:default/engineering'],
        }),
      ),
    );
  });

  it('groups by what the selector says', async () => {
    const api = apiWithData();
    await renderPage(api);
    await screen.findByRole('table', { name: 'Reliability by owner' });

    fireEvent.mouseDown(screen.getByRole('button', { name: /Group by/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Tier' }));

    await waitFor(() => expect(currentQuery()).toBe('?groupBy=tier'));
    expect(
      await screen.findByRole('table', { name: 'Reliability by tier' }),
    ).toBeInTheDocument();
    expect(api.getOverviewAggregates).toHaveBeenLastCalledWith({
      groupBy: 'tier',
    });
  });

  it('summarises the trend in words', async () => {
    const api = apiWithData();
    await renderPage(api);

    expect(
      await screen.findByText(
        'From 2026-11-25 to 2026-11-27, the average score rose from 55 to 62.5 and the entities at target rose from 0 to 1 (of 4 on the last day).',
      ),
    ).toBeInTheDocument();
  });

  it('explains how entities get here when none has been evaluated', async () => {
    const api = apiWithData();
    api.getOverviewEntities.mockResolvedValue({
      items: [],
      totalItems: 0,
      offset: 0,
      limit: 50,
    });
    await renderPage(api);

    expect(
      await screen.findByText('No entities evaluated yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/evaluates every Component, System and Resource/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Download CSV' }),
    ).not.toBeInTheDocument();
  });

  it('offers to clear the filters when nothing matches them', async () => {
    const api = apiWithData();
    api.getOverviewEntities.mockResolvedValue({
      items: [],
      totalItems: 0,
      offset: 0,
      limit: 50,
    });
    await renderPage(api, '/reliability?budget=exhausted');

    expect(
      await screen.findByText('No entity matches these filters.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      '0 entities match the filters',
    );
  });

  it('shows an error panel when the server fails', async () => {
    const api = apiWithData();
    api.getOverviewEntities.mockRejectedValue(
      new Error('overview unavailable'),
    );
    api.getOverviewKpis.mockRejectedValue(new Error('figures unavailable'));

    await renderPage(api);

    await waitFor(() =>
      expect(
        screen.getAllByText(/overview unavailable/).length,
      ).toBeGreaterThan(0),
    );
    expect(screen.getAllByText(/figures unavailable/).length).toBeGreaterThan(
      0,
    );
  });
});
