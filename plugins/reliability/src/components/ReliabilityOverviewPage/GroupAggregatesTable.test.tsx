import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { OverviewAggregatesResponse } from '@vigil/plugin-reliability-common';
import { overviewAggregate } from '../../testUtils/overviewFixtures';
import { FIRST_GROUPS, GroupAggregatesTable } from './GroupAggregatesTable';

/** Five departments of six teams each: 35 groups. */
const organisation: OverviewAggregatesResponse = {
  groupBy: 'owner',
  items: [1, 2, 3, 4, 5].flatMap(d => [
    overviewAggregate({ key: `group:default/department-${d}` }),
    ...[1, 2, 3, 4, 5, 6].map(t =>
      overviewAggregate({
        key: `group:default/team-${d}${t}`,
        parent: `group:default/department-${d}`,
      }),
    ),
  ]),
};

const systems: OverviewAggregatesResponse = {
  groupBy: 'system',
  items: Array.from({ length: 25 }, (_, i) =>
    overviewAggregate({ key: `system:default/system-${i + 1}` }),
  ),
};

async function renderTable(
  response: OverviewAggregatesResponse,
  selected: string[] = [],
) {
  await renderInTestApp(
    <GroupAggregatesTable
      response={response}
      selected={selected}
      onSelect={() => {}}
    />,
  );
  return screen.getByRole('table', { name: /Reliability by/ });
}

const rowNames = (table: HTMLElement) =>
  within(table)
    .getAllByRole('rowheader')
    .map(th => within(th).getByRole('button', { name: /^Filter/ }).textContent);

describe('GroupAggregatesTable', () => {
  it('opens a large owner tree at its top groups, and a group on demand', async () => {
    const table = await renderTable(organisation);
    expect(rowNames(table)).toEqual([
      'department-1',
      'department-2',
      'department-3',
      'department-4',
      'department-5',
    ]);

    const toggle = within(table).getByRole('button', {
      name: 'Sub-groups of department-2 (6)',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(rowNames(table)).toEqual([
      'department-1',
      'department-2',
      'team-21',
      'team-22',
      'team-23',
      'team-24',
      'team-25',
      'team-26',
      'department-3',
      'department-4',
      'department-5',
    ]);

    fireEvent.click(toggle);
    expect(rowNames(table)).toHaveLength(5);
  });

  it('opens the way down to a selected group', async () => {
    const table = await renderTable(organisation, ['group:default/team-43']);
    expect(rowNames(table)).toContain('team-43');
    expect(rowNames(table)).toHaveLength(11);
    expect(
      within(table).getByRole('button', { name: 'Filter by owner team-43' }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows a small owner tree whole, with its groups open', async () => {
    const table = await renderTable({
      groupBy: 'owner',
      items: organisation.items.slice(0, 14),
    });
    expect(rowNames(table)).toHaveLength(14);
    expect(
      within(table).getByRole('button', {
        name: 'Sub-groups of department-1 (6)',
      }),
    ).toHaveAttribute('aria-expanded', 'true');
  });

  it(`shows the first ${FIRST_GROUPS} groups of a long list, and all on demand`, async () => {
    const table = await renderTable(systems);
    expect(rowNames(table)).toHaveLength(FIRST_GROUPS);
    expect(
      within(table).queryByRole('button', { name: /^Sub-groups/ }),
    ).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Show all 25 rows' }));
    expect(rowNames(table)).toHaveLength(25);
    expect(rowNames(table).at(-1)).toBe('system-25');

    fireEvent.click(
      screen.getByRole('button', { name: `Show the first ${FIRST_GROUPS}` }),
    );
    expect(rowNames(table)).toHaveLength(FIRST_GROUPS);
  });
});
