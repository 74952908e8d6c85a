import { OverviewAggregate } from '@vigil/plugin-reliability-common';
import {
  ancestorsOf,
  firstRows,
  openAtFirst,
  openRows,
  ownerTreeOrder,
} from './ownerTree';

const group = (key: string | null, parent?: string): OverviewAggregate => ({
  key,
  parent,
  entities: 1,
  directEntities: 1,
  averageScore: 50,
  atTarget: 0,
  gapItems: 0,
  coverage: { slo: 0, runbook: 0, onCall: 0, drTested: 0 },
  budgetsExhausted: 0,
  budgetsBurning: 0,
});

const order = (items: OverviewAggregate[]) =>
  ownerTreeOrder(items).map(({ group: g, depth }) => `${depth}:${g.key}`);

describe('ownerTreeOrder', () => {
  it('puts each group after its parent, one level deeper', () => {
    expect(
      order([
        group('group:default/payments', 'group:default/engineering'),
        group('group:default/sre'),
        group('group:default/engineering'),
        group('group:default/card-team', 'group:default/payments'),
        group(null),
      ]),
    ).toEqual([
      '0:group:default/sre',
      '0:group:default/engineering',
      '1:group:default/payments',
      '2:group:default/card-team',
      '0:null',
    ]);
  });

  it('treats a group whose parent is not listed as a root', () => {
    expect(order([group('group:default/a', 'group:default/hidden')])).toEqual([
      '0:group:default/a',
    ]);
  });

  it('lists every group of a parent cycle once', () => {
    expect(
      order([
        group('group:default/a', 'group:default/b'),
        group('group:default/b', 'group:default/a'),
      ]),
    ).toEqual(['0:group:default/a', '1:group:default/b']);
  });
});

describe('openRows', () => {
  const tree = ownerTreeOrder([
    group('group:default/engineering'),
    group('group:default/payments', 'group:default/engineering'),
    group('group:default/card-team', 'group:default/payments'),
    group('group:default/search', 'group:default/engineering'),
    group('group:default/sre'),
    group(null),
  ]);
  const shown = (open: string[]) =>
    openRows(tree, key => open.includes(key)).map(r => r.group.key);

  it('counts the sub-groups of each group and says which it is under', () => {
    expect(tree.map(r => [r.group.key, r.subGroups, r.under ?? null])).toEqual([
      ['group:default/engineering', 2, null],
      ['group:default/payments', 1, 'group:default/engineering'],
      ['group:default/card-team', 0, 'group:default/payments'],
      ['group:default/search', 0, 'group:default/engineering'],
      ['group:default/sre', 0, null],
      [null, 0, null],
    ]);
  });

  it('hides everything below a closed group', () => {
    expect(shown([])).toEqual([
      'group:default/engineering',
      'group:default/sre',
      null,
    ]);
    expect(shown(['group:default/engineering'])).toEqual([
      'group:default/engineering',
      'group:default/payments',
      'group:default/search',
      'group:default/sre',
      null,
    ]);
    // An open group under a closed one stays hidden.
    expect(shown(['group:default/payments'])).toEqual(shown([]));
    expect(
      shown(['group:default/engineering', 'group:default/payments']),
    ).toHaveLength(6);
  });

  it('finds the groups above the given ones', () => {
    expect([...ancestorsOf(tree, ['group:default/card-team'])]).toEqual([
      'group:default/payments',
      'group:default/engineering',
    ]);
    expect([...ancestorsOf(tree, ['group:default/sre', 'x'])]).toEqual([]);
  });
});

describe('openAtFirst', () => {
  const tree = ownerTreeOrder([
    group('group:default/org'),
    group('group:default/engineering', 'group:default/org'),
    group('group:default/sales', 'group:default/org'),
    group('group:default/payments', 'group:default/engineering'),
    group('group:default/search', 'group:default/engineering'),
    group('group:default/card-team', 'group:default/payments'),
  ]);

  it('opens level by level while the rows stay within the limit', () => {
    expect([...openAtFirst(tree, [], 6)]).toEqual([
      'group:default/org',
      'group:default/engineering',
      'group:default/payments',
    ]);
    // org's two sub-groups fit in four rows; engineering's two more do not.
    expect([...openAtFirst(tree, [], 4)]).toEqual(['group:default/org']);
    expect([...openAtFirst(tree, [], 2)]).toEqual([]);
  });

  it('opens the way to a selected group, whatever its case', () => {
    expect([...openAtFirst(tree, ['group:default/CARD-TEAM'], 2)]).toEqual([
      'group:default/payments',
      'group:default/engineering',
      'group:default/org',
    ]);
  });

  it('counts a sub-group of a parent cycle once', () => {
    const cycle = ownerTreeOrder([
      group('group:default/a', 'group:default/b'),
      group('group:default/b', 'group:default/a'),
    ]);
    expect(cycle.map(r => r.subGroups)).toEqual([1, 0]);
  });
});

describe('firstRows', () => {
  const tree = ownerTreeOrder([
    group('group:default/a'),
    group('group:default/a1', 'group:default/a'),
    group('group:default/b'),
    group('group:default/b1', 'group:default/b'),
    group('group:default/c'),
  ]);
  const keys = (rows: ReturnType<typeof ownerTreeOrder>) =>
    rows.map(r => r.group.key);

  it('keeps the first top groups with the sub-groups shown under them', () => {
    expect(keys(firstRows(tree, 2, () => false))).toEqual([
      'group:default/a',
      'group:default/a1',
      'group:default/b',
      'group:default/b1',
    ]);
    expect(keys(firstRows(tree, 3, () => false))).toHaveLength(5);
  });

  it('moves the cut down to the last selected group', () => {
    const selectC = (r: { group: { key: string | null } }) =>
      r.group.key === 'group:default/c';
    expect(keys(firstRows(tree, 1, selectC))).toHaveLength(5);
  });
});
