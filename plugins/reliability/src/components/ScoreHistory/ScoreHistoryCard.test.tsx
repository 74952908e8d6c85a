import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { reliabilityApiRef } from '../../api';
import { mockReliabilityApi } from '../../testUtils/fixtures';
import { ScoreHistoryCard } from './ScoreHistoryCard';

const ref = { kind: 'Component', namespace: 'default', name: 'orders' };

async function renderCard(api: ReturnType<typeof mockReliabilityApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api]]}>
      <ScoreHistoryCard entityRef={ref} />
    </TestApiProvider>,
  );
}

describe('ScoreHistoryCard', () => {
  it('summarises the history in words and offers every snapshot as a table', async () => {
    const api = mockReliabilityApi();
    api.getReadinessHistory.mockResolvedValue({
      items: [
        {
          at: '2026-10-28T10:00:00.000Z',
          score: 62,
          level: 'bronze',
          gapCount: 3,
        },
        {
          at: '2026-11-27T10:00:00.000Z',
          score: 81,
          level: 'silver',
          gapCount: 1,
        },
      ],
    });

    await renderCard(api);

    const caption = await screen.findByText(/^Score 62 → 81/);
    expect(caption.tagName).toBe('FIGCAPTION');
    expect(caption).toHaveTextContent(
      'Score 62 → 81 over 30 days (2026-10-28 to 2026-11-27, 2 snapshots)',
    );
    expect(api.getReadinessHistory).toHaveBeenCalledWith(ref, { days: 90 });

    const toggle = screen.getByRole('button', {
      name: 'Show the data as a table',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const table = screen.getByRole('table', { name: 'Score history data' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map(r => r.textContent)).toEqual([
      'EvaluatedScoreLevelMissing items',
      '2026-10-28 10:00 UTC62bronze3',
      '2026-11-27 10:00 UTC81silver1',
    ]);
  });

  it('says how to get a first snapshot when there is no history', async () => {
    const api = mockReliabilityApi();
    api.getReadinessHistory.mockResolvedValue({ items: [] });

    await renderCard(api);

    expect(await screen.findByText('No score history yet')).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });

  it('shows the error when the history cannot be read', async () => {
    const api = mockReliabilityApi();
    api.getReadinessHistory.mockRejectedValue(new Error('history store down'));

    await renderCard(api);

    expect(
      (await screen.findAllByText(/history store down/)).length,
    ).toBeGreaterThan(0);
  });
});
