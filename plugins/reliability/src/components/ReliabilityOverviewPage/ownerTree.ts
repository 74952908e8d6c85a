import { OverviewAggregate } from '@vigil/plugin-reliability-common';

/** A group in tree order. */
export interface TreeRow {
  group: OverviewAggregate;
  depth: number;
  /** The key of the group it is listed under; none for a root. */
  under?: string;
  /** How many groups are listed directly under it. */
  subGroups: number;
}

/**
 * Owner groups in tree order: each group followed by its sub-groups
 * (through `parent`), with its depth. Groups whose parent is not in the
 * list are roots; siblings keep the server's order. A cycle in the parents
 * cannot hide a group: anything not reached from a root is listed at
 * depth 0 at the end.
 */
export function ownerTreeOrder(items: OverviewAggregate[]): TreeRow[] {
  const keys = new Set(items.map(i => i.key));
  const children = new Map<string, OverviewAggregate[]>();
  const roots: OverviewAggregate[] = [];
  for (const item of items) {
    if (item.parent && item.parent !== item.key && keys.has(item.parent)) {
      const siblings = children.get(item.parent) ?? [];
      siblings.push(item);
      children.set(item.parent, siblings);
    } else {
      roots.push(item);
    }
  }
  const ordered: TreeRow[] = [];
  const seen = new Set<OverviewAggregate>();
  const visit = (group: OverviewAggregate, depth: number, under?: string) => {
    if (seen.has(group)) {
      return;
    }
    seen.add(group);
    const row: TreeRow = { group, depth, subGroups: 0 };
    if (under !== undefined) row.under = under;
    ordered.push(row);
    for (const child of (group.key && children.get(group.key)) || []) {
      if (!seen.has(child)) row.subGroups += 1;
      visit(child, depth + 1, group.key!);
    }
  };
  roots.forEach(root => visit(root, 0));
  items.filter(i => !seen.has(i)).forEach(item => visit(item, 0));
  return ordered;
}

/**
 * The rows of a tree whose every ancestor is open: a closed group hides
 * all the groups below it.
 */
export function openRows(
  rows: TreeRow[],
  isOpen: (key: string) => boolean,
): TreeRow[] {
  const shown: TreeRow[] = [];
  let hiddenBelow = Infinity;
  for (const row of rows) {
    if (row.depth > hiddenBelow) continue;
    hiddenBelow = Infinity;
    shown.push(row);
    const key = row.group.key;
    if (row.subGroups > 0 && key !== null && !isOpen(key)) {
      hiddenBelow = row.depth;
    }
  }
  return shown;
}

/**
 * An owner group's key as the server's owner filter compares it:
 * regardless of case, so `group:default/Team-A` in the URL selects
 * `team-a`. (Its system, domain, tier and level filters match exactly.)
 */
export const comparableKey = (key: string) => key.toLocaleLowerCase('en-US');

/**
 * The keys of the groups above the given ones, up to the roots. Keys are
 * entity refs, compared regardless of case as the catalog compares them.
 */
export function ancestorsOf(rows: TreeRow[], keys: string[]): Set<string> {
  const under = new Map<string, string | undefined>();
  for (const row of rows) {
    if (row.group.key !== null) {
      under.set(comparableKey(row.group.key), row.under);
    }
  }
  const ancestors = new Set<string>();
  for (const key of keys) {
    let parent = under.get(comparableKey(key));
    while (parent !== undefined && !ancestors.has(parent)) {
      ancestors.add(parent);
      parent = under.get(comparableKey(parent));
    }
  }
  return ancestors;
}

/**
 * The groups open at first: the tree opens level by level from the top,
 * each level whole, while the rows shown stay within `limit` (a small
 * tree opens entirely, one with a single top group at least one level);
 * and every group on the way to a selected one is open.
 */
export function openAtFirst(
  rows: TreeRow[],
  selected: string[],
  limit: number,
): Set<string> {
  const open = new Set<string>();
  let shown = rows.filter(row => row.depth === 0).length;
  for (let depth = 0; ; depth++) {
    const level = rows.filter(
      row => row.depth === depth && row.subGroups > 0 && row.group.key !== null,
    );
    const added = level.reduce((sum, row) => sum + row.subGroups, 0);
    if (level.length === 0 || shown + added > limit) break;
    for (const row of level) open.add(row.group.key!);
    shown += added;
  }
  for (const key of ancestorsOf(rows, selected)) open.add(key);
  return open;
}

/**
 * The first `limit` top groups of the rows shown, each with the
 * sub-groups shown under it (of a flat list, its first `limit` rows); the
 * cut moves down to keep the last selected group in view.
 */
export function firstRows(
  rows: TreeRow[],
  limit: number,
  isSelected: (row: TreeRow) => boolean,
): TreeRow[] {
  let tops = 0;
  let end = rows.length;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].depth === 0 && ++tops > limit) {
      end = i;
      break;
    }
  }
  let lastSelected = -1;
  rows.forEach((row, i) => {
    if (isSelected(row)) lastSelected = i;
  });
  while (end <= lastSelected) {
    end += 1;
    while (end < rows.length && rows[end].depth > 0) end += 1;
  }
  return rows.slice(0, end);
}
