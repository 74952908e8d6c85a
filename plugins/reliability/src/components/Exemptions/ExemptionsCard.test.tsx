import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { reliabilityApiRef } from '../../api';
import { useCanManageExemptions } from './useCanManageExemptions';
import {
  checkOutcome,
  exemption,
  mockReliabilityApi,
} from '../../testUtils/fixtures';
import { ExemptionsCard } from './ExemptionsCard';

jest.mock('./useCanManageExemptions', () => ({
  useCanManageExemptions: jest.fn(),
}));
const canManage = useCanManageExemptions as jest.MockedFunction<
  typeof useCanManageExemptions
>;

const checks = [
  checkOutcome({ id: 'runbook', title: 'Runbook', state: 'exempt' }),
  checkOutcome({ id: 'dashboard', title: 'Dashboard', state: 'fail' }),
];

async function renderCard(
  api: ReturnType<typeof mockReliabilityApi>,
  allowed: boolean,
  onChanged = jest.fn(),
) {
  canManage.mockReturnValue(allowed);
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api]]}>
      <ExemptionsCard
        entityRef="component:default/orders"
        checks={checks}
        onChanged={onChanged}
      />
    </TestApiProvider>,
  );
  return onChanged;
}

describe('ExemptionsCard', () => {
  it('lists the exemptions in force with their expiry, and the expired apart', async () => {
    const api = mockReliabilityApi();
    api.listExemptions.mockResolvedValue({
      items: [
        exemption(),
        exemption({
          id: 'ex-old',
          checkId: 'dashboard',
          expiresAt: '2020-01-01T00:00:00.000Z',
        }),
      ],
      maxDays: 90,
    });

    await renderCard(api, false);

    const inForce = await screen.findByRole('list', {
      name: 'Exemptions in force',
    });
    expect(within(inForce).getAllByRole('listitem')).toHaveLength(1);
    expect(inForce).toHaveTextContent('Runbook — expires 2099-12-31 23:59 UTC');
    expect(inForce).toHaveTextContent(
      'The runbook moves to the new wiki this sprint',
    );
    expect(inForce).toHaveTextContent(
      'Granted by user:default/ada on 2026-11-01 09:00 UTC',
    );
    const expired = screen.getByRole('list', { name: 'Expired exemptions' });
    expect(expired).toHaveTextContent(
      'Dashboard — expires 2020-01-01 00:00 UTC',
    );
    expect(api.listExemptions).toHaveBeenCalledWith('component:default/orders');
    // Without the permission there is nothing to revoke with.
    expect(screen.queryByRole('button', { name: /^Revoke/ })).toBeNull();
  });

  it('revokes an exemption after confirmation', async () => {
    const api = mockReliabilityApi();
    api.listExemptions.mockResolvedValue({ items: [exemption()], maxDays: 90 });
    api.revokeExemption.mockResolvedValue(undefined);
    const onChanged = await renderCard(api, true);

    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Revoke exemption from Runbook',
      }),
    );
    expect(
      screen.getByRole('dialog', {
        name: 'Revoke the exemption from “Runbook”?',
      }),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Revoke exemption' }));

    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.revokeExemption).toHaveBeenCalledWith('ex-1');
  });

  it('shows the audit trail of an exemption when asked', async () => {
    const api = mockReliabilityApi();
    api.listExemptions.mockResolvedValue({ items: [exemption()], maxDays: 90 });
    api.getExemptionAudit.mockResolvedValue({
      items: [
        {
          exemptionId: 'ex-1',
          action: 'grant',
          actor: 'user:default/ada',
          at: '2026-11-01T09:00:00.000Z',
          details: {},
        },
      ],
    });
    await renderCard(api, false);

    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Audit trail of the exemption from Runbook',
      }),
    );

    expect(
      await screen.findByText(
        '2026-11-01 09:00 UTC: grant by user:default/ada',
      ),
    ).toBeInTheDocument();
    expect(api.getExemptionAudit).toHaveBeenCalledWith('ex-1');
  });

  it('says when no exemption is in force', async () => {
    const api = mockReliabilityApi();
    api.listExemptions.mockResolvedValue({ items: [], maxDays: 90 });

    await renderCard(api, true);

    expect(
      await screen.findByText(/No exemption is in force/),
    ).toBeInTheDocument();
  });
});
