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

    const showAll = screen.getByRole('button', { name: 'Show all 25 rows' });
    expect(showAll).toHaveAttribute('aria-controls', table.id);
    expect(table.id).not.toBe('');
    fireEvent.click(showAll);
    expect(rowNames(table)).toHaveLength(25);
    expect(rowNames(table).at(-1)).toBe('system-25');

    fireEvent.click(screen.getByRole('button', { name: 'Show fewer' }));
    expect(rowNames(table)).toHaveLength(FIRST_GROUPS);
    expect(screen.getByRole('status')).toHaveTextContent(
      `${FIRST_GROUPS} of 25 rows shown.`,
    );
  });

  it('keeps a selected group in view past the first rows', async () => {
    const table = await renderTable(systems, ['system:default/system-23']);
    expect(rowNames(table)).toHaveLength(23);
    expect(rowNames(table).at(-1)).toBe('system-23');
    expect(
      within(table).getByRole('button', {
        name: 'Filter by system system-23',
      }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('matches a selected system exactly, as the server does', async () => {
    const table = await renderTable(systems, ['system:default/SYSTEM-3']);
    expect(
      within(table).getByRole('button', { name: 'Filter by system system-3' }),
    ).toHaveAttribute('aria-pressed', 'false');
  });

  it('opens a single top group of a large tree', async () => {
    // One organisation over three departments of eight teams: 28 groups.
    const table = await renderTable({
      groupBy: 'owner',
      items: [
        overviewAggregate({ key: 'group:default/org' }),
        ...[1, 2, 3].flatMap(d => [
          overviewAggregate({
            key: `group:default/department-${d}`,
            parent: 'group:default/org',
          }),
          ...[1, 2, 3, 4, 5, 6, 7, 8].map(t =>
            overviewAggregate({
              key: `group:default/team-${d}${t}`,
              parent: `group:default/department-${d}`,
            }),
          ),
        ]),
      ],
    });
    expect(rowNames(table)).toEqual([
      'org',
      'department-1',
      'department-2',
      'department-3',
    ]);
  });

  it('shows the sub-groups of a group opened last among the first top groups', async () => {
    // 25 top groups of two teams each: the first 20 top groups show.
    const table = await renderTable({
      groupBy: 'owner',
      items: Array.from({ length: 25 }, (_, d) => [
        overviewAggregate({ key: `group:default/d${d + 1}` }),
        overviewAggregate({
          key: `group:default/t${d + 1}a`,
          parent: `group:default/d${d + 1}`,
        }),
        overviewAggregate({
          key: `group:default/t${d + 1}b`,
          parent: `group:default/d${d + 1}`,
        }),
      ]).flat(),
    });
    expect(rowNames(table)).toHaveLength(20);
    fireEvent.click(
      within(table).getByRole('button', { name: 'Sub-groups of d20 (2)' }),
    );
    expect(rowNames(table).slice(-3)).toEqual(['d20', 't20a', 't20b']);
  });

  it('lets the user close the way to a selected group, until the selection changes', async () => {
    const { rerender } = await renderInTestApp(
      <GroupAggregatesTable
        response={organisation}
        selected={['group:default/team-43']}
        onSelect={() => {}}
      />,
    );
    const table = () => screen.getByRole('table', { name: /Reliability by/ });
    fireEvent.click(
      within(table()).getByRole('button', {
        name: 'Sub-groups of department-4 (6)',
      }),
    );
    expect(rowNames(table())).not.toContain('team-43');

    rerender(
      <GroupAggregatesTable
        response={organisation}
        selected={['group:default/TEAM-43', 'group:default/team-11']}
        onSelect={() => {}}
      />,
    );
    // Opened again, the selection compared regardless of case, as the
    // server's filter compares it; so is the pressed state.
    expect(rowNames(table())).toContain('team-43');
    expect(rowNames(table())).toContain('team-11');
    expect(
      within(table()).getByRole('button', { name: 'Filter by owner team-43' }),
    ).toHaveAttribute('aria-pressed', 'true');
  });
});
