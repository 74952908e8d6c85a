import { ResponseError } from '@backstage/errors';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { reliabilityApiRef } from '../../api';
import {
  badTierError,
  emptyProfile,
  exemplaryProfile,
  missingRunbookFinding,
  silverReadiness,
  mockReliabilityApi,
  ordersEntity,
  reliabilityResponse,
} from '../../testUtils/fixtures';
import { EntityReliabilityContent } from './EntityReliabilityContent';

async function renderContent(api: ReturnType<typeof mockReliabilityApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api]]}>
      <EntityProvider entity={ordersEntity}>
        <EntityReliabilityContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('EntityReliabilityContent', () => {
  it('shows the metadata of an exemplary entity', async () => {
    const api = mockReliabilityApi();
    api.getEntityReliability.mockResolvedValue(
      reliabilityResponse(exemplaryProfile),
    );

    await renderContent(api);

    expect(
      await screen.findByRole('heading', { name: 'Reliability metadata' }),
    ).toBeInTheDocument();
    expect(api.getEntityReliability).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'orders',
    });
    expect(screen.getByText('tier-0')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Runbook' })).toHaveAttribute(
      'href',
      'https://wiki.example.com/runbooks/orders',
    );
    expect(screen.getByRole('link', { name: 'Dashboard' })).toHaveAttribute(
      'href',
      'https://grafana.example.com/d/orders',
    );
    expect(screen.getByText('1h')).toBeInTheDocument();
    expect(screen.getByText('15m')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Disaster recovery' }),
    ).toBeInTheDocument();
    expect(screen.getByText('warm-standby')).toBeInTheDocument();
    expect(screen.getByText('2026-01-15')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'DR procedure' })).toHaveAttribute(
      'href',
      'https://wiki.example.com/runbooks/orders-dr',
    );
    expect(screen.getByText(/Metadata last changed/)).toHaveTextContent(
      'Metadata last changed 2026-01-10 12:00 UTC',
    );
    expect(screen.queryByText('Metadata errors')).not.toBeInTheDocument();
    expect(
      screen.queryByText('No reliability metadata yet'),
    ).not.toBeInTheDocument();
  });

  it('says which fields are not declared', async () => {
    const api = mockReliabilityApi();
    api.getEntityReliability.mockResolvedValue(
      reliabilityResponse({
        ...emptyProfile,
        rto: { text: '4h', seconds: 14400 },
      }),
    );

    await renderContent(api);

    expect(await screen.findByText('4h')).toBeInTheDocument();
    // Tier, runbook, dashboard, RPO, strategy, last test, DR runbook.
    expect(screen.getAllByText('Not declared')).toHaveLength(7);
    expect(
      screen.queryByRole('link', { name: 'Runbook' }),
    ).not.toBeInTheDocument();
  });

  it('lists metadata errors with the full message', async () => {
    const api = mockReliabilityApi();
    api.getEntityReliability.mockResolvedValue(
      reliabilityResponse({ ...emptyProfile, errors: [badTierError] }),
    );

    await renderContent(api);

    const panel = await screen.findByRole('alert');
    expect(panel).toHaveTextContent('Metadata errors');
    expect(
      screen.getByRole('heading', { name: 'Metadata errors' }),
    ).toBeInTheDocument();
    expect(screen.getByText(badTierError.message)).toBeInTheDocument();
    expect(badTierError.message).toContain('expected one of tier-0');
    expect(
      screen.getByText('metadata.annotations.vigil/tier'),
    ).toBeInTheDocument();
    expect(screen.getByText('gold')).toBeInTheDocument();
    expect(screen.getByText(badTierError.expected)).toBeInTheDocument();
    expect(screen.getByText('"vigil/tier: tier-1"').tagName).toBe('CODE');
    // An invalid tier is still metadata: the card shows, not the empty state.
    expect(
      screen.getByRole('heading', { name: 'Reliability metadata' }),
    ).toBeInTheDocument();
    // ...and the tier row says it is invalid rather than "Not declared".
    expect(
      screen.getByText('Invalid (see Metadata errors)'),
    ).toBeInTheDocument();
  });

  it('shows the readiness score, level against target and the gap with its fix', async () => {
    const api = mockReliabilityApi();
    api.getEntityReliability.mockResolvedValue(
      reliabilityResponse(exemplaryProfile, [], silverReadiness),
    );
    await renderContent(api);
    expect(
      await screen.findByText(
        'Score 87.5 · level silver · target gold for tier-0',
      ),
    ).toBeInTheDocument();
    const gap = screen.getByLabelText('Readiness gap');
    expect(gap).toHaveTextContent('RTO within the tier limit');
    expect(gap).toHaveTextContent('expected at most 1h for tier-0');
    expect(gap).toHaveTextContent('vigil/rto: 1h');
  });

  it('lists the policy findings with their rule and the enforcement mode', async () => {
    const api = mockReliabilityApi();
    api.getEntityReliability.mockResolvedValue(
      reliabilityResponse(exemplaryProfile, [
        missingRunbookFinding,
        { ...missingRunbookFinding, rule: 'dashboard', pending: true },
      ]),
    );

    await renderContent(api);

    const panel = await screen.findByRole('alert', { name: 'Policy findings' });
    expect(panel).toHaveTextContent(missingRunbookFinding.message);
    expect(panel).toHaveTextContent('runbook');
    expect(panel).toHaveTextContent('not enforced yet');
    expect(panel).toHaveTextContent('Warning: the catalog admits this entity');
    expect(screen.queryByRole('alert', { name: 'Metadata errors' })).toBeNull();
  });

  it('shows each related SLO with its budget, the inputs behind it and the deploy gate', async () => {
    const api = mockReliabilityApi();
    api.getEntityReliability.mockResolvedValue(
      reliabilityResponse(exemplaryProfile),
    );
    api.getSloStatus.mockResolvedValue({
      sloRef: 'slo:default/orders-availability',
      state: 'burning',
      source: { status: 'ok' },
      evaluatedAt: '2026-11-27T10:00:00.000Z',
      history: [],
      result: {
        method: 'Occurrences',
        sli: 0.9991,
        window: { lengthSeconds: 28 * 86400, kind: 'rolling' },
        inputs: { good: 999100, total: 1000000, bad: 900, coverage: 1 },
        errorBudget: { remaining: 0.4 },
        timeToExhaustionSeconds: 2 * 86400,
        timeToExhaustionWindow: '1h',
      },
    });
    api.getDeployGate.mockResolvedValue({
      entityRef: 'component:default/orders',
      allowed: false,
      state: 'exhausted',
      reasons: ['slo:default/orders-availability is exhausted: blocks'],
      slos: [],
    });
    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <EntityProvider
          entity={{
            ...ordersEntity,
            relations: [
              { type: 'hasSLO', targetRef: 'slo:default/orders-availability' },
              { type: 'ownedBy', targetRef: 'group:default/checkout-team' },
            ],
          }}
        >
          <EntityReliabilityContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      await screen.findByRole('link', { name: /orders-availability/ }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/40\.0 % of the error budget left/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '900 bad of 1,000,000 events · SLI 99.910 % · 28.0 d rolling window, Occurrences · coverage 100 % · exhausted in 2.0 d at the 1h burn rate',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'Deploy gate: blocked' }),
    ).toBeInTheDocument();
    expect(api.getSloStatus).toHaveBeenCalledWith({
      kind: 'slo',
      namespace: 'default',
      name: 'orders-availability',
    });
  });

  it('shows the annotations to add when there is no metadata at all', async () => {
    const api = mockReliabilityApi();
    api.getEntityReliability.mockResolvedValue(
      reliabilityResponse(emptyProfile),
    );

    await renderContent(api);

    expect(
      await screen.findByText('No reliability metadata yet'),
    ).toBeInTheDocument();
    const yaml = document.querySelector('code')?.textContent ?? '';
    expect(yaml).toContain('metadata:\n  annotations:');
    for (const line of [
      'vigil/tier: tier-1',
      'vigil/runbook: https://wiki.example.com/runbooks/orders',
      'vigil/rto: 1h',
      'vigil/rpo: 15m',
      'vigil/dr-strategy: warm-standby',
      'vigil/dr-tested: "2026-01-15"',
    ]) {
      expect(yaml).toContain(line);
    }
    expect(
      screen.queryByRole('heading', { name: 'Reliability metadata' }),
    ).not.toBeInTheDocument();
  });

  it('shows an error panel when the backend fails', async () => {
    const api = mockReliabilityApi();
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'NotFoundError',
          message: 'No entity component:default/orders',
        },
        request: { method: 'GET', url: '/entities/Component/default/orders' },
        response: { statusCode: 404 },
      }),
      { status: 404, headers: { 'Content-Type': 'application/json' } },
    );
    api.getEntityReliability.mockRejectedValue(
      await ResponseError.fromResponse(response),
    );

    await renderContent(api);

    expect(await screen.findByText('404: NotFoundError')).toBeInTheDocument();
    expect(
      screen.getAllByText(/No entity component:default\/orders/).length,
    ).toBeGreaterThan(0);
    expect(
      screen.queryByRole('heading', { name: 'Reliability metadata' }),
    ).not.toBeInTheDocument();
  });
});
