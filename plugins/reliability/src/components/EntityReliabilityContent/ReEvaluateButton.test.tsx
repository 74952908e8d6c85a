import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen } from '@testing-library/react';
import { reliabilityApiRef } from '../../api';
import { mockReliabilityApi, silverReadiness } from '../../testUtils/fixtures';
import { ReEvaluateButton } from './ReEvaluateButton';

const entityRef = { kind: 'Component', namespace: 'default', name: 'orders' };

describe('ReEvaluateButton', () => {
  it('announces the new score while the tab shows it, and drops it once the score moved on', async () => {
    const api = mockReliabilityApi();
    api.refreshReadiness.mockResolvedValue({ ...silverReadiness, score: 90 });
    const view = (shown: { score: number; level?: string }) => (
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <ReEvaluateButton
          entityRef={entityRef}
          shown={shown}
          onEvaluated={() => {}}
        />
      </TestApiProvider>
    );
    const { rerender } = await renderInTestApp(
      view({ score: 90, level: silverReadiness.level }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Re-evaluate now' }));
    expect(
      await screen.findByText(/^Re-evaluated: score 90, level/),
    ).toBeInTheDocument();
    // An exemption granted since then raised the score: the line is stale.
    rerender(view({ score: 95, level: silverReadiness.level }));
    expect(screen.getByRole('status')).toHaveTextContent('');
  });
});
