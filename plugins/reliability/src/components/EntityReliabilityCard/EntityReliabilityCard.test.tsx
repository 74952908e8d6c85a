import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { reliabilityApiRef } from '../../api';
import {
  badTierError,
  burningSloStatus,
  emptyProfile,
  exemplaryProfile,
  mockReliabilityApi,
  ordersEntity,
  reliabilityResponse,
  silverReadiness,
} from '../../testUtils/fixtures';
import { EntityReliabilityCard } from './EntityReliabilityCard';

async function renderCard(api: ReturnType<typeof mockReliabilityApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api]]}>
      <EntityProvider entity={ordersEntity}>
        <EntityReliabilityCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** The text of the value next to a label in the card's description list. */
function valueOf(label: string) {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent;
}

describe('EntityReliabilityCard', () => {
  it('summarises an exemplary entity and links to its tab', async () => {
    const api = mockReliabilityApi();
    api.getEntityReliability.mockResolvedValue(
      reliabilityResponse(exemplaryProfile),
    );

    await renderCard(api);

    const card = await screen.findByRole('heading', { name: 'Reliability' });
    expect(card).toBeInTheDocument();
    expect(await screen.findByText('tier-0')).toBeInTheDocument();
    expect(valueOf('Tier')).toBe('tier-0');
    expect(valueOf('Runbook')).toBe('Yes');
    expect(valueOf('Metadata errors')).toBe('0');
    expect(valueOf('Level')).toBe('silver (target gold)');
    expect(valueOf('Score')).toBe('87.5');
    expect(valueOf('Top missing item')).toBe('Nothing missing');
    expect(
      screen.getByRole('link', { name: /View reliability/ }),
    ).toHaveAttribute('href', '/catalog/default/component/orders/reliability');
  });

  it('counts metadata errors and tells what is missing', async () => {
    const api = mockReliabilityApi();
    api.getEntityReliability.mockResolvedValue(
      reliabilityResponse({
        ...emptyProfile,
        errors: [badTierError, badTierError],
      }),
    );

    await renderCard(api);

    expect(await screen.findByText('Not declared')).toBeInTheDocument();
    expect(valueOf('Runbook')).toBe('No');
    expect(valueOf('Metadata errors')).toBe('2');
  });

  it('names the top missing item of the gap', async () => {
    const api = mockReliabilityApi();
    api.getEntityReliability.mockResolvedValue(
      reliabilityResponse(exemplaryProfile, [], silverReadiness),
    );
    await renderCard(api);
    expect(await screen.findByText('tier-0')).toBeInTheDocument();
    expect(valueOf('Top missing item')).toBe('RTO within the tier limit');
  });

  it('shows an error panel when the backend fails', async () => {
    const api = mockReliabilityApi();
    api.getEntityReliability.mockRejectedValue(new Error('backend down'));

    await renderCard(api);

    const alert = await screen.findAllByText(/backend down/);
    expect(alert.length).toBeGreaterThan(0);
    expect(
      within(document.body).queryByText('Metadata errors'),
    ).not.toBeInTheDocument();
  });

  it('names the worst budget among the SLOs, from the deploy gate', async () => {
    const api = mockReliabilityApi();
    api.getEntityReliability.mockResolvedValue(
      reliabilityResponse(exemplaryProfile),
    );
    api.getDeployGate.mockResolvedValue({
      entityRef: 'component:default/orders',
      allowed: false,
      state: 'exhausted',
      reasons: [],
      slos: [
        {
          sloRef: burningSloStatus.sloRef,
          state: 'burning',
          remaining: 0.4,
          stale: false,
        },
        {
          sloRef: 'slo:default/orders-latency',
          state: 'exhausted',
          remaining: -0.1,
          stale: false,
        },
      ],
    });

    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <EntityProvider
          entity={{
            ...ordersEntity,
            relations: [
              { type: 'hasSLO', targetRef: burningSloStatus.sloRef },
              { type: 'hasSLO', targetRef: 'slo:default/orders-latency' },
            ],
          }}
        >
          <EntityReliabilityCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(
      await screen.findByText('exhausted (orders-latency, 0.0 % left)'),
    ).toBeInTheDocument();
    expect(valueOf('Worst budget')).toBe(
      'exhausted (orders-latency, 0.0 % left)',
    );
  });

  it('does not ask the gate for an entity without SLOs', async () => {
    const api = mockReliabilityApi();
    api.getEntityReliability.mockResolvedValue(
      reliabilityResponse(exemplaryProfile),
    );

    await renderCard(api);

    expect(await screen.findByText('tier-0')).toBeInTheDocument();
    expect(valueOf('Worst budget')).toBe('No SLO');
    expect(api.getDeployGate).not.toHaveBeenCalled();
  });
});
