import { ResponseError } from '@backstage/errors';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { reliabilityApiRef } from '../../api';
import { useCanManageExemptions } from './useCanManageExemptions';
import { exemption, mockReliabilityApi } from '../../testUtils/fixtures';
import { GrantExemptionButton } from './GrantExemptionButton';
import { lastDayWithin } from './expiry';

jest.mock('./useCanManageExemptions', () => ({
  useCanManageExemptions: jest.fn(),
}));
const canManage = useCanManageExemptions as jest.MockedFunction<
  typeof useCanManageExemptions
>;

const check = { id: 'runbook', title: 'Runbook' };

async function renderButton(
  api: ReturnType<typeof mockReliabilityApi>,
  allowed: boolean,
  onGranted = jest.fn(),
) {
  canManage.mockReturnValue(allowed);
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api]]}>
      <GrantExemptionButton
        entityRef="component:default/orders"
        check={check}
        onGranted={onGranted}
      />
      <span>rendered</span>
    </TestApiProvider>,
  );
  return onGranted;
}

async function badRequest(message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'InputError', message },
        request: { method: 'POST', url: '/exemptions' },
        response: { statusCode: 400 },
      }),
      { status: 400, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

function fillIn(reason: string, day: string) {
  fireEvent.change(screen.getByLabelText(/Reason/), {
    target: { value: reason },
  });
  fireEvent.change(screen.getByLabelText(/Expires on/), {
    target: { value: day },
  });
}

describe('GrantExemptionButton', () => {
  it('is not there for users without the permission', async () => {
    await renderButton(mockReliabilityApi(), false);

    expect(await screen.findByText('rendered')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Grant exemption from Runbook' }),
    ).not.toBeInTheDocument();
  });

  it('posts the entity, the check, the reason and the end of the chosen day', async () => {
    const api = mockReliabilityApi();
    const granted = exemption({ expiresAt: '2026-12-31T23:59:59.000Z' });
    api.grantExemption.mockResolvedValue(granted);
    const onGranted = await renderButton(api, true);

    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Grant exemption from Runbook',
      }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Grant an exemption from “Runbook”',
    });
    const submit = screen.getByRole('button', { name: 'Grant exemption' });
    expect(submit).toBeDisabled();
    fillIn('  The runbook moves to the new wiki this sprint ', '2026-12-31');
    expect(submit).toBeEnabled();
    fireEvent.click(submit);

    await waitFor(() => expect(onGranted).toHaveBeenCalledWith(granted));
    expect(api.grantExemption).toHaveBeenCalledWith({
      entityRef: 'component:default/orders',
      checkId: 'runbook',
      reason: 'The runbook moves to the new wiki this sprint',
      expiresAt: '2026-12-31T23:59:59.000Z',
    });
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
  });

  it("offers no expiry beyond the policy's cap", async () => {
    const api = mockReliabilityApi();
    api.listExemptions.mockResolvedValue({ items: [], maxDays: 30 });
    await renderButton(api, true);

    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Grant exemption from Runbook',
      }),
    );

    const lastDay = lastDayWithin(30);
    await waitFor(() =>
      expect(screen.getByLabelText(/Expires on/)).toHaveAttribute(
        'max',
        lastDay,
      ),
    );
    expect(
      screen.getByText(
        `The exemption ends at 23:59 UTC on this day; the policy allows at most 30 days ahead, until ${lastDay} (reliability.policy.exemptions.maxDays).`,
      ),
    ).toBeInTheDocument();
    expect(api.listExemptions).toHaveBeenCalledWith('component:default/orders');
  });

  it("shows the backend's reason for a refusal and stays open", async () => {
    const api = mockReliabilityApi();
    api.grantExemption.mockRejectedValue(
      await badRequest(
        'Invalid exemption: expiresAt 2027-12-31T23:59:59.000Z is more than 90 days ahead (reliability.policy.exemptions.maxDays)',
      ),
    );
    const onGranted = await renderButton(api, true);

    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Grant exemption from Runbook',
      }),
    );
    fillIn('The runbook moves to the new wiki this sprint', '2027-12-31');
    fireEvent.click(screen.getByRole('button', { name: 'Grant exemption' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The exemption was not granted: Invalid exemption: expiresAt 2027-12-31T23:59:59.000Z is more than 90 days ahead (reliability.policy.exemptions.maxDays) (400)',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(onGranted).not.toHaveBeenCalled();
  });
});
