import { OverviewAggregate } from '@vigil/plugin-reliability-common';

/**
 * Owner groups in tree order: each group followed by its sub-groups
 * (through `parent`), with its depth. Groups whose parent is not in the
 * list are roots; siblings keep the server's order. A cycle in the parents
 * cannot hide a group: anything not reached from a root is listed at
 * depth 0 at the end.
 */
export function ownerTreeOrder(
  items: OverviewAggregate[],
): Array<{ group: OverviewAggregate; depth: number }> {
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
  const ordered: Array<{ group: OverviewAggregate; depth: number }> = [];
  const seen = new Set<OverviewAggregate>();
  const visit = (group: OverviewAggregate, depth: number) => {
    if (seen.has(group)) {
      return;
    }
    seen.add(group);
    ordered.push({ group, depth });
    for (const child of (group.key && children.get(group.key)) || []) {
      visit(child, depth + 1);
    }
  };
  roots.forEach(root => visit(root, 0));
  items.filter(i => !seen.has(i)).forEach(item => visit(item, 0));
  return ordered;
}
