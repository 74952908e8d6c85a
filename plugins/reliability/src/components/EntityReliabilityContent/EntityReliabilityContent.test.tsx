import { ResponseError } from '@backstage/errors';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { reliabilityApiRef } from '../../api';
import { useCanManageExemptions } from '../Exemptions/useCanManageExemptions';
import {
  badTierError,
  burningSloStatus,
  checkOutcome,
  exemption,
  emptyProfile,
  exemplaryProfile,
  missingRunbookFinding,
  silverReadiness,
  mockReliabilityApi,
  ordersEntity,
  reliabilityResponse,
} from '../../testUtils/fixtures';
import { EntityReliabilityContent } from './EntityReliabilityContent';

jest.mock('../Exemptions/useCanManageExemptions', () => ({
  useCanManageExemptions: jest.fn(),
}));
const canManage = useCanManageExemptions as jest.MockedFunction<
  typeof useCanManageExemptions
>;

beforeEach(() => canManage.mockReturnValue(false));

/** The text of the value next to a label in a description list. */
function valueOf(label: string) {
  const term = screen.getAllByText(label, { selector: 'dt' })[0];
  return term.nextElementSibling?.textContent;
}

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
      await screen.findByRole('heading', { name: 'Ownership and on-call' }),
    ).toBeInTheDocument();
    expect(api.getEntityReliability).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'orders',
    });
    // The first "Tier" field is the one end-to-end tests read.
    expect(valueOf('Tier')).toBe('tier-0');
    expect(screen.getByRole('link', { name: 'Runbook' })).toHaveAttribute(
      'href',
      'https://wiki.example.com/runbooks/orders',
    );
    expect(screen.getByRole('link', { name: 'Dashboard' })).toHaveAttribute(
      'href',
      'https://grafana.example.com/d/orders',
    );
    expect(valueOf('RTO')).toBe('1h');
    expect(valueOf('RPO')).toBe('15m');
    expect(valueOf('On-call')).toBe(
      'PagerDuty: PORDERS (pagerduty.com/service-id)',
    );
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
    // No SLO yet: the tab offers the same OpenSLO document as slo-defined's fix.
    expect(screen.getByText(/No SLO refers to this entity yet/)).toBeVisible();
    // The snippet is highlighted span by span: read its whole text.
    expect(document.body.textContent).toContain(
      'service: component:default/orders',
    );
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
    // Tier; on-call, runbook, dashboard; strategy, RPO, last test, DR runbook.
    expect(screen.getAllByText('Not declared')).toHaveLength(8);
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
    // An invalid tier is still metadata: the DR panel shows, not the empty state.
    expect(
      screen.getByRole('heading', { name: 'Disaster recovery' }),
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
      screen.queryByRole('heading', { name: 'Disaster recovery' }),
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
      screen.queryByRole('heading', { name: 'Readiness' }),
    ).not.toBeInTheDocument();
  });

  it('re-evaluates on request and shows the new score', async () => {
    const api = mockReliabilityApi();
    api.getEntityReliability
      .mockResolvedValueOnce(
        reliabilityResponse(exemplaryProfile, [], silverReadiness),
      )
      .mockResolvedValue(
        reliabilityResponse(exemplaryProfile, [], {
          ...silverReadiness,
          score: 100,
          level: 'gold',
          gap: [],
        }),
      );
    api.refreshReadiness.mockResolvedValue({
      ...silverReadiness,
      score: 100,
      level: 'gold',
      gap: [],
    });

    await renderContent(api);
    expect(
      await screen.findByText(
        'Score 87.5 · level silver · target gold for tier-0',
      ),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Re-evaluate now' }));

    expect(
      await screen.findByText(
        'Score 100 · level gold · target gold for tier-0',
      ),
    ).toBeInTheDocument();
    expect(api.refreshReadiness).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'orders',
    });
    expect(screen.getByRole('status')).toHaveTextContent(
      'Re-evaluated: score 100, level gold',
    );
    expect(screen.queryByLabelText('Readiness gap')).not.toBeInTheDocument();
    // The history is read again too: the evaluation stored a snapshot.
    await waitFor(() =>
      expect(api.getReadinessHistory).toHaveBeenCalledTimes(2),
    );
  });

  it('shows why a re-evaluation failed', async () => {
    const api = mockReliabilityApi();
    api.getEntityReliability.mockResolvedValue(
      reliabilityResponse(exemplaryProfile, [], silverReadiness),
    );
    api.refreshReadiness.mockRejectedValue(new Error('catalog unreachable'));

    await renderContent(api);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Re-evaluate now' }),
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Re-evaluation failed: catalog unreachable',
    );
  });

  it('grants an exemption from a gap item, then shows the check exempt with its expiry', async () => {
    canManage.mockReturnValue(true);
    const runbookFail = checkOutcome({
      id: 'runbook',
      title: 'Runbook',
      level: 'bronze',
      weight: 3,
      state: 'fail',
      message: 'metadata.annotations.vigil/runbook is missing',
      fix: 'metadata:\n  annotations:\n    vigil/runbook: https://wiki.example.com/runbooks/orders',
    });
    const before = {
      ...silverReadiness,
      gap: [runbookFail],
      checks: [runbookFail],
    };
    const runbookExempt = {
      ...runbookFail,
      state: 'exempt' as const,
      message: undefined,
      fix: undefined,
      exemption: {
        reason: 'The runbook moves to the new wiki this sprint',
        grantedBy: 'user:default/ada',
        expiresAt: '2026-12-31T23:59:59.000Z',
        expired: false,
        underlyingState: 'fail' as const,
      },
    };
    const after = { ...silverReadiness, gap: [], checks: [runbookExempt] };
    const api = mockReliabilityApi();
    api.getEntityReliability
      .mockResolvedValueOnce(reliabilityResponse(exemplaryProfile, [], before))
      .mockResolvedValue(reliabilityResponse(exemplaryProfile, [], after));
    api.grantExemption.mockResolvedValue(
      exemption({ expiresAt: '2026-12-31T23:59:59.000Z' }),
    );

    await renderContent(api);
    const gap = await screen.findByLabelText('Readiness gap');
    fireEvent.click(
      within(gap).getByRole('button', { name: 'Grant exemption from Runbook' }),
    );
    fireEvent.change(screen.getByLabelText(/Reason/), {
      target: { value: 'The runbook moves to the new wiki this sprint' },
    });
    fireEvent.change(screen.getByLabelText(/Expires on/), {
      target: { value: '2026-12-31' },
    });
    // The dialog reads the policy's cap from the list once it is open.
    await waitFor(() =>
      expect(screen.getByLabelText(/Expires on/)).toHaveAttribute('max'),
    );
    const listsBeforeGrant = api.listExemptions.mock.calls.length;
    fireEvent.click(screen.getByRole('button', { name: 'Grant exemption' }));

    const checks = await screen.findByRole('list', {
      name: 'All readiness checks',
    });
    await waitFor(() =>
      expect(checks).toHaveTextContent(
        'Exempt until 2026-12-31 23:59 UTC, granted by user:default/ada: The runbook moves to the new wiki this sprint',
      ),
    );
    expect(api.grantExemption).toHaveBeenCalledWith({
      entityRef: 'component:default/orders',
      checkId: 'runbook',
      reason: 'The runbook moves to the new wiki this sprint',
      expiresAt: '2026-12-31T23:59:59.000Z',
    });
    expect(screen.queryByLabelText('Readiness gap')).not.toBeInTheDocument();
    expect(within(checks).getByText('exempt')).toBeInTheDocument();
    // The exemptions card reads the list again.
    await waitFor(() =>
      expect(api.listExemptions).toHaveBeenCalledTimes(listsBeforeGrant + 1),
    );
  });

  it('offers no grant button to users without the permission', async () => {
    canManage.mockReturnValue(false);
    const runbookFail = checkOutcome({
      id: 'runbook',
      title: 'Runbook',
      state: 'fail',
    });
    const api = mockReliabilityApi();
    api.getEntityReliability.mockResolvedValue(
      reliabilityResponse(exemplaryProfile, [], {
        ...silverReadiness,
        gap: [runbookFail],
        checks: [runbookFail],
      }),
    );

    await renderContent(api);

    expect(await screen.findByLabelText('Readiness gap')).toHaveTextContent(
      'Runbook',
    );
    expect(
      screen.queryByRole('button', { name: /Grant exemption/ }),
    ).not.toBeInTheDocument();
  });

  it('explains the score from the checks behind it', async () => {
    const api = mockReliabilityApi();
    api.getEntityReliability.mockResolvedValue(
      reliabilityResponse(exemplaryProfile, [], {
        ...silverReadiness,
        score: 60,
        checks: [
          checkOutcome({
            id: 'runbook',
            title: 'Runbook',
            weight: 3,
            state: 'pass',
          }),
          checkOutcome({
            id: 'dashboard',
            title: 'Dashboard',
            weight: 2,
            state: 'fail',
          }),
          checkOutcome({
            id: 'techdocs',
            title: 'TechDocs',
            weight: 1,
            state: 'pass',
            counts: false,
          }),
          checkOutcome({
            id: 'error-budget-healthy',
            title: 'Error budget',
            weight: 2,
            state: 'no-data',
          }),
        ],
      }),
    );

    await renderContent(api);
    fireEvent.click(
      await screen.findByRole('button', { name: 'How the score is computed' }),
    );

    const region = screen.getByRole('region', {
      name: 'How the score is computed',
    });
    expect(region).toHaveTextContent(
      'Score = weight of the checks that pass ÷ weight of the checks that count = 3 ÷ 5 = 60.',
    );
    const rows = within(
      screen.getByRole('table', { name: 'Checks behind the score' }),
    )
      .getAllByRole('row')
      .map(r => r.textContent);
    expect(rows.slice(1)).toEqual([
      'Runbooksilver3passpasses',
      'Dashboardsilver2failfails',
      'TechDocssilver1passnot counted',
      'Error budgetsilver2no-dataleft out (nothing known)',
    ]);
  });

  it('gives an SLO entity its own view of the SLO card', async () => {
    const api = mockReliabilityApi();
    api.getSloStatus.mockResolvedValue(burningSloStatus);

    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <EntityProvider
          entity={{
            apiVersion: 'openslo/v1',
            kind: 'SLO',
            metadata: {
              name: 'orders-availability',
              namespace: 'default',
              title: 'Orders API availability',
            },
            spec: {},
          }}
        >
          <EntityReliabilityContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(
      await screen.findByRole('heading', { name: /Orders API availability/ }),
    ).toHaveTextContent('40.0 % of the error budget left');
    expect(api.getSloStatus).toHaveBeenCalledWith({
      kind: 'SLO',
      namespace: 'default',
      name: 'orders-availability',
    });
    expect(api.getEntityReliability).not.toHaveBeenCalled();
    expect(screen.getByRole('link', { name: /orders/ })).toHaveAttribute(
      'href',
      '/catalog/default/component/orders',
    );
    expect(
      screen.getByRole('table', { name: 'Burn rates of orders-availability' }),
    ).toBeInTheDocument();
  });
});
