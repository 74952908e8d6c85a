import { renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import {
  checkOutcome,
  emptyProfile,
  exemplaryProfile,
  reliabilityResponse,
  silverReadiness,
} from '../../testUtils/fixtures';
import { OwnershipCard } from './OwnershipCard';

function valueOf(label: string) {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent;
}

const routes = {
  mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
};

describe('OwnershipCard', () => {
  it('links the owner and lists the on-call routing, runbook and dashboard', async () => {
    const response = reliabilityResponse({
      ...exemplaryProfile,
      onCall: [
        ...exemplaryProfile.onCall,
        {
          provider: 'opsgenie',
          annotation: 'opsgenie.com/team',
          value: 'checkout',
        },
      ],
    });

    await renderInTestApp(<OwnershipCard response={response} />, routes);

    expect(screen.getByRole('link', { name: /checkout-team/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/checkout-team',
    );
    expect(valueOf('On-call')).toBe(
      'PagerDuty: PORDERS (pagerduty.com/service-id)Opsgenie: checkout (opsgenie.com/team)',
    );
    expect(screen.getByRole('link', { name: 'Runbook' })).toHaveAttribute(
      'href',
      'https://wiki.example.com/runbooks/orders',
    );
    expect(screen.getByRole('link', { name: 'Dashboard' })).toHaveAttribute(
      'href',
      'https://grafana.example.com/d/orders',
    );
  });

  it('says what is not declared, and when the owner is not a group', async () => {
    const response = reliabilityResponse(emptyProfile, [], {
      ...silverReadiness,
      checks: [
        checkOutcome({
          id: 'owner-resolves',
          state: 'fail',
          message:
            'spec.owner group:default/checkout-team is not in the catalog',
        }),
      ],
    });

    await renderInTestApp(<OwnershipCard response={response} />, routes);

    expect(valueOf('On-call')).toBe('Not declared');
    expect(valueOf('Runbook')).toBe('Not declared');
    expect(valueOf('Dashboard')).toBe('Not declared');
    expect(
      screen.getByText(
        'spec.owner group:default/checkout-team is not in the catalog',
      ),
    ).toBeInTheDocument();
  });
});
